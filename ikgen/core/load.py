"""Load: read the content folder's YAML files safely, keeping the source line of every value.

Only plain YAML is accepted: no anchors/aliases (which make alias bombs possible), no tags
beyond the core schema, no duplicate keys. Everything refused becomes a Diagnostic.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
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
MAX_VALUES = 20_000
"""Values (texts, numbers, lists, mappings) in one file: the largest real report has 500."""
# Characters that may not stand in a text: C0 controls other than tab, line feed and carriage
# return, DEL, C1 controls other than NEL, the non-characters U+FFFE/U+FFFF and lone surrogates.
# YAML does not allow them written out, XML (the Atom feeds) not at all, spreadsheets refuse them.
FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]"
)
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
    reason = not_a_file(path)
    if reason is not None:
        return None, [_whole(shown, reason)]
    try:
        # Never blocks: the file was a regular file above, and O_NONBLOCK keeps a FIFO swapped
        # in since then from stopping the check; fstat confirms what was opened.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, [_whole(shown, _kind_reason(info.st_mode))]
            size = info.st_size
            if size > MAX_FILE_BYTES:
                limit = MAX_FILE_BYTES // 1_000_000
                message = f"filen är för stor ({size:,} byte; högst {limit} MB)"
                return None, [_whole(shown, message)]
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [_whole(shown, f"filen kan inte läsas ({_os_reason(exc)})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [_whole(shown, f"filen är för stor (högst {MAX_FILE_BYTES // 1_000_000} MB)")]
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
    bad = FORBIDDEN_CHARS.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        return None, [_at(shown, line, f"filen innehåller {forbidden_char(bad.group())}")]
    return text, []


def not_a_file(path: Path) -> str | None:
    """Why ikgen will not open this path as a content file (Swedish), or None if it may.

    Only regular files are read (a symbolic link to one is followed): a FIFO would stop the
    check for ever, a device or socket is no text, and a symbolic link loop leads nowhere.
    Nothing is opened to find out.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolisk länk i en slinga (den leder till slut tillbaka till sig själv)"
        if os.path.islink(path):
            return "symbolisk länk till något som inte finns"
        return f"filen kan inte läsas ({_os_reason(exc)})"
    return None if stat.S_ISREG(info.st_mode) else _kind_reason(info.st_mode)


def _kind_reason(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        kind = "en namngiven pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "en enhetsfil"
    elif stat.S_ISSOCK(mode):
        kind = "en socket"
    elif stat.S_ISDIR(mode):
        kind = "en mapp"
    else:
        kind = "något annat än en vanlig fil"
    return f"{kind}, inte en vanlig fil; bara vanliga YAML-filer får ligga i innehållsmappen"


def _os_reason(exc: OSError) -> str:
    swedish = {
        errno.ENOENT: "filen finns inte",
        errno.EACCES: "behörighet saknas",
        errno.EPERM: "behörighet saknas",
        errno.EISDIR: "det är en mapp",
        errno.ELOOP: "symbolisk länk i en slinga",
        errno.ENAMETOOLONG: "namnet är för långt",
    }
    return swedish.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def forbidden_char(char: str) -> str:
    """How a forbidden character is named in a message (it cannot be shown as it is)."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "en ensam surrogat"
    elif code in (0xFFFE, 0xFFFF):
        kind = "ett icke-tecken"
    else:
        kind = "ett styrtecken"
    return (
        f"tecknet U+{code:04X} ({kind}), som inte får finnas i text (inte heller i XML-flödena);"
        " ta bort det"
    )


def parse(text: str, shown: str) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Parse YAML text into a SourceDocument, or explain in Swedish why it cannot be."""
    too_many = _too_many_values(text)
    if too_many is not None:
        message = f"filen har fler än {MAX_VALUES:,} värden; dela upp den".replace(",", " ")
        return None, [_at(shown, too_many, message)]
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


def _too_many_values(text: str) -> int | None:
    """The line where a file passes MAX_VALUES values, or None (counted before composing).

    Composing a node costs far more than reading its text, so a file of a million short values
    would take minutes. Every value but the first is introduced by '-', ':', '?', '[', '{' or ','
    (a key and its value by one ':'), which bounds the count cheaply; only a file that could
    pass the limit has its values counted, stopping at the limit.
    """
    structural = text.count(":") + text.count("?") + text.count("[") + text.count("{")
    if 1 + text.count("-") + 2 * (structural + text.count(",")) <= MAX_VALUES:
        return None
    count = 0
    values = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, values):
                count += 1
                if count > MAX_VALUES:
                    return event.start_mark.line + 1
    except yaml.YAMLError:
        return None  # composing reports the syntax error with its line
    return None


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
        value = yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        line = node.start_mark.line + 1
        if _DATE_LIKE.match(node.value):
            message = f"'{node.value}' är inte ett giltigt datum (ÅÅÅÅ-MM-DD)"
            raise _Refused(line, message, loc) from None
        raise _Refused(line, f"värdet '{node.value[:60]}' kan inte läsas", loc) from None
    if isinstance(value, str):
        bad = FORBIDDEN_CHARS.search(value)
        if bad is not None:  # written as an escape in double quotes, e.g. "\x01" or "\uFFFE"
            raise _Refused(
                node.start_mark.line + 1, f"texten innehåller {forbidden_char(bad.group())}", loc
            )
    return value


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
        "found invalid Unicode character escape code": "ogiltig teckenkod efter \\u eller \\U"
        " (t.ex. en ensam surrogat \\uD800)",
        "expected escape sequence of": "ogiltig teckenkod efter \\x, \\u eller \\U",
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
