"""A large site's search: each nämnd has its own index, searched first from its pages (issue 6).

The split starts at ``sok_per_namnd`` plans and reports (ikgen/publish/search.py); this site of six
nämnder sets it to 0, so the split is built without thousands of reports.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import build_project, make_project

from bench import synth
from bench.websok import FINISHED, first_search, served

from .test_pages import axe_violations
from .test_search_size import LIMIT


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six synthetic nämnder with one report each, each nämnd with its own search index."""
    content = tmp_path_factory.mktemp("innehall") / "content"
    synth.generate(content, 6)
    project = make_project(tmp_path_factory.mktemp("delad"), content)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - ikgen:\n", "  - ikgen:\n      sok_per_namnd: 0\n", 1))
    return build_project(project)


def _urls(bundle: Path) -> set[str]:
    found = set()
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        found.add(json.loads(raw[raw.index("{") :])["url"])
    return found


def test_each_namnd_has_an_index_of_its_own_pages(split_site: Path) -> None:
    whole = _urls(split_site / "pagefind")
    namnder = sorted(p.name for p in (split_site / "pagefind" / "n").iterdir())
    assert len(namnder) == 6
    for namnd in namnder:
        own = _urls(split_site / "pagefind" / "n" / namnd)
        assert {f"/{namnd}/", f"/{namnd}/2025/plan/"} <= own, namnd
        assert own == {u for u in whole if u.startswith(f"/{namnd}/")}, namnd
    assert not list(split_site.glob("pagefind/**/pagefind-ui.js")), "no unused UI files"


def test_header_search_on_a_namnd_page_searches_that_namnd_first(
    browser: Any, split_site: Path
) -> None:
    report = next(split_site.glob("*/*/delar-1/index.html")).parent.relative_to(split_site)
    namnd = report.parts[0]
    with served(split_site) as url:
        result = first_search(browser, split_site, url, "fakturor", f"/{report.as_posix()}/")
        page = browser.new_page()
        try:
            page.goto(f"{url}/sok/?q=fakturor&n={namnd}")
            page.wait_for_function(FINISHED)
            names = page.evaluate(
                "() => JSON.parse(document.querySelector('#ik-sok').dataset.namnder)"
            )
            assert f" i {names[namnd]} gav " in page.inner_text("#ik-sokstatus")
            assert not axe_violations(page), axe_violations(page)
            with page.expect_navigation():
                page.get_by_role("link", name="Sök i alla nämnder").click()
            assert "n=" not in page.url
            page.wait_for_function(FINISHED)
            page.wait_for_selector(".ik-traff__lank")
            everywhere = page.eval_on_selector_all(
                ".ik-traff__lank", "els => els.map(e => e.getAttribute('href'))"
            )
        finally:
            page.close()
    assert result.results and all(r.startswith(f"/{namnd}/") for r in result.results)
    assert any(f.startswith(f"/pagefind/n/{namnd}/") for f in result.files), result.files
    assert not [f for f in result.files if f.startswith("/pagefind/fragment/")]
    assert 0 < result.bytes_gzipped <= LIMIT
    assert {r.split("/")[1] for r in everywhere} - {namnd}, "other nämnder found too"
