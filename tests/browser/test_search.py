"""Search in real Chromium: the header form, Pagefind's Swedish stemming, results to anchors."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from .test_pages import axe_violations

PLAN = Path(__file__).resolve().parents[2] / "content" / "socialnamnden" / "2025" / "plan.yml"
RESULT_LINKS = ".ik-traff__lank"


def search(tab: Any, base: str, query: str) -> list[str]:
    """Open the search page for a query; return the result and sub-result links in order."""
    tab.goto(f"{base}/sok/?q={quote(query)}")
    tab.wait_for_selector(RESULT_LINKS, timeout=15000)
    tab.wait_for_load_state("networkidle")
    return tab.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")


def test_header_search_form_opens_results(page: Any, main_url: str, screenshot: Any) -> None:
    page.goto(main_url + "/socialnamnden/")
    field = page.get_by_role("search").get_by_role("searchbox")
    field.fill("utredningstider")
    field.press("Enter")
    page.wait_for_url("**/sok/?q=utredningstider")
    page.wait_for_selector(RESULT_LINKS, timeout=15000)
    page.wait_for_load_state("networkidle")
    screenshot(page, "sokresultat-dator")
    links = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    assert any(h.endswith("#utredningstider-barn-och-unga") for h in links), links


def test_search_results_page_passes_axe(page: Any, main_url: str) -> None:
    search(page, main_url, "avvikelse")
    violations = axe_violations(page)
    assert not violations, f"axe-core, sökresultat:\n{violations}"
    assert page.get_attribute("html", "lang") == "sv"


def test_swedish_stemming_finds_other_word_forms(page: Any, main_url: str) -> None:
    search(page, main_url, "avvikelse")
    marked = page.eval_on_selector_all("mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert any(m.startswith("avvikelser") for m in marked), marked


def test_investigation_times_find_the_child_investigations_control(
    page: Any, main_url: str
) -> None:
    links = search(page, main_url, "utredningstider")
    control = "utredningstider-barn-och-unga"
    pages = page.eval_on_selector_all(
        ".ik-traff", "els => els.map(e => [...e.querySelectorAll('a')].map(a => a.href))"
    )
    assert any(h.endswith(f"/#{control}") for hrefs in pages[:3] for h in hrefs), pages[:3]
    assert not [h for h in links if "/kontroller/" in h], "control pages are not indexed"


def test_a_controls_title_finds_the_control_and_links_to_its_anchor(
    page: Any, main_url: str
) -> None:
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    control = next(k for r in plan["risker"] for k in r["kontroller"] if k["id"] == "krisberedskap")
    links = search(page, main_url, control["titel"])
    anchored = [h for h in links if h.endswith("#krisberedskap")]
    assert anchored, links
    page.goto(anchored[0])
    assert page.evaluate("() => document.querySelector('#krisberedskap').matches(':target')")
    assert page.locator("#krisberedskap").inner_text().strip().startswith(control["titel"])
