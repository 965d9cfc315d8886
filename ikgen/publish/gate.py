"""The publish gate: no personnummer in anything the build wrote, whatever its way there.

``sensitive.py`` scans the content as it is read. This gate scans the result, after MkDocs,
the theme, ikgen's exports and Pagefind have written the site: every file's text (HTML text
and attribute values, JSON, JSON-LD, CSV, Atom/XML, sitemap, ``urls.txt``, JavaScript,
source maps), gzip files unpacked (``sitemap.xml.gz``; Pagefind's fragments, index and
metadata under ``pagefind/``), binary files' plain ASCII digits, and every file and folder
name. Text is normalised exactly as in the source scan (entities, escapes, %-codes, Unicode
folding; then tags, comments and Markdown markers removed), so a number the source scan
could miss, e.g. one typed into ``mkdocs.yml``, a page under ``docs/`` or a theme template,
is caught here. Each file is read once and scanned in one pass: the gate is linear in the
size of the site.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.diagnostics import field_path
from ..core.load import SourceDocument
from ..core.sensitive import (
    Finding,
    find_numbers,
    find_numbers_as_is,
    normalize,
    number_key,
    numbers_in,
    readings,
    strip_markup,
    texts,
)

MAX_UNPACKED = 256_000_000
"""A gzip file is scanned up to this many unpacked bytes (a bomb cannot exhaust memory)."""
MAX_KNOWN = 500_000
"""Distinct lines and blocks the gate remembers before it starts afresh (about 100 MB)."""
_PAGEFIND = b"pagefind_dcd"
"""The header of Pagefind's files once unpacked; CBOR (index, metadata) or JSON follows."""


@dataclass(frozen=True)
class OutputFinding:
    """An identity number in the built site."""

    file: str
    """The file or folder, relative to the site folder, e.g. ``socialnamnden/index.html``."""
    finding: Finding
    in_name: bool = False
    """True when the number is in the file's or folder's name itself."""


def scan_output(site_dir: Path, allowed: Iterable[str] = ()) -> list[OutputFinding]:
    """Every personnummer or samordningsnummer in the built site that no document allows.

    ``allowed`` holds the numbers of the documents' ``tillatna_nummer`` lists, written in
    any way (they are compared by their digits).
    """
    keys = {number_key(number) for number in allowed}
    lines = LineScanner()
    out: list[OutputFinding] = []
    for rel, path in _entries(Path(site_dir)):
        out += [OutputFinding(rel, f, in_name=True) for f in find_numbers(path.name)]
        if path.is_file():  # a link to a file is published as that file
            out += [OutputFinding(rel, f) for f in scan_bytes(path.read_bytes(), lines)]
    return [o for o in out if o.finding.key not in keys]


