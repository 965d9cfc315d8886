"""Actions followed through, in real builds: the register page, report sections, late counts,
open data and `ikgen check`, on Norrtälje's content and on tests/fixtures/atgarder/.

The fixture overlays the base project with three periods (delår 1 2024, helår 2024, delår 1
2025): utbilda-attestanter is decided, pågår, then genomförd with an effect; ny-attestrutin is
försenad, then pågår past its date (late); mfa-infora, decided in the plan, is struck;
arkivera-underlag, decided at helår, is left out by delår 1 2025 (a warning).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, build_project, page_html, run_ikgen

REGISTER = "/testnamnden/atgarder/"


def _project(tmp: Path) -> Path:
    shutil.copytree(FIXTURES / "bas" / "content", tmp / "content")
    shutil.copytree(FIXTURES / "atgarder" / "content", tmp / "content", dirs_exist_ok=True)
    for name in ("theme", "docs"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The actions fixture, built once for this module."""
    return build_project(_project(tmp_path_factory.mktemp("atgarder")))


def _text(fragment: str) -> str:
    """A page fragment as plain text, whitespace collapsed."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([:.,;])", r"\1", text)


def _section(page: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of the same or higher level."""
    start = page.index(f'id="{anchor}"')
    level = page.rfind("<h", 0, start)
    tag = page[level + 1 : level + 3]
    ends = [page.find(f"<h{k}", start) for k in range(2, int(tag[1]) + 1)]
    ends = [e for e in ends if e != -1] + [page.index("</article>", start)]
    return page[start : min(ends)]


def test_the_register_sorts_late_open_and_closed_actions(fixture_site: Path) -> None:
    page = page_html(fixture_site, REGISTER)
    assert "1 av 4 åtgärder har passerat sitt datum" in _text(page)
    late, open_, closed = (
        _section(page, a) for a in ("sena-atgarder", "oppna-atgarder", "avslutade-atgarder")
    )
    assert re.findall(r'<h3 id="([^"]+)"', late) == ["ny-attestrutin"]
    assert re.findall(r'<h3 id="([^"]+)"', open_) == ["arkivera-underlag"]
    assert re.findall(r'<h3 id="([^"]+)"', closed) == ["mfa-infora", "utbilda-attestanter"]
    assert "⚠" in late and "Datum passerat" in _text(late)  # icon and text, never colour alone


def test_an_action_shows_its_origin_and_its_history_oldest_first(fixture_site: Path) -> None:
    card = _section(page_html(fixture_site, REGISTER), "utbilda-attestanter")
    text = _text(card)
    assert 'href="../2024/delar-1/#stickprov-fakturor"' in card  # decided under the control
    assert 'href="../kontroller/stickprov-fakturor/"' in card
    helar = text.index("Uppföljning Helår 2024: ◐ Pågår")
    delar = text.index("Uppföljning Delår 1 2025: ✔ Genomförd Klart: 2025-03-15.")
    assert helar < delar
    assert "Andelen fakturor utan attest sjönk från 20 % till 0 %" in text[delar:]
    assert card.count('href="../2025/delar-1/#atgardsuppfoljning"') == 1
    plan_card = _section(page_html(fixture_site, REGISTER), "mfa-infora")
    assert 'href="../2024/plan/#it-sakerhet"' in plan_card and "⊘" in plan_card


def test_report_pages_show_followed_and_new_actions(fixture_site: Path) -> None:
    followed = _section(page_html(fixture_site, "/testnamnden/2025/delar-1/"), "atgardsuppfoljning")
    links = re.findall(r'href="\.\./\.\./atgarder/#([^"]+)"', followed)
    assert links == ["utbilda-attestanter", "ny-attestrutin"]
    assert "Rutinen skrivs fortfarande." in _text(followed)
    new = page_html(fixture_site, "/testnamnden/2024/delar-1/")
    assert 'href="../../atgarder/#utbilda-attestanter"' in new
    assert 'href="../../atgarder/#ny-attestrutin"' in new
    assert 'href="../../atgarder/#mfa-infora"' in page_html(fixture_site, "/testnamnden/2024/plan/")


def test_start_and_namnd_pages_count_late_actions(fixture_site: Path) -> None:
    for url in ("/", "/testnamnden/"):
        text = _text(page_html(fixture_site, url))
        assert "1 av 4 åtgärder har passerat sitt datum" in text, url


