"""The git history of a content file: when it last changed and what changed after the decision.

Auditors must be able to see that the published text is the decided text. The history comes
from ``git log --follow`` on the YAML file; each change after the decision date gets a readable
summary of which fields (and which controls or risks) it touched. Outside a git checkout, or
with a shallow clone, the page says so in Swedish instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_TIMEOUT = 30
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster
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


def _git(cwd: Path, *args: str) -> str | None:
    """Run git; its stdout, or None if git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def source_history(path: Path, decided: dt.date | None) -> SourceHistory:
    """The history of one content file, with the changes after the decision date summarised."""
    if os.environ.get("IKGEN_HISTORIK") == "av":
        # For reproducible output (golden tests): the page says the history was left out.
        return SourceHistory(False, notes=[NOTE_OFF])
    path = Path(path).resolve()
    folder = path.parent
    top, shallow = _repository(folder)
    if top is None:
        return SourceHistory(False, notes=[NOTE_NO_GIT])
    out = SourceHistory(True)
    if shallow:
        out.notes.append(NOTE_SHALLOW)
    status = _git(folder, "status", "--porcelain", "--", path.name) or ""
    if status.startswith("??"):
        out.notes.append(NOTE_UNTRACKED)
    elif status.strip():
        out.notes.append(NOTE_DIRTY)
    out.changes = _log(folder, path.name)
    if decided is not None:
        root = Path(top.strip())
        for i, change in enumerate(out.changes):
            if change.date > decided:
                older = out.changes[i + 1] if i + 1 < len(out.changes) else None
                summary = _summarise(root, change, older)
                out.after_decision.append(_with_summary(change, summary))
    return out


@functools.lru_cache(maxsize=4096)
def _repository(folder: Path) -> tuple[str | None, bool]:
    """The checkout's top folder (None outside git) and whether it is shallow; asked once per
    folder, not once per file (a site of 1,000 reports has some 1,300 files)."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return None, False
    return top, (_git(folder, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def _with_summary(change: Change, summary: str) -> Change:
    return Change(change.date, change.commit, change.author, change.subject, change.path, summary)


def _log(folder: Path, name: str) -> list[Change]:
    fmt = f"{_RS}%h{_US}%cI{_US}%an{_US}%s"
    text = _git(folder, "log", "--follow", f"--format={fmt}", "--name-only", "--", name)
    changes = []
    for record in (text or "").split(_RS)[1:]:
        head, _, rest = record.partition("\n")
        commit, when, author, subject = head.split(_US, 3)
        paths = [line for line in rest.splitlines() if line.strip()]
        date = dt.datetime.fromisoformat(when).date()
        changes.append(Change(date, commit, author, subject, paths[-1] if paths else name))
    return changes


def _summarise(root: Path, change: Change, older: Change | None) -> str:
    """Which fields, controls and risks a commit changed, in Swedish."""
    if older is None:
        return "filen skapades"
    new = _load_at(root, change.commit, change.path)
    old = _load_at(root, older.commit, older.path)
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


def _load_at(root: Path, commit: str, path: str) -> Any:
    text = _git(root, "show", f"{commit}:{path}")
    if text is None:
        return None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def document_history(doc: Any) -> SourceHistory:
    """The history of a plan's or follow-up's file, relative to its decision date."""
    beslut = getattr(doc.content, "beslut", None)
    return source_history(doc.file, beslut.datum if beslut else None)
