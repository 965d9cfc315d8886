"""Site: the list of pages (URL, source path, kind, data) and the navigation, engine-agnostic."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .corpus import Corpus, Document, NamndContent
from .derive import control_histories, reports_in_order


@dataclass(frozen=True)
class Page:
    """One page of the site."""

    src_path: str
    """The Markdown file's path, e.g. ``socialnamnden/2024/delar-1.md``."""
    kind: str
    """Which template renders it: start, namnd, ar, plan, uppfoljning, kontroller, kontroll, …"""
    title: str
    """The page title (plain text)."""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """What the template needs."""

    @property
    def url(self) -> str:
        """The page's public URL path, e.g. ``/socialnamnden/2024/delar-1/``."""
        path = self.src_path.removesuffix(".md")
        if path == "index":
            return "/"
        return "/" + path.removesuffix("/index") + "/"


@dataclass
class NavItem:
    """A navigation entry: a page, or a section with children."""

    title: str
    src_path: str | None = None
    children: list[NavItem] = field(default_factory=list)


@dataclass
class Site:
    """All pages and the navigation."""

    pages: list[Page]
    nav: list[NavItem]
    corpus: Corpus | None = None
    """The corpus the pages were made from (without drafts unless drafts are shown)."""

    def page(self, url: str) -> Page | None:
        """The page at a URL path."""
        return next((p for p in self.pages if p.url == url), None)


def report_title(corpus: Corpus, doc: Document) -> str:
    """The title a follow-up report is shown under."""
    period = corpus.kommun.period(doc.period_id or "")
    label = period.namn if period else doc.period_id
    return f"Uppföljning {label} {doc.year}"


def build_site(corpus: Corpus, *, show_drafts: bool = False) -> Site:
    """Every page of the site, made from a corpus that is already validated and checked."""
    if not show_drafts:
        corpus = corpus.without_drafts()
    pages = [Page("index.md", "start", corpus.kommun.namn, {"corpus": corpus})]
    nav = [NavItem("Start", "index.md")]
    sections = []
    for n in corpus.namnder.values():
        namnd_pages, namnd_nav = _namnd_pages(corpus, n)
        pages += namnd_pages
        sections.append(namnd_nav)
    nav += _grouped(sections)
    pages.append(
        Page(
            "tillganglighet.md", "tillganglighet", "Tillgänglighetsredogörelse", {"corpus": corpus}
        )
    )
    nav.append(NavItem("Tillgänglighet", "tillganglighet.md"))
    # The search page (Pagefind's UI, loaded on demand); in no nav, linked from the header.
    pages.append(Page("sok.md", "sok", "Sök", {"corpus": corpus}))
    return Site(pages, nav, corpus)


NAV_GROUP_LIMIT = 40
"""With more nämnder than this (a region's shared site), the navigation groups them by name
into sections of at most 30, so a page's pruned navigation stays as small as for one kommun."""


def _grouped(sections: list[NavItem]) -> list[NavItem]:
    if len(sections) <= NAV_GROUP_LIMIT:
        return sections
    ordered = sorted(sections, key=lambda item: item.title.lower())
    size = -(-len(ordered) // -(-len(ordered) // 30))  # equal groups of at most 30
    groups = []
    for start in range(0, len(ordered), size):
        chunk = ordered[start : start + size]
        first, last = chunk[0].title, chunk[-1].title
        if first[:1] != last[:1]:
            first, last = first[:1], last[:1]
        title = f"Nämnder {first}–{last}"
        groups.append(NavItem(title, children=chunk))
    return groups


def _namnd_pages(corpus: Corpus, n: NamndContent) -> tuple[list[Page], NavItem]:
    histories = control_histories(corpus, n)
    base = {"corpus": corpus, "n": n, "histories": histories}
    pages = [Page(f"{n.id}/index.md", "namnd", n.namnd.namn, base)]
    section = NavItem(n.namnd.namn, children=[NavItem("Översikt", f"{n.id}/index.md")])
    years = sorted(set(n.plans) | {y for y, _ in n.uppfoljningar}, reverse=True)
    for year in years:
        year_pages = _year_pages(corpus, n, year, base)
        pages += year_pages
        year_nav = NavItem(
            str(year), children=[NavItem(p.data["short"], p.src_path) for p in year_pages]
        )
        section.children.append(year_nav)
    if histories:
        title = f"{n.namnd.namn}: kontroller"
        pages.append(Page(f"{n.id}/kontroller/index.md", "kontroller", title, base))
        section.children.append(NavItem("Alla kontroller", f"{n.id}/kontroller/index.md"))
    for cid, history in sorted(histories.items()):
        data = {**base, "history": history}
        pages.append(
            Page(f"{n.id}/kontroller/{cid}.md", "kontroll", history.latest.kontroll.titel, data)
        )
    return pages, section


def _year_pages(corpus: Corpus, n: NamndContent, year: int, base: dict[str, Any]) -> list[Page]:
    """A year's follow-ups (newest first), then its plan."""
    pages = []
    reports = [d for d in reports_in_order(corpus, n) if d.year == year]
    for doc in reversed(reports):
        short = report_title(corpus, doc)
        data = {**base, "doc": doc, "short": short}
        pages.append(
            Page(
                f"{n.id}/{year}/{doc.period_id}.md", "uppfoljning", f"{n.namnd.namn}: {short}", data
            )
        )
    if year in n.plans:
        short = f"Internkontrollplan {year}"
        data = {**base, "doc": n.plans[year], "short": short}
        pages.append(Page(f"{n.id}/{year}/plan.md", "plan", f"{n.namnd.namn}: {short}", data))
    return pages
