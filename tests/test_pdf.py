"""PDF/A of each published plan and report (ikgen/publish/pdf.py), held with real tools.

The content/ site's PDFs are read with pikepdf (PDF/A id, tags, language, title), poppler's
pdffonts (every font embedded) and pdftotext (the report's own figures, the decision first,
the address and page number on every page). Two builds give the same bytes; drafts get no
PDF anywhere; ``ikgen pdf --utkast`` marks every page; secret text never reaches a PDF.
Under CI=true a missing tool fails these tests instead of skipping them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build_project, make_project, page_html, run_ikgen

from ikgen.build import Build
from ikgen.core import urls
from ikgen.core.corpus import Corpus
from ikgen.pipeline import load_checked
from ikgen.publish.pdf import document_date, write_pdfs

pikepdf = pytest.importorskip("pikepdf") if not os.environ.get("CI") else __import__("pikepdf")


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} saknas (Debian: poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _weasyprint_works() -> None:
    try:
        from weasyprint import HTML

        HTML(string="<p>x</p>").write_pdf()
    except (ImportError, OSError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"WeasyPrint kan inte köras: {exc}")
        pytest.skip(f"WeasyPrint kan inte köras: {exc}")


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    """WeasyPrint with Pango, pdffonts and pdftotext: present, or the module skips (fails
    under CI)."""
    _weasyprint_works()
    _require("pdffonts")
    _require("pdftotext")


def _text(pdf: Path) -> list[str]:
    """Each page's text, whitespace folded."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    return [" ".join(p.split()) for p in pages if p.strip()]


def _corpus(content: Path) -> Corpus:
    return load_checked(content, Build())


@pytest.fixture(scope="module")
def content() -> Corpus:
    return _corpus(ROOT / "content")


def _pdfs(site: Path) -> set[str]:
    return {"/" + p.relative_to(site).as_posix() for p in site.rglob("*.pdf")}


def test_every_published_plan_and_report_has_a_pdf(main_site: Path, content: Corpus) -> None:
    docs = [d for d in content.documents() if not d.is_draft]
    assert len(docs) == 4
    expected = {urls.document_pdf(d) for d in docs}
    assert _pdfs(main_site) == expected
    listed = (main_site / "urls.txt").read_text(encoding="utf-8").splitlines()
    catalog = (main_site / "data" / "katalog.jsonld").read_text(encoding="utf-8")
    for doc in docs:
        pdf = urls.document_pdf(doc)
        assert pdf in listed
        assert f'{pdf}"' in catalog and "file-type/PDFA2B" in catalog
        page = page_html(main_site, urls.of_document(doc))
        link = urls.relative(urls.of_document(doc), pdf)
        assert re.search(rf'<a href="{re.escape(link)}"[^>]*>Ladda ner som PDF/A</a>', page)


def test_pdfs_are_pdfa_tagged_swedish_and_titled(main_site: Path) -> None:
    for path in sorted(main_site.rglob("*.pdf")):
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert meta.get("pdfaid:part") == "2", path
            assert meta.get("pdfaid:conformance") == "B", path
            assert pdf.Root.MarkInfo.Marked is True, path
            assert "/StructTreeRoot" in pdf.Root, path
            assert str(pdf.Root.Lang) == "sv", path
            title = str(pdf.docinfo["/Title"])
            assert title.startswith("Socialnämnden: "), title
            assert meta.get("dc:title") == title
            assert str(pdf.docinfo["/Author"]) == "Norrtälje kommun"
            for page in pdf.pages:  # A4: 210 × 297 mm in points
                width, height = (float(v) for v in page.MediaBox[2:])
                assert (round(width), round(height)) == (595, 842), path


def test_every_font_is_embedded(main_site: Path) -> None:
    for path in sorted(main_site.rglob("*.pdf")):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows, path
        for row in rows:
            # name type [type] encoding emb sub uni object generation
            assert row.split()[-5] == "yes", (path, row)
            assert "DejaVu" in row, row


