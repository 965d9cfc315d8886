"""The whole validated content: the kommun, its nämnder, their plans and follow-ups.

Built completely before any page is made, so that every page can use cross-references
(a control across years, the latest report of a nämnd) without reading files again.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cache
from .diagnostics import ContentError, Diagnostic
from .load import SourceDocument, iter_files, not_a_file, parse, read_text
from .model import Dokumentstatus, Kommun, Namnd, Plan, Uppfoljning
from .sensitive import allowed_keys, find_numbers, scan_document, scan_name
from .validate import validate_document

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YEAR = re.compile(r"^(19|20|21)\d\d$")


@dataclass
class Document:
    """A plan or follow-up with where it came from."""

    namnd_id: str
    year: int
    period_id: str | None
    """None for a plan, else the follow-up's period id."""
    content: Plan | Uppfoljning
    source: SourceDocument
    file: Path
    """The file on disk (for its git history)."""

    @property
    def is_draft(self) -> bool:
        """Drafts are never published."""
        return self.content.status == Dokumentstatus.UTKAST


@dataclass
class NamndContent:
    """One nämnd with all its documents."""

    id: str
    namnd: Namnd
    source: SourceDocument
    plans: dict[int, Document] = field(default_factory=dict)
    uppfoljningar: dict[tuple[int, str], Document] = field(default_factory=dict)


@dataclass
class Corpus:
    """Everything in a content folder, validated."""

    root: Path
    kommun: Kommun
    kommun_source: SourceDocument
    namnder: dict[str, NamndContent] = field(default_factory=dict)
    broken: set[tuple[str, int, str | None]] = field(default_factory=set)
    """Documents that failed to load (nämnd, year, period), so checks do not report them twice."""

    @property
    def utgivare(self) -> str:
        """Who publishes: the municipality, or its nämnder when the documents do not name it."""
        if self.kommun.namn:
            return self.kommun.namn
        return ", ".join(n.namnd.namn for n in self.namnder.values()) or "Internkontroll"

    def documents(self) -> list[Document]:
        """Every plan and follow-up, in a stable order."""
        docs: list[Document] = []
        for n in self.namnder.values():
            docs.extend(n.plans.values())
            docs.extend(n.uppfoljningar.values())
        return docs

    def without_drafts(self) -> Corpus:
        """A copy with every draft document left out."""
        copy = Corpus(self.root, self.kommun, self.kommun_source)
        for nid, n in self.namnder.items():
            copy.namnder[nid] = NamndContent(
                n.id,
                n.namnd,
                n.source,
                {y: d for y, d in n.plans.items() if not d.is_draft},
                {k: d for k, d in n.uppfoljningar.items() if not d.is_draft},
            )
        return copy


def load_corpus(root: Path, files: cache.StampedCache | None = None) -> Corpus:
    """Read and validate every file under root; raise ContentError listing every problem."""
    corpus, problems = load_partial(root, files)
    if problems or corpus is None:
        raise ContentError(problems)
    return corpus


def load_partial(
    root: Path, files: cache.StampedCache | None = None
) -> tuple[Corpus | None, list[Diagnostic]]:
    """Read every file; return what validated (None if kommun.yml did not) and every problem.

    ``files`` remembers parsed files between calls (``ikgen serve``); None reads everything.
    """
    root = Path(root)
    problems: list[Diagnostic] = []
    read = _Reader(files if files is not None else cache.StampedCache(), problems)
    shown_root = _shown_root(root)
    kommun_file = root / "kommun.yml"
    if not kommun_file.is_file():
        reason = not_a_file(kommun_file) if os.path.lexists(kommun_file) else None
        return None, [Diagnostic(f"{shown_root}/kommun.yml", None, None, reason or "filen saknas")]
    found = _classify(root, shown_root, problems)
    kommun_doc, kommun = read(kommun_file, f"{shown_root}/kommun.yml", Kommun)
    namnder: dict[str, NamndContent] = {}
    broken: set[tuple[str, int, str | None]] = set()
    for path, (kind, namnd_id, year, period) in found.items():
        shown = f"{shown_root}/{path.relative_to(root).as_posix()}"
        model = {"namnd": Namnd, "plan": Plan, "uppfoljning": Uppfoljning}[kind]
        source, obj = read(path, shown, model)
        problems += _scan_name(path, root, shown_root, kind, source)
        if obj is None or source is None:
            broken.add((namnd_id, year, period if kind == "uppfoljning" else None))
            continue
        if kind == "namnd":
            namnder[namnd_id] = NamndContent(namnd_id, obj, source)
            continue
        doc = Document(namnd_id, year, period, obj, source, path)
        _attach(namnder, doc, problems, shown, broken)
    if kommun is None or kommun_doc is None:
        return None, problems
    return Corpus(root, kommun, kommun_doc, dict(sorted(namnder.items())), broken), problems


def _shown_root(root: Path) -> str:
    """The content folder as the editor typed it: relative to the working folder if inside."""
    try:
        return root.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return root.as_posix()


