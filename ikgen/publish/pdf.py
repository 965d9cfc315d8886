"""PDF/A of each published plan and report: the record for the nämnd's papers and the e-archive.

Made at build time from the same content as the pages, through a small HTML template of its
own (``publish/templates/dokument.html.j2``; autoescaped, Markdown fields through
``core/text.py``), never from the site's HTML. WeasyPrint lays it out on A4 with the decision
record first, page numbers and the document's permanent address on every page, DejaVu fonts
embedded, ``lang="sv"``, title and metadata set, as PDF/A-2b with a tag structure.

Only the public view is printed: drafts never get a PDF, and secret texts are replaced by
``core/secrecy.py`` before any page is made. The same content gives the same bytes: the PDF's
dates come from the decision (or the year's end), never from the clock, and WeasyPrint's file
identifier is a hash of the content.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..core import actions, derive, text, urls
from ..core.corpus import Corpus, Document
from ..core.model import Kommun, Plan, Uppfoljning
from ..core.secrecy import without_secrets
from ..core.sensitive import allowed_keys, find_numbers
from ..core.site import DocumentPage, PlanPage, ReportPage, build_site
from .pdfrender import PDF_VARIANT, PdfCache, PdfError, render_all, render_pdf

DRAFT_MARK = "Utkast – ej beslutat, får inte publiceras"
"""What every page of a draft's PDF says (``ikgen pdf --utkast``)."""


@dataclass(frozen=True)
class PdfSummary:
    """What :func:`write_pdfs` wrote."""

    files: int
    """PDF files written (copies under earlier nämnd ids included)."""
    documents: int
    """Plans and reports rendered."""
    size: int
    """Bytes written."""
    seconds: float
    """Time spent rendering."""


def public_pages(corpus: Corpus) -> list[DocumentPage]:
    """The plan and report pages of the public view: no drafts, no secret text."""
    site = build_site(without_secrets(corpus.without_drafts()))
    return [p for p in site.pages if isinstance(p, (PlanPage, ReportPage))]


def document_page(
    corpus: Corpus, namnd_id: str, year: int, period_id: str | None
) -> DocumentPage | None:
    """The plan or report page of one document, drafts included (for ``ikgen pdf``)."""
    site = build_site(without_secrets(corpus), show_drafts=True)
    url = urls.document(namnd_id, year, period_id)
    page = site.page(url)
    return page if isinstance(page, (PlanPage, ReportPage)) else None


def write_pdfs(
    corpus: Corpus, site_dir: Path, base_url: str = "", cache: PdfCache | None = None
) -> PdfSummary:
    """Write the PDF/A of every published plan and report into a built site.

    A nämnd's earlier ids keep a copy, as its data files do (a file cannot redirect). With
    ``cache``, a document whose HTML is unchanged since an earlier build is not rendered again;
    the rest are rendered in parallel, one process per core.
    """
    start = time.perf_counter()
    if not corpus.kommun.pdf:
        return PdfSummary(0, 0, 0, 0.0)
    maker = PdfMaker(base_url)
    pages = public_pages(corpus)
    html = [maker.html(page) for page in pages]
    for page, one in zip(pages, html, strict=True):
        _refuse_identity_numbers(page, one)
    files = size = 0
    for page, data in zip(pages, render_all(html, cache), strict=True):
        for namnd_id in (page.n.id, *page.n.namnd.tidigare_id):
            target = Path(site_dir) / urls.document_pdf_file(
                namnd_id, page.doc.year, page.doc.period_id
            ).lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            files += 1
            size += len(data)
    return PdfSummary(files, len(pages), size, time.perf_counter() - start)


__all__ = ["PDF_VARIANT", "PdfCache", "PdfError", "PdfMaker", "render_pdf", "write_pdfs"]


