"""Render: each Page to Markdown through Jinja2 templates (autoescaped; text through filters)."""

from __future__ import annotations

import functools
import posixpath
from typing import Any

import jinja2
from markupsafe import Markup

from ..publish import githistory as history
from . import charts, derive, text
from .corpus import Corpus
from .site import Page, Site, report_title

_env: jinja2.Environment | None = None


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one public URL path to another that works from any host and sub-path."""
    target, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(target, from_url) if target else ""
    if target.endswith("/") and rel not in ("", "."):
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def environment() -> jinja2.Environment:
    """The Jinja2 environment with ikgen's filters (built once)."""
    global _env
    if _env is None:
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
        env.filters["md"] = lambda value, cls="ik-text": Markup(text.html_block(value, cls))
        env.filters["heading"] = lambda value: Markup(text.heading_text(value))
        env.filters["num"] = text.number
        env.filters["datum"] = lambda d: d.isoformat() if d else ""
        env.globals.update(
            controls_of=derive.controls_of,
            deviations=derive.deviations,
            assessment_counts=derive.assessment_counts,
            latest_report=derive.latest_report,
            reports_in_order=derive.reports_in_order,
            groups=derive.groups,
            serious=derive.serious,
            all_reports=derive.all_reports,
            report_title=report_title,
            trend_charts=charts.trend_charts,
            counts_chart=charts.counts_chart,
            source_history=history.document_history,
        )
        _env = env
    return _env


@functools.lru_cache(maxsize=4096)
def badge(kind: str, level_id: str | None, label: str | None, severity: int | None) -> Markup:
    """A status or assessment shown by icon and text, never colour alone (cached: a site of
    1,000 reports shows some 100,000 badges of a few kinds)."""
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


def render_page(page: Page, site: Site) -> str:
    """The Markdown source of one page."""
    corpus: Corpus = page.data["corpus"]
    kommun = corpus.kommun

    def link(to_url: str) -> str:
        return relative_url(page.url, to_url)

    def bedomning(level_id: str | None) -> Markup:
        level = kommun.bedomning(level_id)
        return badge(
            "bedomning", level_id, level.namn if level else None, level.allvar if level else None
        )

    def status(status_id: str | None) -> Markup:
        step = kommun.status(status_id)
        return badge("status", status_id, step.namn if step else None, None)

    template = environment().get_template(f"{page.kind}.md.j2")
    context: dict[str, Any] = {
        **page.data,
        "page": page,
        "site": site,
        "kommun": kommun,
        "link": link,
        "bedomning": bedomning,
        "status": status,
    }
    return template.render(context)
