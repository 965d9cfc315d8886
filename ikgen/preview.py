"""The live preview's quick rebuild: only what an edit changed is built again.

Under ``ikgen serve`` an edit to one YAML file changes the Markdown of a handful of pages (the
report, its controls, the nämnd page, the start page), yet a MkDocs build converts and
templates every page again: minutes at 1,000 reports. The caches in ``core/cache.py`` make the
Markdown of unchanged pages free; this module remembers what the previous preview build wrote,
so that after an edit in content/:

- only the pages whose Markdown changed are converted and templated again, into the same site
  folder, with the previous build's navigation and theme (the plugin's ``quick_rebuild``);
- when anything every page shows besides its own Markdown changes — the navigation and the set
  of pages, the site name, the address, the graphic profile, the drafts setting — or mkdocs.yml,
  the theme or docs/ change, the whole site is built again by MkDocs, as ``mkdocs serve`` would;
- a data file (JSON, CSV, feed, urls.txt) is written only when its text changed.

What is served is therefore the same HTML a full build makes (tests/test_preview.py compares
them byte for byte). Nothing here imports MkDocs: the plugin applies the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core.cache import Stamp, stamp


@dataclass
class PreviewState:
    """What the previous build of one ``ikgen serve`` session wrote."""

    chrome: Any = None
    """Everything every page shows besides its own Markdown, as a comparable value; None
    before the first build."""
    markdown: dict[str, str] = field(default_factory=dict)
    """Markdown per generated page's source path, as last built."""
    exports: dict[str, str] = field(default_factory=dict)
    """Text per data file URL path, as last written."""
    built_pages: int = 0
    """Pages the last build converted and templated (the tests and ``make bench`` read it)."""
    engine: Any = None
    """The last full build's files, navigation and template environment (MkDocs objects, kept
    by the plugin) that a quick rebuild builds the changed pages with; None until then."""
    settings: Any = None
    """The stamps of mkdocs.yml, the theme and docs/ at the last full build."""

    def changed_pages(self, files: dict[str, str], chrome: Any) -> list[str] | None:
        """Source paths of the pages whose Markdown changed since the last build; None if the
        pages' surroundings (``chrome``) changed too, so that every page needs building."""
        if self.chrome is None or chrome != self.chrome:
            return None
        return [src for src, text in files.items() if self.markdown.get(src) != text]

    def record(self, files: dict[str, str], chrome: Any, built: int | None = None) -> None:
        """Remember what a build wrote: ``built`` of the pages were converted and templated;
        None: a full build, into an emptied site folder that the data files must be written
        to again."""
        if built is None:
            built = len(files)
            self.exports.clear()
        self.chrome, self.markdown, self.built_pages = chrome, dict(files), built

    def changed_exports(self, files: dict[str, str]) -> dict[str, str]:
        """The data files whose text differs from what was last written (all, the first time)."""
        changed = {url: text for url, text in files.items() if self.exports.get(url) != text}
        self.exports = dict(files)
        return changed

    def forget(self) -> None:
        """Start over: the next build is a full one (e.g. after a failed build)."""
        self.chrome = self.settings = self.engine = None
        self.markdown.clear()
        self.exports.clear()


def folder_stamps(*folders: str | Path | None) -> tuple[tuple[str, Stamp | None], ...]:
    """Every file's stamp in the given folders (theme and hand-written docs: a few files)."""
    out: list[tuple[str, Stamp | None]] = []
    for folder in filter(None, folders):
        root = Path(folder)
        if root.is_file():
            out.append((root.as_posix(), stamp(root)))
        elif root.is_dir():
            out += [(p.as_posix(), stamp(p)) for p in root.rglob("*") if p.is_file()]
    return tuple(sorted(out))
