"""The git history of a content file: when it last changed and what changed after the decision.

Auditors must be able to see that the published text is the decided text. Each change after
the decision date gets a readable summary of which fields (and which controls or risks) it
touched. Outside a git checkout, or with a shallow clone, the page says so in Swedish instead
of guessing.

The cost does not grow with the number of files: a build asks git once for the checkout
(``rev-parse``), once for the working tree (``status``), once for the history of the whole
content folder (one ``git log`` with rename detection, split into per-file histories the way
``git log --follow`` would) and once for every old version the summaries need (one
``git cat-file --batch``). The log and the old versions are kept per HEAD commit, so the
rebuilds of ``ikgen serve`` only ask for ``rev-parse`` and ``status`` again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.load import MAX_FILE_BYTES, parse

_TIMEOUT = 120
_RS, _US = "\x1e", "\x1f"

NOTE_NO_GIT = (
    "Webbplatsen byggdes utanför ett git-arkiv, så källfilens ändringshistorik kan inte visas. "
    "Jämför med protokollet för att se den beslutade texten."
)
NOTE_SHALLOW = (
    "Webbplatsen byggdes från en ofullständig (grund) git-kopia; äldre ändringar kan saknas."
)
NOTE_DIRTY = (
    "Källfilen har ändringar som inte är incheckade i git; den publicerade texten kan skilja sig "
    "från den senast incheckade."
)
NOTE_UNTRACKED = "Källfilen är inte incheckad i git och har därför ingen ändringshistorik."
NOTE_OFF = "Ändringshistoriken togs inte med i det här bygget (IKGEN_HISTORIK=av)."


@dataclass(frozen=True)
class Change:
    """One commit that changed the file."""

    date: dt.date
    """The commit date (committer date, in the committer's time zone)."""
    commit: str
    """The abbreviated commit hash."""
    author: str
    """Who made the change."""
    subject: str
    """The commit message's first line."""
    path: str
    """The file's path in the repository at that commit (it may have been renamed since)."""
    summary: str = ""
    """What changed, e.g. ``sammanfattning; kontroll it-sakerhet`` (filled in for some changes)."""
    note: str = ""
    """A warning about the change's date (dated before the decision or its previous version)."""


@dataclass
class SourceHistory:
    """What a page can say about its source file's history."""

    in_git: bool
    """False when built outside a git checkout (or without git)."""
    changes: list[Change] = field(default_factory=list)
    """Every commit touching the file, newest first."""
    after_decision: list[Change] = field(default_factory=list)
    """The commits dated after the decision date, newest first, each with a summary."""
    notes: list[str] = field(default_factory=list)
    """Swedish notes for the reader (outside git, shallow clone, uncommitted changes)."""

    @property
    def last(self) -> Change | None:
        """The newest commit touching the file."""
        return self.changes[0] if self.changes else None


Version = tuple[Change, str]
"""A change of one file and the full hash of its commit (to read the file as it was)."""


@dataclass
class _Checkout:
    """One look at a git checkout, valid for one build."""

    top: Path
    shallow: bool
    scope: Path
    """The folder whose files' histories were read (the content folder)."""
    status: dict[str, str]
    """Top-relative path → porcelain status (``??``, `` M``, …) of every changed file."""
    versions: dict[str, list[Version]]
    """Top-relative path → every change of the file, newest first (renames followed)."""

    def covers(self, path: Path) -> bool:
        """Whether the file lies in the folder this look was taken of."""
        return path.is_relative_to(self.scope)

    def key(self, path: Path) -> str:
        """The file's path relative to the checkout's top, as git writes it."""
        return path.relative_to(self.top).as_posix()


class GitHistory:
    """The git look-up of one build or one ``ikgen serve`` session, with what it remembers.

    The log is kept per HEAD commit and parsed old versions per (commit, path), so the
    rebuilds of a serve session ask git only for ``rev-parse`` and ``status`` again.
    """

    def __init__(self, *, enabled: bool | None = None) -> None:
        if enabled is None:
            # For reproducible output (golden tests): IKGEN_HISTORIK=av leaves the history out.
            enabled = os.environ.get("IKGEN_HISTORIK") != "av"
        self.enabled = enabled
        """False: pages say the history was left out of the build."""
        self._logs: dict[tuple[str, str, str, bool], dict[str, list[Version]]] = {}
        """Per-file histories per (top, scope, HEAD, shallow): the log changes only with HEAD."""
        self._blobs: dict[tuple[str, str], Any] = {}
        """Parsed old versions per (commit, path); a commit's file never changes."""
        self._build: dict[str, Any] = {}
        """The current build (see ``build_scope``): its content folder, documents and checkout."""

    @contextlib.contextmanager
    def build_scope(self, content_root: Path, documents: Iterable[Any]) -> Iterator[None]:
        """Within this block every document's history comes from one look at the checkout, and the
        old versions for all ``documents`` are read at once (the first time a history is asked)."""
        saved = dict(self._build)
        self._build.clear()
        self._build.update(root=Path(content_root).resolve(), documents=list(documents))
        try:
            yield
        finally:
            self._build.clear()
            self._build.update(saved)

    def source_history(self, path: Path, decided: dt.date | None) -> SourceHistory:
        """The history of one content file, with the changes after the decision date summarised."""
        if not self.enabled:
            return SourceHistory(False, notes=[NOTE_OFF])
        path = Path(path).resolve()
        checkout = self._checkout_for(path)
        if checkout is None:
            return SourceHistory(False, notes=[NOTE_NO_GIT])
        out = SourceHistory(True)
        if checkout.shallow:
            out.notes.append(NOTE_SHALLOW)
        key = checkout.key(path)
        status = checkout.status.get(key, "")
        if status.startswith("??"):
            out.notes.append(NOTE_UNTRACKED)
        elif status.strip():
            out.notes.append(NOTE_DIRTY)
        versions = checkout.versions.get(key, [])
        out.changes = [change for change, _ in versions]
        if decided is not None:
            self._read_versions(checkout.top, _needed(versions, decided))
            out.after_decision = self._summarised(versions, decided)
        return out

    def document_history(self, doc: Any) -> SourceHistory:
        """The history of a plan's or follow-up's file, relative to its decision date."""
        return self.source_history(doc.file, _decided(doc))

    def _checkout_for(self, path: Path) -> _Checkout | None:
        """The build's look at the checkout if the file is in its content folder, else a new one."""
        root = self._build.get("root")
        if root is None or not path.is_relative_to(root):
            return self._look(path.parent)
        if "checkout" not in self._build:
            checkout = self._build["checkout"] = self._look(root)
            if checkout is not None:
                docs = [(Path(d.file).resolve(), _decided(d)) for d in self._build["documents"]]
                needed = set()
                for file, decided in docs:
                    if decided is not None and checkout.covers(file):
                        needed |= _needed(checkout.versions.get(checkout.key(file), []), decided)
                self._read_versions(checkout.top, needed)
        return self._build["checkout"]

    def _look(self, folder: Path) -> _Checkout | None:
        """Ask git about the checkout around a folder: top, shallowness, status and the log."""
        head = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
        if head is None:  # outside git, or a repository without commits
            head = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository")
            if head is None:
                return None
        top, shallow, commit = [*head.splitlines(), ""][:3]
        top_path, is_shallow = Path(top).resolve(), shallow.strip() == "true"
        status = _status(folder)
        key = (str(top_path), str(folder), commit, is_shallow)
        if key not in self._logs:
            if len(self._logs) >= 4:
                self._logs.clear()
            self._logs[key] = _follow(_log(folder)) if commit else {}
        return _Checkout(top_path, is_shallow, folder, status, self._logs[key])

    def _read_versions(self, top: Path, wanted: set[tuple[str, str]]) -> None:
        """Read and parse the old versions not read yet, all with one ``git cat-file --batch``."""
        missing = sorted(wanted - self._blobs.keys())
        if not missing:
            return
        if len(self._blobs) > 20_000:
            self._blobs.clear()
        request = "".join(f"{full}:{path}\n" for full, path in missing).encode()
        try:
            done = subprocess.run(
                ["git", "cat-file", "--batch"],
                cwd=top,
                input=request,
                capture_output=True,
                timeout=_TIMEOUT,
                check=False,
            )
            output = done.stdout if done.returncode == 0 else b""
        except (OSError, subprocess.SubprocessError):
            output = b""
        for key, text in zip(missing, _split_batch(output, len(missing)), strict=True):
            self._blobs[key] = _parse(text)

    def _summarised(self, versions: list[Version], decided: dt.date) -> list[Change]:
        """Every change to the decided text: the versions after the oldest one that says
        ``status: beslutad`` (the editor's own first commits are not changes after the
        decision), whatever their dates say — a date before the decision, or before the
        previous version, is reported as such rather than hidden. Without such a version,
        the changes dated after the decision."""
        baseline = self._first_decided(versions)
        if baseline is None:
            chosen = [i for i, (change, _) in enumerate(versions) if change.date > decided]
        else:
            chosen = list(range(baseline))
        return [self._change(versions, i, decided) for i in chosen]

    def _change(self, versions: list[Version], i: int, decided: dt.date) -> Change:
        """One change with its summary and, where its date cannot be right, a note."""
        change, full = versions[i]
        if i + 1 >= len(versions):
            return _with_summary(change, "filen skapades")
        older, older_full = versions[i + 1]
        new = self._blobs.get((full, change.path))
        old = self._blobs.get((older_full, older.path))
        if _says_decided(new) and _says_decided(old):
            summary = _summarise(new, old)
        else:  # an id that existed only in a draft is never named
            summary = "ändringar medan dokumentet var ett utkast"
        note = ""
        if change.date < older.date:
            note = "daterad före den föregående versionen"
        elif change.date <= decided:
            note = "daterad före beslutet"
        return _with_summary(change, summary, note)

    def _first_decided(self, versions: list[Version]) -> int | None:
        """The index of the oldest version whose text says ``status: beslutad``, or None."""
        for i in range(len(versions) - 1, -1, -1):
            change, full = versions[i]
            if _says_decided(self._blobs.get((full, change.path))):
                return i
        return None


def _says_decided(blob: Any) -> bool:
    """Whether an old version of a document says ``status: beslutad``."""
    return isinstance(blob, dict) and blob.get("status") == "beslutad"


def _git(cwd: Path, *args: str) -> str | None:
    """Run git; its stdout, or None if git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _decided(doc: Any) -> dt.date | None:
    beslut = getattr(doc.content, "beslut", None)
    return beslut.datum if beslut else None


def _status(folder: Path) -> dict[str, str]:
    """Every changed or untracked file under the folder, by its top-relative path."""
    text = _git(folder, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    out: dict[str, str] = {}
    fields = iter((text or "").split("\0"))
    for entry in fields:
        if len(entry) > 3:
            out[entry[3:]] = entry[:2]
            if "R" in entry[:2] or "C" in entry[:2]:
                next(fields, None)  # a staged rename's old path
    return out


Entry = tuple[str, str, str]
"""One file in a commit: status letter, old path, new path (the same unless renamed)."""


def _log(folder: Path) -> list[tuple[Change, str, list[Entry]]]:
    """Every commit touching the folder, newest first, with the files it changed."""
    fmt = f"{_RS}%H{_US}%h{_US}%cI{_US}%an{_US}%s"
    # Like --follow: renames, and copies from any file of the parent commit (-C -C).
    text = _git(
        folder,
        "log",
        "--topo-order",
        "-M",
        "-C",
        "-C",
        "-z",
        "--name-status",
        f"--format={fmt}",
        "--",
        ".",
    )
    commits = []
    for record in (text or "").split(_RS)[1:]:
        head, _, rest = record.partition("\0")
        full, short, when, author, subject = head.split(_US, 4)
        fields = [f for f in rest.lstrip("\n").split("\0") if f]
        entries: list[Entry] = []
        items = iter(fields)
        for letter in items:
            old = next(items, "")
            new = next(items, "") if letter[:1] in ("R", "C") else old
            entries.append((letter[:1], old, new))
        date = dt.datetime.fromisoformat(when).date()
        commits.append((Change(date, short, author, subject, ""), full, entries))
    return commits


def _follow(commits: list[tuple[Change, str, list[Entry]]]) -> dict[str, list[Version]]:
    """Split the folder's log into per-file histories the way ``git log --follow`` does: a
    file's history goes on under its old path before a rename or a copy (a new file like
    another one), and a path whose file was renamed away is not followed further back."""
    out: dict[str, list[Version]] = {}
    following: dict[str, list[str]] = {}  # path at this point in history → files following it
    for change, full, entries in commits:
        moves = []
        for letter, old, new in entries:
            finals = following.get(new)
            if finals is None and new not in out:
                finals = following[new] = [new]
                out[new] = []
            for final in finals or ():
                out[final].append((_at(change, new), full))
            if letter in ("R", "C") and old != new:
                moves.append((letter, old, new))
                for final in following.get(old, ()) if letter == "R" else ():
                    out[final].append((_at(change, old), full))  # the old path's deletion
        for letter, old, new in moves:  # after the whole commit: a file may be source and new
            if letter == "C" and old not in following and old not in out:  # unchanged since
                following[old], out[old] = [old], []
            following[old] = [*following.get(old, ()), *following.pop(new, ())]
    return out


def _at(change: Change, path: str) -> Change:
    return Change(change.date, change.commit, change.author, change.subject, path)


def _needed(versions: list[Version], decided: dt.date) -> set[tuple[str, str]]:
    """The old versions (commit, path) the history of a decided document reads: all of them,
    since where the decided text begins is told by the versions' own status, not their dates."""
    del decided  # the dates are not trusted to pick versions (see GitHistory._summarised)
    return {(full, change.path) for change, full in versions}


