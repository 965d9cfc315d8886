"""The URL authority: every public URL path of the site, per kind, made in this one place.

The URL contract (DESIGN.md) is what auditors cite, so no other module and no template joins
URL strings: they call these functions. Every URL is a path from the site's root
(``/socialnamnden/2024/delar-1/``); :func:`relative` turns one into a link that works from any
page on any host and sub-path, and :func:`absolute` prefixes the site's address when it is
known. Paths are built from ids only, never from titles.
"""

from __future__ import annotations

import posixpath
from typing import Protocol

START = "/"
"""The start page."""
ACCESSIBILITY = "/tillganglighet/"
"""The accessibility statement (tillgänglighetsredogörelse)."""
SEARCH = "/sok/"
"""The search page."""
MANIFEST = "/urls.txt"
"""The URL manifest of a build."""
CATALOG = "/data/katalog.jsonld"
"""The DCAT-AP-SE data catalogue."""


def namnd(namnd_id: str) -> str:
    """A nämnd's page, e.g. ``/socialnamnden/``."""
    return f"/{namnd_id}/"


def plan(namnd_id: str, year: int) -> str:
    """A plan's page, e.g. ``/socialnamnden/2024/plan/``."""
    return f"/{namnd_id}/{year}/plan/"


def report(namnd_id: str, year: int, period_id: str) -> str:
    """A follow-up report's page, e.g. ``/socialnamnden/2024/delar-1/``."""
    return f"/{namnd_id}/{year}/{period_id}/"


def document(namnd_id: str, year: int, period_id: str | None) -> str:
    """The page of a plan (``period_id`` None) or a follow-up report."""
    return plan(namnd_id, year) if period_id is None else report(namnd_id, year, period_id)


def controls(namnd_id: str) -> str:
    """A nämnd's list of every control."""
    return f"/{namnd_id}/kontroller/"


def control(namnd_id: str, control_id: str) -> str:
    """One control across all periods and years, e.g. ``/socialnamnden/kontroller/x/``."""
    return f"/{namnd_id}/kontroller/{control_id}/"


def actions(namnd_id: str) -> str:
    """A nämnd's register of actions (åtgärder), e.g. ``/socialnamnden/atgarder/``; each action
    is an anchor on it (``#{id}``)."""
    return f"/{namnd_id}/atgarder/"


def anchor(page_url: str, anchor_id: str) -> str:
    """An anchor on a page, e.g. ``/socialnamnden/2024/plan/#it-sakerhet``."""
    return f"{page_url}#{anchor_id}"


def data_file(namnd_id: str, year: int, name: str, ext: str) -> str:
    """A data file of a plan (name ``plan``) or report: ``/data/socialnamnden/2024/plan.json``."""
    return f"/data/{namnd_id}/{year}/{name}.{ext}"


def document_data(namnd_id: str, year: int, period_id: str | None, ext: str) -> str:
    """The data file of a plan (``period_id`` None) or a follow-up report."""
    return data_file(namnd_id, year, period_id or "plan", ext)


def document_pdf_file(namnd_id: str, year: int, period_id: str | None) -> str:
    """The PDF/A of a plan (``period_id`` None) or a follow-up report, e.g.
    ``/data/socialnamnden/2024/delar-1.pdf``."""
    return document_data(namnd_id, year, period_id, "pdf")


def actions_data(namnd_id: str, ext: str) -> str:
    """A nämnd's actions as open data: ``/data/socialnamnden/atgarder.json`` (or ``.csv``)."""
    return f"/data/{namnd_id}/atgarder.{ext}"


def data_schema(kind: str) -> str:
    """The JSON Schema of the data files of one kind (``plan`` or ``uppfoljning``)."""
    return f"/data/schema/{kind}.schema.json"


def profile_file(kind: str, source_name: str) -> str:
    """Where the profile's logo (``logotyp``) or ``favicon`` is published, with its suffix."""
    suffix = source_name.rsplit(".", 1)[-1]
    return f"/assets/profil/{kind}.{suffix}"


def feed(namnd_id: str | None = None) -> str:
    """The Atom feed of every report, or of one nämnd's reports."""
    return f"/{namnd_id}/atom.xml" if namnd_id else "/atom.xml"


def folder(url: str) -> str:
    """The folder a URL path lies in: ``/s/atom.xml`` → ``/s/``."""
    return url.rsplit("/", 1)[0] + "/"


def source_path(url: str, *, section: bool = False) -> str:
    """The Markdown source of a page URL: ``/a/b/`` → ``a/b.md`` (``a/b/index.md`` for a
    section's own page, which has pages below it)."""
    path = url.strip("/")
    if not path:
        return "index.md"
    return f"{path}/index.md" if section else f"{path}.md"


def page_url(src_path: str) -> str:
    """The public URL of a Markdown source, the inverse of :func:`source_path`."""
    path = src_path.removesuffix(".md")
    if path == "index":
        return START
    return "/" + path.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """A link from one URL path to another that works from any host and sub-path."""
    target, _, anchor_id = to_url.partition("#")
    rel = posixpath.relpath(target, from_url) if target else ""
    if target.endswith("/") and rel not in ("", "."):
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel + (f"#{anchor_id}" if anchor_id else "")


def absolute(base_url: str, url: str) -> str:
    """The URL with the site's address in front, or the path alone when none is known."""
    return base_url.rstrip("/") + url if base_url else url


class DocumentRef(Protocol):
    """Anything that names a plan or report: a corpus Document, say."""

    namnd_id: str
    year: int
    period_id: str | None


def of_document(doc: DocumentRef) -> str:
    """The page of a document."""
    return document(doc.namnd_id, doc.year, doc.period_id)


def data_of_document(doc: DocumentRef, ext: str) -> str:
    """The data file of a document."""
    return document_data(doc.namnd_id, doc.year, doc.period_id, ext)


def document_pdf(doc: DocumentRef) -> str:
    """The PDF/A of a document: ``/data/{nämnd}/{år}/{period}.pdf`` (``plan.pdf``)."""
    return document_pdf_file(doc.namnd_id, doc.year, doc.period_id)
