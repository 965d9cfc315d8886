"""The core pipeline as one call each: check content, make the site's Markdown."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .core import cache
from .core.checks import check_corpus
from .core.corpus import Corpus, load_partial
from .core.diagnostics import ContentError
from .core.render import render_page
from .core.site import Page, Site, build_site
from .publish import githistory as history

_checked = cache.StampedCache()
"""The cross-document problems of a content folder, by the stamps of all its files."""


def load_checked(content_dir: Path) -> Corpus:
    """Load, validate and check a content folder; raise ContentError with every problem."""
    corpus, problems = load_partial(Path(content_dir))
    if corpus is not None:
        # `ikgen build` checks before MkDocs starts and the plugin loads again: check once.
        stamps = cache.PageStamps(corpus.root, list(corpus.namnder)).everything
        problems += _checked.get(str(corpus.root), stamps, lambda: check_corpus(corpus))
    if problems or corpus is None:
        raise ContentError(problems)
    return corpus


@dataclass
class RenderedSite:
    """The site as Markdown sources, ready for any static-site engine."""

    site: Site
    files: dict[str, str]
    """Markdown text per source path."""


def render_site(corpus: Corpus, *, show_drafts: bool = False) -> RenderedSite:
    """Every page of the site as Markdown."""
    site = build_site(corpus, show_drafts=show_drafts)
    # Cached per page by the stamps of the files it depends on (see ikgen/core/cache.py).
    stamps = cache.PageStamps(corpus.root, list(corpus.namnder))
    # One look at git for the whole build, not a git command per page (publish/githistory.py).
    with history.build_scope(corpus.root, corpus.documents()):
        files = {
            p.src_path: cache.pages.get(
                stamps.key(p.src_path, show_drafts),
                stamps.of(_namnd_of(p)),
                functools.partial(render_page, p, site),
            )
            for p in site.pages
        }
    return RenderedSite(site, files)


def _namnd_of(page: Page) -> str | None:
    """The nämnd a page belongs to (None for the site-wide pages)."""
    namnd = page.data.get("n")
    return getattr(namnd, "id", None)


def write_markdown(rendered: RenderedSite, folder: Path) -> None:
    """Write the Markdown sources to a folder (for building with another engine)."""
    for src_path, markdown_text in rendered.files.items():
        target = Path(folder) / src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown_text, encoding="utf-8")
