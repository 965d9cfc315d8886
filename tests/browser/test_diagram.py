"""Charts legible in Chromium at 360 px and in print (A4): no two texts meet, every text inside
its chart, text at least 11 px on the phone, and each in-bar label inside its segment.

Runs over the real content (Norrtälje) and over a made-up nämnd whose report has one control
with a small deviation next to thirty without, and an indicator reported in eight periods.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, build_project, make_project

from .conftest import SCREENSHOTS, _served

PHONE = {"width": 360, "height": 740}
A4 = {"width": 673, "height": 1000}
"""A4's printable width in CSS px (210 mm less ikgen.css's 16 mm margins, at 96 px per inch)."""
MIN_PX = 11
YEARS = (2024, 2025, 2026, 2027)
PERIODS = ("delar-1", "helar")
CONTROLS = [f"kontroll-{i:02}" for i in range(1, 32)]
VALUES = [342, 351, 1000, 12, 998, 999, 1, 500]
"""Values of the indicator, one per report: long labels close together, up and down."""

MEASURE = """svgs => svgs.map(svg => {
  const box = e => { const r = e.getBoundingClientRect();
                     return {x: r.left, y: r.top, r: r.right, b: r.bottom}; };
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, box: box(t), segment: t.dataset.segment || null,
    inside: t.classList.contains('ik-diagram-inne'),
    px: parseFloat(getComputedStyle(t).fontSize) * scale}));
  const segments = Object.fromEntries([...svg.querySelectorAll('rect.ik-diagram-segment')]
    .map(s => [s.dataset.segment, box(s)]));
  return {id: svg.id, box: box(svg), texts, segments};
})"""


def _plan(year: int) -> dict:
    controls = [
        {"id": c, "titel": f"Kontroll {c[-2:]}", "ansvarig": "Enheten", "frekvens": list(PERIODS)}
        for c in CONTROLS
    ]
    risk = {"id": "risken", "titel": "Risken", "omrade": "ekonomi", "sannolikhet": 2}
    risk |= {"konsekvens": 2, "kontroller": controls}
    decision = {"organ": "Testnämnden", "datum": f"{year}-01-24", "paragraf": "§ 1"}
    plan = {"status": "beslutad", "titel": f"Internkontrollplan {year}", "beslut": decision}
    return plan | {"risker": [risk]}


def _report(year: int, period: str, index: int) -> dict:
    results = []
    for i, c in enumerate(CONTROLS):
        level = "mindre-avvikelser" if i == 1 else "inga-avvikelser"
        result = {"kontroll": c, "status": "slutford", "bedomning": level}
        if i == 0:
            value = {"id": "andel", "namn": "Granskade ärenden", "varde": VALUES[index], "av": 1000}
            result["indikatorer"] = [value | {"enhet": "st"}]
        results.append(result)
    if index:  # the other reports: fewer controls and every level, so small parts abound
        results = results[:6]
        for r, level in zip(
            results[2:], ("graverande-avvikelser", "ingen-bedomning"), strict=False
        ):
            r["bedomning"] = level
    day = "04-30" if period == "delar-1" else "12-31"
    decision = {"datum": f"{year}-{day}", "paragraf": "§ 2"}
    return {
        "status": "beslutad",
        "titel": f"Uppföljning {year} {period}",
        "rapportdatum": f"{year}-{day}",
        "beslut": decision,
        "kontroller": results,
    }


@pytest.fixture(scope="module")
def diagram_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A nämnd with eight reports over four years (see the module docstring)."""
    project = make_project(tmp_path_factory.mktemp("diagram"), FIXTURES / "bas" / "content")
    content = project / "content"
    kommun = yaml.safe_load((content / "kommun.yml").read_text(encoding="utf-8"))
    kommun["omraden"] = {y: [{"id": "ekonomi", "namn": "Ekonomi"}] for y in YEARS}
    (content / "kommun.yml").write_text(yaml.safe_dump(kommun, allow_unicode=True), "utf-8")
    namnd = content / "testnamnden"
    for year in YEARS:
        (namnd / str(year)).mkdir(exist_ok=True)
        for old in (namnd / str(year)).glob("*.yml"):
            old.unlink()
        files = {"plan": _plan(year)}
        index = 2 * YEARS.index(year)
        files |= {p: _report(year, p, index + i) for i, p in enumerate(PERIODS)}
        for name, data in files.items():
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            (namnd / str(year) / f"{name}.yml").write_text(text, encoding="utf-8")
    yield from _served(build_project(project))