def test_report_pdf_holds_the_decision_first_and_the_reports_figures(main_site: Path) -> None:
    pages = _text(main_site / "data/socialnamnden/2024/delar-1.pdf")
    whole = " ".join(pages)
    # content/socialnamnden/2024/delar-1.yml: §96, dnr, deltar ej, the notes, the figures.
    for fact in (
        "§96",
        "SN 2023-1178",
        "Socialdemokraterna, Centerpartiet, Vänsterpartiet",
        "Centerpartiet stöder yrkandet i Socialdemokraternas protokollsanteckning.",
        "37,5 %",
        "4 av 13 st",
        "Mindre avvikelser",
    ):
        assert fact in whole, fact
    assert whole.index("Beslut") < whole.index("§96") < whole.index("37,5 %")
    address = urls.of_document(_doc_ref("socialnamnden", 2024, "delar-1"))
    for number, text in enumerate(pages, 1):
        assert f"Permanent adress: {address}" in text, number
        assert f"Sida {number} av {len(pages)}" in text, number
        assert "Utkast" not in text  # only a draft's PDF says so


def _doc_ref(namnd_id: str, year: int, period_id: str | None):  # noqa: ANN202
    class Ref:
        pass

    ref = Ref()
    ref.namnd_id, ref.year, ref.period_id = namnd_id, year, period_id
    return ref


def test_same_content_gives_byte_identical_pdfs(
    main_site: Path, content: Corpus, tmp_path: Path
) -> None:
    write_pdfs(_corpus(ROOT / "content"), tmp_path / "a")
    write_pdfs(content, tmp_path / "b")
    built = {p: (main_site / p.lstrip("/")).read_bytes() for p in _pdfs(main_site)}
    for url, data in built.items():
        assert (tmp_path / "a" / url.lstrip("/")).read_bytes() == data, url
        assert (tmp_path / "b" / url.lstrip("/")).read_bytes() == data, url


def test_pdf_dates_come_from_the_content_not_the_clock(main_site: Path, content: Corpus) -> None:
    for doc in content.documents():
        with pikepdf.open(main_site / urls.document_pdf(doc).lstrip("/")) as pdf:
            day = document_date(doc).strftime("%Y%m%d")
            assert str(pdf.docinfo["/CreationDate"]).startswith(f"D:{day}")
            assert str(pdf.docinfo["/ModDate"]).startswith(f"D:{day}")
    report = content.namnder["socialnamnden"].uppfoljningar[(2024, "delar-1")]
    assert str(document_date(report)) == "2024-05-07"  # no meeting date: the report's own


@pytest.fixture(scope="module")
def draft_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("pdf-utkast"), FIXTURES / "bas" / "content")
    shutil.copytree(FIXTURES / "utkast" / "content", project / "content", dirs_exist_ok=True)
    return project


@pytest.mark.parametrize("args", [(), ("--utkast",)])
def test_drafts_never_get_a_pdf(draft_project: Path, args: tuple[str, ...]) -> None:
    name = "site-" + ("utkast" if args else "publik")
    build_project(draft_project, "-d", name, *args)
    site = draft_project / name
    pdfs = _pdfs(site)
    assert "/data/testnamnden/2024/delar-1.pdf" in pdfs  # the published report has one
    drafts = [d for d in _corpus(draft_project / "content").documents() if d.is_draft]
    assert len(drafts) == 3
    for doc in drafts:
        assert urls.document_pdf(doc) not in pdfs
    assert not [p for p in pdfs if "/2025/" in p or "helar" in p]
    listed = (site / "urls.txt").read_text(encoding="utf-8").splitlines()
    assert "/data/testnamnden/2024/delar-1.pdf" in listed
    assert not [u for u in listed if u.endswith(".pdf") and ("helar" in u or "/2025/" in u)]


def test_ikgen_pdf_marks_every_page_of_a_draft(draft_project: Path, tmp_path: Path) -> None:
    target = tmp_path / "helar.pdf"
    common = ("testnamnden", "2024", "helar", "-C", str(draft_project / "content"))
    refused = run_ikgen("pdf", *common, "-o", str(target))
    assert refused.returncode == 1 and "utkast" in refused.stderr and not target.exists()
    made = run_ikgen("pdf", *common, "--utkast", "-o", str(target))
    assert made.returncode == 0, made.stderr
    pages = _text(target)
    assert pages and all("Utkast" in text for text in pages)
    assert "qzv" in " ".join(pages).lower()  # the draft's own text is in it
    with pikepdf.open(target) as pdf:
        assert pdf.open_metadata().get("pdfaid:part") == "2"
    published = tmp_path / "delar-1.pdf"
    made = run_ikgen(
        "pdf", "testnamnden", "2024", "delar-1", "-C", common[-1], "-o", str(published)
    )
    assert made.returncode == 0, made.stderr
    assert not [t for t in _text(published) if "Utkast" in t]


