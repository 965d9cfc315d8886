"""Charts: static SVG made at build time, always next to a table with the same numbers.

No JavaScript, no colour alone: every point or bar carries its number as text, the assessment
levels differ by pattern and by the same icon as their badges, and every chart has a Swedish
``<title>`` and ``<desc>`` that state the numbers in words for screen readers.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from . import text
from .derive import assesses_items, assessment_counts, reports_in_order
from .site import report_title

_FONT = 'font-family="inherit" font-size="13"'
_LINE_STYLE = "stroke: var(--ik-primar, #283593)"
"""The indicator line in the profile's primary colour (kommun.yml profil.primar), if any."""

# Pattern, fill, stroke and icon per severity (None = no assessment made); same icons as badges.
_LEVEL_STYLE: dict[int | None, tuple[str, str, str, str]] = {
    0: ("ik-monster-0", "#e8f5e9", "#1b5e20", "✔"),
    1: ("ik-monster-1", "#fff3e0", "#7a4100", "▲"),
    2: ("ik-monster-2", "#ffebee", "#8e0000", "✖"),
    None: ("ik-monster-x", "#eceff1", "#37474f", "●"),
}


def _svg(chart_id: str, width: int, height: int, title: str, desc: str, body: str) -> Markup:
    """An accessible SVG: role="img", labelled by its title and described by its desc."""
    return Markup(
        f'<svg class="ik-diagram" id="{chart_id}" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="{chart_id}-titel {chart_id}-besk">'
        f'<title id="{chart_id}-titel">{escape(title)}</title>'
        f'<desc id="{chart_id}-besk">{escape(desc)}</desc>{body}</svg>'
    )


def _value_text(value: Any) -> str:
    """An indicator value as the table shows it: ``4 av 13 st``."""
    out = text.number(value.varde)
    if value.av is not None:
        out += f" av {text.number(value.av)}"
    if value.enhet:
        out += f" {value.enhet}"
    return out


def _line_chart(chart_id: str, row: dict[str, Any], labels: list[tuple[str, str]]) -> Markup:
    """One indicator over the periods: a line with round markers and a number at each point."""
    points = [(i, v) for i, v in enumerate(row["values"]) if v is not None]
    width, height, left, right, top, bottom = 480, 190, 40, 40, 30, 46
    step = (width - left - right) / max(len(labels) - 1, 1)
    low = min(0.0, *(v.varde for _, v in points))
    high = max(v.varde for _, v in points)
    span = (high - low) or 1.0

    def xy(i: int, value: float) -> tuple[float, float]:
        x = left + step * i if len(labels) > 1 else width / 2
        return round(x, 1), round(top + (height - top - bottom) * (1 - (value - low) / span), 1)

    base_y = height - bottom
    parts = [f'<line x1="{left}" y1="{base_y}" x2="{width - right}" y2="{base_y}" stroke="#555"/>']
    coords = [xy(i, v.varde) for i, v in points]
    path = " ".join(f"{x},{y}" for x, y in coords)
    parts.append(
        f'<polyline points="{path}" fill="none" stroke="#283593" style="{_LINE_STYLE}" '
        'stroke-width="2.5"/>'
    )
    for (x, y), (_, v) in zip(coords, points, strict=True):
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="5" fill="#fff" stroke="#283593" style="{_LINE_STYLE}" '
            'stroke-width="2.5"/>'
        )
        parts.append(
            f'<text x="{x}" y="{y - 11}" text-anchor="middle" {_FONT} font-weight="700" '
            f'fill="#1a1a1a">{escape(_value_text(v))}</text>'
        )
    for i, (name, year) in enumerate(labels):
        x, _ = xy(i, low)
        parts.append(
            f'<text x="{x}" y="{base_y + 18}" text-anchor="middle" {_FONT} fill="#333">'
            f'{escape(name)}<tspan x="{x}" dy="16">{escape(year)}</tspan></text>'
        )
    desc = "; ".join(f"{' '.join(labels[i])}: {_value_text(v)}" for i, v in points)
    return _svg(chart_id, width, height, f"Diagram: {row['namn']}", desc, "".join(parts))


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


