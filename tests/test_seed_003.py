"""Seed 003 as an example site: Stockholms stad, Rinkeby-Kista stadsdelsnämnd, uppföljning 2022.

The site examples/stockholm-rinkeby-kista-2022/ is built once; every fact of
tests/data/fakta_003.yml must be on its page, and the report must keep the document's shape:
goal → process → arbetssätt → kontrollaktivitet, the four åtgärder under their processes, the
verdict "Tillräcklig", and none of the words of a risk-matrix report the city does not write.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, build_project, make_project, page_html

EXAMPLE_003 = ROOT / "examples" / "stockholm-rinkeby-kista-2022"
CONTENT = EXAMPLE_003 / "content"
PLAN = yaml.safe_load((CONTENT / "rinkeby-kista" / "2022" / "plan.yml").read_text("utf-8"))
REPORT = yaml.safe_load((CONTENT / "rinkeby-kista" / "2022" / "vb.yml").read_text("utf-8"))
FACTS = yaml.safe_load((ROOT / "tests" / "data" / "fakta_003.yml").read_text(encoding="utf-8"))
REPORT_URL = "/rinkeby-kista/2022/vb/"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

FORBIDDEN = {
    "Riskmatris": re.compile(r"Riskmatris"),
    "risker as a count": re.compile(r"\b\d+\s+risker\b", re.IGNORECASE),
    "Inga kontroller har bedömts": re.compile(r"Inga kontroller har bedömts"),
    "inga avvikelser": re.compile(r"inga avvikelser", re.IGNORECASE),
    "Okänd kommun": re.compile(r"Okänd kommun"),
    "Ingen bedömning angiven": re.compile(r"Ingen bedömning angiven"),
}


@pytest.fixture(scope="module")
def site_003(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-003 example built once for this module."""
    return build_project(make_project(tmp_path_factory.mktemp("seed003"), CONTENT))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace(" ,", ",").strip()


def _md_text(markdown: str) -> str:
    """A YAML Markdown value as it reads on the page (emphasis marks gone, spaces collapsed)."""
    return _squash(markdown.replace("*", ""))


def _article(html: str) -> Tag:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["script", "style"]):
        tag.decompose()
    return soup.find("article") or soup


def _text(html: str) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    return _squash(_article(html).get_text(" "))


def _section_from(heading: Tag) -> str:
    """The text from a heading to the next heading of its level or above."""
    level = int(heading.name[1])
    parts = []
    for element in heading.next_elements:
        if isinstance(element, Tag):
            if element.name in HEADINGS and int(element.name[1]) <= level:
                break
            continue
        parts.append(str(element))
    return _squash(" ".join(parts))


def _sections_titled(article: Tag, title: str) -> list[str]:
    """The text under every heading that holds ``title``."""
    return [
        _section_from(heading)
        for heading in article.find_all(HEADINGS)
        if title in _squash(heading.get_text(" "))
    ]


def _anchored_text(article: Tag, anchor: str) -> str:
    """The text under the heading anchored at a process's or control's id."""
    heading = article.find(HEADINGS, id=anchor)
    assert heading is not None, f"no heading with id {anchor!r}"
    return _section_from(heading)


def _risk(risk_id: str) -> dict:
    return next(r for r in PLAN["risker"] if r["id"] == risk_id)


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f['sida']}:{f['text'][:30]}")
def test_fact_from_seed_003_is_on_the_site(fact: dict, site_003: Path) -> None:
    assert str(fact["text"]) in _text(page_html(site_003, fact["sida"]))


def test_at_least_thirty_facts_are_held() -> None:
    assert len(FACTS) >= 30


@pytest.mark.parametrize("risk", PLAN["risker"], ids=lambda r: r["id"])
def test_report_shows_each_process_with_its_arbetssatt_and_activities(
    risk: dict, site_003: Path
) -> None:
    article = _article(page_html(site_003, REPORT_URL))
    heading = article.find(HEADINGS, id=risk["id"])
    assert heading is not None, f"no heading for the process {risk['id']!r}"
    assert _md_text(risk["titel"]) in _squash(heading.get_text(" "))
    section = _section_from(heading)
    for kontroll in risk["kontroller"]:
        assert _md_text(kontroll["titel"]) in section, kontroll["id"]
        for field in ("rutin", "metod"):
            if field in kontroll:
                assert _md_text(kontroll[field]) in section, (kontroll["id"], field)


def test_report_shows_every_result_under_its_control(site_003: Path) -> None:
    article = _article(page_html(site_003, REPORT_URL))
    for result in REPORT["kontroller"]:
        section = _anchored_text(article, result["kontroll"])
        texts = [result["resultat"]] if "resultat" in result else []
        texts += [p["resultat"] for p in result.get("perioder", [])]
        assert texts, result["kontroll"]
        for text in texts:
            for paragraph in text.split("\n\n"):
                assert _md_text(paragraph) in section, result["kontroll"]


def test_report_shows_the_periods_of_the_delegation_control(site_003: Path) -> None:
    section = _anchored_text(
        _article(page_html(site_003, REPORT_URL)), "stickprov-delegationsbeslut"
    )
    for label in ("T1", "T2", "VB"):
        assert re.search(rf"\b{label}\b", section), label


def test_four_actions_stand_under_their_processes(site_003: Path) -> None:
    article = _article(page_html(site_003, REPORT_URL))
    actions = REPORT["atgarder"]
    assert len(actions) == 4
    for action in actions:
        vad, kommentar = _md_text(action["vad"]), _md_text(action["kommentar"])
        if "risk" in action:
            sections = _sections_titled(article, _md_text(_risk(action["risk"])["titel"]))
            assert any(vad in s and kommentar in s for s in sections), vad
        else:
            text = _text(str(article))
            galler = action["galler"]
            assert galler in text
            assert text.index(galler) < text.index(vad) < text.index(kommentar), vad


def test_report_gives_the_verdict_tillracklig(site_003: Path) -> None:
    text = _text(page_html(site_003, REPORT_URL))
    # The verdict's label, capitalised; the analysis only has "… har varit tillräcklig."
    assert "Tillräcklig" in text


def test_no_page_speaks_of_what_the_city_does_not_write(site_003: Path) -> None:
    pages = sorted(site_003.rglob("index.html"))
    assert len(pages) > 5
    found = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "style"]):
            tag.decompose()
        text = _squash(soup.get_text(" "))
        for name, pattern in FORBIDDEN.items():
            if pattern.search(text):
                found.append(f"{page.relative_to(site_003)}: {name}")
    assert not found, "\n".join(found)
