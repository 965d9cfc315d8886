"""ikgen.publish.pdf without WeasyPrint: the HTML a PDF is made from, its dates, its pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ikgen.build import Build
from ikgen.core.corpus import Corpus
from ikgen.pipeline import load_checked
from ikgen.publish.pdf import DRAFT_MARK, PdfError, PdfMaker, document_page, public_pages

from ..fast_paths import FIXTURES


def test_every_published_document_and_no_draft_gets_a_page(corpus: Corpus) -> None:
    pages = public_pages(corpus)
    published = [d for d in corpus.documents() if not d.is_draft]

    def key(doc) -> tuple:  # noqa: ANN001
        return (doc.namnd_id, doc.year, doc.period_id or "")

    assert published
    assert sorted(key(p.doc) for p in pages) == sorted(key(d) for d in published)


def test_html_is_swedish_titled_and_puts_the_decision_first(norrtalje: Corpus) -> None:
    page = document_page(norrtalje, "socialnamnden", 2024, "delar-1")
    assert page is not None
    html = PdfMaker("https://ik.example").html(page)
    assert html.startswith('<!doctype html>\n<html lang="sv">')
    assert "<title>Socialnämnden: Uppföljning Delår 1 2024</title>" in html
    assert html.index("<h2>Beslut</h2>") < html.index("§96") < html.index("37,5")
    assert "https://ik.example/socialnamnden/2024/delar-1/" in html
    assert '<meta name="dcterms.created" content="2024-05-07T00:00:00+00:00">' in html
    assert DRAFT_MARK not in html


@pytest.fixture(scope="module")
def with_drafts(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("pdf") / "content"
    shutil.copytree(FIXTURES / "bas" / "content", root)
    shutil.copytree(FIXTURES / "utkast" / "content", root, dirs_exist_ok=True)
    return load_checked(root, Build(show_drafts=True))


def test_a_draft_needs_the_draft_mark(with_drafts: Corpus) -> None:
    page = document_page(with_drafts, "testnamnden", 2024, "helar")
    assert page is not None and page.doc.is_draft
    with pytest.raises(PdfError, match="utkast"):
        PdfMaker().html(page)
    html = PdfMaker().html(page, draft=True)
    assert html.count(DRAFT_MARK) == 1  # in the page margin: on every page
    assert "@top-right" in html


def test_yaml_text_is_escaped(with_drafts: Corpus) -> None:
    page = document_page(with_drafts, "testnamnden", 2024, "delar-1")
    assert page is not None
    page.n.namnd = page.n.namnd.model_copy(update={"namn": "<script>x</script> & Co"})
    html = PdfMaker().html(page)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; Co" in html


def test_drafts_have_no_public_page(with_drafts: Corpus) -> None:
    drafts = [d for d in with_drafts.documents() if d.is_draft]
    shown = {(p.doc.year, p.doc.period_id) for p in public_pages(with_drafts)}
    assert len(drafts) == 3 and (2024, "delar-1") in shown
    assert not shown & {(d.year, d.period_id) for d in drafts}


def _overlay(tmp: Path, name: str) -> Corpus:
    root = tmp / "content"
    shutil.copytree(FIXTURES / "bas" / "content", root)
    shutil.copytree(FIXTURES / name / "content", root, dirs_exist_ok=True)
    return load_checked(root, Build())


def test_secret_text_is_left_out_and_its_ground_shown(tmp_path: Path) -> None:
    pages = public_pages(_overlay(tmp_path, "sekretess"))
    html = "".join(PdfMaker().html(p) for p in pages)
    assert "omfattas av sekretess" in html and "qzhemlig" not in html


def test_a_report_follows_up_earlier_actions(tmp_path: Path) -> None:
    pages = {p.url: p for p in public_pages(_overlay(tmp_path, "atgarder"))}
    assert "<h2>Uppföljning av åtgärder</h2>" in PdfMaker().html(
        pages["/testnamnden/2025/delar-1/"]
    )
    assert "Uppföljning av åtgärder" not in PdfMaker().html(pages["/testnamnden/2024/delar-1/"])
