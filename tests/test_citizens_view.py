"""The citizens' view in the built HTML: overview, counts over time, charts, risk matrix.

Expectations come from the YAML read directly (an oracle independent of ikgen's pipeline).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, page_html

from ikgen.core.charts import trend_charts

CONTENT = ROOT / "content"
CONTROL = "utredningstider-barn-och-unga"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(page_html(site, url), "html.parser")


def _reports(content: Path, namnd: str) -> list[tuple[int, str, dict]]:
    """A nämnd's follow-ups (year, period, YAML), oldest first, drafts left out."""
    kommun = yaml.safe_load((content / "kommun.yml").read_text(encoding="utf-8"))
    order = [p["id"] for p in kommun["perioder"]]
    found = []
    for path in (content / namnd).glob("*/*.yml"):
        if path.stem in order:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if data.get("status") != "utkast":
                found.append((int(path.parent.name), path.stem, data))
    return sorted(found, key=lambda r: (r[0], order.index(r[1])))


def _cells(row) -> list[str]:
    return [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]


def test_start_page_counts_match_each_namnds_latest_report(main_site: Path) -> None:
    page = soup(main_site, "/")
    table = page.select_one("table.ik-oversikt")
    levels = [th.get_text(strip=True) for th in table.select("thead th")][2:]
    kommun = yaml.safe_load((CONTENT / "kommun.yml").read_text(encoding="utf-8"))
    ids = [b["id"] for b in kommun["bedomningsskala"]]
    assert levels == [b["namn"] for b in kommun["bedomningsskala"]]
    rows = table.select("tbody tr")
    namnder = sorted(p.parent.name for p in CONTENT.glob("*/namnd.yml"))
    assert len(rows) == len(namnder)
    for row in rows:
        slug = row.th.a["href"].strip("./").split("/")[0]
        year, period, data = _reports(CONTENT, slug)[-1]
        assert row.select("td a")[0]["href"].endswith(f"{slug}/{year}/{period}/")
        counts = Counter(k.get("bedomning") for k in data["kontroller"])
        assert _cells(row)[2:] == [str(counts[i]) for i in ids]


def test_start_page_lists_every_serious_deviation_with_a_working_link(main_site: Path) -> None:
    links = soup(main_site, "/").select(".ik-allvarliga a")
    expected = set()
    for namnd in (p.parent.name for p in CONTENT.glob("*/namnd.yml")):
        year, period, data = _reports(CONTENT, namnd)[-1]
        expected |= {
            f"{namnd}/{year}/{period}/#{k['kontroll']}"
            for k in data["kontroller"]
            if k.get("bedomning") == "graverande-avvikelser"
        }
    assert expected, "the content has no graverande avvikelser to list"
    assert {a["href"] for a in links} == expected
    for a in links:
        url, anchor = a["href"].split("#")
        assert soup(main_site, "/" + url).find(id=anchor) is not None, a["href"]


def test_namnd_page_shows_counts_per_period_in_a_table_and_a_chart(main_site: Path) -> None:
    page = soup(main_site, "/socialnamnden/")
    reports = _reports(CONTENT, "socialnamnden")
    rows = page.select("table.ik-trend tbody tr")
    hrefs = [r.th.a["href"] for r in rows]
    assert hrefs == [f"{y}/{p}/" for y, p, _ in reports]
    svg = page.select_one("svg#ik-diagram-bedomningar")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).name == "title" and svg.find(id=desc_id).name == "desc"
    desc = svg.find(id=desc_id).get_text()
    labels = [t.get_text() for t in svg.find_all("text")]
    levels = ["inga-avvikelser", "mindre-avvikelser", "graverande-avvikelser", "ingen-bedomning"]
    expected = []
    for row, (_, _, data) in zip(rows, reports, strict=True):
        counts = Counter(k.get("bedomning") for k in data["kontroller"])
        assert _cells(row)[2:] == [str(counts[level]) for level in levels]
        assert f"{counts['graverande-avvikelser']} graverande avvikelser" in desc
        # Every non-zero count is written in the bar with its level's icon, not by colour alone.
        icons = dict(zip(levels, "✔▲✖●", strict=True))
        expected += [f"{icons[lv]} {counts[lv]}" for lv in levels if counts[lv]]
    assert [t for t in labels if t[:1] in "✔▲✖●" and t[2:].isdigit()] == expected


