"""A visitor's first search stays small, and nothing of the search loads before it (issue 6).

Measured the way ``make bench`` measures it (bench/websok.py): every file fetched after the
visitor presses Enter in the header's search field, counted as gzip sends it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.websok import first_search, served

LIMIT = 250_000
"""Bytes (gzipped) a first search may download."""


def test_first_search_is_small_and_nothing_loads_before_it(
    browser: Any, example_site: Path
) -> None:
    word = "granskningarna"  # not in the text; "granskning" and "granskningen" are
    texts = [p.read_text(encoding="utf-8").lower() for p in example_site.rglob("*.html")]
    assert not any(word in t for t in texts)
    assert any("granskning" in t for t in texts)
    with served(example_site) as url:
        result = first_search(browser, example_site, url, word, "/socialnamnden/")
    assert result.before_search == []
    assert any(f.startswith("/pagefind/") and f.endswith(".pf_index") for f in result.files)
    assert result.results, "Swedish stemming should find other forms of the word"
    assert any("#" in link for link in result.results), "sub-results link to anchors"
    assert 0 < result.bytes_gzipped <= LIMIT, result.files
