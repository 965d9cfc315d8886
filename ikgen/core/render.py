"""Render: each Page to Markdown through Jinja2 templates (autoescaped; text through filters)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, TypedDict

import jinja2
from markupsafe import Markup

from . import actions, charts, derive, text, urls
from .corpus import Corpus, Document
from .model import Kommun, Termer
from .site import Page, Site, report_title

SourceHistoryLookup = Callable[[Document], Any]
"""What a page shows under "Ändringar efter beslutet": a document's git history."""


class TemplateContext(TypedDict):
    """What every template gets, besides the fields of its own page class (``site.py``)."""

    page: Page
    site: Site
    corpus: Corpus
    kommun: Kommun
    t: Termer
    """The municipality's own words for levels and fields (kommun.yml ``termer``)."""
    urls: Any
    """The URL authority (``ikgen.core.urls``): templates never join URL strings."""
    link: Callable[[str], str]
    """A URL path → a link relative to this page."""
    bedomning: Callable[[str | None], Markup]
    """An assessment level id → its badge."""
    status: Callable[[str | None], Markup]
    """A status id → its badge."""
    atgardsstatus: Callable[[str | None], Markup]
    """An action status id (kommun.yml ``atgardsstatus``) → its badge."""
    source_history: SourceHistoryLookup


def _environment(fields: text.MarkdownFields) -> jinja2.Environment:
    """A Jinja2 environment with ikgen's filters and the derived facts as globals."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ikgen.core", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        # Markdown heading attributes are written "{#id}", which is Jinja's comment syntax.
        comment_start_string="<#--",
        comment_end_string="--#>",
    )
    env.filters["md"] = lambda value, cls="ik-text": Markup(fields.block(value, cls))
    env.filters["heading"] = lambda value: Markup(text.heading_text(value))
    env.filters["num"] = text.number
    env.filters["datum"] = lambda d: d.isoformat() if d else ""
    env.tests["assesses_items"] = derive.assesses_items
    env.globals.update(
        controls_of=derive.controls_of,
        deviations=derive.deviations,
        assessment_counts=derive.assessment_counts,
        latest_report=derive.latest_report,
        reports_in_order=derive.reports_in_order,
        serious=derive.serious,
        assesses_items=derive.assesses_items,
        foljer_plan_count=derive.foljer_plan_count,
        all_reports=derive.all_reports,
        report_title=report_title,
        action_registers=actions.action_registers,
        followed_up_in=actions.followed_up_in,
        document_name=actions.document_name,
        late_badge=late_badge,
        trend_charts=charts.trend_charts,
        counts_chart=charts.counts_chart,
    )
    return env


def badge(kind: str, level_id: str | None, label: str | None, severity: int | None) -> Markup:
    """A status or assessment shown by icon and text, never colour alone."""
    if not label:
        return Markup("")
    icon = {0: "✔", 1: "▲", 2: "✖"}.get(severity if severity is not None else -1, "●")
    if kind == "status":
        icon = "◐"
    cls = f"ik-badge ik-{kind} ik-{kind}-{level_id}"
    if severity is not None:
        cls += f" ik-allvar-{min(severity, 3)}"
    return Markup(
        '<span class="{}"><span class="ik-ikon" aria-hidden="true">{}</span> {}</span>'
    ).format(cls, icon, label)


ACTION_ICONS = MappingProxyType({"klar": "✔", "struken": "⊘", "oppen": "◐"})
"""The icon of an action status step: done, struck, or any open step."""


def late_badge() -> Markup:
    """The mark of an action whose date has passed (icon and text, never colour alone)."""
    return Markup(
        '<span class="ik-badge ik-atgard-sen"><span class="ik-ikon" aria-hidden="true">⚠</span>'
        " Datum passerat</span>"
    )


def action_badge(kommun: Kommun, status_id: str | None) -> Markup:
    """An action's status step as a badge; nothing when no status is stated."""
    step = kommun.atgardsstatus_for(status_id)
    if step is None:
        return Markup("")
    state = "klar" if step.klar else "struken" if step.struken else "oppen"
    return Markup(
        '<span class="ik-badge ik-atgardsstatus ik-atgardsstatus-{}">'
        '<span class="ik-ikon" aria-hidden="true">{}</span> {}</span>'
    ).format(step.id, ACTION_ICONS[state], step.namn)


class Renderer:
    """Renders pages to Markdown: one per build or serve session (templates compiled once)."""

    def __init__(self, source_history: SourceHistoryLookup) -> None:
        self.environment = _environment(text.MarkdownFields())
        self.source_history = source_history
        # A site of 1,000 reports shows some 100,000 badges of a few kinds: make each once.
        self._badges: dict[tuple[str, str | None, str | None, int | None], Markup] = {}

    def badge(self, kind: str, level_id: str | None, label: str | None, severity: int | None):
        """A badge, made once per kind, level and label."""
        key = (kind, level_id, label, severity)
        if key not in self._badges:
            self._badges[key] = badge(*key)
        return self._badges[key]

    def context(self, page: Page, site: Site) -> TemplateContext:
        """The common template context of a page."""
        kommun = page.corpus.kommun

        def bedomning(level_id: str | None) -> Markup:
            level = kommun.bedomning(level_id)
            name, severity = (level.namn, level.allvar) if level else (None, None)
            return self.badge("bedomning", level_id, name, severity)

        def status(status_id: str | None) -> Markup:
            step = kommun.status(status_id)
            return self.badge("status", status_id, step.namn if step else None, None)

        return TemplateContext(
            page=page,
            site=site,
            corpus=page.corpus,
            kommun=kommun,
            t=kommun.termer,
            urls=urls,
            link=lambda to_url: urls.relative(page.url, to_url),
            bedomning=bedomning,
            status=status,
            atgardsstatus=lambda status_id: action_badge(kommun, status_id),
            source_history=self.source_history,
        )

    def render(self, page: Page, site: Site) -> str:
        """The Markdown source of one page."""
        template = self.environment.get_template(f"{page.kind}.md.j2")
        own = {f.name: getattr(page, f.name) for f in dataclasses.fields(page)}
        return template.render({**own, **self.context(page, site)})
