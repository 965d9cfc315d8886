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


@pytest.fixture(scope="module")
def year_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three synthetic nämnder over two years (2024, 2025), split by nämnd and by year."""
    content = tmp_path_factory.mktemp("innehall-ar") / "content"
    synth.generate(content, 12, namnder=3)
    kommun = content / "kommun.yml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + "pdf: false\n", encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("ar"), content)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - ikgen:\n", "  - ikgen:\n      sok_per_namnd: 0\n", 1))
    return build_project(project)


def test_each_year_has_an_index_of_every_namnds_pages_that_year(year_site: Path) -> None:
    whole = _urls(year_site / "pagefind")
    years = sorted(p.name for p in (year_site / "pagefind" / "ar").iterdir())
    assert years == ["2024", "2025"]
    for year in years:
        own = _urls(year_site / "pagefind" / "ar" / year)
        expected = {u for u in whole if u.split("/")[2:3] == [year]}
        assert own == expected and len({u.split("/")[1] for u in own}) == 3, year
    # Nothing is lost: the years together hold every plan and report the whole index holds.
    years_together = set().union(*(_urls(year_site / "pagefind" / "ar" / y) for y in years))
    assert {u for u in whole if "/20" in u} == years_together


def test_a_whole_site_search_searches_the_newest_year_first(browser: Any, year_site: Path) -> None:
    with served(year_site) as url:
        result = first_search(browser, year_site, url, "fakturor", "/")
        page = browser.new_page()
        try:
            page.goto(f"{url}/sok/?q=fakturor")
            page.wait_for_function(FINISHED)
            assert " i 2025 gav " in page.inner_text("#ik-sokstatus")
            assert not axe_violations(page), axe_violations(page)
            with page.expect_navigation():
                page.get_by_role("link", name="2024", exact=True).click()
            page.wait_for_function(FINISHED)
            assert " i 2024 gav " in page.inner_text("#ik-sokstatus")
            page.wait_for_selector(".ik-traff__lank")
            older = page.eval_on_selector_all(
                ".ik-traff__lank", "els => els.map(e => e.getAttribute('href'))"
            )
            with page.expect_navigation():
                page.get_by_role("link", name="Sök i alla år").click()
            page.wait_for_function(FINISHED)
            status = page.inner_text("#ik-sokstatus")
        finally:
            page.close()
    assert result.results and all(r.split("/")[2] == "2025" for r in result.results)
    searched = [f for f in result.files if f.startswith("/pagefind/")]
    assert searched and all(f.startswith("/pagefind/ar/2025/") for f in searched), searched
    assert older and all(r.split("/")[2] == "2024" for r in older)
    assert " gav " in status and " i 20" not in status  # all years: the whole site's index
