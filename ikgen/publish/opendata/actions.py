"""Open data of actions: per nämnd, every action with its origin and follow-ups.

``/data/{nämnd}/atgarder.json`` holds each action as decided (Markdown unrendered), what it
concerns, where it was decided, its latest status and whether its date has passed, and every
later follow-up, oldest first. ``atgarder.csv`` has one row per action, for spreadsheets.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from ...core import urls
from ...core.actions import ActionRegister, ActionUpdate, TrackedAction, document_name
from ...core.corpus import Corpus, Document, NamndContent
from ...core.text import defuse

ACTION_CSV_COLUMNS: list[tuple[str, str]] = [
    ("namnd", "nämndens id"),
    ("atgard_id", "åtgärdens id (samma i alla perioder och år)"),
    ("vad", "vad som ska göras (Markdown)"),
    ("vem", "vem som ansvarar"),
    ("galler_typ", "vad åtgärden gäller: kontroll, risk, omrade eller rapport"),
    ("galler_id", "id för kontrollen, risken eller området"),
    ("galler", "kontrollens, riskens eller områdets namn"),
    ("beslutad_ar", "året för dokumentet där åtgärden beslutades"),
    ("beslutad_period", "perioden för det dokumentet (tom för en plan)"),
    ("nar", "när åtgärden ska vara klar, enligt beslutet"),
    ("senaste_nar", "det senaste datum (eller den senaste text) åtgärden fått"),
    ("status", "senaste status, id ur atgardsstatus"),
    ("status_namn", "senaste status i klartext"),
    ("lage", "oppen, sen (datum passerat), genomford eller struken"),
    ("uppfoljningar", "varje senare uppföljning, 'år period: status' åtskilda med ' | '"),
    ("url", "åtgärdens permanenta adress i åtgärdsregistret"),
]
"""The actions CSV's columns in order, with their meaning (documented in the README)."""


def _text(value: str | dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _document(corpus: Corpus, doc: Document, base: str) -> dict[str, Any]:
    return {
        "ar": doc.year,
        "period": doc.period_id,
        "namn": document_name(corpus.kommun, doc),
        "url": urls.absolute(base, urls.of_document(doc)),
    }


def _status(corpus: Corpus, status_id: str | None) -> dict[str, Any] | None:
    step = corpus.kommun.atgardsstatus_for(status_id)
    if status_id is None:
        return None
    return {"id": status_id, "namn": step.namn if step else status_id}


def _update(corpus: Corpus, u: ActionUpdate, base: str) -> dict[str, Any]:
    return {
        "dokument": _document(corpus, u.doc, base),
        "upprepad": u.loc[0] != "atgardsuppfoljning",
        "status": _status(corpus, u.status),
        "nar": _text(u.nar),
        "kommentar": u.kommentar,
        "effekt": u.effekt,
    }


def _action(corpus: Corpus, n: NamndContent, a: TrackedAction, base: str) -> dict[str, Any]:
    origin = a.origin
    return {
        "id": a.id,
        "vad": a.atgard.vad,
        "kommentar": a.atgard.kommentar,
        "vem": a.atgard.vem,
        "nar": _text(a.atgard.nar),
        "galler": {"typ": origin.concerns, "id": origin.target, "namn": origin.label},
        "beslutad_i": _document(corpus, origin.doc, base),
        "status": _status(corpus, a.status),
        "senaste_nar": _text(a.nar),
        "lage": a.state,
        "uppfoljningar": [_update(corpus, u, base) for u in a.updates],
        "url": urls.absolute(base, urls.anchor(urls.actions(n.id), a.id)),
    }


def actions_json(
    corpus: Corpus, n: NamndContent, register: ActionRegister, base_url: str = ""
) -> dict[str, Any]:
    """A nämnd's actions as JSON data."""
    base = base_url.rstrip("/")
    return {
        "namnd": {"id": n.id, "namn": n.namnd.namn},
        "referensdatum": _text(register.reference),
        "referensdatum_beskrivning": (
            "slutet av perioden i nämndens senaste uppföljning; en öppen åtgärd vars datum ligger"
            " före det har passerat sitt datum (lage: sen)"
        ),
        "atgarder": [_action(corpus, n, a, base) for a in register.actions],
    }


def actions_csv(data: dict[str, Any]) -> str:
    """The CSV of a nämnd's actions made from its JSON data: one row per action."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c for c, _ in ACTION_CSV_COLUMNS])
    for a in data["atgarder"]:
        history = " | ".join(
            f"{u['dokument']['ar']} {u['dokument']['period']}: "
            + (u["status"]["namn"] if u["status"] else "ingen status angiven")
            for u in a["uppfoljningar"]
        )
        row = [
            data["namnd"]["id"],
            a["id"],
            a["vad"],
            a["vem"],
            a["galler"]["typ"],
            a["galler"]["id"],
            a["galler"]["namn"],
            a["beslutad_i"]["ar"],
            a["beslutad_i"]["period"],
            a["nar"],
            a["senaste_nar"],
            a["status"]["id"] if a["status"] else None,
            a["status"]["namn"] if a["status"] else None,
            a["lage"],
            history,
            a["url"],
        ]
        writer.writerow([defuse(v) if isinstance(v, str) else v for v in row])
    return out.getvalue()
