"""Search: index a built site with Pagefind (a static, chunked index fetched only on search).

Pagefind splits the index into small chunks, so a visitor's first search downloads a few
hundred kilobytes at most whatever the size of the site, and nothing before they search.
Swedish stemming follows from ``<html lang="sv">``. Only elements marked
``data-pagefind-body`` (the article of each content page) are indexed, and sub-results link
to the headings' ids, i.e. to the control anchors. A control's own page and a nämnd's list
of controls are not indexed at all (``ikgen_sokindex: false``, theme/main.html): a control's
title, method and results are found on the plans and reports, at the control's anchor. That
keeps the index's page list, which every first search downloads, to the plans and reports
(a quarter of the pages). The search page (theme/assets/ikgen-sok.js) uses Pagefind's API,
not its UI, for a smaller first search.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.corpus import Corpus

BUNDLE_DIR = "pagefind"
"""Where the index and Pagefind's own JS/CSS are written, relative to the site folder."""


EXCLUDED = (
    ".ik-badge",  # "Inga avvikelser" on every control: the text says it where it matters
    ".ik-etikett",
    ".ik-fakta dt",
    ".ik-beslut dt",
    "thead",  # column headings repeat on every page with the table
    "caption",
    ".ik-adress",
    ".ik-permalank",
    ".ik-over-tid",
    ".ik-sammanstallning",  # derived from the control cards, which are indexed
    ".ik-diagramfigur",
    ".ik-dokumentstatus",
    ".ik-andringar",
    ".ik-nedladdning",
    ".headerlink",
)
"""Repeated labels and derived summaries left out of the index: they would match every page
and make the index chunks of common words (and so a first search) larger."""


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message is Swedish and meant for the editor."""


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind[extended]`` PyPI package."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        try:
            from pagefind_bin import get_executable  # type: ignore[no-redef]
        except ImportError:
            raise SearchIndexError(
                "Pagefind saknas; installera ikgen på nytt (pip install -e .)"
            ) from None
    return Path(get_executable())


SPLIT_FROM = 2000
"""Plans and reports from which each nämnd also gets its own index (``pagefind/n/{id}/``).

A first search downloads the index chunks of the searched word, and a common word's chunk
grows with the number of indexed pages: over the whole site the largest first search
measured (bench/websok.py) was 228 KB at 1,000 reports (1,374 indexed pages) but 409 KB at
5,000 (6,826), over the 250 KB goal. The header's search on a nämnd's page then searches
that nämnd's index, with a link to search all nämnder. From the same size each year also gets
an index of every nämnd's pages of that year (``pagefind/ar/{år}/``): a search of the whole
site searches the newest year first, with links to the other years and to all years (the
full index, which stays). Nothing is dropped from any index: the split only decides which
part a first search downloads."""

UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)
"""Pagefind's UI files: the search page uses its API only, without a worker."""


def split_namnder(corpus: Corpus, split_from: int = SPLIT_FROM) -> list[str]:
    """The nämnder that get an index of their own: all of them, from ``split_from`` plans and
    reports in two nämnder or more; otherwise none."""
    documents = sum(len(n.plans) + len(n.uppfoljningar) for n in corpus.namnder.values())
    if len(corpus.namnder) < 2 or documents < split_from:
        return []
    return sorted(corpus.namnder)


def split_years(corpus: Corpus, split_from: int = SPLIT_FROM) -> list[int]:
    """The years that get an index of their own, newest first: every year with a plan or a
    report, when the site is split (:func:`split_namnder`) and spans two years or more."""
    if not split_namnder(corpus, split_from):
        return []
    years = {y for n in corpus.namnder.values() for y in n.plans}
    years |= {y for n in corpus.namnder.values() for y, _ in n.uppfoljningar}
    return sorted(years, reverse=True) if len(years) >= 2 else []


def build_search_index(
    site_dir: Path,
    namnder: list[str] | tuple[str, ...] = (),
    years: list[int] | tuple[int, ...] = (),
) -> None:
    """Write the Pagefind index for the built site into ``{site_dir}/pagefind/``.

    Each nämnd in ``namnder`` (see :func:`split_namnder`) also gets an index of its own pages
    in ``pagefind/n/{id}/``, and each year in ``years`` (:func:`split_years`) one of every
    nämnd's pages of that year in ``pagefind/ar/{år}/``.
    """
    _pagefind(site_dir, BUNDLE_DIR)
    for namnd in namnder:
        _pagefind(site_dir, f"{BUNDLE_DIR}/n/{namnd}", f"{namnd}/**/*.html")
    for year in years:
        _pagefind(site_dir, f"{BUNDLE_DIR}/ar/{year}", f"*/{year}/**/*.html")


def _pagefind(site_dir: Path, output: str, glob: str | None = None) -> None:
    command = [
        str(pagefind_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        output,
        *(["--glob", glob] if glob else []),
        "--exclude-selectors",
        ", ".join(EXCLUDED),
        "--silent",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"sökindexet kunde inte byggas: {exc}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SearchIndexError("sökindexet kunde inte byggas: " + " ".join(detail))
    for name in UNUSED:
        (site_dir / output / name).unlink(missing_ok=True)
