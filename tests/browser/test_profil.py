"""The graphic profile of kommun.yml in Chromium: header colour, links, logo, favicon, chart line,
footer line, and axe-core still finds nothing (the contrast rules of ``ikgen check`` hold)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, build_project, make_project

from .conftest import _served
from .test_pages import axe_violations

PRIMARY = "#1f4e79"
ACCENT = "#7a1f5c"
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">'
    '<circle cx="24" cy="24" r="20" fill="#ffffff"/></svg>\n'
)
PROFILE = f"""
profil:
  logotyp: profil/logotyp.svg
  favicon: profil/favicon.svg
  primar: "{PRIMARY}"
  accent: "{ACCENT}"
  sidfot: "Frågor om internkontrollen: <kommunen@example.se>"
"""


def _rgb(colour: str) -> str:
    """``#rrggbb`` as the browser's computed ``rgb(r, g, b)``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def profile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ with a profile: logo, favicon, colours and a footer line."""
    project = make_project(tmp_path_factory.mktemp("profil"), ROOT / "content")
    (project / "content" / "profil").mkdir()
    for name in ("logotyp.svg", "favicon.svg"):
        (project / "content" / "profil" / name).write_text(LOGO, encoding="utf-8")
    kommun = project / "content" / "kommun.yml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + PROFILE, encoding="utf-8")
    return build_project(project)


@pytest.fixture(scope="module")
def profile_url(profile_site: Path) -> Iterator[str]:
    yield from _served(profile_site)


def test_header_links_logo_and_favicon_follow_the_profile(page: Any, profile_url: str) -> None:
    page.goto(profile_url + "/socialnamnden/")
    header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert header == _rgb(PRIMARY)
    link = page.eval_on_selector(
        "article.md-typeset p a[href]:not(.headerlink)", "e => getComputedStyle(e).color"
    )
    assert link == _rgb(ACCENT)
    logo = page.locator(".md-header .md-logo img")
    assert logo.get_attribute("src").endswith("assets/profil/logotyp.svg")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    icon = page.eval_on_selector("link[rel=icon]", "l => l.href")
    assert icon == profile_url + "/assets/profil/favicon.svg"
    assert page.request.get(icon).status == 200
    footer = page.locator(".ik-profil-sidfot").inner_text()
    assert footer == "Frågor om internkontrollen: <kommunen@example.se>"


def test_chart_line_in_the_primary_colour(page: Any, profile_url: str) -> None:
    page.goto(profile_url + "/socialnamnden/kontroller/krisberedskap/")
    stroke = page.eval_on_selector("svg polyline", "e => getComputedStyle(e).stroke")
    assert stroke == _rgb(PRIMARY)


@pytest.mark.parametrize("url", ["/", "/socialnamnden/", "/socialnamnden/2025/plan/"])
def test_axe_finds_nothing_with_the_profile(page: Any, profile_url: str, url: str) -> None:
    page.goto(profile_url + url)
    violations = axe_violations(page)
    assert not violations, f"axe-core, {url}:\n{violations}"


def test_without_a_profile_the_header_keeps_materials_colour(page: Any, main_url: str) -> None:
    """The check can fail: the default site's header is not the profile's colour."""
    page.goto(main_url + "/socialnamnden/")
    header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert header != _rgb(PRIMARY)
    assert page.locator(".ik-profil-sidfot").count() == 0
