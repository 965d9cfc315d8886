"""Derived facts: what the real reports type by hand (deviation summaries, counts, histories)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .corpus import Corpus, Document, NamndContent
from .model import (
    Atgard,
    Bedomningsniva,
    Galler,
    Iakttagelse,
    Indikator,
    Kommun,
    Kontroll,
    Kontrollresultat,
    Plan,
    Risk,
    Riskuppfoljning,
    Uppfoljning,
)


@dataclass(frozen=True)
class ControlInPlan:
    """A control with the risk it tests, as one year's plan states it."""

    kontroll: Kontroll
    risk: Risk


def controls_of(plan: Plan) -> dict[str, ControlInPlan]:
    """Every control of a plan by id, with its risk."""
    return {k.id: ControlInPlan(k, r) for r in plan.risker for k in r.kontroller}


@dataclass(frozen=True)
class Deviation:
    """One control with a deviation in one report (a row of the derived summary table)."""

    kontroll: Kontroll
    risk: Risk
    resultat: Kontrollresultat
    niva: Bedomningsniva


def deviations(kommun: Kommun, plan: Plan, report: Uppfoljning) -> list[Deviation]:
    """Controls assessed with a deviation (allvar > 0), worst first, then in plan order."""
    in_plan = controls_of(plan)
    order = {cid: i for i, cid in enumerate(in_plan)}
    rows = []
    for res in report.kontroller:
        niva = kommun.bedomning(res.bedomning)
        found = in_plan.get(res.kontroll)
        if niva is not None and (niva.allvar or 0) > 0 and found is not None:
            rows.append(Deviation(found.kontroll, found.risk, res, niva))
    rows.sort(key=lambda d: (-(d.niva.allvar or 0), order.get(d.kontroll.id, 0)))
    return rows


def assessment_counts(kommun: Kommun, report: Uppfoljning) -> list[tuple[Bedomningsniva, int]]:
    """How many controls got each assessment level, in scale order, plus unassessed."""
    counts = {b.id: 0 for b in kommun.bedomningsskala}
    for res in report.kontroller:
        if res.bedomning in counts:
            counts[res.bedomning] += 1
    return [(b, counts[b.id]) for b in kommun.bedomningsskala]


@dataclass
class ControlAppearance:
    """A control as it appears in one plan year and, where reported, one period."""

    year: int
    period_id: str | None
    in_plan: ControlInPlan
    resultat: Kontrollresultat | None = None


@dataclass
class ControlHistory:
    """One control across all years and periods of a nämnd."""

    id: str
    namnd_id: str
    appearances: list[ControlAppearance] = field(default_factory=list)
    old_ids: set[str] = field(default_factory=set)

    @property
    def latest(self) -> ControlInPlan:
        """The control as the newest plan states it (its current title)."""
        return self.appearances[-1].in_plan

    @property
    def reported(self) -> list[ControlAppearance]:
        """Only the appearances with a result."""
        return [a for a in self.appearances if a.resultat is not None]

    def indicator_table(self, kommun: Kommun) -> tuple[list[IndicatorColumn], list[dict]]:
        """Indicators side by side: the periods (columns) and one row per indicator id.

        A period's figures may stand in its own report or inside a later one that gives
        several periods (T1, T2 and VB side by side); each is a column of its own.
        """
        columns = [c for a in self.reported for c in _columns_of(a) if c.indikatorer]
        rows: dict[str, dict] = {}
        for col, column in enumerate(columns):
            for ind in column.indikatorer:
                row = rows.setdefault(
                    ind.id,
                    {
                        "id": ind.id,
                        "namn": ind.namn,
                        "enhet": ind.enhet,
                        "values": [None] * len(columns),
                    },
                )
                row["namn"], row["values"][col] = ind.namn, ind
        return columns, list(rows.values())


@dataclass(frozen=True)
class IndicatorColumn:
    """One period's figures of a control: a column of its indicator table."""

    year: int
    period_id: str
    indikatorer: list[Indikator]


def _columns_of(a: ControlAppearance) -> list[IndicatorColumn]:
    assert a.resultat is not None and a.period_id is not None
    parts = [IndicatorColumn(a.year, p.period, p.indikatorer) for p in a.resultat.perioder]
    return [*parts, IndicatorColumn(a.year, a.period_id, a.resultat.indikatorer)]


def control_renames(n: NamndContent) -> dict[str, str]:
    """Earlier control id → the id it has now, from ``tidigare_id`` in the plans (newest wins)."""
    renames: dict[str, str] = {}
    for year in sorted(n.plans):
        plan = n.plans[year].content
        assert isinstance(plan, Plan)
        for cid, cp in controls_of(plan).items():
            renames.update({old: cid for old in cp.kontroll.tidigare_id if old != cid})
    return renames


