"""Actions followed through: every action with an id, where it was decided, and its life.

An action (åtgärd) with an ``id`` may be decided in a plan (under a risk), in a follow-up
(under a control's result, under a finding, or report-level) and is followed up in later
reports' ``atgardsuppfoljning``. Per nämnd, :func:`action_register` gathers every such action
with its origin and its updates, oldest first. Whether an action is late is judged against the
period end of the nämnd's latest report, never the build's clock, so a rebuild gives the same
site.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Literal

from .corpus import Corpus, Document, NamndContent
from .derive import ControlInPlan, controls_of, reports_in_order
from .model import Atgard, Galler, Kommun, Plan, Uppfoljning

PAGE_ANCHORS = frozenset({"sena-atgarder", "oppna-atgarder", "avslutade-atgarder"})
"""The register page's own section anchors, which no action id may take."""

State = Literal["oppen", "sen", "genomford", "struken"]
"""Where an action is: open, late (open and past its date), done or struck."""


@dataclass(frozen=True)
class ActionOrigin:
    """Where an action was decided: the document and what the action concerns."""

    doc: Document
    loc: tuple
    """The action's location in its document, e.g. ``("kontroller", 2, "atgarder", 0)``."""
    concerns: Literal["kontroll", "risk", "omrade", "rapport"]
    """What kind of thing it concerns (``rapport``: the report as a whole)."""
    target: str | None
    """The id of the control, risk or area it concerns."""
    label: str | None
    """That thing's title, or what it concerns in the report's words."""


@dataclass(frozen=True)
class ActionUpdate:
    """One later document's word on an action: a follow-up, or the action restated."""

    doc: Document
    loc: tuple
    status: str | None
    """A step of kommun.yml's ``atgardsstatus`` (None: not stated)."""
    nar: str | dt.date | None
    kommentar: str | None
    effekt: str | None


@dataclass
class TrackedAction:
    """One action across the nämnd's documents."""

    id: str
    atgard: Atgard
    """The action as decided."""
    origin: ActionOrigin
    updates: list[ActionUpdate] = field(default_factory=list)
    """Every later word on the action, oldest first."""
    state: State = "oppen"

    @property
    def status(self) -> str | None:
        """The latest stated status."""
        return next((u.status for u in reversed(self.updates) if u.status), None)

    @property
    def nar(self) -> str | dt.date | None:
        """The latest date (or time text) given for the action."""
        return next((u.nar for u in reversed(self.updates) if u.nar), self.atgard.nar)

    @property
    def last_doc(self) -> Document:
        """The latest document that names the action."""
        return self.updates[-1].doc if self.updates else self.origin.doc


@dataclass(frozen=True)
class UnknownFollowUp:
    """A follow-up of an action id that was never decided before it."""

    doc: Document
    loc: tuple
    atgard: str


@dataclass
class ActionRegister:
    """Every action of one nämnd, with the date lateness is judged against."""

    actions: list[TrackedAction]
    """In the order they were decided."""
    reference: dt.date | None
    """The period end of the nämnd's latest report (None: no report, nothing is late)."""
    documents: list[Document]
    """The nämnd's plans and reports, oldest first (a plan before its year's reports)."""
    unknown: list[UnknownFollowUp] = field(default_factory=list)

    def by_state(self, *states: State) -> list[TrackedAction]:
        """The actions in these states."""
        return [a for a in self.actions if a.state in states]

    @property
    def late(self) -> int:
        """How many actions are late."""
        return len(self.by_state("sen"))

    def find(self, action_id: str) -> TrackedAction | None:
        """The action with this id."""
        return next((a for a in self.actions if a.id == action_id), None)


def documents_in_order(corpus: Corpus, n: NamndContent) -> list[Document]:
    """A nämnd's plans and reports, oldest first; a year's plan before its reports."""
    reports = reports_in_order(corpus, n)
    years = sorted(set(n.plans) | {d.year for d in reports})
    out: list[Document] = []
    for year in years:
        if year in n.plans:
            out.append(n.plans[year])
        out += [d for d in reports if d.year == year]
    return out


def period_end(kommun: Kommun, doc: Document) -> dt.date | None:
    """The day a report's period ends: its ``rapportdatum``, else the period's ``per``."""
    report = doc.content
    if isinstance(report, Uppfoljning) and report.rapportdatum is not None:
        return report.rapportdatum
    period = kommun.period(doc.period_id or "")
    if period is None or period.per is None:
        return None
    month, day = (int(x) for x in period.per.split("-"))
    try:
        return dt.date(doc.year, month, day)
    except ValueError:  # 02-29 in a year without it
        return dt.date(doc.year, month, 28)


def document_name(kommun: Kommun, doc: Document) -> str:
    """A document in text: ``Internkontrollplan 2024`` or ``Uppföljning Delår 1 2024``."""
    if doc.period_id is None:
        return f"Internkontrollplan {doc.year}"
    period = kommun.period(doc.period_id)
    return f"Uppföljning {period.namn if period else doc.period_id} {doc.year}"


