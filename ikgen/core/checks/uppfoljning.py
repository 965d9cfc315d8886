"""Checks of a follow-up: its period and plan exist, references and scale values are known."""

from __future__ import annotations

from ..corpus import Corpus, Document
from ..diagnostics import Diagnostic
from ..load import SourceDocument
from ..model import Galler, Kommun, Kontrollresultat, Plan, Uppfoljning
from .common import check_scale, duplicates, err, unknown


def check_uppfoljning(corpus: Corpus, doc: Document) -> list[Diagnostic]:
    """Every problem of one follow-up that needs kommun.yml or the year's plan to see."""
    report, src, kommun = doc.content, doc.source, corpus.kommun
    assert isinstance(report, Uppfoljning)
    if kommun.period(doc.period_id or "") is None:
        ids = ", ".join(p.id for p in kommun.perioder)
        message = (
            f"filnamnet '{doc.period_id}.yml' är ingen period i kommun.yml; tillåtna: {ids}, plan"
        )
        return [Diagnostic(src.path, None, None, message)]
    plan_doc = corpus.namnder[doc.namnd_id].plans.get(doc.year)
    if plan_doc is None:
        return _without_plan(corpus, doc)
    out: list[Diagnostic] = []
    if plan_doc.is_draft and not doc.is_draft:
        message = "uppföljningen kan inte publiceras när årets plan är ett utkast"
        out.append(err(src, ("status",), message))
    plan = plan_doc.content
    assert isinstance(plan, Plan)
    out += _check_references(report, src, plan, f"planen {doc.year}")
    for i, res in enumerate(report.kontroller):
        out += _check_result(kommun, src, ("kontroller", i), res, doc.is_draft)
    return out + _check_report_level(kommun, doc, plan)


def _without_plan(corpus: Corpus, doc: Document) -> list[Diagnostic]:
    """A risk-only follow-up may stand without a published plan; its risks carry their facts."""
    report, src = doc.content, doc.source
    assert isinstance(report, Uppfoljning)
    if (doc.namnd_id, doc.year, None) in corpus.broken:
        return []  # the plan's own errors are already reported
    if report.kontroller:
        message = f"det finns ingen plan för {doc.year} (plan.yml i samma mapp)"
        return [Diagnostic(src.path, None, None, message)]
    risks = [(("risker", i, "risk"), r.risk) for i, r in enumerate(report.risker)]
    out = duplicates(src, risks, "risken")
    out += [
        err(src, ("risker", i, "titel"), f"ingen plan för {doc.year}: ange riskens titel här")
        for i, r in enumerate(report.risker)
        if r.titel is None
    ]
    return out + _check_report_level(corpus.kommun, doc, None)


def _check_report_level(kommun: Kommun, doc: Document, plan: Plan | None) -> list[Diagnostic]:
    """The overall verdict, per-period results, findings and actions at any level."""
    report, src = doc.content, doc.source
    assert isinstance(report, Uppfoljning)
    out: list[Diagnostic] = []
    if report.helhetsbedomning is not None:
        allowed = {h.id for h in kommun.helhetsskala}
        loc = ("helhetsbedomning", "bedomning")
        out += check_scale(src, loc, report.helhetsbedomning.bedomning, allowed, "helhetsskala")
    periods = {p.id for p in kommun.perioder}
    for i, res in enumerate(report.kontroller):
        for j, part in enumerate(res.perioder):
            loc = ("kontroller", i, "perioder", j, "period")
            out += check_scale(src, loc, part.period, periods, "perioder")
    targets = [(("iakttagelser", i), x) for i, x in enumerate(report.iakttagelser)]
    targets += [(("atgarder", i), x) for i, x in enumerate(report.atgarder)]
    for loc, item in targets:
        out += _check_target(kommun, doc.year, src, loc, item, plan)
    return out


def _check_target(
    kommun: Kommun, year: int, src: SourceDocument, loc: tuple, item: Galler, plan: Plan | None
) -> list[Diagnostic]:
    """What a finding or action concerns must exist: in the plan, or among the year's areas."""
    out = []
    where = f"planen {year}"
    if item.risk is not None and plan is not None:
        risk_ids = {r.id for r in plan.risker}
        if item.risk not in risk_ids:
            out.append(err(src, (*loc, "risk"), unknown("risken", item.risk, risk_ids, where)))
    if item.kontroll is not None and plan is not None:
        ids = {k.id for r in plan.risker for k in r.kontroller}
        if item.kontroll not in ids:
            out.append(
                err(src, (*loc, "kontroll"), unknown("kontrollen", item.kontroll, ids, where))
            )
    if item.omrade is not None:
        areas = {a.id for a in kommun.omraden_for(year)}
        out += check_scale(src, (*loc, "omrade"), item.omrade, areas, f"omraden för {year}")
    return out


def _check_references(
    report: Uppfoljning, src: SourceDocument, plan: Plan, where: str
) -> list[Diagnostic]:
    """Each control and risk is followed up once, and exists in the year's plan."""
    control_ids = {k.id for r in plan.risker for k in r.kontroller}
    risk_ids = {r.id for r in plan.risker}
    results = [(("kontroller", i, "kontroll"), r.kontroll) for i, r in enumerate(report.kontroller)]
    risks = [(("risker", i, "risk"), r.risk) for i, r in enumerate(report.risker)]
    out = duplicates(src, results, "kontrollen") + duplicates(src, risks, "risken")
    out += [
        err(src, loc, unknown("kontrollen", ident, control_ids, where))
        for loc, ident in results
        if ident not in control_ids
    ]
    out += [
        err(src, loc, unknown("risken", ident, risk_ids, where))
        for loc, ident in risks
        if ident not in risk_ids
    ]
    return out


def _check_result(
    kommun: Kommun, src: SourceDocument, loc: tuple, res: Kontrollresultat, is_draft: bool
) -> list[Diagnostic]:
    """A control's result: scale values known, indicators unique and filled in when published."""
    statuses = {s.id for s in kommun.statusskala}
    levels = {b.id for b in kommun.bedomningsskala}
    out = check_scale(src, (*loc, "status"), res.status, statuses, "statusskala")
    out += check_scale(src, (*loc, "bedomning"), res.bedomning, levels, "bedomningsskala")
    indicators = [((*loc, "indikatorer", j, "id"), x.id) for j, x in enumerate(res.indikatorer)]
    out += duplicates(src, indicators, "indikatorn")
    out += [
        err(
            src, (*loc, "indikatorer", j, "varde"), "värdet saknas; bara ett utkast får sakna värde"
        )
        for j, x in enumerate(res.indikatorer)
        if x.varde is None and not is_draft
    ]
    for j, atgard in enumerate(res.atgarder):
        out += check_scale(
            src, (*loc, "atgarder", j, "status"), atgard.status, statuses, "statusskala"
        )
    return out