def _attach(
    namnder: dict[str, NamndContent], doc: Document, problems: list, shown: str, broken: set
) -> None:
    owner = namnder.get(doc.namnd_id)
    if owner is None and (doc.namnd_id, 0, None) in broken:
        return
    if owner is None:
        # namnd.yml sorts after the year folders' files only if missing; report it once.
        problems.append(Diagnostic(shown, None, None, f"nämnden '{doc.namnd_id}' saknar namnd.yml"))
        return
    if doc.period_id is None:
        owner.plans[doc.year] = doc
    else:
        owner.uppfoljningar[(doc.year, doc.period_id)] = doc


@dataclass
class _Reader:
    """Reads content files through a cache, collecting every problem."""

    files: cache.StampedCache
    problems: list[Diagnostic]

    def __call__(self, path: Path, shown: str, model: Any) -> tuple[Any, Any]:
        # Cached by path, mtime and size: under `ikgen serve` only changed files are parsed again.
        key = (str(path.absolute()), shown, model.__name__)
        source, obj, errors = self.files.get(
            key, cache.stamp(path), lambda: _read_file(path, shown, model)
        )
        self.problems.extend(errors)
        return source, obj


def _read_file(path: Path, shown: str, model: Any) -> tuple[Any, Any, list[Diagnostic]]:
    text, errors = read_text(path, shown)
    if text is None:
        return None, None, errors
    source, more = parse(text, shown)
    errors = errors + more
    if source is None:
        return None, None, errors
    obj, more = validate_document(source, model)
    # Identity numbers are looked for in every parsed file, valid or not, so that one is
    # never hidden behind another error; the text is at hand, so no file is read twice.
    return source, obj, errors + more + scan_document(source, text)


def _scan_name(
    path: Path, root: Path, shown_root: str, kind: str, source: SourceDocument | None
) -> list[Diagnostic]:
    """The name that becomes part of the site's addresses: a nämnd's folder, a period's file."""
    rel = path.relative_to(root)
    shown, name = f"{shown_root}/{rel.as_posix()}", rel.name
    if kind == "namnd":
        shown, name = f"{shown_root}/{rel.parts[0]}", rel.parts[0]
    if not find_numbers(name):
        return []  # the usual case: the document's own allowed numbers need not be read
    return scan_name(shown, name, allowed_keys([source] if source is not None else []))


def _classify(root: Path, shown_root: str, problems: list[Diagnostic]) -> dict[Path, tuple]:
    """Map each content file to (kind, nämnd, year, period); report files in the wrong place."""
    found: dict[Path, tuple] = {}
    resolved_root = root.resolve()
    for path in iter_files(root):
        rel = path.relative_to(root)
        shown = f"{shown_root}/{rel.as_posix()}"
        reason = _special(path, resolved_root)
        if reason is not None:
            problems.append(Diagnostic(shown, None, None, reason))
            continue
        # Notes, and images (the profile's logo and favicon, checked in checks/__init__.py).
        if rel.suffix.lower() in (".md", ".txt", ".svg", ".png") or rel.as_posix() == "kommun.yml":
            continue
        kind = _kind_of(rel.parts)
        if kind is None:
            problems.append(Diagnostic(shown, None, None, _wrong_place(rel)))
            continue
        found[path] = kind
    namnd_files = sorted((p for p, k in found.items() if k[0] == "namnd"), key=str)
    return {
        **{p: found[p] for p in namnd_files},
        **{p: k for p, k in found.items() if k[0] != "namnd"},
    }


def _special(path: Path, resolved_root: Path) -> str | None:
    """Why a path found in the content folder is refused before it is opened, or None.

    FIFOs, devices and sockets are never opened (a FIFO would stop the check for ever);
    symbolic links must lead, without a loop, to something inside the content folder.
    """
    try:
        mode = os.lstat(path).st_mode
        target = os.stat(path).st_mode if stat.S_ISLNK(mode) else mode
    except OSError:
        return not_a_file(path)  # a link loop or a link to nothing, named in Swedish
    if stat.S_ISLNK(mode) and not _inside(path, resolved_root):
        return "symbolisk länk som pekar utanför innehållsmappen"
    if stat.S_ISREG(target) or stat.S_ISDIR(target):
        return None
    return not_a_file(path)


def _kind_of(parts: tuple[str, ...]) -> tuple | None:
    if len(parts) == 2 and parts[1] == "namnd.yml" and _SLUG.match(parts[0]):
        return ("namnd", parts[0], 0, None)
    if len(parts) == 3 and _SLUG.match(parts[0]) and _YEAR.match(parts[1]):
        stem, suffix = parts[2].rsplit(".", 1) if "." in parts[2] else (parts[2], "")
        if suffix != "yml" or not _SLUG.match(stem):
            return None
        if stem == "plan":
            return ("plan", parts[0], int(parts[1]), None)
        return ("uppfoljning", parts[0], int(parts[1]), stem)
    return None


def _wrong_place(rel: Path) -> str:
    return (
        "filen ligger på fel ställe eller har fel namn; förväntat kommun.yml, {nämnd}/namnd.yml, "
        "{nämnd}/{år}/plan.yml eller {nämnd}/{år}/{period}.yml (små bokstäver, ändelsen .yml)"
    )


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True
