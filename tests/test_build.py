"""Full builds of both sites: every page at its URL, and the reports' facts in the HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import EXAMPLE, ROOT, page_html

from ikgen.pipeline import load_checked

FACTS = yaml.safe_load((ROOT / "tests" / "data" / "fakta.yml").read_text(encoding="utf-8"))


def _text(html: str) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup
    return re.sub(r"\s+", " ", article.get_text(" ")).replace(" ,", ",")


def test_main_site_has_every_contract_url(main_site: Path) -> None:
    for url in (
        "/",
        "/socialnamnden/",
        "/socialnamnden/2024/delar-1/",
        "/socialnamnden/2025/delar-1/",
        "/socialnamnden/2024/plan/",
        "/socialnamnden/2025/plan/",
        "/socialnamnden/kontroller/",
        "/socialnamnden/atgarder/",
    ):
        assert "<html" in page_html(main_site, url), url


def test_every_control_has_its_own_page(main_site: Path) -> None:
    corpus = load_checked(ROOT / "content")
    ids = {
        k.id
        for d in corpus.namnder["socialnamnden"].plans.values()
        for r in d.content.risker
        for k in r.kontroller
    }
    assert len(ids) >= 10
    for cid in ids:
        html = page_html(main_site, f"/socialnamnden/kontroller/{cid}/")
        assert f'id="{cid}"' not in html or "Alla perioder" in html


def test_example_site_builds_with_its_pages(example_site: Path) -> None:
    for url in ("/", "/socialnamnden/", "/socialnamnden/2023/plan/", "/socialnamnden/2023/helar/"):
        assert "<html" in page_html(example_site, url), url
    assert (EXAMPLE / "content" / "kommun.yml").is_file()


def test_html_is_swedish_and_loads_nothing_from_other_hosts(main_site: Path) -> None:
    html = page_html(main_site, "/socialnamnden/2024/delar-1/")
    assert '<html lang="sv"' in html
    for path in main_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr) or ""
                if tag == "link" and "stylesheet" not in (element.get("rel") or []):
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{path}: {tag} {value}"


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f['sida']}:{f['text'][:30]}")
def test_fact_from_the_reports_is_on_the_site(
    fact: dict, main_site: Path, example_site: Path
) -> None:
    page = fact["sida"]
    site = main_site
    if page.startswith("exempel:"):
        site, page = example_site, page.removeprefix("exempel:")
    assert str(fact["text"]) in _text(page_html(site, page))


def test_at_least_forty_facts_are_held() -> None:
    assert len(FACTS) >= 40


def test_plain_mkdocs_build_works_too(tmp_path: Path) -> None:
    """The plugin alone is enough: `mkdocs build` makes the same pages as `ikgen build`."""
    import subprocess
    import sys

    from conftest import make_project

    project = make_project(tmp_path, ROOT / "content")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = project / "site" / "socialnamnden" / "2024" / "delar-1" / "index.html"
    assert "SN 2023-1178" in report.read_text(encoding="utf-8")
    assert (project / "site" / "data" / "socialnamnden" / "2024" / "delar-1.json").is_file()
