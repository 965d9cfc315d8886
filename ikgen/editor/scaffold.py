"""Scaffolding: the next content file made from what is already there (``ikgen new``).

Every file written here is one that ``ikgen check`` accepts as it is, is written only inside
the content folder, and never replaces an existing file. Plans and follow-ups are drafts
(``status: utkast``); kommun.yml and namnd.yml have no status (see :data:`NEXT_STEP`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..core.actions import action_register
from ..core.corpus import Corpus, NamndContent, load_corpus
from ..core.diagnostics import ContentError, Diagnostic
from ..core.load import parse
from ..core.model import Hantering, Kommun, Plan, Uppfoljning
from ..core.validate import validate_document
from .kommun_scaffold import kommun_text
from .yamlwrite import DRAFT_NOTE, dump_yaml, plain, schema_line, write_new

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _refuse(shown: str, message: str) -> ContentError:
    return ContentError([Diagnostic(shown, None, None, message)])


def _shown(content: Path, *parts: str) -> tuple[Path, str]:
    path = content.joinpath(*parts)
    return path, path.as_posix()


def _check_slug(value: str, what: str) -> None:
    if not _SLUG.match(value):
        raise _refuse(
            what,
            f"'{value}' är inte ett giltigt id: använd små bokstäver a–z, siffror och bindestreck",
        )


def new_kommun(content: Path, year: int | None = None) -> str:
    """Write ``{content}/kommun.yml`` with every setting at its default; return the path.

    The folder is made if it does not exist; the file is checked with ikgen's own parser and
    model before it is written, so ``ikgen check`` accepts it unchanged.
    """
    path, shown = _shown(content, "kommun.yml")
    text = kommun_text(year or dt.date.today().year)
    source, problems = parse(text, shown)
    if source is not None:
        problems += validate_document(source, Kommun)[1]
    if problems:  # a bug in ikgen, not the editor's mistake: write nothing
        raise ContentError(problems)
    return write_new(path, text, shown)


#: What to do after ``ikgen new`` per kind: only plans and follow-ups are drafts.
NEXT_STEP = {
    "kommun": (
        "Fyll i raderna märkta ÄNDRA och ändra det som skiljer sig från kommunens dokument. "
        "kommun.yml har ingen status: den gäller från nästa bygge."
    ),
    "namnd": (
        "namnd.yml har ingen status och är inget utkast: nämnden syns på webbplatsen från nästa "
        "bygge. Skapa sedan årets plan med 'ikgen new plan {id} ÅR'."
    ),
    "plan": "Den är ett utkast tills du ändrar status.",
    "uppfoljning": "Den är ett utkast tills du ändrar status.",
}


def new_namnd(content: Path, namnd_id: str, namn: str) -> str:
    """Write ``{content}/{id}/namnd.yml``; return the path written."""
    _check_slug(namnd_id, "nämndens id")
    if not content.is_dir():
        raise _refuse(content.as_posix(), "innehållsmappen finns inte")
    path, shown = _shown(content, namnd_id, "namnd.yml")
    header = (
        f"{schema_line('namnd', 1)}\n"
        f"Nämnden {namn}. Id:t ({namnd_id}) är mappens namn och del av adressen."
    )
    data = {"namn": namn, "kortnamn": None, "beskrivning": None, "forvaltning": None}
    return write_new(path, dump_yaml(data, header), shown)


def _namnd(corpus: Corpus, namnd_id: str, content: Path) -> NamndContent:
    found = corpus.namnder.get(namnd_id)
    if found is None:
        known = ", ".join(corpus.namnder) or "inga"
        raise _refuse(
            f"{content.as_posix()}/{namnd_id}",
            f"nämnden '{namnd_id}' finns inte (finns: {known}); skapa den med "
            f"'ikgen new namnd {namnd_id} \"Namn\"'",
        )
    return found


def new_plan(content: Path, namnd_id: str, year: int) -> tuple[str, list[str]]:
    """Write the plan for a year, copied from the latest earlier plan; return path and notes."""
    corpus = load_corpus(content)
    namnd = _namnd(corpus, namnd_id, content)
    path, shown = _shown(content, namnd_id, str(year), "plan.yml")
    earlier = sorted(y for y in namnd.plans if y < year)
    areas = [a.id for a in corpus.kommun.omraden_for(year)]
    periods = [p.id for p in corpus.kommun.perioder]
    if earlier:
        source = namnd.plans[earlier[-1]]
        data = _copied_plan(source.content, earlier[-1], year)  # type: ignore[arg-type]
        origin = f"Kopierad från {source.source.path}: risker och kontroller behåller sina id."
    else:
        data = _empty_plan(year, areas, periods)
        origin = "Ny plan: ersätt exemplet med nämndens risker och kontroller."
    Plan.model_validate(data)
    title = f"Internkontrollplan {year} för {namnd.namnd.namn}."
    header = f"{schema_line('plan', 2)}\n{title}\n{origin}\n{DRAFT_NOTE}"
    written = write_new(path, dump_yaml(data, header), shown)
    return written, _area_notes(data, areas, year)


def _copied_plan(plan: Plan, old_year: int, year: int) -> dict[str, Any]:
    data = plain(plan.model_dump(exclude_unset=True))
    for key in ("status", "beslut", "upprattad", "bilagor"):
        data.pop(key, None)
    if data.get("titel"):
        data["titel"] = data["titel"].replace(str(old_year), str(year))
    return {"status": "utkast", **data}


def _empty_plan(year: int, areas: list[str], periods: list[str]) -> dict[str, Any]:
    control = {
        "id": "ny-kontroll",
        "titel": "Vad som kontrolleras (ändra)",
        "ansvarig": None,
        "frekvens": periods,
        "metod": None,
    }
    risk = {
        "id": "ny-risk",
        "titel": "Riskens namn (ändra)",
        "omrade": areas[0] if areas else None,
        "beskrivning": None,
        "sannolikhet": None,
        "konsekvens": None,
        "befintliga_rutiner": None,
        "hantering": "kontroll",
        "kontroller": [control],
    }
    return {
        "status": "utkast",
        "titel": f"Internkontrollplan {year}",
        "inledning": None,
        "risker": [risk],
    }


def _area_notes(data: dict[str, Any], areas: list[str], year: int) -> list[str]:
    used = {r.get("omrade") for r in data.get("risker", [])} - {None}
    missing = sorted(used - set(areas))
    if not missing:
        return []
    return [
        f"Områdena {', '.join(missing)} finns inte för {year} i kommun.yml (omraden); "
        f"lägg till dem där eller byt område på riskerna innan du kör 'ikgen check'."
    ]


def new_uppfoljning(content: Path, namnd_id: str, year: int, period_id: str) -> str:
    """Write a follow-up with an entry for everything the period follows up: each control
    that reports in the period, and each risk the plan handles by improvement work."""
    corpus = load_corpus(content)
    namnd = _namnd(corpus, namnd_id, content)
    kommun = corpus.kommun
    period = kommun.period(period_id)
    path, shown = _shown(content, namnd_id, str(year), f"{period_id}.yml")
    if period is None:
        allowed = ", ".join(p.id for p in kommun.perioder)
        raise _refuse(shown, f"perioden '{period_id}' finns inte i kommun.yml; tillåtna: {allowed}")
    plan_doc = namnd.plans.get(year)
    if plan_doc is None:
        raise _refuse(
            shown, f"planen för {year} saknas; skapa den med 'ikgen new plan {namnd_id} {year}'"
        )
    plan = plan_doc.content
    assert isinstance(plan, Plan)
    head: dict[str, Any] = {"status": "utkast", "titel": None}
    if period.per:
        head["rapportdatum"] = dt.date.fromisoformat(f"{year}-{period.per}")
    head |= {"sammanfattning": None, "analys": None}
    controls = _control_entries(corpus, namnd, plan, year, period_id)
    risks = _risk_entries(plan)
    Uppfoljning.model_validate(
        {**head, "kontroller": [e for _, e in controls], "risker": [e for _, e in risks]}
    )
    header = (
        f"{schema_line('uppfoljning', 2)}\n"
        f"Uppföljning {period.namn} {year} för {namnd.namnd.namn}, "
        f"gjord från planen {plan_doc.source.path}.\n{DRAFT_NOTE}"
    )
    text = dump_yaml(head, header) + _list_text("kontroller", controls)
    if risks:
        text += _list_text("risker", risks).replace("\n    foljer_plan:\n", _FOLJER_PLAN)
    actions = _open_actions(corpus, namnd, year, period_id)
    if actions:
        text += _ATGARDER_NOTE + _list_text("atgardsuppfoljning", actions)
    return write_new(path, text, shown)


_ATGARDER_NOTE = (
    "# Öppna åtgärder från tidigare planer och uppföljningar, med sin senaste status: ange vad\n"
    "# den här uppföljningen säger om var och en (status ur atgardsstatus i kommun.yml, nytt\n"
    "# datum i nar, kommentar, och effekt: ändrades riskvärdet eller kontrollens resultat?).\n"
)


def _open_actions(
    corpus: Corpus, namnd: NamndContent, year: int, period_id: str
) -> list[tuple[str, dict[str, Any]]]:
    """Every action decided before the period that is not genomförd or struken, to update."""
    before = (year, corpus.kommun.period_index(period_id))
    out = []
    for action in action_register(corpus, namnd).actions:
        doc = action.origin.doc
        when = (
            doc.year,
            -1 if doc.period_id is None else corpus.kommun.period_index(doc.period_id),
        )
        if when >= before or action.state in ("genomford", "struken"):
            continue
        title = f"{action.origin.label or 'Rapporten'}: {action.atgard.vad}"
        entry = {
            "atgard": action.id,
            "status": action.status,
            "nar": None,
            "kommentar": None,
            "effekt": None,
        }
        out.append((title, entry))
    return out


_FOLJER_PLAN = "\n    foljer_plan:  # true (ja) eller false (nej): följer arbetet planen?\n"


def _control_entries(
    corpus: Corpus, namnd: NamndContent, plan: Plan, year: int, period_id: str
) -> list[tuple[str, dict[str, Any]]]:
    """One blank result per control that reports in the period, titled for the editor."""
    before = (year, corpus.kommun.period_index(period_id))
    entries = []
    for risk in plan.risker:
        for control in risk.kontroller:
            if not control.frekvens or period_id in control.frekvens:
                indicators = _last_indicators(corpus, namnd, control.id, before)
                entries.append((f"{risk.titel} – {control.titel}", _entry(control.id, indicators)))
    return entries


def _risk_entries(plan: Plan) -> list[tuple[str, dict[str, Any]]]:
    """One blank follow-up per risk handled by improvement work (förbättringsarbete)."""
    return [
        (
            f"{risk.titel} (förbättringsarbete)",
            {"risk": risk.id, "foljer_plan": None, "kommentar": None},
        )
        for risk in plan.risker
        if Hantering.FORBATTRINGSARBETE in risk.hanteringar
    ]


def _entry(control_id: str, indicators: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "kontroll": control_id,
        "status": None,
        "bedomning": None,
        "resultat": None,
        "indikatorer": indicators,
        "kommentar": None,
        "atgarder": [],
    }


def _last_indicators(
    corpus: Corpus, namnd: NamndContent, control_id: str, before: tuple[int, int]
) -> list[dict[str, Any]]:
    """The indicators of the control in the latest earlier report, named but without values."""
    kommun = corpus.kommun
    order = sorted(
        ((y, kommun.period_index(p)), doc) for (y, p), doc in namnd.uppfoljningar.items()
    )
    for key, doc in reversed(order):
        if key >= before:
            continue
        report = doc.content
        assert isinstance(report, Uppfoljning)
        result = next((r for r in report.kontroller if r.kontroll == control_id), None)
        if result is not None and result.indikatorer:
            return [
                _blank_indicator(i.id, i.namn, i.enhet, i.av is not None)
                for i in result.indikatorer
            ]
    return []


def _blank_indicator(ident: str, namn: str, enhet: str | None, has_total: bool) -> dict[str, Any]:
    blank: dict[str, Any] = {"id": ident, "namn": namn, "varde": None, "enhet": enhet}
    if has_total:
        blank["av"] = None
    return blank


def _list_text(key: str, entries: list[tuple[str, dict[str, Any]]]) -> str:
    """A top-level list with a comment naming each entry (which control or risk it is)."""
    if not entries:
        return f"{key}: []\n"
    out = [f"{key}:"]
    for title, entry in entries:
        out.append(f"  # {' '.join(title.split())[:110]}")
        item = dump_yaml([entry]).rstrip("\n")
        out.extend(f"  {line}" if line else line for line in item.splitlines())
    return "\n".join(out) + "\n"
