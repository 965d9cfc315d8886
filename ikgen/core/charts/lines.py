"""A control page's line charts: one indicator's value in each period.

``layout_line`` places the points, their value labels, the y scale and the period labels in
viewBox units (tested without a browser); ``draw_line`` turns that into SVG.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import text as fmt
from . import svg
from .layout import FONT_SIZE, LINE, WIDTH, Box, Label, clamp_centre, label, nice_ticks, text_width

PLOT_H = 130
RADIUS = 5
LINE_STYLE = "stroke: var(--ik-primar, #283593)"
"""The indicator line in the profile's primary colour (kommun.yml profil.primar), if any."""
_TEXT_H = 1.2 * FONT_SIZE
_TIER = 2 * LINE + 2
"""Height of one row of two-line period labels (name, year)."""


def value_text(value: Any) -> str:
    """An indicator value as the table shows it: ``4 av 13 st``."""
    out = fmt.number(value.varde)
    if value.av is not None:
        out += f" av {fmt.number(value.av)}"
    if value.enhet:
        out += f" {value.enhet}"
    return out


def scale_text(ticks: list[float], values: list[Any]) -> str:
    """The y scale in words, with the unit when every value has the same one."""
    units = {v.enhet or "" for v in values}
    unit = f" {units.pop()}" if len(units) == 1 and "" not in units else ""
    return f"Skala: {fmt.number(ticks[0])}–{fmt.number(ticks[-1])}{unit}"


@dataclass
class LineLayout:
    """Everything in one line chart, in viewBox units."""

    height: float = 0.0
    texts: list[Label] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)
    yticks: list[tuple[float, float]] = field(default_factory=list)
    """(value, y) of each tick on the y axis."""
    plot: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """left, right, top and bottom of the plot area."""


def _candidates(y: float, plot_h: float) -> Iterator[float]:
    """Tops to try for a point's label: just above, just below, then further out; finally
    ever higher above the plot, which always ends free (the chart grows to hold it)."""
    for k in range(3):
        yield y - RADIUS - 3 - _TEXT_H - k * (_TEXT_H + 2)
        below = y + RADIUS + 3 + k * (_TEXT_H + 2)
        if below + _TEXT_H <= plot_h - 2:
            yield below
    for k in itertools.count(3):
        yield y - RADIUS - 3 - _TEXT_H - k * (_TEXT_H + 2)


def _crosses(box: Box, points: list[tuple[float, float]]) -> bool:
    """True if the line through ``points`` runs through ``box`` (sampled every 2 units)."""
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        steps = max(1, int(max(abs(x2 - x1), abs(y2 - y1)) / 2))
        for i in range(steps + 1):
            x, y = x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps
            if box.x - 1 <= x <= box.right + 1 and box.y - 1 <= y <= box.bottom + 1:
                return True
    return False


def _place_values(points: list[tuple[float, float]], words: list[str], left: float) -> list:
    """Each point's label where it meets no other label and no marker, and, among the first
    three places tried (near the point), preferably not the line either: (words, centre, top)."""
    taken = [Box(x - RADIUS - 2, y - RADIUS - 2, 2 * RADIUS + 4, 2 * RADIUS + 4) for x, y in points]
    placed = []
    for (x, y), s in zip(points, words, strict=True):
        width = text_width(s, bold=True)
        centre = clamp_centre(x, width, left + 2, WIDTH)
        boxes = (Box(centre - width / 2, top, width, _TEXT_H) for top in _candidates(y, PLOT_H))
        free = (b for b in boxes if not any(b.overlaps(other, 2) for other in taken))
        first = list(itertools.islice(free, 3))  # never short: ever higher is always free
        box = next((b for b in first if not _crosses(b, points)), first[0])
        taken.append(box)
        placed.append((s, centre, box.y))
    return placed


def _period_labels(out: LineLayout, xs: list[float], periods: list[tuple[str, str]]) -> float:
    """Period name over year under each point; when neighbours would touch, alternate them
    over as many rows as needed. Returns the bottom."""
    bottom = out.plot[3]
    widths = [max(text_width(name), text_width(year)) for name, year in periods]
    step = xs[1] - xs[0] if len(xs) > 1 else WIDTH
    tiers = next(n for n in itertools.count(1) if max(widths) + 8 <= n * step or n >= len(xs))
    for i, ((name, year), x) in enumerate(zip(periods, xs, strict=True)):
        top = bottom + 10 + (i % tiers) * _TIER
        centre = clamp_centre(x, widths[i], 0, WIDTH)
        out.texts.append(label([name, year], centre, top, "middle", fill="#333"))
    return bottom + 10 + tiers * _TIER


def layout_line(values: list[Any], periods: list[tuple[str, str]]) -> LineLayout:
    """Place one indicator's chart: ``values`` (None where a period has none) and the periods'
    (name, year). Labels keep inside the viewBox and clear of each other."""
    given = [v for v in values if v is not None]
    ticks = nice_ticks(min(0.0, *(v.varde for v in given)), max(v.varde for v in given), 4)
    left = max(text_width(fmt.number(t)) for t in ticks) + 10
    first, last = left + 14, WIDTH - 14
    step = (last - first) / max(len(periods) - 1, 1)
    xs = [first + step * i if len(periods) > 1 else (first + last) / 2 for i in range(len(periods))]

    def y_of(v: float) -> float:
        return PLOT_H * (1 - (v - ticks[0]) / (ticks[-1] - ticks[0]))

    points = [(xs[i], y_of(v.varde)) for i, v in enumerate(values) if v is not None]
    placed = _place_values(points, [value_text(v) for v in given], left)
    # Everything above was placed with the plot's top at 0; move it down below the scale line
    # and whatever labels rose above the plot.
    shift = LINE + 6 + max(0.0, -min(top for _, _, top in placed))
    out = LineLayout(plot=(left, WIDTH - 4, shift, shift + PLOT_H))
    out.texts.append(label(scale_text(ticks, given), 0, 0, fill="#333"))
    for t in ticks:
        out.yticks.append((t, shift + y_of(t)))
        out.texts.append(label(fmt.number(t), left - 6, shift + y_of(t) - 0.6 * FONT_SIZE, "end"))
    out.points = [(x, y + shift) for x, y in points]
    attrs = f'class="ik-diagram-varde" {svg.HALO}'
    for s, centre, top in placed:
        out.texts.append(label(s, centre, top + shift, "middle", True, attrs=attrs))
    out.height = _period_labels(out, xs, periods) + 4
    return out


def draw_line(out: LineLayout) -> str:
    """The SVG body of a laid-out line chart."""
    left, right, _, bottom = out.plot
    parts = [svg.line(left, y, right, y, svg.GRID) for _, y in out.yticks]
    parts.append(svg.line(left, out.yticks[-1][1], left, bottom))
    parts.append(svg.line(left, bottom, right, bottom))
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in out.points)
    parts.append(
        f'<polyline points="{path}" fill="none" stroke="#283593" style="{LINE_STYLE}" '
        'stroke-width="2.5"/>'
    )
    parts += [
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}" fill="#fff" stroke="#283593" '
        f'style="{LINE_STYLE}" stroke-width="2.5"/>'
        for x, y in out.points
    ]
    parts += [svg.draw(t) for t in out.texts]
    return "".join(parts)
