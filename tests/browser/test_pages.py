"""Every kind of page in real Chromium: axe-core (WCAG 2.1 A/AA), structure, phone, keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = {
    "start": "/",
    "namnd": "/socialnamnden/",
    "plan": "/socialnamnden/2024/plan/",
    "uppfoljning": "/socialnamnden/2024/delar-1/",
    "kontroller": "/socialnamnden/kontroller/",
    "atgarder": "/socialnamnden/atgarder/",
    "kontroll": "/socialnamnden/kontroller/utredningstider-barn-och-unga/",
    "tillganglighet": "/tillganglighet/",
}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CONTROL = "utredningstider-barn-och-unga"


def axe_violations(tab: Any) -> str:
    """axe-core's WCAG 2.1 A/AA violations on the open page, as readable text ('' if none)."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    result = Axe().run(tab, options=options)
    lines = []
    for v in result.response["violations"]:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {v['helpUrl']}")
        for node in v["nodes"][:5]:
            summary = " | ".join(node["failureSummary"].splitlines())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def heading_levels(tab: Any) -> list[int]:
    """The levels of the visible headings inside the main content, in document order."""
    return tab.eval_on_selector_all(
        "main h1, main h2, main h3, main h4, main h5, main h6",
        "els => els.filter(e => e.offsetParent !== null).map(e => Number(e.tagName[1]))",
    )


@pytest.mark.parametrize("kind", PAGES)
def test_page_kind_passes_axe_and_has_landmarks(
    kind: str, page: Any, main_url: str, screenshot: Any
) -> None:
    response = page.goto(main_url + PAGES[kind])
    assert response.status == 200
    screenshot(page, f"{kind}-dator")
    screenshot(page, f"{kind}-dator-vy", full_page=False)
    violations = axe_violations(page)
    assert not violations, f"axe-core, {PAGES[kind]}:\n{violations}"
    assert page.get_attribute("html", "lang") == "sv"
    for landmark in ("header", "main", "nav", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
    levels = heading_levels(page)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not jumps, f"rubriknivåer hoppar över en nivå: {jumps}"


@pytest.mark.parametrize("kind", PAGES)
def test_phone_viewport_has_no_horizontal_scrolling(
    kind: str, page: Any, main_url: str, screenshot: Any
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(main_url + PAGES[kind])
    screenshot(page, f"{kind}-mobil")
    overflow = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert overflow[0] <= overflow[1] == 360, f"sidan är {overflow[0]} px bred i 360 px"


def test_skip_link_is_first_and_moves_focus_to_content(page: Any, main_url: str) -> None:
    page.goto(main_url + PAGES["uppfoljning"])
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.href]")
    assert "md-skip" in focused[0], focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") not in ("", "#")
    assert page.locator("main h1").is_visible()


def _tab_to(tab: Any, predicate: str, limit: int = 250) -> None:
    """Press Tab until the focused element satisfies a JS predicate on ``el``; fail if never."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            outline = tab.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }"
            )
            assert outline, "fokus syns inte på det fokuserade elementet"
            return
    pytest.fail(f"nådde aldrig {predicate} med Tab")


def test_keyboard_only_reaches_a_controls_details(page: Any, main_url: str) -> None:
    page.goto(main_url + "/")
    _tab_to(page, "el.closest('.ik-oversikt') && el.getAttribute('href').includes('/')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/socialnamnden/**")
    _tab_to(page, "el.getAttribute('href') && el.getAttribute('href').endsWith('kontroller/')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kontroller/")
    _tab_to(page, f"el.getAttribute('href') && el.getAttribute('href').includes('{CONTROL}')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/kontroller/{CONTROL}/")
    _tab_to(page, "el.textContent.trim() === 'Kontrollen i rapporten'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#{CONTROL}")
    details = page.locator(f"#{CONTROL} + .ik-kort")
    assert details.is_visible()
    assert "Resultat" in details.inner_text()


def test_permalink_of_a_control_opens_the_control(page: Any, main_url: str) -> None:
    page.goto(main_url + PAGES["uppfoljning"])
    link = page.locator(f"h3#{CONTROL} a.headerlink")
    assert link.get_attribute("href") == f"#{CONTROL}"
    link.click()
    permalink = page.url
    assert permalink.endswith(f"/socialnamnden/2024/delar-1/#{CONTROL}")
    fresh = page.context.new_page()
    fresh.goto(permalink)
    heading = fresh.locator(f"h3#{CONTROL}")
    assert heading.is_visible()
    assert fresh.evaluate(f"() => document.querySelector('#{CONTROL}').matches(':target')")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box


def test_risk_matrix_page_passes_axe_and_fits_a_phone(
    page: Any, variation_url: str, screenshot: Any
) -> None:
    page.goto(variation_url + "/kulturnamnden/2025/plan/")
    matrix = page.locator("table.ik-riskmatris")
    assert matrix.locator("td a").count() >= 3
    screenshot(page, "riskmatris-dator")
    violations = axe_violations(page)
    assert not violations, f"axe-core, riskmatris:\n{violations}"
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    screenshot(page, "riskmatris-mobil")


def test_report_deviation_summary_opens_at_its_anchor(
    page: Any, main_url: str, screenshot: Any
) -> None:
    page.goto(main_url + PAGES["uppfoljning"] + "#avvikelser")
    table = page.locator("table.ik-sammanstallning")
    box = table.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    assert table.locator("tbody tr").count() >= 1
    screenshot(page, "uppfoljning-avvikelser-vy", full_page=False)


def test_register_with_every_state_passes_axe_and_fits_a_phone(page: Any, actions_url: str) -> None:
    """The fixture's register: a late, an open, a genomförd and a struck action."""
    response = page.goto(actions_url + "/testnamnden/atgarder/")
    assert response.status == 200
    assert page.locator("#sena-atgarder").count() == 1
    assert page.locator("#avslutade-atgarder").count() == 1
    violations = axe_violations(page)
    assert not violations, f"axe-core, /testnamnden/atgarder/:\n{violations}"
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(actions_url + "/testnamnden/atgarder/#ny-attestrutin")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"sidan är {width} px bred i 360 px"