def _entries(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every file and folder below the site folder (links are not followed), sorted."""
    for dirpath, dirnames, filenames in os.walk(site_dir, followlinks=False):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            yield path.relative_to(site_dir).as_posix(), path


def scan_bytes(data: bytes, lines: LineScanner | None = None) -> list[Finding]:
    """The identity numbers in one file's content, unpacked and decoded as needed."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    if data.startswith(_PAGEFIND):
        body = data[len(_PAGEFIND) :]
        if body[:1] in (b"{", b"["):  # a fragment: JSON with the page's text
            return find_numbers(body.decode("utf-8", "replace"))
        return find_numbers(" | ".join(cbor_strings(body)))
    if b"\x00" in data[:4096]:  # binary (images, fonts, WebAssembly): plain digits only
        return find_numbers_as_is(data.decode("latin-1"))
    return (lines or LineScanner()).scan(data.decode("utf-8", "replace"))


class LineScanner:
    """Scans texts with each distinct line read once: fast over pages that share most lines.

    Every page repeats the header, the navigation and the footer; read line by line, with
    what is learnt of each distinct line kept, the pages of a site are scanned in less than
    half the time. A number or a tag can span lines, so a line is scanned on its own only
    where the line break after it is *hard*: no tag is open across it (the last ``<`` or
    ``>`` before it is ``>``; a line that ends inside a tag or closes one is soft at both
    ends), and the text before it does not end, or the text after it does not begin, with a
    digit, ``-`` or ``+``. Lines of spaces only are skipped (a number's spaces may be any).
    Lines joined by soft breaks are scanned together as one text; a text with an HTML
    comment, which may hold ``<`` and ``>`` over several lines, is scanned whole. So every
    number :func:`find_numbers` finds in the whole text is found (tests/test_publish_gate.py
    holds random texts against that).
    """

    def __init__(self) -> None:
        self.known: dict[str, tuple[list[Finding], bool, bool, int, bool]] = {}
        """Per distinct line: its numbers, whether it may continue one (begins softly) or
        be continued (ends softly), its last angle bracket (0 none, 1 ``<``, 2 ``>``), and
        whether it holds a comment marker."""
        self.blocks: dict[str, list[Finding]] = {}
        """The numbers of each distinct block of lines joined by soft breaks."""

    def scan(self, text: str) -> list[Finding]:
        """The numbers in a text, each once: at least those :func:`find_numbers` finds."""
        # Lines of spaces only hold no number and break none (a number's spaces may be any).
        lines = [line for line in text.split("\n") if line and not line.isspace()]
        if len(lines) < 3:
            return find_numbers(text)
        if len(self.known) + len(self.blocks) > MAX_KNOWN:  # memory stays bounded
            self.known.clear()
            self.blocks.clear()
        known = self.known
        infos = [known.get(line) or self._learn(line) for line in lines]
        found: dict[str, Finding] = {}
        first = previous = -1  # the first and last line with text of the current block
        inside_tag = False
        for i, info in enumerate(infos):
            if info is _BLANK:  # only spaces: part of whichever block is around it
                continue
            _numbers, head, _tail, angle, comment = info
            if comment:
                return find_numbers(text)
            if previous >= 0 and not (inside_tag or (infos[previous][2] and head)):
                self._add(found, lines, infos, first, previous)  # a hard break before line i
                first = i
            if first < 0:
                first = i
            if angle:
                inside_tag = angle == 1
            previous = i
        if previous >= 0:
            self._add(found, lines, infos, first, previous)
        return list(found.values())

    def _add(self, found: dict, lines: list[str], infos: list, first: int, last: int) -> None:
        """The numbers of lines ``first`` to ``last``, one block, added to ``found``."""
        if first == last:
            numbers = infos[first][0]
        else:
            block = "\n".join(lines[first : last + 1])
            numbers = self.blocks.get(block)
            if numbers is None:
                numbers = self.blocks[block] = find_numbers(block)
        for finding in numbers:
            found.setdefault(finding.key, finding)

    def _learn(self, line: str) -> tuple[list[Finding], bool, bool, int, bool]:
        plain, stripped = readings(line)
        if not plain.strip() and not stripped.strip():
            self.known[line] = _BLANK
            return _BLANK
        ends = [_soft_ends(plain), _soft_ends(stripped)]
        lt, gt = plain.rfind("<"), plain.rfind(">")
        angle = 0 if lt == gt else (1 if lt > gt else 2)
        # A tag that runs on into the next line, or in from the previous one, is removed in
        # the whole text: what is around it there is not what is at this line's ends.
        first_gt = plain.find(">")
        spans = angle == 1 or (first_gt != -1 and not -1 < plain.find("<") < first_gt)
        info = (
            numbers_in(plain, stripped),
            spans or ends[0][0] or ends[1][0],
            spans or ends[0][1] or ends[1][1],
            angle,
            "<!--" in plain,
        )
        self.known[line] = info
        return info


_BLANK: tuple[list[Finding], bool, bool, int, bool] = ([], True, True, 0, False)
"""A line of spaces only (in both readings)."""


def _soft_ends(text: str) -> tuple[bool, bool]:
    """Whether a reading of a line may begin, and may end, inside a number."""
    text = text.strip()
    if not text:
        return True, True
    return text[0] in _NUMBER_CHARS, text[-1] in _NUMBER_CHARS


_NUMBER_CHARS = frozenset("0123456789-+")


def _gunzip(data: bytes) -> bytes:
    unpacker = zlib.decompressobj(wbits=47)  # gzip or zlib header
    try:
        return unpacker.decompress(data, MAX_UNPACKED)
    except zlib.error:
        return data  # not really gzip: scanned as it is


def cbor_strings(data: bytes) -> Iterator[str]:
    """Every text string in CBOR data (RFC 8949), e.g. the words of Pagefind's index.

    Containers need no recursion: their items simply follow their head. Anything that does
    not parse ends the walk; the caller has already had the strings before it.
    """
    pos, end = 0, len(data)
    while pos < end:
        major, info = data[pos] >> 5, data[pos] & 31
        pos += 1
        if info < 24:
            argument = info
        elif info < 28:
            size = 1 << (info - 24)
            argument = int.from_bytes(data[pos : pos + size], "big")
            pos += size
        elif info == 31:  # indefinite length or "break": no argument
            continue
        else:
            return
        if major in (2, 3):  # byte string, text string
            if major == 3:
                yield data[pos : pos + argument].decode("utf-8", "replace")
            pos += argument


def origins(
    finding: Finding, sources: Iterable[SourceDocument], extra: Iterable[tuple[str, str]]
) -> list[str]:
    """Where in the sources a number found in the site is written, as ``file:line: field``.

    ``extra`` holds ``(where, text)`` pairs for other inputs (mkdocs.yml's settings, lines of
    the pages under docs/). A text matches when it reads as the number, or when its digits
    hold the number's digits (a number the source scan could not read as one).
    """
    found = []
    for source in sources:
        for loc, text in texts(source.data):
            if _holds(text, finding):
                line = source.line_of(loc)
                place = source.path if line is None else f"{source.path}:{line}"
                found.append(f"{place}: {field_path(loc)}" if loc else place)
    found += [where for where, text in extra if _holds(text, finding)]
    return found


def _holds(text: str, finding: Finding) -> bool:
    plain = normalize(text)
    if finding.text in plain or finding.text in strip_markup(plain):
        return True
    return finding.key in "".join(ch for ch in plain if ch.isdigit())


def gate_message(findings: list[OutputFinding], where: dict[str, list[str]]) -> str:
    """The Swedish explanation: one line per number, naming output files and sources.

    ``where`` maps a number's digits to the places it comes from (see :func:`origins`).
    """
    by_number: dict[str, list[OutputFinding]] = {}
    for found in findings:
        by_number.setdefault(found.finding.key, []).append(found)
    lines = [
        "Publiceringsspärren stoppade bygget: den byggda webbplatsen innehåller något som ser ut "
        "som ett person- eller samordningsnummer, i filerna:"
    ]
    for key, found in by_number.items():
        files = sorted({f.file for f in found}, key=lambda f: (f.count("/"), f))
        shown = files[0] + (f" (och {len(files) - 1} filer till)" if len(files) > 1 else "")
        finding = found[0].finding
        sources = where.get(key) or []
        origin = (
            "kommer från " + "; ".join(sources[:3])
            if sources
            else "källan hittades inte i innehållet, mkdocs.yml eller docs/"
        )
        lines.append(
            f"{shown}: '{finding.text}' ser ut som ett {finding.kind} ({origin}); ta bort "
            f"det där, eller ange det under 'tillatna_nummer' i en av innehållets filer om det "
            f"verkligen ska publiceras"
        )
    return "\n".join(lines)