def test_control_page_charts_indicators_with_several_periods_next_to_the_table(
    main_site: Path,
) -> None:
    page = soup(main_site, f"/socialnamnden/kontroller/{CONTROL}/")
    table = page.select_one("table.ik-jamforelse")
    several = {}
    for row in table.select("tbody tr"):
        values = [c for c in _cells(row)[1:] if c != "–"]
        if len(values) >= 2:
            several[row.th.get_text(strip=True)] = values
    assert several, "expected an indicator reported in two periods"
    figures = page.select("figure.ik-diagramfigur")
    assert [f.figcaption.get_text() for f in figures] == list(several)
    for figure, values in zip(figures, several.values(), strict=True):
        svg = figure.svg
        assert svg["role"] == "img" and svg.title and svg.desc
        texts = [t.get_text() for t in svg.find_all("text")]
        assert all(v in texts for v in values), (values, texts)
        assert all(v in svg.desc.get_text() for v in values)
        assert len(svg.find_all("circle")) == len(values)
    assert page.find("script", src=lambda s: s and "chart" in s) is None


def test_no_chart_for_an_indicator_with_one_value_and_text_is_escaped() -> None:
    kommun = SimpleNamespace(period=lambda pid: SimpleNamespace(namn=pid.upper()))
    columns = [
        SimpleNamespace(period_id="t1", year=2025),
        SimpleNamespace(period_id="t2", year=2025),
    ]
    one = SimpleNamespace(varde=3.0, av=None, enhet="st")
    two = SimpleNamespace(varde=1.5, av=4.0, enhet="%")
    rows = [
        {"id": "a", "namn": "Bara en", "values": [one, None]},
        {"id": "b", "namn": "<script>x</script>", "values": [one, two]},
    ]
    html = str(trend_charts(rows, columns, kommun))
    assert html.count("<svg") == 1 and "Bara en" not in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "1,5 av 4 %" in html and "T2" in html
    assert str(trend_charts(rows[:1], columns, kommun)) == ""


def test_risk_matrix_places_each_risk_in_its_cell_with_headers(variation_site: Path) -> None:
    plan = yaml.safe_load(
        (FIXTURES / "variationer/content/kulturnamnden/2025/plan.yml").read_text(encoding="utf-8")
    )
    page = soup(variation_site, "/kulturnamnden/2025/plan/")
    table = page.select_one("table.ik-riskmatris")
    assert table.caption and all(th["scope"] == "col" for th in table.select("thead th"))
    konsekvens = len(table.select("thead th")) - 1
    rows = table.select("tbody tr")
    assert all(r.th["scope"] == "row" for r in rows)
    placed = [r for r in plan["risker"] if r.get("sannolikhet") and r.get("konsekvens")]
    assert placed
    for risk in placed:
        row = rows[len(rows) - risk["sannolikhet"]]
        assert row.th.get_text().startswith(str(risk["sannolikhet"]))
        cell = row.find_all("td")[risk["konsekvens"] - 1]
        assert cell.find("a", href=f"#{risk['id']}").get_text() == risk["titel"]
        value = risk["sannolikhet"] * risk["konsekvens"]
        assert cell.select_one(".ik-cellvarde").get_text().startswith(str(value))
        assert page.find(id=risk["id"]) is not None
    linked = table.select("td a")
    assert len(linked) == len(placed) and konsekvens == 4


def test_accessibility_statement_comes_from_kommun_yml(example_site: Path) -> None:
    page = soup(example_site, "/tillganglighet/")
    for anchor in ("efterlevnad", "kanda-brister", "bedomning", "kontakt"):
        assert page.find(id=anchor) is not None, anchor
    kommun = yaml.safe_load(
        (ROOT / "examples/socialnamnd-2023/content/kommun.yml").read_text(encoding="utf-8")
    )
    t = kommun.get("tillganglighet", {})
    text = page.get_text(" ", strip=True)
    assert (t.get("efterlevnad") or "delvis förenlig") in text
    assert "WCAG 2.1" in text and "Digg" in text
