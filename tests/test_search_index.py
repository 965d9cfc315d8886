"""The Pagefind index of a built site: what a result shows (titles, sub-results, excerpts)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from ikgen.sok import BUNDLE_DIR


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every page's Pagefind fragment (the result's title, anchors and text) as JSON."""
    found = []
    for path in sorted((site / BUNDLE_DIR / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        found.append(json.loads(raw[raw.index("{") :]))
    return found


def test_results_carry_no_permalink_hash(main_site: Path) -> None:
    pages = fragments(main_site)
    assert len(pages) > 10
    html = (main_site / "socialnamnden" / "2025" / "plan" / "index.html").read_text("utf-8")
    assert 'class="headerlink"' in html and ">#</a>" in html, "the pages do have permalinks"
    for page in pages:
        titles = [page["meta"]["title"], *(a["text"] for a in page.get("anchors", []))]
        assert not [t for t in titles if "#" in t], page["url"]
        assert "#" not in page["content"], page["url"]


def test_control_pages_are_indexed_by_title_not_by_their_periods(main_site: Path) -> None:
    pages = fragments(main_site)
    controls = [p for p in pages if "/kontroller/" in p["url"] and p["url"].count("/") == 4]
    assert controls
    for page in controls:
        html = (main_site / page["url"].strip("/") / "index.html").read_text("utf-8")
        assert f">{page['meta']['title']}" in html, page["url"]
        anchors = {a["id"] for a in page.get("anchors", [])}
        assert not anchors & {"perioder", "indikatorer"}, page["url"]
        assert not [a for a in anchors if a[:4].isdigit()], page["url"]