class PdfMaker:
    """Renders documents to PDF/A: one per build (the template environment made once)."""

    def __init__(self, base_url: str = "") -> None:
        self.base_url = base_url
        """The site's address, for the permanent addresses printed on every page."""
        self.environment = _environment(text.MarkdownFields())

    def html(self, page: DocumentPage, *, draft: bool = False) -> str:
        """The HTML the PDF is made from; ``draft`` marks every page as a draft."""
        if page.doc.is_draft and not draft:
            raise PdfError(f"{page.doc.source.path}: ett utkast får ingen PDF (använd --utkast)")
        template = self.environment.get_template("dokument.html.j2")
        return template.render(self.context(page, draft))

    def pdf(self, page: DocumentPage, *, draft: bool = False) -> bytes:
        """The document as PDF/A bytes; the same content always gives the same bytes."""
        html = self.html(page, draft=draft)
        _refuse_identity_numbers(page, html)
        return render_pdf(html)

    def context(self, page: DocumentPage, draft: bool) -> dict[str, Any]:
        """What the template gets."""
        doc = page.doc
        kommun = page.corpus.kommun
        base = kommun.webbplats or self.base_url
        is_plan = doc.period_id is None
        return {
            "page": page,
            "n": page.n,
            "corpus": page.corpus,
            "kommun": kommun,
            "t": kommun.termer,
            "content": doc.content,
            "is_plan": is_plan,
            "draft": draft,
            "draft_mark": DRAFT_MARK,
            "title": page.title,
            "description": _description(page),
            "stamp": document_date(doc).isoformat() + "T00:00:00+00:00",
            "address": urls.absolute(base, urls.of_document(doc)),
            "anchor_address": lambda a: urls.absolute(base, urls.anchor(urls.of_document(doc), a)),
            "bedomning": lambda level_id: _level_name(kommun, "bedomning", level_id),
            "status": lambda status_id: _level_name(kommun, "status", status_id),
            "atgardsstatus": lambda status_id: _level_name(kommun, "atgardsstatus", status_id),
        }


def document_date(doc: Document) -> dt.date:
    """The PDF's creation and modification date: the decision's, else the document's own
    date (upprättad, the report's period end), else the last day of its year."""
    content = doc.content
    beslut = content.beslut
    if beslut is not None and beslut.datum is not None:
        return beslut.datum
    own = [content.upprattad]
    if isinstance(content, Uppfoljning):
        own.append(content.rapportdatum)
    return next((d for d in own if d is not None), dt.date(doc.year, 12, 31))


def _environment(fields: text.MarkdownFields) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ikgen.publish", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md"] = lambda value: Markup(fields.block(value, "text"))
    env.filters["num"] = text.number
    env.filters["datum"] = lambda d: d.isoformat() if d else ""
    env.globals.update(
        controls_of=derive.controls_of,
        deviations=derive.deviations,
        assesses_items=derive.assesses_items,
        foljer_plan_count=derive.foljer_plan_count,
        followed_up_in=actions.followed_up_in,
    )
    return env


def _level_name(kommun: Kommun, kind: str, level_id: str | None) -> str:
    """A status or assessment by its name in words (a PDF has no colour to rely on)."""
    find = {
        "bedomning": kommun.bedomning,
        "status": kommun.status,
        "atgardsstatus": kommun.atgardsstatus_for,
    }[kind]
    level = find(level_id)
    return level.namn if level else ""


def _description(page: DocumentPage) -> str:
    doc = page.doc
    kind = (
        "Internkontrollplan" if isinstance(doc.content, Plan) else "Uppföljning av intern kontroll"
    )
    return f"{kind} {doc.year}, {page.n.namnd.namn}, {page.corpus.utgivare}"


def _refuse_identity_numbers(page: DocumentPage, html: str) -> None:
    """The source scan's rule on the PDF's whole text (its template and metadata too)."""
    corpus, doc = page.corpus, page.doc
    allowed = allowed_keys([corpus.kommun_source, page.n.source, doc.source])
    found = [f for f in find_numbers(html) if f.key not in allowed]
    if found:
        raise PdfError(
            f"{doc.source.path}: PDF:en skulle innehålla '{found[0].text}', som ser ut som ett "
            f"{found[0].kind}; sådana uppgifter får inte publiceras"
        )
