"""Load: read the content folder's YAML files safely, keeping the source line of every value.

Only plain YAML is accepted: no anchors/aliases (which make alias bombs possible), no tags
beyond the core schema, no duplicate keys. Everything refused becomes a Diagnostic.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic

try:  # libyaml is about ten times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40
_CORE_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")

Loc = tuple[str | int, ...]


@dataclass
class SourceDocument:
    """One YAML file, parsed, with the line of every value and key."""

    path: str
    """Display path, e.g. ``content/socialnamnden/2024/plan.yml``."""
    data: Any
    """The plain data (dicts, lists, scalars)."""
    lines: dict[Loc, int] = field(default_factory=dict)
    """Line (1-based) of each location; a key's own line for mapping entries."""

    def line_of(self, loc: Loc) -> int | None:
        """The line of a location, or of its nearest enclosing one."""
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc)


class _Refused(Exception):
    def __init__(self, line: int | None, message: str, loc: Loc = ()) -> None:
        self.line, self.message, self.loc = line, message, loc


def read_text(path: Path, shown: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a content file as strict UTF-8 text, refusing what no editor means to write."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1_000_000
            return None, [_whole(shown, f"filen är för stor ({size:,} byte; högst {limit} MB)")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_whole(shown, f"filen kan inte läsas ({exc.strerror})")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [_at(shown, 1, "filen börjar med en BOM; spara den som UTF-8 utan BOM")]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [
            _at(shown, line, "filen innehåller binära data (NUL-tecken); är det en YAML-fil?")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [_at(shown, line, "filen är inte giltig UTF-8; spara den som UTF-8")]
    if not text.strip():
        return None, [_at(shown, 1, "filen är tom")]
    return text, []


def parse(text: str, shown: str) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Parse YAML text into a SourceDocument, or explain in Swedish why it cannot be."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [_at(shown, line, f"YAML-syntaxfel: {_swedish_problem(exc, text, mark)}")]
    except yaml.YAMLError as exc:
        return None, [_whole(shown, f"YAML-syntaxfel: {exc}")]
    if len(nodes) != 1 or nodes[0] is None:
        return None, [_at(shown, 1, "filen ska innehålla exakt ett YAML-dokument")]
    doc = SourceDocument(path=shown, data=None)
    try:
        doc.data = _convert(nodes[0], (), doc, set(), 0)
    except _Refused as refused:
        field = _loc_text(refused.loc)
        return None, [Diagnostic(shown, refused.line, field, refused.message)]
    return doc, []


def _convert(node: yaml.Node, loc: Loc, doc: SourceDocument, seen: set[int], depth: int) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:  # an alias: report where it is used, not where its anchor is
        message = "ankare och alias (& och *) stöds inte; skriv ut värdet"
        raise _Refused(doc.line_of(loc) or line, message, loc)
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Refused(line, f"för djupt nästlad (mer än {MAX_DEPTH} nivåer)", loc)
    if node.tag not in _CORE_TAGS:
        raise _Refused(line, f"YAML-taggen '{node.tag}' är inte tillåten", loc)
    doc.lines.setdefault(loc, line)
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, loc, doc, seen, depth)
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), doc, seen, depth + 1) for i, item in enumerate(node.value)
        ]
    return _convert_scalar(node, loc)


def _convert_mapping(
    node: yaml.MappingNode, loc: Loc, doc: SourceDocument, seen: set[int], depth: int
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(key_line, "sammanslagningsnyckeln '<<' stöds inte", loc)
        key = _convert(key_node, (*loc, "<nyckel>"), doc, seen, depth + 1)
        if isinstance(key, bool | int | float | dt.date) and not isinstance(key, bool):
            key = str(key)
        if not isinstance(key, str):
            raise _Refused(key_line, f"nyckeln {key!r} ska vara en text", loc)
        if key in out:
            first = doc.lines.get((*loc, key))
            raise _Refused(
                key_line, f"nyckeln '{key}' förekommer två gånger (först rad {first})", loc
            )
        doc.lines[(*loc, key)] = key_line
        out[key] = _convert(value_node, (*loc, key), doc, seen, depth + 1)
    return out


def _convert_scalar(node: yaml.ScalarNode, loc: Loc) -> Any:
    try:
        # A constructor remembers every node it built: a fresh one per scalar keeps none.
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        line = node.start_mark.line + 1
        if _DATE_LIKE.match(node.value):
            message = f"'{node.value}' är inte ett giltigt datum (ÅÅÅÅ-MM-DD)"
            raise _Refused(line, message, loc) from None
        raise _Refused(line, f"värdet '{node.value[:60]}' kan inte läsas", loc) from None


def _swedish_problem(exc: yaml.MarkedYAMLError, text: str, mark: Any) -> str:
    problem = (exc.problem or exc.context or "okänt fel").strip()
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line]:
            return "tabbtecken är inte tillåtna i YAML; använd mellanslag för indrag"
    known = {
        "found character '\\t' that cannot start any token": "tabbtecken är inte tillåtna",
        "mapping values are not allowed here": "kolon på fel ställe (sätt texten inom citattecken)",
        "could not find expected ':'": "kolon saknas efter en nyckel",
        "found undefined alias": "alias (*) stöds inte",
        "mapping values are not allowed": "kolon på fel ställe (sätt texten inom citattecken)",
        "did not find expected key": "en nyckel väntades här (fel indrag, eller ett citattecken "
        "som inte avslutats?)",
        "did not find expected '-' indicator": "ett listelement ('- ') väntades här; "
        "kontrollera indraget",
        "did not find expected ',' or ']'": "listan inom [ ] avslutas inte (']' saknas)",
        "did not find expected ',' or '}'": "samlingen inom { } avslutas inte ('}' saknas)",
        "did not find expected node content": "ett värde saknas här",
        "did not find expected comment or line break": "oväntad text efter värdet (sätt texten "
        "inom citattecken)",
        "found unexpected end of stream": "filen tar slut mitt i ett värde (ett citattecken som "
        "inte avslutats?)",
        "found unknown escape character": "okänt tecken efter \\ inom dubbla citattecken",
        "exceeded maximum nesting depth": "för djupt nästlad",
        "block sequence entries are not allowed": "ett listelement ('- ') står på fel ställe",
        "found character that cannot start any token": "tecknet kan inte inleda ett värde (sätt "
        "texten inom citattecken)",
        "found undefined tag handle": "okänd YAML-tagg",
    }
    for english, swedish in known.items():
        if problem.startswith(english):
            return swedish
    return f"kontrollera indrag, kolon och citattecken ({problem})"


def _loc_text(loc: Loc) -> str | None:
    from .diagnostics import field_path

    return field_path(tuple(p for p in loc if p != "<nyckel>")) or None


def _whole(shown: str, message: str) -> Diagnostic:
    return Diagnostic(shown, None, None, message)


def _at(shown: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(shown, line, None, message)


def iter_files(root: Path) -> Iterator[Path]:
    """Every file below root, sorted, without following directory symlinks."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # A linked folder is not walked into, but yielded so that the caller can refuse it.
        filenames = filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name
