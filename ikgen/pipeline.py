"""The core pipeline as one call each: check content, make the site's Markdown."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .build import Build
from .core import cache
from .core.checks import check_corpus, warn_corpus
from .core.corpus import Corpus, load_partial
from .core.diagnostics import ContentError, Diagnostic
from .core.site import Site, build_site


def load_checked(content_dir: Path, build: Build | None = None) -> Corpus:
    """Load, validate and check a content folder; raise ContentError with every problem."""
    corpus, problems = _load(Path(content_dir), build or Build())
    if problems or corpus is None:
        raise ContentError(problems)
    return corpus


def check_content(content_dir: Path, build: Build | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Like :func:`load_checked`, and the warnings too (``ikgen check``): the corpus and its
    warnings, or ContentError with every error and the warnings found alongside them."""
    corpus, problems = _load(Path(content_dir), build or Build())
    warnings = warn_corpus(corpus) if corpus is not None else []
    if problems or corpus is None:
        raise ContentError(problems, warnings)
    return corpus, warnings


def _load(content_dir: Path, build: Build) -> tuple[Corpus | None, list[Diagnostic]]:
    corpus, problems = load_partial(content_dir, build.files)
    if corpus is not None:
        # `ikgen build` checks before MkDocs starts and the plugin loads again: check once.
        stamps = cache.PageStamps(corpus.root, list(corpus.namnder))
        memo = stamps.memo(build.checked, "checks")
        compute = functools.partial(check_corpus, corpus, memo)
        problems += build.checked.get(str(corpus.root), stamps.everything, compute)
    return corpus, problems


@dataclass
class RenderedSite:
    """The site as Markdown sources, ready for any static-site engine."""

    site: Site
    files: dict[str, str]
    """Markdown text per source path."""
    stamps: cache.PageStamps | None = None
    """The content files' stamps the pages were made from (caches of later steps use them)."""


def render_site(corpus: Corpus, build: Build | None = None) -> RenderedSite:
    """Every page of the site as Markdown (drafts only if the build shows them)."""
    build = build or Build()
    # Cached per page by the stamps of the files it depends on (see ikgen/core/cache.py).
    stamps = cache.PageStamps(corpus.root, list(corpus.namnder))
    memo = stamps.memo(build.site_pages, build.show_drafts)
    site = build_site(corpus, show_drafts=build.show_drafts, memo=memo)
    # One look at git for the whole build, not a git command per page (publish/githistory.py).
    with build.history.build_scope(corpus.root, corpus.documents()):
        files = {
            p.src_path: build.pages.get(
                stamps.key(p.src_path, build.show_drafts),
                stamps.of(p.namnd_id),
                functools.partial(build.renderer.render, p, site),
            )
            for p in site.pages
        }
    return RenderedSite(site, files, stamps)


def write_markdown(rendered: RenderedSite, folder: Path) -> None:
    """Write the Markdown sources to a folder (for building with another engine)."""
    for src_path, markdown_text in rendered.files.items():
        target = Path(folder) / src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown_text, encoding="utf-8")
