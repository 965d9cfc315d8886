"""Sensitive numbers: find Swedish personnummer and samordningsnummer in the content.

A published internal-control report must never name a person by identity number. Every
string, number, mapping key and published file or folder name of every content file is
scanned; a match stops the build with the file, line and field, unless the document lists
that number under ``tillatna_nummer``. ``publish/gate.py`` scans the built site the same way.

What counts as a match: ten digits ``YYMMDDNNNC`` or twelve ``YYYYMMDDNNNC``, optionally with
``-``, ``+`` or spaces before the last four, where the date part is a real date (the day plus
60 for a samordningsnummer) and ``C`` is the Luhn check digit. Organisation numbers (month
20 or more), dates, diarienummer such as ``SN 2023-1178`` and amounts therefore pass.

Text is matched as a reader sees it, not as it is typed (:func:`normalize`,
:func:`strip_markup`): escapes, HTML entities and percent-encoding are decoded; Unicode is
folded (NFKC, every dash to ``-``, every space to `` ``, digits of any script to ``0-9``,
invisible format characters and combining marks dropped); and, in a second reading, HTML
comments and tags and Markdown's emphasis, code, escape and link markers are removed. Every
step is a single pass, so a scan takes time proportional to the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from .diagnostics import Diagnostic, field_path
from .load import Loc, SourceDocument

ALLOW_FIELD = "tillatna_nummer"
"""The top-level key under which a document lists the numbers it may publish."""

_CANDIDATE = re.compile(
    r"(?<![^\W_])(?<![+.,])(?<![0-9]-)"  # not the tail of a word or longer number
    r"((?:18|19|20)?[0-9]{6})(\s*[-+]\s*|\s+)?([0-9]{4})"
    r"(?![^\W_]|[.,][0-9]|-[0-9])"
)
_RUN = re.compile(r"[0-9]{6,}")
"""Where a number can start: six digits or more (the lookbehinds forbid starting later)."""
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})")
_SPECIAL = re.compile(r"[^\x00-\x7f](?<=[\d\W])")
"""A non-ASCII digit, space, dash, format character, mark or other non-letter."""
_MINUS = frozenset("\u2212\u2796\u02d7\u2043\u2e3a\u2e3b")
"""Minus-like characters that are not in Unicode's dash category."""
_INLINE = (
    "a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|"
    "strike|strong|sub|sup|time|tt|u|var|wbr"
)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE})(?:\s[^<>]*)?/?>")
_INLINE_TAG_ANY_CASE = re.compile(_INLINE_TAG.pattern, re.IGNORECASE)
_UPPER_TAG = re.compile(r"</?[A-Z]")
"""Tags in capitals (rare; the case-insensitive pattern is three times slower)."""
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")
_MARKERS = re.compile(r"[*_`\\~\[\]]+")
_MARKUP_CHARS = ("<", "*", "_", "`", "\\", "~", "[")


@dataclass(frozen=True)
class Finding:
    """One identity number found in a text."""

    text: str
    """The number as a reader sees it (normalised), e.g. ``811218-9876``."""
    kind: str
    """``personnummer`` or ``samordningsnummer``."""

    @property
    def key(self) -> str:
        """Its digits only: the same number however it is written."""
        return number_key(self.text)


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


@functools.lru_cache(maxsize=4096)
def _replacement(ch: str) -> str:
    """What one non-ASCII digit, space, dash or invisible character reads as."""
    category = unicodedata.category(ch)
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if category == "Zs" or ch.isspace():
        return " "
    if category == "Pd" or ch in _MINUS:
        return "-"
    if category in ("Cf", "Mn", "Me"):  # zero-width characters, soft hyphen, marks
        return ""
    return ch


def _decode_escape(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return match.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)