def _patterns() -> str:
    """SVG patterns that tell the assessment levels apart without colour."""
    shapes = {
        "ik-monster-0": "",
        "ik-monster-1": '<path d="M0,8 L8,0" stroke="{s}" stroke-width="1.5"/>',
        "ik-monster-2": '<path d="M0,8 L8,0 M0,0 L8,8" stroke="{s}" stroke-width="1.5"/>',
        "ik-monster-x": '<circle cx="4" cy="4" r="1.5" fill="{s}"/>',
    }
    out = []
    for pid, fill, stroke, _ in _LEVEL_STYLE.values():
        shape = shapes[pid].format(s=stroke)
        out.append(
            f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{fill}"/>{shape}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _bar_row(y: int, label: str, counts: list[tuple[Any, int]], scale: float) -> str:
    """One report: its title, then a bar split by level, each part labelled with icon and count."""
    parts = [f'<text x="0" y="{y}" {_FONT} font-weight="700" fill="#1a1a1a">{escape(label)}</text>']
    x = 0.0
    for level, count in counts:
        if not count:
            continue
        pid, _, stroke, icon = _LEVEL_STYLE.get(level.allvar, _LEVEL_STYLE[None])
        w = count * scale
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 6}" width="{w:.1f}" height="26" fill="url(#{pid})" '
            f'stroke="{stroke}" stroke-width="1.5"/>'
        )
        label_w = 14 + 8 * len(str(count))
        parts.append(
            f'<rect x="{x + w / 2 - label_w / 2:.1f}" y="{y + 10}" width="{label_w}" height="18" '
            f'rx="3" fill="#fff" stroke="{stroke}"/>'
            f'<text x="{x + w / 2:.1f}" y="{y + 24}" text-anchor="middle" {_FONT} '
            f'font-weight="700" fill="{stroke}">{icon} {count}</text>'
        )
        x += w
    return "".join(parts)


def counts_chart(corpus: Any, n: Any) -> Markup:
    """Stacked bars: how many controls got each assessment in each of a nämnd's reports
    (only reports that assess their controls one by one: no bar claims what a report
    does not say)."""
    kommun = corpus.kommun
    reports = [d for d in reports_in_order(corpus, n) if assesses_items(d.content)]
    if len(reports) < 2:
        return Markup("")
    rows = [(report_title(corpus, d), assessment_counts(kommun, d.content)) for d in reports]
    width, row_h = 480, 56
    most = max(sum(c for _, c in counts) for _, counts in rows) or 1
    scale = width / most
    legend_y = len(rows) * row_h + 20
    body = [_patterns()]
    body += [
        _bar_row(16 + i * row_h, label, counts, scale) for i, (label, counts) in enumerate(rows)
    ]
    for i, level in enumerate(kommun.bedomningsskala):
        pid, _, stroke, icon = _LEVEL_STYLE.get(level.allvar, _LEVEL_STYLE[None])
        y = legend_y + i * 22
        body.append(
            f'<rect x="0" y="{y}" width="28" height="16" fill="url(#{pid})" stroke="{stroke}"/>'
            f'<text x="36" y="{y + 13}" {_FONT} fill="#1a1a1a">{icon} {escape(level.namn)}</text>'
        )
    height = legend_y + len(kommun.bedomningsskala) * 22 + 4
    desc = "; ".join(
        f"{label}: " + ", ".join(f"{c} {lvl.namn.lower()}" for lvl, c in counts)
        for label, counts in rows
    )
    title = f"Diagram: antal kontroller per bedömning i {n.namnd.namn}s uppföljningar"
    svg = _svg("ik-diagram-bedomningar", width, height, title, desc, "".join(body))
    caption = "Antal kontroller per bedömning i varje uppföljning"
    return Markup(
        f'<figure class="ik-diagramfigur"><figcaption>{caption}</figcaption>{svg}</figure>\n'
    )
