"""Spreadsheets: the column layout, reading and writing .xlsx/.csv, and ``ikgen export``.

One row per control and period (a control without results has one row with an empty period).
Rows after the first for the same control and period may carry only further indicators and
actions. A risk without controls has rows with empty control columns. See the README
("Importera från kalkylark") for the layout; ``ikgen import`` is in :mod:`ikgen.sheet_import`.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus, Document, load_corpus
from ..core.diagnostics import ContentError, Diagnostic
from ..core.model import Kontroll, Kontrollresultat, Plan, Risk
from ..core.text import defuse

#: Field key → the column heading ikgen writes (and reads; --kolumn maps other headings).
COLUMNS: dict[str, str] = {
    "namnd": "Nämnd",
    "ar": "År",
    "period": "Period",
    "omrade": "Område",
    "risk_id": "Risk-id",
    "risk": "Risk",
    "process": "Process",
    "riskbeskrivning": "Riskbeskrivning",
    "sannolikhet": "Sannolikhet",
    "konsekvens": "Konsekvens",
    "riskvarde": "Riskvärde",
    "befintliga_rutiner": "Befintliga rutiner",
    "hantering": "Hantering",
    "kontroll_id": "Kontroll-id",
    "kontroll": "Kontroll",
    "ansvarig": "Ansvarig",
    "frekvens": "Frekvens",
    "frekvenstext": "Frekvenstext",
    "metod": "Metod",
    "rutin": "Rutin",
    "verifieras_av": "Verifieras av",
    "status": "Status",
    "bedomning": "Bedömning",
    "resultat": "Resultat",
    "kommentar": "Kommentar",
    "foljer_plan": "Följer plan",
    "indikator_id": "Indikator-id",
    "indikator": "Indikator",
    "varde": "Värde",
    "enhet": "Enhet",
    "av": "Av",
    "atgard_id": "Åtgärd-id",
    "atgard": "Åtgärd",
    "atgard_vem": "Åtgärd ansvarig",
    "atgard_nar": "Åtgärd klar",
    "atgard_status": "Åtgärd status",
}

RISK_FIELDS = {
    "omrade": "omrade",
    "risk": "titel",
    "process": "process",
    "riskbeskrivning": "beskrivning",
    "sannolikhet": "sannolikhet",
    "konsekvens": "konsekvens",
    "riskvarde": "riskvarde",
    "befintliga_rutiner": "befintliga_rutiner",
    "hantering": "hantering",
}
CONTROL_FIELDS = {
    "kontroll": "titel",
    "ansvarig": "ansvarig",
    "frekvens": "frekvens",
    "frekvenstext": "frekvenstext",
    "metod": "metod",
    "rutin": "rutin",
    "verifieras_av": "verifieras_av",
}
INDICATOR_FIELDS = {
    "indikator_id": "id",
    "indikator": "namn",
    "varde": "varde",
    "enhet": "enhet",
    "av": "av",
}
ACTION_FIELDS = {
    "atgard_id": "id",
    "atgard": "vad",
    "atgard_vem": "vem",
    "atgard_nar": "nar",
    "atgard_status": "status",
}
RESULT_FIELDS = {
    "status": "status",
    "bedomning": "bedomning",
    "resultat": "resultat",
    "kommentar": "kommentar",
}


def normalize(heading: Any) -> str:
    """A heading without case, diacritics, or the difference between space, - and _."""
    text = unicodedata.normalize("NFKD", str(heading or "")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


# --- reading and writing sheets -------------------------------------------------------------


def read_rows(path: Path) -> list[list[Any]]:
    """All rows of the first sheet (xlsx) or of the file (csv), as lists of cell values."""
    if not path.is_file():
        raise ContentError([Diagnostic(path.as_posix(), None, None, "filen finns inte")])
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the editor's file
            message = f"filen kan inte läsas som .xlsx ({type(exc).__name__})"
            raise ContentError([Diagnostic(path.as_posix(), None, None, message)]) from None
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        return rows
    if suffix == ".csv":
        return _read_csv(path)
    raise ContentError(
        [Diagnostic(path.as_posix(), None, None, "filen ska sluta på .xlsx eller .csv")]
    )


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        message = "filen är inte UTF-8; spara den som CSV UTF-8"
        raise ContentError([Diagnostic(path.as_posix(), None, None, message)]) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def write_rows(path: Path, rows: list[list[Any]]) -> None:
    """Write rows to .xlsx (one sheet, bold header) or .csv (UTF-8, ';').

    Texts are never formulas: one that starts like a formula gets an apostrophe first
    (:func:`defuse`), and in .xlsx every text is a string cell. Numbers stay numbers, negative
    ones too.
    """
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerows([[_csv_cell(v) for v in row] for row in rows])
        return
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Internkontroll"
    for row in rows:
        sheet.append([defuse(v) if isinstance(v, str) else v for v in row])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a text cell, whatever it starts with: no formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.save(path)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return defuse(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- export ---------------------------------------------------------------------------------


def export_sheet(content: Path, target: Path, namnd: str | None, year: int | None) -> str:
    """Write the plans and follow-ups of the content folder to a sheet; return the path."""
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise ContentError(
            [Diagnostic(target.as_posix(), None, None, "filen ska sluta på .xlsx eller .csv")]
        )
    corpus = load_corpus(content)
    rows = [list(COLUMNS.values())]
    for namnd_id, n in corpus.namnder.items():
        if namnd not in (None, namnd_id):
            continue
        for plan_year, plan_doc in sorted(n.plans.items()):
            if year in (None, plan_year):
                rows += [[r.get(k) for k in COLUMNS] for r in plan_rows(corpus, plan_doc)]
    target.parent.mkdir(parents=True, exist_ok=True)
    write_rows(target, rows)
    return target.as_posix()


def plan_rows(corpus: Corpus, plan_doc: Document) -> Iterator[dict[str, Any]]:
    """The rows of one plan and its year's follow-ups, as field key → cell value."""
    plan = plan_doc.content
    assert isinstance(plan, Plan)
    n = corpus.namnder[plan_doc.namnd_id]
    reports = sorted(
        (
            (corpus.kommun.period_index(p), p, d.content)
            for (y, p), d in n.uppfoljningar.items()
            if y == plan_doc.year
        ),
        key=lambda t: t[0],
    )
    base = {"namnd": plan_doc.namnd_id, "ar": plan_doc.year}
    for risk in plan.risker:
        ident = {**base, "risk_id": risk.id}
        first = {**ident, **_risk_cells(risk)}
        if not risk.kontroller:
            periods = [(p, r) for _, p, r in reports for r in r.risker if r.risk == risk.id]  # type: ignore[union-attr]
            for period, ru in periods or [(None, None)]:
                extra = (
                    {"foljer_plan": ("ja" if ru.foljer_plan else "nej"), "kommentar": ru.kommentar}
                    if ru
                    else {}
                )
                yield {**first, "period": period, **extra}
                first = ident
        for control in risk.kontroller:
            yield from _control_rows(first, ident, control, reports)
            first = ident