def _current_id(cid: str, renames: dict[str, str]) -> str:
    seen = {cid}
    while cid in renames and renames[cid] not in seen:  # a cycle stops at its first repeat
        cid = renames[cid]
        seen.add(cid)
    return cid


def control_histories(corpus: Corpus, n: NamndContent) -> dict[str, ControlHistory]:
    """Every control of a nämnd, with each plan year and each reported period, oldest first.

    A control renamed in a later plan (its old id in ``tidigare_id``) is one history under
    its current id, so its page shows the years before the rename too.
    """
    histories: dict[str, ControlHistory] = {}
    kommun = corpus.kommun
    renames = control_renames(n)
    for year in sorted(n.plans):
        plan = n.plans[year].content
        assert isinstance(plan, Plan)
        in_plan = controls_of(plan)
        reports = sorted(
            ((p, d) for (y, p), d in n.uppfoljningar.items() if y == year),
            key=lambda item: kommun.period_index(item[0]),
        )
        for cid, cp in in_plan.items():
            current = _current_id(cid, renames)
            h = histories.setdefault(current, ControlHistory(current, n.id))
            h.old_ids.update(cp.kontroll.tidigare_id)
            if cid != current:
                h.old_ids.add(cid)
            reported = False
            for period_id, doc in reports:
                res = _result_for(doc, cid)
                if res is not None:
                    h.appearances.append(ControlAppearance(year, period_id, cp, res))
                    reported = True
            if not reported:
                h.appearances.append(ControlAppearance(year, None, cp))
    return histories


def _result_for(doc: Document, control_id: str) -> Kontrollresultat | None:
    report = doc.content
    assert isinstance(report, Uppfoljning)
    return next((r for r in report.kontroller if r.kontroll == control_id), None)


def latest_report(corpus: Corpus, n: NamndContent) -> Document | None:
    """The newest follow-up of a nämnd (by year, then period order)."""
    if not n.uppfoljningar:
        return None
    key = max(n.uppfoljningar, key=lambda k: (k[0], corpus.kommun.period_index(k[1])))
    return n.uppfoljningar[key]


def reports_in_order(corpus: Corpus, n: NamndContent) -> list[Document]:
    """A nämnd's follow-ups, oldest first."""
    keys = sorted(n.uppfoljningar, key=lambda k: (k[0], corpus.kommun.period_index(k[1])))
    return [n.uppfoljningar[k] for k in keys]


@dataclass(frozen=True)
class RiskGroup:
    """Risks under one area or goal, in the order the kommun lists its areas."""

    title: str
    anchor: str
    beskrivning: str | None
    risks: list[Risk]


def groups(kommun: Kommun, plan: Plan, year: int) -> list[RiskGroup]:
    """A plan's risks grouped under the year's areas (goals), then any risks without one."""
    out = []
    for area in kommun.omraden_for(year):
        risks = [r for r in plan.risker if r.omrade == area.id]
        if risks:
            title = kommun.grupprubrik_for(area)
            out.append(RiskGroup(title, f"omrade-{area.id}", area.beskrivning, risks))
    rest = [r for r in plan.risker if r.omrade is None]
    if rest:
        out.append(RiskGroup("Risker och kontroller", "risker", None, rest))
    return out


@dataclass(frozen=True)
class ReportedControl:
    """A control as a report shows it: the risk it tests, the plan's control, the result."""

    risk: Risk
    kontroll: Kontroll
    resultat: Kontrollresultat


@dataclass(frozen=True)
class ReportSection:
    """One area's (goal's) controls as a follow-up reports them, in plan order."""

    group: RiskGroup
    items: list[ReportedControl]


def report_sections(
    kommun: Kommun, plan: Plan, report: Uppfoljning, year: int
) -> list[ReportSection]:
    """The report's results grouped as the plan groups its risks; empty groups left out."""
    out = []
    for group in groups(kommun, plan, year):
        items = [
            ReportedControl(risk, k, r)
            for risk in group.risks
            for k in risk.kontroller
            for r in report.kontroller
            if r.kontroll == k.id
        ]
        if items:
            out.append(ReportSection(group, items))
    return out


