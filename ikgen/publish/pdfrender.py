"""HTML → PDF/A bytes with WeasyPrint: one document, or a build's worth in parallel and cached.

WeasyPrint takes about a second per document, so a region's thousands of reports would cost
more than the rest of the build together. Two things keep that bounded: a content-addressed
cache (``.ikgen-cache/pdf/`` beside mkdocs.yml) that serves a document whose HTML is unchanged
since an earlier build, and a process per core for the rest. Both keep the output exact: the
key is a hash of the whole HTML and the WeasyPrint version, and the PDF is a pure function of
the HTML (publish/pdf.py fixes every date).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PDF_VARIANT = "pdf/a-2b"
"""The archival profile: PDF/A-2, level B; tagged on top (``pdf_tags``)."""
PARALLEL_FROM = 4
"""Fewer documents than this are rendered in this process (starting workers costs more)."""


class PdfError(Exception):
    """A PDF that cannot be made; the message is Swedish and says what to do."""


def render_pdf(html: str) -> bytes:
    """HTML → PDF/A-2b bytes with a tag structure (WeasyPrint)."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:
        raise PdfError(
            "PDF/A kan inte skapas: WeasyPrint eller Pango saknas "
            f"({exc}). Installera med 'pip install weasyprint' och "
            "'apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'."
        ) from None
    # Nothing is fetched: no file, no network (the template links nothing; text.py lets no
    # image through, and this holds even if it one day did).
    offline = URLFetcher(allowed_protocols=())
    document = HTML(string=html, url_fetcher=offline)
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)


class PdfCache:
    """Finished PDFs by a hash of their HTML, kept between builds in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        """Where the PDFs lie, one file per key (``<sha256>.pdf``)."""
        self.used: set[str] = set()
        """Keys asked for in this build: :meth:`prune` keeps only these."""

    @staticmethod
    def key(html: str) -> str:
        """The cache key: the HTML and everything else the bytes depend on."""
        import weasyprint

        seed = f"{weasyprint.__version__}\0{PDF_VARIANT}\0{html}"
        return hashlib.sha256(seed.encode("utf-8")).hexdigest()

    def get(self, key: str) -> bytes | None:
        """The PDF stored under ``key``, if any."""
        self.used.add(key)
        try:
            return (self.folder / f"{key}.pdf").read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store a PDF; written whole or not at all (a build may be stopped at any point)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{key}.{os.getpid()}.tmp"
        partial.write_bytes(data)
        partial.replace(self.folder / f"{key}.pdf")

    def prune(self) -> None:
        """Forget PDFs no document of this build asked for (edited or removed since)."""
        for file in self.folder.glob("*.pdf"):
            if file.stem not in self.used:
                file.unlink(missing_ok=True)


def render_all(html: list[str], cache: PdfCache | None = None) -> list[bytes]:
    """The PDF of each HTML document, in order: from the cache where it holds one."""
    keys = [PdfCache.key(one) for one in html] if cache is not None else []
    found = [cache.get(k) for k in keys] if cache is not None else [None] * len(html)
    todo = [i for i, data in enumerate(found) if data is None]
    for i, data in zip(todo, _render_many([html[i] for i in todo]), strict=True):
        found[i] = data
        if cache is not None:
            cache.put(keys[i], data)
    if cache is not None:
        cache.prune()
    return [data for data in found if data is not None]


def _render_many(html: list[str]) -> list[bytes]:
    workers = min(len(html), os.cpu_count() or 1)
    if len(html) < PARALLEL_FROM or workers < 2:
        return [render_pdf(one) for one in html]
    # forkserver: the workers start clean, not as copies of a build holding the whole site.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(render_pdf, html, chunksize=2))