def _control_rows(
    first: dict[str, Any], ident: dict[str, Any], control: Kontroll, reports: list
) -> Iterator[dict[str, Any]]:
    lead = {**first, "kontroll_id": control.id, **_control_cells(control)}
    found = [
        (p, r) for _, p, report in reports for r in report.kontroller if r.kontroll == control.id
    ]
    if not found:
        yield lead
    for period, result in found:
        yield from _result_rows(
            lead, {**ident, "kontroll_id": control.id, "period": period}, period, result
        )
        lead = {**ident, "kontroll_id": control.id}


def _result_rows(
    lead: dict[str, Any], cont: dict[str, Any], period: str, result: Kontrollresultat
) -> Iterator[dict[str, Any]]:
    count = max(1, len(result.indikatorer), len(result.atgarder))
    for i in range(count):
        row = {**lead, "period": period} if i == 0 else dict(cont)
        if i == 0:
            row |= {k: getattr(result, attr) for k, attr in RESULT_FIELDS.items()}
        for items, fields in (
            (result.indikatorer, INDICATOR_FIELDS),
            (result.atgarder, ACTION_FIELDS),
        ):
            if i < len(items):
                row |= {k: getattr(items[i], attr) for k, attr in fields.items()}
        yield row


def _risk_cells(risk: Risk) -> dict[str, Any]:
    cells = {k: getattr(risk, attr) for k, attr in RISK_FIELDS.items()}
    cells["hantering"] = ", ".join(h.value for h in risk.hanteringar) or None
    return cells


def _control_cells(control: Kontroll) -> dict[str, Any]:
    cells = {k: getattr(control, attr) for k, attr in CONTROL_FIELDS.items()}
    cells["frekvens"] = ", ".join(control.frekvens) or None
    return cells