def action_register(corpus: Corpus, n: NamndContent) -> ActionRegister:
    """Every action with an id in a nämnd's documents, with its origin and later updates."""
    docs = documents_in_order(corpus, n)
    reports = [d for d in docs if d.period_id is not None]
    reference = period_end(corpus.kommun, reports[-1]) if reports else None
    register = ActionRegister([], reference, docs)
    known: dict[str, TrackedAction] = {}
    for doc in docs:
        for origin, atgard in decided_in(corpus, doc):
            assert atgard.id is not None
            if atgard.id in known:
                update = ActionUpdate(doc, origin.loc, None, atgard.nar, atgard.vad, None)
                known[atgard.id].updates.append(update)
            else:
                known[atgard.id] = TrackedAction(atgard.id, atgard, origin)
                register.actions.append(known[atgard.id])
        _follow_ups(doc, known, register)
    for action in register.actions:
        action.state = _state(corpus.kommun, action, reference)
    return register


def _follow_ups(doc: Document, known: dict[str, TrackedAction], register: ActionRegister) -> None:
    report = doc.content
    if not isinstance(report, Uppfoljning):
        return
    for i, entry in enumerate(report.atgardsuppfoljning):
        loc = ("atgardsuppfoljning", i)
        if entry.atgard not in known:
            register.unknown.append(UnknownFollowUp(doc, (*loc, "atgard"), entry.atgard))
            continue
        update = ActionUpdate(doc, loc, entry.status, entry.nar, entry.kommentar, entry.effekt)
        known[entry.atgard].updates.append(update)


def _state(kommun: Kommun, action: TrackedAction, reference: dt.date | None) -> State:
    step = kommun.atgardsstatus_for(action.status)
    if step is not None and step.klar:
        return "genomford"
    if step is not None and step.struken:
        return "struken"
    nar = action.nar
    if reference is not None and isinstance(nar, dt.date) and nar < reference:
        return "sen"
    return "oppen"


def decided_in(corpus: Corpus, doc: Document) -> list[tuple[ActionOrigin, Atgard]]:
    """The actions with an id that a document decides, each with its origin, in file order."""
    content = doc.content
    if isinstance(content, Plan):
        return [
            (ActionOrigin(doc, ("risker", i, "atgarder", j), "risk", r.id, r.titel), a)
            for i, r in enumerate(content.risker)
            for j, a in enumerate(r.atgarder)
            if a.id
        ]
    assert isinstance(content, Uppfoljning)
    plan_doc = corpus.namnder[doc.namnd_id].plans.get(doc.year)
    plan = plan_doc.content if plan_doc is not None else None
    assert plan is None or isinstance(plan, Plan)
    controls = controls_of(plan) if plan is not None else {}
    origin = functools.partial(_origin, corpus.kommun, plan, controls, doc)
    out = []
    for i, res in enumerate(content.kontroller):
        for j, a in enumerate(res.atgarder):
            out.append((origin(("kontroller", i, "atgarder", j), Galler(kontroll=res.kontroll)), a))
    for i, finding in enumerate(content.iakttagelser):
        for j, a in enumerate(finding.atgarder):
            item = a if _concerns_something(a) else finding
            out.append((origin(("iakttagelser", i, "atgarder", j), item), a))
    for i, a in enumerate(content.atgarder):
        out.append((origin(("atgarder", i), a), a))
    return [(o, a) for o, a in out if a.id]


def _concerns_something(item: Galler) -> bool:
    return any((item.kontroll, item.risk, item.omrade, item.galler))


def _origin(
    kommun: Kommun,
    plan: Plan | None,
    controls: dict[str, ControlInPlan],
    doc: Document,
    loc: tuple,
    item: Galler,
) -> ActionOrigin:
    """What an action in a report concerns, with the plan's or the area's title."""
    if item.kontroll:
        found = controls.get(item.kontroll)
        label = found.kontroll.titel if found else item.galler
        return ActionOrigin(doc, loc, "kontroll", item.kontroll, label)
    if item.risk:
        risk = next((r for r in plan.risker if r.id == item.risk), None) if plan else None
        return ActionOrigin(doc, loc, "risk", item.risk, risk.titel if risk else item.galler)
    if item.omrade:
        area = next((a for a in kommun.omraden_for(doc.year) if a.id == item.omrade), None)
        return ActionOrigin(doc, loc, "omrade", item.omrade, area.namn if area else item.galler)
    return ActionOrigin(doc, loc, "rapport", None, item.galler)


def followed_up_in(register: ActionRegister, doc: Document) -> list[tuple[TrackedAction, int]]:
    """The actions a report follows up, each with the index of that report's update."""
    out = []
    for action in register.actions:
        for k, update in enumerate(action.updates):
            if update.doc is doc and update.loc[0] == "atgardsuppfoljning":
                out.append((action, k))
    out.sort(key=lambda pair: pair[0].updates[pair[1]].loc)
    return out


def action_registers(corpus: Corpus) -> list[tuple[NamndContent, ActionRegister]]:
    """The register of every nämnd that has actions with ids (empty: the site has none)."""
    registers = [(n, action_register(corpus, n)) for n in corpus.namnder.values()]
    return [(n, r) for n, r in registers if r.actions]