def normalize(text: str) -> str:
    """The text as it reads: escapes, entities and %-codes decoded, Unicode folded.

    ``\\uXXXX`` (JSON, JavaScript), ``&#49;``/``&shy;`` (HTML) and ``%2D`` (URLs) are decoded,
    then NFKC folds fullwidth and other compatibility forms, every dash becomes ``-``, every
    space `` ``, every decimal digit ``0-9``, and format characters (zero-width space, word
    joiner, soft hyphen, direction marks) and combining marks are removed.
    """
    if "\\" in text:
        text = _ESCAPE.sub(_decode_escape, text)
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = _PERCENT.sub(lambda m: unquote(m.group(0)), text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _SPECIAL.sub(lambda m: _replacement(m.group(0)), text)
    return text


def _drop_comments(text: str) -> str:
    """The text without ``<!-- … -->`` comments (an unclosed one is left alone)."""
    if "<!--" not in text:
        return text
    parts, pos = [], 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        parts.append(text[pos:start])
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts)


def strip_markup(text: str) -> str:
    """A normalised text without HTML comments and tags or Markdown markers.

    Inline tags (``<span>``, ``<em>``, ``<a>`` …) vanish, so ``1912<em>1212</em>-1212`` reads
    as one number; ``<br>`` becomes a space; other tags (cells, paragraphs) separate, as they
    do on the page: ``<td>811218</td><td>9876</td>`` is not one number. Markdown's ``*``,
    ``_``, backticks, backslash escapes, ``~`` and link brackets and targets vanish.
    """
    if not any(ch in text for ch in _MARKUP_CHARS):
        return text
    text = _drop_comments(text)
    if "<" in text:
        inline = _INLINE_TAG_ANY_CASE if _UPPER_TAG.search(text) else _INLINE_TAG
        text = _TAG.sub(" | ", _BREAK.sub(" ", inline.sub("", text)))
    if "](" in text:
        text = _LINK_TARGET.sub("", text)
    return _MARKERS.sub("", text)


def _matches(text: str) -> Iterator[Finding]:
    for run in _RUN.finditer(text):
        match = _CANDIDATE.match(text, run.start())
        if match is None:
            continue
        date_part, _sep, tail = match.groups()
        kind = _kind(date_part)
        if kind and luhn_ok(date_part[-6:] + tail):
            yield Finding(" ".join(match.group(0).split()), kind)


def readings(text: str) -> tuple[str, str]:
    """The two readings of a text that are scanned: normalised, and that without markup."""
    plain = normalize(text)
    return plain, strip_markup(plain)


def numbers_in(plain: str, stripped: str) -> list[Finding]:
    """The numbers in a text's two :func:`readings`, each once, in the order found."""
    found = {finding.key: finding for finding in _matches(plain)}
    if stripped != plain:
        for finding in _matches(stripped):
            found.setdefault(finding.key, finding)
    return list(found.values())


def find_numbers(text: str) -> list[Finding]:
    """Every personnummer or samordningsnummer (valid date and check digit) in a text.

    The text is read as written (normalised) and without markup; each number is returned
    once, in the order found.
    """
    return numbers_in(*readings(text))


def find_numbers_as_is(text: str) -> list[Finding]:
    """Numbers written in plain ASCII digits, without decoding anything (for binary files)."""
    return list(_matches(text))


def number_key(text: str) -> str:
    """The digits of a number, however it is written: ``19121212–1212`` → ``191212121212``."""
    return "".join(ch for ch in normalize(text) if ch.isdigit())


