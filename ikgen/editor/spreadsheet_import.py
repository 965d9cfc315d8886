"""``ikgen import``: plan and follow-up YAML from a spreadsheet (.xlsx or .csv).

Every cell that cannot be placed is reported with its row and column; nothing is written
unless the whole sheet could be read, and no existing file is ever replaced.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..core.diagnostics import ContentError, Diagnostic
from ..core.load import FORBIDDEN_CHARS, SourceDocument, forbidden_char
from ..core.model import (
    Hantering,
    Kommun,
    Kontroll,
    Kontrollresultat,
    Plan,
    Risk,
    Riskuppfoljning,
    Uppfoljning,
)
from ..core.text import undefuse
from ..core.validate import validate_document
from .editor_schema import read_kommun
from .spreadsheet import (
    ACTION_FIELDS,
    COLUMNS,
    CONTROL_FIELDS,
    INDICATOR_FIELDS,
    RESULT_FIELDS,
    RISK_FIELDS,
    normalize,
    read_rows,
)
from .yamlwrite import DRAFT_NOTE, dump_yaml, refuse_existing, schema_line, write_new

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUGS = ("namnd", "risk_id", "kontroll_id", "indikator_id")
_INTS = ("ar", "sannolikhet", "konsekvens", "riskvarde")
_FLOATS = ("varde", "av")


class CellError(ValueError):
    """A cell value that cannot be placed; the message is Swedish."""


def letter(index: int) -> str:
    """The spreadsheet column letter of a 0-based column index (0 → A, 26 → AA)."""
    out, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


class _Builder:
    """Collects risks, controls and results from rows, reporting conflicts by row and column."""

    def __init__(self, kommun: Kommun, shown: str, headings: dict[int, str]) -> None:
        self.kommun, self.shown, self.headings = kommun, shown, headings
        self.problems: list[Diagnostic] = []
        self.plans: dict[tuple[str, int], dict[str, dict]] = {}
        self.reports: dict[tuple[str, int, str], dict[str, dict]] = {}
        self.owner: dict[tuple[str, int, str], str] = {}

    def problem(self, row: int, col: int | None, message: str) -> None:
        field = None if col is None else f"kolumn {letter(col)} ({self.headings[col]})"
        self.problems.append(Diagnostic(self.shown, row, field, message))

    def parse(self, row: int, raw: dict[str, tuple[Any, int]], year: int | None) -> dict:
        cells: dict[str, tuple[Any, int]] = {}
        for field, (value, col) in raw.items():
            try:
                cells[field] = (self.value(field, value, year), col)
            except CellError as exc:
                self.problem(row, col, str(exc))
        return cells

    def value(self, field: str, value: Any, year: int | None) -> Any:
        if isinstance(value, str):
            value = undefuse(value)  # 'ikgen export' wrote "'=…" for a text starting with "="
            bad = FORBIDDEN_CHARS.search(value)
            if bad is not None:
                raise CellError(f"cellen innehåller {forbidden_char(bad.group())}")
        text = value if isinstance(value, dt.date) else str(value).strip()
        if field in _SLUGS and not _SLUG.match(text):
            raise CellError(
                f"'{text}' är inte ett giltigt id (små bokstäver a–z, siffror, bindestreck)"
            )
        if field in _INTS:
            return _number(value, integer=True)
        if field in _FLOATS:
            return _number(value, integer=False)
        scales = {
            "period": [(p.id, p.namn, p.frekvensnamn) for p in self.kommun.perioder],
            "status": [(s.id, s.namn) for s in self.kommun.statusskala],
            "atgard_status": [(s.id, s.namn) for s in self.kommun.statusskala],
            "bedomning": [(b.id, b.namn) for b in self.kommun.bedomningsskala],
            "hantering": [(h.value, h.name) for h in Hantering],
            "omrade": [(a.id, a.namn) for a in self.kommun.omraden_for(year or 0)],
        }
        if field in scales and field != "hantering":
            return _choose(text, scales[field])
        if field in ("frekvens", "hantering"):
            scale = scales["period" if field == "frekvens" else "hantering"]
            parts = [p for p in re.split(r"[,;/]|\boch\b", text) if p.strip()]
            chosen = [_choose(p.strip(), scale) for p in parts]
            return chosen[0] if field == "hantering" and len(chosen) == 1 else chosen
        if field == "foljer_plan":
            return _yes_no(text)
        if field == "atgard_nar":
            return _date_or_text(value)
        return text

    def add(self, row: int, cells: dict[str, tuple[Any, int]], defaults: dict[str, Any]) -> None:
        namnd = cells.get("namnd", (defaults.get("namnd"), None))[0]
        year = cells.get("ar", (defaults.get("ar"), None))[0]
        if namnd is None or year is None:
            self.problem(
                row, None, "nämnd och år saknas (kolumnerna Nämnd och År, eller --namnd och --ar)"
            )
            return
        rid = _get(cells, "risk_id")
        kid = _get(cells, "kontroll_id")
        if kid and not rid:
            rid = self.owner.get((namnd, year, kid))
        if not rid:
            self.problem(
                row, None, "Risk-id saknas (och kontrollen har inte nämnts på en tidigare rad)"
            )
            return
        risks = self.plans.setdefault((namnd, year), {})
        risk = risks.setdefault(rid, {"data": {"id": rid}, "rows": {}, "kontroller": {}})
        self.fill(risk, RISK_FIELDS, cells, row)
        if kid:
            first = self.owner.setdefault((namnd, year, kid), rid)
            if first != rid:
                self.problem(
                    row, cells["kontroll_id"][1], f"kontrollen står redan under risken '{first}'"
                )
                return
            control = risk["kontroller"].setdefault(kid, {"data": {"id": kid}, "rows": {}})
            self.fill(control, CONTROL_FIELDS, cells, row)
        self.add_result(row, cells, (namnd, year), rid, kid)

    def add_result(
        self, row: int, cells: dict, key: tuple[str, int], rid: str, kid: str | None
    ) -> None:
        period = _get(cells, "period")
        result_keys = [*RESULT_FIELDS, *INDICATOR_FIELDS, *ACTION_FIELDS, "foljer_plan"]
        if period is None:
            for field in result_keys:
                if field in cells:
                    self.problem(
                        row, cells[field][1], "ett resultat kräver en period (kolumnen Period)"
                    )
            return
        report = self.reports.setdefault((*key, period), {"kontroller": {}, "risker": {}})
        if not kid:
            entry = report["risker"].setdefault(rid, {"data": {"risk": rid}, "rows": {}})
            self.fill(entry, {"foljer_plan": "foljer_plan", "kommentar": "kommentar"}, cells, row)
            return
        entry = report["kontroller"].setdefault(
            kid, {"data": {"kontroll": kid}, "rows": {}, "indikatorer": [], "atgarder": []}
        )
        self.fill(entry, RESULT_FIELDS, cells, row)
        for name, fields in (("indikatorer", INDICATOR_FIELDS), ("atgarder", ACTION_FIELDS)):
            item = {attr: cells[f][0] for f, attr in fields.items() if f in cells}
            if item:
                entry[name].append(item)

    def fill(self, target: dict, fields: dict[str, str], cells: dict, row: int) -> None:
        for field, attr in fields.items():
            if field not in cells:
                continue
            value, col = cells[field]
            known = target["data"].get(attr)
            if attr in target["data"] and known != value:
                first = target["rows"][attr]
                self.problem(row, col, f"skiljer sig från rad {first} ('{_short(known)}')")
            elif attr not in target["data"]:
                target["data"][attr], target["rows"][attr] = value, row


def _get(cells: dict, field: str) -> Any:
    return cells[field][0] if field in cells else None


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _number(value: Any, *, integer: bool) -> float | int:
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise CellError(f"'{value}' ska vara ett tal") from None
    if integer:
        if not number.is_integer():
            raise CellError(f"'{value}' ska vara ett heltal")
        return int(number)
    return int(number) if number.is_integer() else number


def _choose(text: str, options: list[tuple[str | None, ...]]) -> str:
    wanted = normalize(text)
    for option in options:
        if any(o is not None and normalize(o) == wanted for o in option):
            return str(option[0])
    allowed = ", ".join(str(o[0]) for o in options) or "inga"
    raise CellError(f"'{text}' är inget tillåtet värde; tillåtna: {allowed}")


def _yes_no(text: str) -> bool:
    answer = normalize(text)
    if answer in ("ja", "true", "1", "x"):
        return True
    if answer in ("nej", "false", "0"):
        return False
    raise CellError(f"'{text}' ska vara ja eller nej")


def _date_or_text(value: Any) -> dt.date | str:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return dt.date.fromisoformat(text) if _ISO_DATE.match(text) else text


def _columns(header: list[Any], mapping: list[str], shown: str) -> tuple[dict[int, str], list[str]]:
    """Column index → field key, and notes about columns that are ignored."""
    lookup = {normalize(h): k for k, h in COLUMNS.items()} | {normalize(k): k for k in COLUMNS}
    problems = []
    for item in mapping:
        field, _, heading = item.partition("=")
        if field.strip() not in COLUMNS or not heading.strip():
            fields = ", ".join(COLUMNS)
            problems.append(
                Diagnostic(
                    shown,
                    None,
                    "--kolumn",
                    f"'{item}' ska vara FÄLT=RUBRIK med FÄLT bland: {fields}",
                )
            )
            continue
        lookup[normalize(heading)] = field.strip()
    columns: dict[int, str] = {}
    notes = []
    for i, heading in enumerate(header):
        field = lookup.get(normalize(heading))
        if field is None:
            if normalize(heading):
                notes.append(
                    f"{shown}: kolumn {letter(i)} ('{heading}') känns inte igen och läses inte"
                )
        elif field in columns.values():
            problems.append(
                Diagnostic(
                    shown, None, f"kolumn {letter(i)}", f"fältet {field} har redan en kolumn"
                )
            )
        else:
            columns[i] = field
    if not {"risk_id", "kontroll_id"} & set(columns.values()):
        problems.append(
            Diagnostic(shown, None, None, "arket saknar kolumnerna Risk-id och Kontroll-id")
        )
    if problems:
        raise ContentError(problems)
    return columns, notes


def import_sheet(
    path: Path, content: Path, namnd: str | None, year: int | None, mapping: list[str]
) -> tuple[list[str], list[str]]:
    """Read a sheet and write plan and follow-up drafts; return paths written and notes."""
    kommun = read_kommun(content)
    shown = path.as_posix()
    rows = read_rows(path)
    start = next((i for i, r in enumerate(rows) if any(_filled(v) for v in r)), None)
    if start is None:
        raise ContentError([Diagnostic(shown, None, None, "arket är tomt")])
    columns, notes = _columns(rows[start], mapping, shown)
    builder = _Builder(kommun, shown, {i: str(h) for i, h in enumerate(rows[start])})
    defaults = {"namnd": namnd, "ar": year}
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        raw = {f: (row[i], i) for i, f in columns.items() if i < len(row) and _filled(row[i])}
        if raw:
            row_year = raw.get("ar", (year, 0))[0]
            builder.add(number, builder.parse(number, raw, _year_or_none(row_year)), defaults)
    if builder.problems:
        raise ContentError(builder.problems)
    return _write(content, builder, shown), notes


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _year_or_none(value: Any) -> int | None:
    try:
        return _number(value, integer=True)  # type: ignore[return-value]
    except CellError:
        return None


def _ordered(data: dict[str, Any], model: Any) -> dict[str, Any]:
    return {k: data[k] for k in model.model_fields if k in data}


def _documents(builder: _Builder) -> dict[tuple[str, int, str], tuple[dict, Any]]:
    docs: dict[tuple[str, int, str], tuple[dict, Any]] = {}
    for (namnd, year), risks in builder.plans.items():
        risker = []
        for risk in risks.values():
            controls = [_ordered(c["data"], Kontroll) for c in risk["kontroller"].values()]
            risker.append(_ordered({**risk["data"], "kontroller": controls}, Risk))
        docs[(namnd, year, "plan")] = ({"status": "utkast", "risker": risker}, Plan)
    for (namnd, year, period), report in builder.reports.items():
        results = [
            _ordered(
                {**e["data"], "indikatorer": e["indikatorer"], "atgarder": e["atgarder"]},
                Kontrollresultat,
            )
            for e in report["kontroller"].values()
        ]
        risker = [_ordered(e["data"], Riskuppfoljning) for e in report["risker"].values()]
        data = {"status": "utkast", "kontroller": results, "risker": risker}
        docs[(namnd, year, period)] = (data, Uppfoljning)
    return docs


def _write(content: Path, builder: _Builder, shown: str) -> list[str]:
    docs = _documents(builder)
    problems: list[Diagnostic] = []
    targets: dict[Path, str] = {}
    for (namnd, year, name), (data, model) in docs.items():
        target = content / namnd / str(year) / f"{name}.yml"
        targets[target] = target.as_posix()
        if not (content / namnd / "namnd.yml").is_file():
            problems.append(
                Diagnostic(
                    shown,
                    None,
                    None,
                    f"nämnden '{namnd}' finns inte; skapa den med "
                    f"'ikgen new namnd {namnd} \"Namn\"'",
                )
            )
        problems += validate_document(SourceDocument(targets[target], data), model)[1]
    if problems:
        raise ContentError(problems)
    refuse_existing(list(targets), targets)
    written = []
    for (namnd, year, name), (data, _model) in docs.items():
        kind = "plan" if name == "plan" else "uppfoljning"
        header = (
            f"{schema_line(kind, 2)}\nImporterad från {shown} med 'ikgen import'.\n{DRAFT_NOTE}"
        )
        target = content / namnd / str(year) / f"{name}.yml"
        written.append(write_new(target, dump_yaml(data, header), targets[target]))
    return written
