"""The Pagefind index of a built site: what a result shows (titles, sub-results, excerpts)."""

from __future__ import annotations

import gzip
import html
import json
from pathlib import Path
from typing import Any

from ikgen.publish.search import BUNDLE_DIR


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every page's Pagefind fragment (the result's title, anchors and text) as JSON."""
    found = []
    for path in sorted((site / BUNDLE_DIR / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        found.append(json.loads(raw[raw.index("{") :]))
    return found


def test_results_carry_no_permalink_hash(main_site: Path) -> None:
    pages = fragments(main_site)
    assert len(pages) >= 5  # start, nämnd, plans and reports (control pages are not indexed)
    html = (main_site / "socialnamnden" / "2025" / "plan" / "index.html").read_text("utf-8")
    assert 'class="headerlink"' in html and ">#</a>" in html, "the pages do have permalinks"
    for page in pages:
        titles = [page["meta"]["title"], *(a["text"] for a in page.get("anchors", []))]
        assert not [t for t in titles if "#" in t], page["url"]
        assert "#" not in page["content"], page["url"]


def test_controls_are_found_at_their_anchors_not_on_their_own_pages(main_site: Path) -> None:
    pages = fragments(main_site)
    assert not [p["url"] for p in pages if "/kontroller/" in p["url"]]
    control_pages = list((main_site / "socialnamnden" / "kontroller").glob("*/index.html"))
    assert control_pages, "every control still has its own page"
    anchors = {
        a["id"]: a["text"] for p in pages if p["url"].endswith("/plan/") for a in p["anchors"]
    }
    for path in control_pages:
        control = path.parent.name
        title = path.read_text("utf-8").split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]
        assert control in anchors, f"{control} is no sub-result of any plan"
        assert anchors[control].startswith(html.unescape(title).strip()), control
