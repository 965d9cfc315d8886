"""Caches for the live preview: a changed YAML file costs only what depends on it.

Under ``ikgen serve`` every edit rebuilds the site in the same process. Two caches keep that
rebuild small:

- ``files``: per content file, the result of reading, parsing and validating it, keyed by the
  file's path, modification time and size. An unchanged file is not read again.
- ``pages``: per page, its rendered Markdown, keyed by the stamps of the files the page depends
  on: kommun.yml and every file of its own nämnd for a nämnd's pages; every file for the
  site-wide pages (start page, accessibility, search). A change in one nämnd re-renders that
  nämnd's pages and the site-wide ones, nothing else.

The cross-document checks still run over the whole corpus; they are cheap next to parsing.
Both caches are plain dictionaries owned by one ``ikgen.build.Build`` (one build, or one serve
session) and passed explicitly; nothing is remembered at module level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp | None:
    """(mtime in ns, size) of a file, or None if it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


@dataclass
class StampedCache:
    """Values keyed by a name and remembered together with the stamp they were made from."""

    entries: dict[Any, tuple[Any, Any]] = field(default_factory=dict)
    """Key → (stamp, value)."""
    misses: list[Any] = field(default_factory=list)
    """Keys computed (not served from the cache) since the last ``reset_counts``."""

    def get(self, key: Any, current: Any, compute: Callable[[], T]) -> T:
        """The cached value if its stamp equals ``current``, else a freshly computed one."""
        entry = self.entries.get(key)
        if entry is not None and current is not None and entry[0] == current:
            return entry[1]
        value = compute()
        self.misses.append(key)
        if current is not None:
            self.entries[key] = (current, value)
        return value

    def reset_counts(self) -> None:
        """Forget which keys were computed (the cached values stay)."""
        self.misses.clear()

    def clear(self) -> None:
        """Forget everything."""
        self.entries.clear()
        self.misses.clear()


class PageStamps:
    """What each page's rendered Markdown depends on, as file stamps (see the module docstring)."""

    def __init__(self, root: Path, namnd_ids: list[str]) -> None:
        self.root = Path(root).absolute()
        common = (stamp(self.root / "kommun.yml"), _templates_stamp(), _git_state(self.root))
        self.per_namnd = {nid: (common, _folder_stamps(self.root / nid)) for nid in namnd_ids}
        self.everything = (common, tuple(sorted(self.per_namnd.items())))

    def key(self, src_path: str, show_drafts: bool) -> tuple[str, str, bool]:
        """The cache key of a page."""
        return (str(self.root), src_path, show_drafts)

    def of(self, namnd_id: str | None) -> Any:
        """The stamps a page of this nämnd (None: a site-wide page) depends on."""
        if namnd_id is None or namnd_id not in self.per_namnd:
            return self.everything
        return self.per_namnd[namnd_id]

    def memo(self, cache: StampedCache, *key: Any) -> NamndMemo:
        """A look-up of anything made from one nämnd's files (and kommun.yml) in ``cache``:
        its pages, checks or data files, made again only when one of those files changed."""

        def look_up(namnd_id: str, compute: Callable[[], T]) -> T:
            return cache.get((str(self.root), *key, namnd_id), self.of(namnd_id), compute)

        return look_up


class NamndMemo(Protocol):
    """Returns what ``compute`` returns for a nämnd, from a cache when its files are unchanged."""

    def __call__(self, namnd_id: str, compute: Callable[[], T], /) -> T: ...


def _folder_stamps(folder: Path) -> tuple[tuple[str, Stamp | None], ...]:
    return tuple(sorted((p.as_posix(), stamp(p)) for p in folder.rglob("*") if p.is_file()))


def _templates_stamp() -> tuple[tuple[str, Stamp | None], ...]:
    return _folder_stamps(Path(__file__).parent / "templates")


def _git_state(root: Path) -> tuple[str, Stamp | None] | None:
    """HEAD and the index's stamp of the enclosing git checkout (pages show git history)."""
    for folder in (root, *root.parents):
        git = folder / ".git"
        if git.is_dir():
            try:
                head = (git / "HEAD").read_text(encoding="utf-8").strip()
            except OSError:
                return None
            return (head, stamp(git / "index"))
    return None
