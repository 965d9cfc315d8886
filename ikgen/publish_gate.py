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

from .diagnostics import field_path
from .load import SourceDocument
from .sensitive import (
    Finding,
    find_numbers,
    find_numbers_as_is,
    normalize,
    number_key,
    strip_markup,
    texts,
)

MAX_UNPACKED = 256_000_000
"""A gzip file is scanned up to this many unpacked bytes (a bomb cannot exhaust memory)."""
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
    out: list[OutputFinding] = []
    for rel, path in _entries(Path(site_dir)):
        out += [OutputFinding(rel, f, in_name=True) for f in find_numbers(path.name)]
        if path.is_file() and not path.is_symlink():
            out += [OutputFinding(rel, f) for f in scan_bytes(path.read_bytes())]
    return [o for o in out if o.finding.key not in keys]


def _entries(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every file and folder below the site folder (links are not followed), sorted."""
    for dirpath, dirnames, filenames in os.walk(site_dir, followlinks=False):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            yield path.relative_to(site_dir).as_posix(), path


def scan_bytes(data: bytes) -> list[Finding]:
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
    return find_numbers(data.decode("utf-8", "replace"))


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
