"""Issue 11: a plan's life during the year, and the Norrtälje URLs that must keep working.

The fixture tests/fixtures/arsliv/ overlays the base project: a risk handled by a control and a
one-off action, an accepted risk with its motivering, a risk and a control added by a later
decision, and a risk re-assessed in a follow-up.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, build_project, make_project, run_ikgen

PLAN = "testnamnden/2024/plan/index.html"
REPORT = "testnamnden/2024/delar-1/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("arsliv"), FIXTURES / "bas" / "content")
    shutil.copytree(FIXTURES / "arsliv" / "content", project / "content", dirs_exist_ok=True)
    return build_project(project)


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _card(soup: BeautifulSoup, anchor: str) -> str:
    """The text of a risk's or control's card: its heading and what follows up to the next."""
    heading = soup.find(id=anchor)
    assert heading is not None, anchor
    parts = [heading.get_text(" ", strip=True)]
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3", "h4"):
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(parts)


def test_plan_counts_and_maps_only_what_was_adopted(site: Path) -> None:
    soup = _soup(site, PLAN)
    status = soup.select_one(".ik-dokumentstatus").get_text(" ", strip=True)
    assert "3 risker, 1 kontroller." in status
    assert "Tillagda under året genom senare beslut: 1 risker, 1 kontroller" in status
    matrix = soup.select_one("table.ik-riskmatris")
    linked = {a["href"] for a in matrix.select("td a")}
    assert "#hot-mot-personal" not in linked and "#felaktiga-utbetalningar" in linked


def test_additions_appear_with_their_decision(site: Path) -> None:
    soup = _soup(site, PLAN)
    risk = _card(soup, "hot-mot-personal")
    assert "Tillagd under året" in risk and "§ 31" in risk and "TN 2024-0051" in risk
    control = _card(soup, "kontroll-av-leverantorsregister")
    assert "Tillagd under året" in control and "§ 30" in control
    assert "Tillagd under året" not in _card(soup, "stickprov-fakturor")
    page = _soup(site, "testnamnden/kontroller/kontroll-av-leverantorsregister/index.html")
    assert "tillagd under året genom beslut" in page.get_text(" ", strip=True)


def test_several_ways_of_handling_and_an_accepted_risk_with_motivering(site: Path) -> None:
    soup = _soup(site, PLAN)
    both = _card(soup, "felaktiga-utbetalningar")
    assert "Granskas genom kontroll; Hanteras genom en åtgärd" in both
    assert "Ny attestordning införs." in both and "Ekonomichefen" in both
    accepted = _card(soup, "lokalbrist")
    assert "Accepterad risk" in accepted and "kostnaden för åtgärder hög" in accepted


def test_reassessed_risk_shows_old_and_new_value_and_data_carries_both(site: Path) -> None:
    card = _card(_soup(site, REPORT), "it-sakerhet")
    assert "Riskvärde i planen 4" in card
    assert "Riskvärde efter omvärdering i denna uppföljning 2" in card
    assert "Nya brandväggar minskar sannolikheten." in card
    data = json.loads((site / "data/testnamnden/2024/delar-1.json").read_text("utf-8"))
    risk = next(r for r in data["risker"] if r["risk"] == "it-sakerhet")
    assert (risk["riskvarde"], risk["nytt_riskvarde"]) == (4, 2)
    rows = list(
        csv.DictReader(io.StringIO((site / "data/testnamnden/2024/delar-1.csv").read_text()))
    )
    row = next(r for r in rows if r["risk_id"] == "it-sakerhet")
    assert (row["riskvarde"], row["nytt_riskvarde"], row["foljer_plan"]) == ("4", "2", "ja")
    late = next(r for r in rows if r["risk_id"] == "hot-mot-personal")
    assert late["foljer_plan"] == "nej" and late["nytt_riskvarde"] == ""


def test_norrtalje_urls_of_the_previous_build_still_resolve() -> None:
    earlier = FIXTURES / "urls-norrtalje-fore-rapportformer.txt"
    result = run_ikgen("check", "content", "--mot", str(earlier), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Alla 88 adresser" in result.stdout
