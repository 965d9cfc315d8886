"""Site: the list of pages (typed, one class per kind) and the navigation, engine-agnostic."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import ClassVar

from . import urls
from .actions import ActionRegister, action_register
from .cache import NamndMemo
from .corpus import Corpus, Document, NamndContent
from .derive import (
    ControlHistory,
    FindingGroup,
    FollowedRisk,
    ReportSection,
    RiskGroup,
    control_histories,
    finding_groups,
    followed_risks,
    groups,
    report_sections,
    reports_in_order,
)
from .model import Plan, Uppfoljning
from .secrecy import without_secrets


@dataclass(eq=False, kw_only=True)
class Page:
    """One page of the site; each kind of page is a subclass with what its template needs."""

    kind: ClassVar[str]
    """Which template renders it (``{kind}.md.j2``)."""
    src_path: str
    """The Markdown file's path, e.g. ``socialnamnden/2024/delar-1.md``."""
    title: str
    """The page title (plain text)."""
    corpus: Corpus
    """The corpus the site is made from (without drafts unless drafts are shown)."""

    @property
    def url(self) -> str:
        """The page's public URL path, e.g. ``/socialnamnden/2024/delar-1/``."""
        return urls.page_url(self.src_path)

    @property
    def namnd_id(self) -> str | None:
        """The nämnd the page belongs to (None for the site-wide pages)."""
        return None

    def anchors(self) -> list[str]:
        """The citable anchors on the page (risks and controls, earlier ids included)."""
        return []


@dataclass(eq=False, kw_only=True)
class StartPage(Page):
    """The municipality: nämnder, latest reports, the serious deviations."""

    kind: ClassVar[str] = "start"


@dataclass(eq=False, kw_only=True)
class AccessibilityPage(Page):
    """The accessibility statement (tillgänglighetsredogörelse)."""

    kind: ClassVar[str] = "tillganglighet"


@dataclass(eq=False, kw_only=True)
class SearchPage(Page):
    """The search page (in no navigation; linked from the header)."""

    kind: ClassVar[str] = "sok"


@dataclass(eq=False, kw_only=True)
class NamndPage(Page):
    """One nämnd: its years, reports and trend."""

    kind: ClassVar[str] = "namnd"
    n: NamndContent
    """The nämnd and all its documents."""
    histories: dict[str, ControlHistory]
    """Every control of the nämnd across years, by current id."""
    actions: ActionRegister | None = None
    """Every action with an id, its origin and its follow-ups (None: not computed)."""

    @property
    def namnd_id(self) -> str | None:
        """The nämnd the page belongs to."""
        return self.n.id


@dataclass(eq=False, kw_only=True)
class ControlsPage(NamndPage):
    """A nämnd's list of every control."""

    kind: ClassVar[str] = "kontroller"


@dataclass(eq=False, kw_only=True)
class ActionsPage(NamndPage):
    """A nämnd's register of actions: late, open and closed, each an anchor."""

    kind: ClassVar[str] = "atgarder"
    register: ActionRegister
    """The nämnd's actions."""

    def anchors(self) -> list[str]:
        """Every action's id."""
        return [a.id for a in self.register.actions]


@dataclass(eq=False, kw_only=True)
class ControlPage(NamndPage):
    """One control across all periods and years."""

    kind: ClassVar[str] = "kontroll"
    history: ControlHistory
    """The control's appearances, oldest first."""


@dataclass(eq=False, kw_only=True)
class DocumentPage(NamndPage):
    """A plan or a follow-up report."""

    doc: Document
    """The document shown."""
    short: str
    """The page's short title (in the navigation), e.g. ``Internkontrollplan 2024``."""


@dataclass(eq=False, kw_only=True)
class PlanPage(DocumentPage):
    """A plan, with its risk matrix; risks and controls are anchors."""

    kind: ClassVar[str] = "plan"
    groups: list[RiskGroup]
    """The plan's risks under the year's areas (goals), in the order they are shown."""

    def anchors(self) -> list[str]:
        """Every risk and control of the plan, earlier ids included."""
        risks = [r for g in self.groups for r in g.risks]
        ids = [a for r in risks for a in (r.id, *r.tidigare_id)]
        return ids + [a for r in risks for k in r.kontroller for a in (k.id, *k.tidigare_id)]


@dataclass(eq=False, kw_only=True)
class ReportPage(DocumentPage):
    """A follow-up report; each reported control is an anchor."""

    kind: ClassVar[str] = "uppfoljning"
    plan: Plan | None
    """The year's plan the report follows up (None: a risk-only report without a plan)."""
    sections: list[ReportSection]
    """The reported controls under the plan's areas (goals), in the order they are shown."""
    followed: list[FollowedRisk]
    """The followed-up risks, each with its facts (plan or report) and följer plan."""
    findings: list[FindingGroup]
    """Report-level findings and actions, grouped by what they concern."""

    @property
    def report(self) -> Uppfoljning:
        """The follow-up itself."""
        assert isinstance(self.doc.content, Uppfoljning)
        return self.doc.content

    def anchors(self) -> list[str]:
        """Every reported control (earlier ids included) and every followed-up risk."""
        shown = [item.kontroll for s in self.sections for item in s.items]
        return [a for k in shown for a in (k.id, *k.tidigare_id)] + [r.id for r in self.followed]


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
    corpus: Corpus
    """The corpus the pages were made from (without drafts unless drafts are shown)."""

    def page(self, url: str) -> Page | None:
        """The page at a URL path."""
        return next((p for p in self.pages if p.url == url), None)