def serious(corpus: Corpus) -> list[tuple[NamndContent, Document, Deviation]]:
    """The deviations at the scale's most serious level in each nämnd's latest report."""
    top = max((b.allvar or 0 for b in corpus.kommun.bedomningsskala), default=0)
    out = []
    for n in corpus.namnder.values():
        doc = latest_report(corpus, n)
        if doc is None or doc.year not in n.plans or top == 0:
            continue
        plan = n.plans[doc.year].content
        report = doc.content
        assert isinstance(plan, Plan) and isinstance(report, Uppfoljning)
        out += [
            (n, doc, d) for d in deviations(corpus.kommun, plan, report) if d.niva.allvar == top
        ]
    return out


def all_reports(corpus: Corpus) -> list[tuple[NamndContent, Document]]:
    """Every follow-up in the corpus, newest first."""
    pairs = [(n, d) for n in corpus.namnder.values() for d in reports_in_order(corpus, n)]
    pairs.sort(
        key=lambda p: (p[1].year, corpus.kommun.period_index(p[1].period_id or "")), reverse=True
    )
    return pairs


def assesses_items(report: Uppfoljning) -> bool:
    """Whether the report assesses its controls one by one (else no per-item claim is made)."""
    return any(r.bedomning for r in report.kontroller)


@dataclass(frozen=True)
class FollowedRisk:
    """A followed-up risk with its facts: from the plan where published, else from the report."""

    id: str
    titel: str
    process: str | None
    riskvarde: int | None
    befintliga_rutiner: str | None
    planerad_hantering: str | None
    foljer_plan: bool | None
    kommentar: str | None
    in_plan: bool
    """True when the risk is in the year's published plan (its facts link there)."""
    nytt_riskvarde: int | None = None
    """The value the risk was re-assessed to in this follow-up, if it was."""
    omvardering_motivering: str | None = None
    """Why it was re-assessed."""


def followed_risks(plan: Plan | None, report: Uppfoljning) -> list[FollowedRisk]:
    """The report's risk follow-ups, each with the facts a reader needs beside följer plan."""
    planned = {r.id: r for r in plan.risker} if plan else {}
    return [_followed(ru, planned.get(ru.risk)) for ru in report.risker]


def _followed(ru: Riskuppfoljning, risk: Risk | None) -> FollowedRisk:
    def fact(own: object, from_plan: object) -> object:
        return own if own is not None else from_plan

    return FollowedRisk(
        id=ru.risk,
        titel=ru.titel or (risk.titel if risk else ru.risk),
        process=fact(ru.process, risk and risk.process),
        riskvarde=fact(ru.riskvarde, risk and risk.varde),
        befintliga_rutiner=fact(ru.befintliga_rutiner, risk and risk.befintliga_rutiner),
        planerad_hantering=fact(ru.planerad_hantering, risk and risk.planerad_hantering),
        foljer_plan=ru.foljer_plan,
        kommentar=ru.kommentar,
        in_plan=risk is not None,
        nytt_riskvarde=ru.omvardering.varde if ru.omvardering else None,
        omvardering_motivering=ru.omvardering.motivering if ru.omvardering else None,
    )


def foljer_plan_count(report: Uppfoljning) -> tuple[int, int]:
    """(risks that follow their plan, risks with a stated följer plan)."""
    stated = [r.foljer_plan for r in report.risker if r.foljer_plan is not None]
    return sum(stated), len(stated)


@dataclass(frozen=True)
class FindingGroup:
    """Findings and actions that concern one thing: a risk, a control, an area, or a text."""

    label: str | None
    """What they concern (None: the report as a whole)."""
    risk_id: str | None
    kontroll_id: str | None
    iakttagelser: list[Iakttagelse]
    atgarder: list[Atgard]


def finding_groups(
    kommun: Kommun, plan: Plan | None, report: Uppfoljning, year: int
) -> list[FindingGroup]:
    """The report-level findings and actions grouped by what they concern, in report order."""
    risks = {r.id: r for r in plan.risker} if plan else {}
    controls = controls_of(plan) if plan else {}
    areas = {a.id: a for a in kommun.omraden_for(year)}
    groups_: dict[tuple, FindingGroup] = {}
    items: list[Galler] = [*report.iakttagelser, *report.atgarder]
    for item in items:
        key = (item.risk, item.kontroll, item.omrade, item.galler)
        if key not in groups_:
            label = item.galler
            if item.kontroll in controls:
                label = controls[item.kontroll].kontroll.titel
            elif item.risk in risks:
                label = risks[item.risk].titel
            elif item.omrade in areas:
                label = areas[item.omrade].namn
            groups_[key] = FindingGroup(label, item.risk, item.kontroll, [], [])
        group = groups_[key]
        (group.iakttagelser if isinstance(item, Iakttagelse) else group.atgarder).append(item)
    return list(groups_.values())