def test_actions_are_in_the_manifest_and_open_data(fixture_site: Path) -> None:
    manifest = (fixture_site / "urls.txt").read_text(encoding="utf-8").split()
    for action in ("utbilda-attestanter", "ny-attestrutin", "mfa-infora", "arkivera-underlag"):
        assert f"{REGISTER}#{action}" in manifest
    assert "/data/testnamnden/atgarder.json" in manifest
    data = json.loads((fixture_site / "data/testnamnden/atgarder.json").read_text("utf-8"))
    assert data["referensdatum"] == "2025-04-30"
    assert {a["id"]: a["lage"] for a in data["atgarder"]} == {
        "mfa-infora": "struken",
        "utbilda-attestanter": "genomford",
        "ny-attestrutin": "sen",
        "arkivera-underlag": "oppen",
    }
    rows = list(
        csv.DictReader(
            io.StringIO((fixture_site / "data/testnamnden/atgarder.csv").read_text("utf-8"))
        )
    )
    trained = next(r for r in rows if r["atgard_id"] == "utbilda-attestanter")
    assert trained["uppfoljningar"] == "2024 helar: Pågår | 2025 delar-1: Genomförd"
    catalog = (fixture_site / "data/katalog.jsonld").read_text("utf-8")
    assert "Testnämnden: åtgärder" in catalog and "/data/testnamnden/atgarder.csv" in catalog


def test_a_rebuild_gives_byte_identical_action_pages(tmp_path: Path, fixture_site: Path) -> None:
    again = build_project(_project(tmp_path))
    for name in (
        "testnamnden/atgarder/index.html",
        "testnamnden/2025/delar-1/index.html",
        "data/testnamnden/atgarder.json",
        "data/testnamnden/atgarder.csv",
    ):
        assert (again / name).read_bytes() == (fixture_site / name).read_bytes(), name


def test_check_names_a_dropped_action_and_a_status_that_goes_back(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = run_ikgen("check", "content", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (
        "content/testnamnden/2025/delar-1.yml:16: atgardsuppfoljning: varning: åtgärden "
        "'arkivera-underlag' var öppen i Uppföljning Helår 2024 men följs inte upp här"
    ) in result.stderr
    helar = project / "content/testnamnden/2024/helar.yml"
    helar.write_text(helar.read_text("utf-8").replace("status: forsenad", "status: genomford"))
    result = run_ikgen("check", "content", cwd=project)
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"content/testnamnden/2025/delar-1\.yml:\d+: atgardsuppfoljning\[1\]\.status: varning: "
        r"åtgärden 'ny-attestrutin' går tillbaka från Genomförd till Pågår",
        result.stderr,
    ), result.stderr


NORRTALJE_2025 = ROOT / "content/socialnamnden/2025/delar-1.yml"


def test_norrtalje_register_holds_2024_origins_and_2025_words(main_site: Path) -> None:
    """Every action of the report per april 2024 has an anchor, its 2024 wording and origin;
    each one the 2025 report follows up shows the 2025 report's own words."""
    page = page_html(main_site, "/socialnamnden/atgarder/")
    report_2024 = yaml.safe_load((ROOT / "content/socialnamnden/2024/delar-1.yml").read_text())
    report_2025 = yaml.safe_load(NORRTALJE_2025.read_text(encoding="utf-8"))
    own_words_2025 = " ".join(
        " ".join(str(x) for x in (r.get("resultat"), r.get("kommentar")) if x)
        + " "
        + " ".join(a["vad"] for a in r["atgarder"])
        for r in report_2025["kontroller"]
    )
    own_words_2025 = " ".join(own_words_2025.split())
    followed = {f["atgard"]: f for f in report_2025["atgardsuppfoljning"]}
    actions = [(r["kontroll"], a) for r in report_2024["kontroller"] for a in r["atgarder"]]
    assert len(actions) == 7
    for control, action in actions:
        card = _text(_section(page, action["id"]))
        assert " ".join(action["vad"].split()) in card
        assert f'href="../2024/delar-1/#{control}"' in _section(page, action["id"])
        if action["id"] in followed:
            quote = " ".join(followed[action["id"]]["kommentar"].split())
            assert quote in own_words_2025, f"{action['id']}: not the 2025 report's words"
            assert "Uppföljning Delår 1 2025: " in card and quote in card
        else:
            assert "Ingen senare uppföljning har följt upp åtgärden ännu." in card
    assert "Fortsatt arbete utifrån handlingsplan som tagits fram." in _text(
        _section(page, "handlingsplan-utredningstider")
    )


def test_a_controls_page_lists_the_actions_that_concern_it(fixture_site: Path) -> None:
    section = _section(
        page_html(fixture_site, "/testnamnden/kontroller/stickprov-fakturor/"), "atgarder"
    )
    assert re.findall(r'href="\.\./\.\./atgarder/#([^"]+)"', section) == [
        "utbilda-attestanter",
        "arkivera-underlag",
    ]
    assert "✔ Genomförd" in _text(section)