def report_title(corpus: Corpus, doc: Document) -> str:
    """The title a follow-up report is shown under."""
    period = corpus.kommun.period(doc.period_id or "")
    label = period.namn if period else doc.period_id
    return f"Uppföljning {label} {doc.year}"


def build_site(corpus: Corpus, *, show_drafts: bool = False, memo: NamndMemo | None = None) -> Site:
    """Every page of the site, made from a corpus that is already validated and checked.

    ``memo`` may serve a nämnd's pages from a cache (``ikgen serve``): they are made from
    kommun.yml and that nämnd's files only.
    """
    if not show_drafts:
        corpus = corpus.without_drafts()
    corpus = without_secrets(corpus)  # secret texts never reach a page, not even a preview
    start = urls.source_path(urls.START)
    pages: list[Page] = [StartPage(src_path=start, title=corpus.utgivare, corpus=corpus)]
    nav = [NavItem("Start", start)]
    sections = []
    for n in corpus.namnder.values():
        compute = functools.partial(_namnd_pages, corpus, n)
        namnd_pages, namnd_nav = memo(n.id, compute) if memo else compute()
        pages += namnd_pages
        sections.append(namnd_nav)
    nav += _grouped(sections)
    accessibility = urls.source_path(urls.ACCESSIBILITY)
    title = "Tillgänglighetsredogörelse"
    pages.append(AccessibilityPage(src_path=accessibility, title=title, corpus=corpus))
    nav.append(NavItem("Tillgänglighet", accessibility))
    # The search page (Pagefind's UI, loaded on demand); in no nav, linked from the header.
    pages.append(SearchPage(src_path=urls.source_path(urls.SEARCH), title="Sök", corpus=corpus))
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
    register = action_register(corpus, n)
    base = {"corpus": corpus, "n": n, "histories": histories, "actions": register}
    own = urls.source_path(urls.namnd(n.id), section=True)
    pages: list[Page] = [NamndPage(src_path=own, title=n.namnd.namn, **base)]
    section = NavItem(n.namnd.namn, children=[NavItem("Översikt", own)])
    years = sorted(set(n.plans) | {y for y, _ in n.uppfoljningar}, reverse=True)
    for year in years:
        year_pages = _year_pages(corpus, n, year, base)
        pages += year_pages
        year_nav = NavItem(str(year), children=[NavItem(p.short, p.src_path) for p in year_pages])
        section.children.append(year_nav)
    if histories:
        listing = urls.source_path(urls.controls(n.id), section=True)
        words = corpus.kommun.termer
        title = f"{n.namnd.namn}: {words.kontroller.lower()}"
        pages.append(ControlsPage(src_path=listing, title=title, **base))
        section.children.append(NavItem(f"Alla {words.kontroller.lower()}", listing))
    if register.actions:
        listing = urls.source_path(urls.actions(n.id))
        title = f"{n.namnd.namn}: åtgärder"
        pages.append(ActionsPage(src_path=listing, title=title, register=register, **base))
        section.children.append(NavItem("Åtgärder", listing))
    for cid, history in sorted(histories.items()):
        src = urls.source_path(urls.control(n.id, cid))
        title = history.latest.kontroll.titel
        pages.append(ControlPage(src_path=src, title=title, history=history, **base))
    return pages, section


def _report_page(corpus: Corpus, doc: Document, plan: Plan | None, base: dict) -> ReportPage:
    report = doc.content
    assert isinstance(report, Uppfoljning)
    short = report_title(corpus, doc)
    kommun = corpus.kommun
    return ReportPage(
        src_path=urls.source_path(urls.of_document(doc)),
        title=f"{base['n'].namnd.namn}: {short}",
        doc=doc,
        short=short,
        plan=plan,
        sections=report_sections(kommun, plan, report, doc.year) if plan else [],
        followed=followed_risks(plan, report),
        findings=finding_groups(kommun, plan, report, doc.year),
        **base,
    )


def _year_pages(corpus: Corpus, n: NamndContent, year: int, base: dict) -> list[DocumentPage]:
    """A year's follow-ups (newest first), then its plan."""
    pages: list[DocumentPage] = []
    plan_doc = n.plans.get(year)
    plan = plan_doc.content if plan_doc else None
    reports = [d for d in reports_in_order(corpus, n) if d.year == year]
    for doc in reversed(reports):
        assert plan is None or isinstance(plan, Plan)
        pages.append(_report_page(corpus, doc, plan, base))
    if plan_doc is not None:
        assert isinstance(plan, Plan)
        short = f"Internkontrollplan {year}"
        src = urls.source_path(urls.of_document(plan_doc))
        title = f"{n.namnd.namn}: {short}"
        plan_groups = groups(corpus.kommun, plan, year)
        pages.append(
            PlanPage(
                src_path=src, title=title, doc=plan_doc, short=short, groups=plan_groups, **base
            )
        )
    return pages