def _intersection(a: dict, b: dict) -> float:
    """The area two boxes share (0 if they do not meet)."""
    w = min(a["r"], b["r"]) - max(a["x"], b["x"])
    h = min(a["b"], b["b"]) - max(a["y"], b["y"])
    return max(w, 0) * max(h, 0)


def _within(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["r"] <= outer["r"] + slack
        and inner["b"] <= outer["b"] + slack
    )


def _problems(chart: dict, min_px: float) -> list[str]:
    """What makes one measured chart hard to read (empty when nothing does)."""
    out = []
    texts = chart["texts"]
    for i, t in enumerate(texts):
        if not _within(t["box"], chart["box"]):
            out.append(f"{t['text']!r} går utanför diagrammet")
        if t["px"] < min_px:
            out.append(f"{t['text']!r} är {t['px']:.1f} px")
        if t["inside"] and not _within(t["box"], chart["segments"][t["segment"]]):
            out.append(f"{t['text']!r} går utanför sin stapeldel")
        for other in texts[i + 1 :]:
            if _intersection(t["box"], other["box"]) > 0.5:
                out.append(f"{t['text']!r} och {other['text']!r} överlappar")
    return [f"{chart['id']}: {p}" for p in out]


def _check(tab: Any, url: str, name: str, min_px: float) -> int:
    """Measure every chart on the page; save a picture of each; fail with every problem."""
    tab.goto(url)
    charts = tab.eval_on_selector_all("svg.ik-diagram", MEASURE)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for i, svg in enumerate(tab.locator("svg.ik-diagram").all()):
        svg.screenshot(path=str(SCREENSHOTS / f"diagram-{name}-{i}.png"))
    problems = [p for chart in charts for p in _problems(chart, min_px)]
    assert not problems, "\n".join(problems)
    return len(charts)


PAGES = {
    "namnd": "/testnamnden/",
    "kontroll": "/testnamnden/kontroller/kontroll-01/",
}
MAIN_PAGES = {
    "norrtalje-namnd": "/socialnamnden/",
    "norrtalje-kontroll": "/socialnamnden/kontroller/krisberedskap/",
}


@pytest.mark.parametrize("kind", PAGES)
def test_charts_legible_on_a_phone(page: Any, diagram_url: str, kind: str) -> None:
    page.set_viewport_size(PHONE)
    assert _check(page, diagram_url + PAGES[kind], f"{kind}-mobil", MIN_PX) >= 1


@pytest.mark.parametrize("kind", PAGES)
def test_charts_legible_in_print(page: Any, diagram_url: str, kind: str) -> None:
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    assert _check(page, diagram_url + PAGES[kind], f"{kind}-utskrift", MIN_PX) >= 1


@pytest.mark.parametrize("kind", MAIN_PAGES)
def test_real_charts_legible_on_a_phone_and_in_print(page: Any, main_url: str, kind: str) -> None:
    page.set_viewport_size(PHONE)
    assert _check(page, main_url + MAIN_PAGES[kind], f"{kind}-mobil", MIN_PX) >= 1
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    assert _check(page, main_url + MAIN_PAGES[kind], f"{kind}-utskrift", MIN_PX) >= 1


def test_small_parts_are_labelled_beside_the_bar(page: Any, diagram_url: str) -> None:
    """The first report: thirty controls without deviation, one with: "▲ 1" is beside the bar."""
    page.set_viewport_size(PHONE)
    page.goto(diagram_url + PAGES["namnd"])
    outside = page.locator("svg.ik-diagram text.ik-diagram-utanfor").all_text_contents()
    inside = page.locator("svg.ik-diagram text.ik-diagram-inne").all_text_contents()
    assert "✔ 30" in inside and "▲ 1" in outside
    assert (
        page.locator("svg.ik-diagram desc")
        .text_content()
        .startswith("Vågrät axel: antal kontroller, skala 0–40.")
    )
