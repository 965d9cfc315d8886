"""Checks of actions followed through: ids, follow-ups, statuses and dropped actions.

Errors: an action id used twice in one document, a follow-up of an id never decided before it,
a status that is not in kommun.yml's ``atgardsstatus``. Warnings (through ``warn_corpus``): a
status that goes back, genomförd without a date, an open action that a later report leaves out.
"""

from __future__ import annotations

from ..actions import (
    PAGE_ANCHORS,
    ActionRegister,
    TrackedAction,
    action_register,
    decided_in,
    document_name,
)
from ..corpus import Corpus, Document, NamndContent
from ..diagnostics import Diagnostic
from ..model import Kommun, Uppfoljning
from .common import check_scale, duplicates, err, unknown, warn


def check_actions(corpus: Corpus, n: NamndContent) -> list[Diagnostic]:
    """Every error in a nämnd's actions and their follow-ups."""
    register = action_register(corpus, n)
    out: list[Diagnostic] = []
    for doc in register.documents:
        ids = [((*o.loc, "id"), a.id or "") for o, a in decided_in(corpus, doc)]
        out += duplicates(doc.source, ids, "åtgärden")
        out += [
            err(doc.source, loc, f"'{ident}' är en rubrik i åtgärdsregistret; välj ett annat id")
            for loc, ident in ids
            if ident in PAGE_ANCHORS
        ]
        out += _check_follow_up_list(corpus.kommun, doc)
    decided = sorted(a.id for a in register.actions)
    for miss in register.unknown:
        where = f"nämndens planer och tidigare uppföljningar ({miss.doc.year} eller tidigare)"
        message = unknown("åtgärden", miss.atgard, set(decided), where)
        out.append(err(miss.doc.source, miss.loc, message + "; en åtgärd följs upp med sitt id"))
    return out


def _check_follow_up_list(kommun: Kommun, doc: Document) -> list[Diagnostic]:
    report = doc.content
    if not isinstance(report, Uppfoljning):
        return []
    entries = list(enumerate(report.atgardsuppfoljning))
    items = [(("atgardsuppfoljning", i, "atgard"), e.atgard) for i, e in entries]
    out = duplicates(doc.source, items, "uppföljningen av åtgärden")
    allowed = {s.id for s in kommun.atgardsstatus}
    for i, entry in entries:
        loc = ("atgardsuppfoljning", i, "status")
        out += check_scale(doc.source, loc, entry.status, allowed, "atgardsstatus")
    return out


def warn_actions(corpus: Corpus, n: NamndContent) -> list[Diagnostic]:
    """The warnings about a nämnd's actions: statuses back, undated, dropped."""
    register = action_register(corpus, n)
    out: list[Diagnostic] = []
    for action in register.actions:
        out += _backwards(corpus.kommun, action) + _undated(corpus.kommun, action)
    return out + _dropped(corpus, register)


def _backwards(kommun: Kommun, action: TrackedAction) -> list[Diagnostic]:
    """A status that goes back: from closed to open, or back to the scale's first step."""
    out = []
    first = kommun.atgardsstatus[0].id if kommun.atgardsstatus else None
    previous = None
    for update in action.updates:
        step = kommun.atgardsstatus_for(update.status)
        if step is None:
            continue
        back = previous is not None and (
            (previous.avslutad and not step.avslutad) or (step.id == first and previous.id != first)
        )
        if back and previous is not None:
            message = (
                f"åtgärden '{action.id}' går tillbaka från {previous.namn} till {step.namn}; "
                "stämmer statusen, eller är det en ny åtgärd (nytt id)?"
            )
            out.append(warn(update.doc.source, (*update.loc, "status"), message))
        previous = step
    return out


def _undated(kommun: Kommun, action: TrackedAction) -> list[Diagnostic]:
    """Genomförd without a date (nar) in the same follow-up."""
    out = []
    for update in action.updates:
        step = kommun.atgardsstatus_for(update.status)
        if step is not None and step.klar and update.nar is None:
            message = (
                f"åtgärden '{action.id}' är {step.namn.lower()} men utan datum; ange 'nar' "
                "(när den genomfördes) om rapporten säger det"
            )
            out.append(warn(update.doc.source, (*update.loc, "status"), message))
    return out


def _dropped(corpus: Corpus, register: ActionRegister) -> list[Diagnostic]:
    """Open actions that the next report after their last mention does not follow up."""
    out = []
    reports = [d for d in register.documents if d.period_id is not None]
    for action in register.actions:
        if action.state in ("genomford", "struken"):
            continue
        last = register.documents.index(action.last_doc)
        later = [d for d in reports if register.documents.index(d) > last]
        if not later:
            continue
        where = document_name(corpus.kommun, action.last_doc)
        message = (
            f"åtgärden '{action.id}' var öppen i {where} men följs inte upp här; ange dess "
            "status under 'atgardsuppfoljning' (t.ex. genomförd eller struken)"
        )
        out.append(warn(later[0].source, ("atgardsuppfoljning",), message))
    return out
