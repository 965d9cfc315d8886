"""Sensitive numbers: find Swedish personnummer and samordningsnummer in the content.

A published internal-control report must never name a person by identity number. Every
string (and number) in every content file is scanned; a match stops the build with the file,
line and field, unless the document lists that exact text under ``tillatna_nummer``.

What counts as a match: ten digits ``YYMMDDNNNC`` or twelve ``YYYYMMDDNNNC``, optionally with
``-``, ``+`` or a space before the last four, where the date part is a real date (the day plus
60 for a samordningsnummer) and ``C`` is the Luhn check digit. Organisation numbers (month
20 or more), dates, diarienummer such as ``SN 2023-1178`` and amounts therefore pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, field_path
from ..load import Loc, SourceDocument

if TYPE_CHECKING:
    from ..corpus import Corpus

ALLOW_FIELD = "tillatna_nummer"
"""The top-level key under which a document lists the numbers it may publish."""

_CANDIDATE = re.compile(r"(?<![\w+\-/.,])((?:18|19|20)?\d{6})([-+ ]?)(\d{4})(?![\w/]|[.,]\d|-\d)")


@dataclass(frozen=True)
class Finding:
    """One identity number found in a text."""

    text: str
    """The number exactly as written, e.g. ``811218-9876``."""
    kind: str
    """``personnummer`` or ``samordningsnummer``."""


def luhn_ok(digits: str) -> bool:
    """True when the last digit is the Luhn check digit of the others."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _kind(date_part: str) -> str | None:
    """``personnummer``/``samordningsnummer`` if the date part is a real birth date."""
    year = int(date_part[:-4]) if len(date_part) == 8 else 2000 + int(date_part[:2])
    month, day = int(date_part[-4:-2]), int(date_part[-2:])
    kind = "personnummer"
    if day > 60:
        day, kind = day - 60, "samordningsnummer"
    try:  # a six-digit date is read in the 2000s: as permissive as the 1900s for leap days
        dt.date(year, month, day)
    except ValueError:
        return None
    return kind


def find_numbers(text: str) -> list[Finding]:
    """Every personnummer or samordningsnummer (valid date and check digit) in a text."""
    found = []
    for match in _CANDIDATE.finditer(text):
        date_part, _sep, tail = match.groups()
        kind = _kind(date_part)
        if kind and luhn_ok(date_part[-6:] + tail):
            found.append(Finding(match.group(0), kind))
    return found


def _strings(data: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if not loc and key == ALLOW_FIELD:
                continue
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))
    elif isinstance(data, str | int) and not isinstance(data, bool):
        yield loc, str(data)


def allowed_numbers(source: SourceDocument) -> set[str]:
    """The numbers a document explicitly allows (its ``tillatna_nummer`` list)."""
    data = source.data if isinstance(source.data, dict) else {}
    entries = data.get(ALLOW_FIELD) or []
    return {str(e.get("nummer")) for e in entries if isinstance(e, dict)}


def scan_document(source: SourceDocument, file: Path | None = None) -> list[Diagnostic]:
    """A diagnostic for every identity number in a document that it does not allow."""
    allowed = allowed_numbers(source)
    out = []
    for loc, value in _strings(source.data, ()):
        for finding in find_numbers(value):
            if finding.text in allowed:
                continue
            line = _line_of(source, loc, finding.text, file)
            message = (
                f"'{finding.text}' ser ut som ett {finding.kind}; ta bort det (sådana uppgifter "
                f"får inte publiceras) eller, om det verkligen ska publiceras, ange det under "
                f"'{ALLOW_FIELD}' i samma fil"
            )
            out.append(Diagnostic(source.path, line, field_path(loc) or None, message))
    return out


def scan_corpus(corpus: Corpus) -> list[Diagnostic]:
    """Scan kommun.yml, every namnd.yml and every plan and follow-up, drafts included."""
    sources = [corpus.kommun_source]
    for n in corpus.namnder.values():
        sources += [n.source, *(d.source for d in (*n.plans.values(), *n.uppfoljningar.values()))]
    # A source's display path is the file's path from the working folder (or absolute).
    return [d for source in sources for d in scan_document(source, Path(source.path))]


def _line_of(source: SourceDocument, loc: Loc, text: str, file: Path | None) -> int | None:
    """The line where the number is written: searched from its field's line in the file."""
    start = source.line_of(loc)
    if file is None or start is None:
        return start
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return start
    for number, line in enumerate(lines[start - 1 :], start=start):
        if text in line:
            return number
    return start
