"""Seed 004 as the example site examples/socialnamnd-2025-kritiska-risker: a socialnämnd's
delårsuppföljning of its internkontrollplan 2025 that follows up four critical risks (no plan,
no controls, no municipality name, no risk scale). Built once; checked against
tests/data/fakta_004.yml and for the report's shape."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, build_project, make_project, page_html

EXAMPLE_004 = ROOT / "examples" / "socialnamnd-2025-kritiska-risker"
FACTS = yaml.safe_load((ROOT / "tests" / "data" / "fakta_004.yml").read_text(encoding="utf-8"))
REPORT = "/socialnamnden/2025/halvar-1/"
CONTENT = yaml.safe_load(
    (EXAMPLE_004 / "content" / "socialnamnden" / "2025" / "halvar-1.yml").read_text(
        encoding="utf-8"
    )
)
RISKS = CONTENT["risker"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-004 example site, built once for this module."""
    project = make_project(tmp_path_factory.mktemp("seed004"), EXAMPLE_004 / "content")
    return build_project(project)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace(" ,", ",").strip()


def _article(html: str) -> Tag:
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("article") or soup


def _text(node: Tag) -> str:
    return _squash(node.get_text(" "))


def _plain(markdown: str) -> str:
    """A Markdown text as it reads on the page (paragraphs joined), for substring checks."""
    return _squash(markdown)


def _first_sentence(markdown: str) -> str:
    return _plain(markdown).split(". ")[0]


def _card(article: Tag, risk: dict) -> str:
    """The text of the risk's card: its heading with what follows up to the next heading of the
    same level, or else the smallest element that holds the risk, "Följer plan" and the comment.
    Fails unless the card holds the risk's text, its "Följer plan" and its comment."""
    title, comment = _plain(risk["titel"]), _first_sentence(risk["kommentar"])
    holders = [el for el in article.find_all(True) if title in _text(el)]
    assert holders, f"{risk['risk']}: the risk's text is not on the page"
    smallest = min(holders, key=lambda el: len(_text(el)))
    heading = smallest if re.fullmatch(r"h[1-6]", smallest.name or "") else None
    if heading is not None:
        parts = [_text(heading)]
        for sibling in heading.find_next_siblings():
            name = sibling.name or ""
            if re.fullmatch(r"h[1-6]", name) and int(name[1]) <= int(heading.name[1]):
                break
            parts.append(_text(sibling))
        text = " ".join(parts)
    else:
        found = [el for el in holders if "Följer plan" in _text(el) and comment in _text(el)]
        assert found, f"{risk['risk']}: no element holds the risk, Följer plan and the comment"
        text = _text(min(found, key=lambda el: len(_text(el))))
    assert "Följer plan" in text and comment in text, f"{risk['risk']}: card is {text[:300]}"
    return text


def test_enough_facts_are_held() -> None:
    assert len(FACTS) >= 30


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f['sida']}:{f['text'][:30]}")
def test_fact_from_seed_004_is_on_the_site(fact: dict, site: Path) -> None:
    article = _article(page_html(site, fact["sida"]))
    text = str(fact["text"])
    if "risk" not in fact:
        assert text in _text(article)
        return
    risk = next(r for r in RISKS if r["risk"] == fact["risk"])
    card = _card(article, risk)
    if "falt" not in fact:
        assert text in card
        return
    pattern = re.escape(fact["falt"]) + r"\W{0,5}" + re.escape(text) + r"(?!\d)"
    assert re.search(pattern, card), f"{fact['falt']} {text!r} not in the card: {card[:300]}"


def test_each_risk_is_one_card_with_its_plan_facts_and_follow_up(site: Path) -> None:
    article = _article(page_html(site, REPORT))
    cards = []
    for risk in RISKS:
        text = _card(article, risk)
        for key in ("process", "befintliga_rutiner", "planerad_hantering", "kommentar"):
            for paragraph in risk[key].split("\n\n"):
                assert _plain(paragraph) in text, (risk["risk"], key)
        assert re.search(rf"Riskvärde\W{{0,5}}{risk['riskvarde']}(?!\d)", text), risk["risk"]
        assert re.search(r"Följer plan\W{0,5}Ja\b", text), risk["risk"]
        others = [_plain(r["titel"]) for r in RISKS if r is not risk]
        assert not any(o in text for o in others), f"{risk['risk']}'s card holds another risk"
        cards.append(text)
    assert len(set(cards)) == 4


def test_the_report_csv_has_one_row_per_risk_with_foljer_plan_and_comment(site: Path) -> None:
    raw = (site / "data" / "socialnamnden" / "2025" / "halvar-1.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))
    assert len(rows) == 4, raw[:500]
    follow = [c for c in rows[0] if re.search(r"foljer|följer", c, re.IGNORECASE)]
    assert follow, f"no följer plan column in {list(rows[0])}"
    for risk in RISKS:
        row = next((r for r in rows if risk["risk"] in r.values()), None)
        assert row is not None, f"no row for {risk['risk']}"
        assert any(row[c].strip().lower() in {"true", "ja", "1"} for c in follow), row
        assert _first_sentence(risk["kommentar"]) in _squash(" ".join(row.values())), row


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


@pytest.mark.parametrize(
    "word",
    [
        "1–25",
        "Riskmatris",
        "Okänd kommun",
        "Alla 0 kontroller",
        # ikgen's default assessment words: the document has no bedömningsskala.
        "Graverande avvikelser",
        "Mindre avvikelser",
    ],
)
def test_no_page_shows(word: str, site: Path) -> None:
    pages = _pages(site)
    assert len(pages) >= 3
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert word not in _squash(soup.get_text(" ")), page.relative_to(site)


def test_no_page_has_a_sammanfattning_heading(site: Path) -> None:
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for h in soup.find_all(re.compile(r"^h[1-6]$")):
            heading = _squash(h.get_text(" ")).rstrip("#").strip()
            assert heading != "Sammanfattning", page.relative_to(site)


def test_bakgrund_comes_before_the_first_risk(site: Path) -> None:
    article = _article(page_html(site, REPORT))
    headings = [
        _squash(h.get_text(" ")).rstrip("#").strip()
        for h in article.find_all(re.compile(r"^h[1-6]$"))
    ]
    assert "Bakgrund" in headings
    text = _text(article)
    first_risk = min(text.index(_plain(r["titel"])) for r in RISKS)
    assert text.index("Bakgrund") < first_risk
    assert text.index("Delårsuppföljning socialnämndens internkontrollplan 2025") < first_risk


@pytest.mark.parametrize("url", ["/socialnamnden/", "/"])
def test_namnd_and_start_page_count_foljer_plan(url: str, site: Path) -> None:
    text = _text(_article(page_html(site, url)))
    assert re.search(r"\b4 av 4\b|Följer plan\D{0,12}\b4\b", text), text[:600]
