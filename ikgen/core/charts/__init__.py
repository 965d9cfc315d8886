"""Charts: static SVG made at build time, always next to a table with the same numbers.

No JavaScript, no colour alone: every point or bar carries its number as text, the assessment
levels differ by pattern and by the same icon as their badges, and every chart has a Swedish
``<title>`` and ``<desc>`` that state the scale and the numbers in words for screen readers.

Every chart has a 360-unit viewBox, about a phone's content column, and a CSS max-width
(theme/assets/ikgen.css), so its text is neither tiny on a phone nor huge on a desktop. The
layouts (``bars.layout_bars``, ``lines.layout_line``) keep every label inside the viewBox and
clear of every other.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..derive import assesses_items, assessment_counts, reports_in_order
from ..site import report_title
from . import svg
from .bars import AXIS_TITLE, draw_bars, layout_bars
from .lines import draw_line, layout_line, scale_text, value_text

__all__ = ["counts_chart", "trend_charts"]


def _line_chart(chart_id: str, row: dict[str, Any], labels: list[tuple[str, str]]) -> Markup:
    """One indicator over the periods: a line with round markers and a number at each point."""
    out = layout_line(row["values"], labels)
    given = [v for v in row["values"] if v is not None]
    ticks = [t for t, _ in out.yticks]
    desc = f"{scale_text(ticks, given)}. " + "; ".join(
        f"{' '.join(labels[i])}: {value_text(v)}"
        for i, v in enumerate(row["values"])
        if v is not None
    )
    return svg.svg(chart_id, out.height, f"Diagram: {row['namn']}", desc, draw_line(out))


def trend_charts(rows: list[dict[str, Any]], columns: list[Any], kommun: Any) -> Markup:
    """A line chart per indicator that has values in at least two periods (else nothing)."""
    labels = []
    for a in columns:
        period = kommun.period(a.period_id)
        labels.append((period.namn if period else str(a.period_id), str(a.year)))
    figures = "".join(
        f'<figure class="ik-diagramfigur"><figcaption>{escape(row["namn"])}</figcaption>'
        f"{_line_chart('ik-diagram-' + row['id'], row, labels)}</figure>"
        for row in rows
        if sum(v is not None for v in row["values"]) >= 2
    )
    if not figures:
        return Markup("")
    intro = (
        '<p class="ik-diagram-not">Diagrammen visar indikatorer som redovisats i flera perioder. '
        "Samma siffror finns i tabellen nedanför.</p>"
    )
    return Markup(f'<div class="ik-diagram-grupp">{intro}{figures}</div>\n')


def counts_chart(corpus: Any, n: Any) -> Markup:
    """Stacked bars: how many controls got each assessment in each of a nämnd's reports
    (only reports that assess their controls one by one: no bar claims what a report
    does not say)."""
    kommun = corpus.kommun
    reports = [d for d in reports_in_order(corpus, n) if assesses_items(d.content)]
    if len(reports) < 2:
        return Markup("")
    rows = [(report_title(corpus, d), assessment_counts(kommun, d.content)) for d in reports]
    out = layout_bars(rows, kommun.bedomningsskala)
    ticks = [t for t, _ in out.ticks]
    scale = f"Vågrät axel: {AXIS_TITLE.lower()}, skala {ticks[0]:g}–{ticks[-1]:g}. "
    desc = scale + "; ".join(
        f"{label}: " + ", ".join(f"{c} {lvl.namn.lower()}" for lvl, c in counts)
        for label, counts in rows
    )
    title = f"Diagram: antal kontroller per bedömning i {n.namnd.namn}s uppföljningar"
    chart = svg.svg("ik-diagram-bedomningar", out.height, title, desc, draw_bars(out))
    caption = "Antal kontroller per bedömning i varje uppföljning"
    return Markup(
        f'<figure class="ik-diagramfigur"><figcaption>{caption}</figcaption>{chart}</figure>\n'
    )