def _split_batch(output: bytes, count: int) -> list[str | None]:
    """The contents in ``git cat-file --batch`` output, in order (None: missing or not a file)."""
    texts: list[str | None] = []
    pos = 0
    while len(texts) < count and pos < len(output):
        end = output.find(b"\n", pos)
        if end < 0:
            break
        header = output[pos:end].split()
        pos = end + 1
        if len(header) != 3 or not header[2].isdigit():
            texts.append(None)  # "<name> missing" or "ambiguous"
            continue
        size = int(header[2])
        body = output[pos : pos + size]
        pos += size + 1
        texts.append(body.decode("utf-8", "replace") if header[1] == b"blob" else None)
    return texts + [None] * (count - len(texts))


def _parse(text: str | None) -> Any:
    """An old version read like current content: same size limit, same safe loader (no alias
    bombs, tags or deep nesting replayed from history); None if it would be refused today."""
    if text is None or len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        return None
    source, _ = parse(text, "git")
    return source.data if source is not None else None


def _with_summary(change: Change, summary: str, note: str = "") -> Change:
    return Change(
        change.date, change.commit, change.author, change.subject, change.path, summary, note
    )


def _summarise(new: Any, old: Any) -> str:
    """Which fields, controls and risks a commit changed, in Swedish."""
    if not isinstance(new, dict) or not isinstance(old, dict):
        return "filen ändrades"
    parts = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) == new.get(key):
            continue
        by_id = _changed_items(old.get(key), new.get(key))
        parts.append(f"{key} ({', '.join(by_id)})" if by_id else key)
    return (
        "; ".join(parts) if parts else "ingen ändring i innehållet (bara format eller kommentarer)"
    )


def _changed_items(old: Any, new: Any) -> list[str]:
    """The ids of list items (controls, risks, …) that differ between two versions of a list."""
    if not isinstance(old, list) or not isinstance(new, list):
        return []

    def keyed(items: list) -> dict[str, Any]:
        out = {}
        for item in items:
            if isinstance(item, dict):
                key = item.get("kontroll") or item.get("risk") or item.get("id")
                if isinstance(key, str):
                    out[key] = item
        return out

    a, b = keyed(old), keyed(new)
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