def test_secret_text_never_reaches_a_pdf(tmp_path: Path) -> None:
    from test_sekretess import SECRETS, _project

    for secret in (True, False):
        project = _project(tmp_path / str(secret), secret)
        out = tmp_path / f"pdf-{secret}"
        done = write_pdfs(_corpus(project / "content"), out)
        assert done.documents >= 2
        text = " ".join(" ".join(_text(p)) for p in sorted(out.rglob("*.pdf")))
        found = [s for s in SECRETS if s in text]
        # Marked secret: none of it; the same files unmarked: all of it (positive control).
        assert found == ([] if secret else list(SECRETS)), found


def test_a_pdf_fetches_nothing(tmp_path: Path) -> None:
    from ikgen.publish.pdf import render_pdf

    image = tmp_path / "bild.svg"
    image.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        '<text x="0" y="20">qzhamtad</text></svg>',
        encoding="utf-8",
    )
    html = f'<html lang="sv"><title>t</title><p>text <img src="{image.as_uri()}"></p></html>'
    target = tmp_path / "t.pdf"
    target.write_bytes(render_pdf(html))
    text = " ".join(_text(target))
    assert "text" in text and "qzhamtad" not in text
    # Positive control: WeasyPrint itself would have drawn the file.
    from weasyprint import HTML

    target.write_bytes(HTML(string=html).write_pdf())
    assert "qzhamtad" in " ".join(_text(target))


def test_the_cache_serves_unchanged_documents_and_forgets_the_rest(tmp_path: Path) -> None:
    from ikgen.publish.pdf import PdfCache

    project = make_project(tmp_path / "p", FIXTURES / "bas" / "content")
    cache = PdfCache(tmp_path / "cache")
    first = write_pdfs(_corpus(project / "content"), tmp_path / "a", cache=cache)
    cached = sorted((tmp_path / "cache").glob("*.pdf"))
    assert first.documents >= 2 and len(cached) == first.documents
    # A cached entry is what the next build publishes: its bytes, not a new rendering.
    marked = cached[0]
    marked.write_bytes(marked.read_bytes() + b"%cache\n")
    write_pdfs(_corpus(project / "content"), tmp_path / "b", cache=PdfCache(cache.folder))
    served = [p for p in (tmp_path / "b").rglob("*.pdf") if p.read_bytes().endswith(b"%cache\n")]
    assert len({p.parts[-2:] for p in served}) == 1  # one document (and its old id's copy)
    # An edited document gets a new rendering; its old entry is forgotten.
    report = next((project / "content").rglob("delar-1.yml"))
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("Rutinen ses över.", "Rutinen ses över i maj."), encoding="utf-8"
    )
    write_pdfs(_corpus(project / "content"), tmp_path / "c", cache=PdfCache(cache.folder))
    after = sorted((tmp_path / "cache").glob("*.pdf"))
    assert len(after) == first.documents and set(after) != set(cached)
    changed = [
        p
        for p in (tmp_path / "c").rglob("*.pdf")
        if p.read_bytes() != (tmp_path / "a" / p.relative_to(tmp_path / "c")).read_bytes()
    ]
    assert {p.parts[-2:] for p in changed} == {("2024", "delar-1.pdf")}, changed


def test_parallel_rendering_gives_the_same_bytes(content: Corpus) -> None:
    from ikgen.publish.pdf import PdfMaker, public_pages
    from ikgen.publish.pdfrender import PARALLEL_FROM, render_all, render_pdf

    maker = PdfMaker()
    html = [maker.html(page) for page in public_pages(content)[:PARALLEL_FROM]]
    assert len(html) == PARALLEL_FROM
    assert render_all(html) == [render_pdf(one) for one in html]


def test_without_pdf_nothing_links_or_lists_one(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "bas" / "content")
    kommun = project / "content" / "kommun.yml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + "\npdf: false\n", encoding="utf-8")
    build_project(project)
    site = project / "site"
    assert not list(site.rglob("*.pdf"))
    assert not [u for u in (site / "urls.txt").read_text(encoding="utf-8").split() if ".pdf" in u]
    assert "application/pdf" not in (site / "data" / "katalog.jsonld").read_text(encoding="utf-8")
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert pages and not [p for p in pages if "Ladda ner som PDF" in p]
    assert (site / "data" / "testnamnden" / "2024" / "delar-1.json").exists()  # data stays