def _scalar_text(value: Any) -> str | None:
    """A scalar as the site shows it: strings, and numbers as digits."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return f"{int(value)} {value!r}"
    return repr(value) if isinstance(value, float) else str(value)


def texts(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text of a document with its location: values, numbers and mapping keys."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not loc and key == ALLOW_FIELD:
                continue
            yield (*loc, key), str(key)
            yield from texts(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, (*loc, i))
    elif (text := _scalar_text(data)) is not None:
        yield loc, text


def allowed_numbers(source: SourceDocument) -> set[str]:
    """The numbers a document explicitly allows (its ``tillatna_nummer`` list), as written."""
    data = source.data if isinstance(source.data, dict) else {}
    entries = data.get(ALLOW_FIELD) or []
    if not isinstance(entries, list):
        return set()
    return {str(e.get("nummer")) for e in entries if isinstance(e, dict)}


def allowed_keys(sources: Iterable[SourceDocument]) -> set[str]:
    """The digits of every number any of these documents allows."""
    return {number_key(n) for source in sources for n in allowed_numbers(source)}


def _message(finding: Finding, written: str) -> str:
    disguised = finding.text not in written
    return (
        f"'{finding.text}' ser ut som ett {finding.kind}"
        + (
            " (så det läses på sidan; i filen står andra tecken eller kod i numret)"
            if disguised
            else ""
        )
        + f"; ta bort det (sådana uppgifter får inte publiceras) eller, om det verkligen ska "
        f"publiceras, ange det under '{ALLOW_FIELD}' i samma fil"
    )


def scan_document(source: SourceDocument, text: str | None = None) -> list[Diagnostic]:
    """A diagnostic for every identity number in a document that it does not allow.

    ``text`` is the file's text, used to point at the very line of a number inside a
    multi-line field; each line is normalised at most once, so the scan stays linear.
    """
    allowed = allowed_keys([source])
    lines = _Lines(source, text)
    out: list[Diagnostic] = []
    reported: set[tuple[Loc, str]] = set()
    for loc, value in texts(source.data):
        cursor: int | None = None
        for finding in find_numbers(value):
            if finding.key in allowed or (loc, finding.key) in reported:
                continue
            reported.add((loc, finding.key))
            cursor = lines.find(loc, finding.text, cursor)
            field = field_path(loc) or None
            out.append(Diagnostic(source.path, cursor, field, _message(finding, value)))
    return out


def scan_name(shown: str, name: str, allowed: set[str]) -> list[Diagnostic]:
    """A diagnostic when a file or folder name that becomes part of the site's addresses
    (a nämnd's folder, a period's file) holds an identity number not in ``allowed``."""
    what = "mappen" if "." not in name else "filen"
    return [
        Diagnostic(
            shown,
            None,
            None,
            f"namnet '{name}' blir en del av webbplatsens adresser, och '{f.text}' ser ut som "
            f"ett {f.kind}; byt namn på {what} (utan omdirigering från det gamla namnet)",
        )
        for f in find_numbers(name)
        if f.key not in allowed
    ]


class _Lines:
    """Where in the file a number is written: searched within its own field's lines only.

    Each field's lines run from its first line to the line before the next field starts;
    within a field the search goes on from the previous hit, and stops for good at a miss
    (a number split over lines), so a file is read at most about twice whatever the hits.
    """

    def __init__(self, source: SourceDocument, text: str | None) -> None:
        self.source = source
        self.raw = text.splitlines() if text else []
        self.starts: list[int] | None = None
        self.normalized: dict[int, str] = {}
        self.missed: set[Loc] = set()

    def find(self, loc: Loc, number: str, after: int | None) -> int | None:
        """The line of ``number`` in the field at ``loc``, from line ``after`` on."""
        start = self.source.line_of(loc)
        if start is None or not self.raw or loc in self.missed:
            return after or start
        if self.starts is None:
            self.starts = sorted(set(self.source.lines.values()))
        following = bisect.bisect_right(self.starts, start)
        stop = self.starts[following] if following < len(self.starts) else len(self.raw) + 1
        wanted = "".join(number.split())
        for line in range(after or start, min(stop, len(self.raw) + 1)):
            if wanted in self._normalized(line):
                return line
        self.missed.add(loc)
        return after or start

    def _normalized(self, line: int) -> str:
        if line not in self.normalized:
            plain = normalize(self.raw[line - 1])
            both = plain + "\n" + strip_markup(plain)
            self.normalized[line] = "".join(both.split())
        return self.normalized[line]
