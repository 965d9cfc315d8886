"""The nämnd page's stacked bars: controls per assessment level in each follow-up report.

Layout and drawing are separate: ``layout_bars`` places every bar, label and tick in viewBox
units (tested without a browser), ``draw_bars`` turns that into SVG.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import text as fmt
from . import svg
from .layout import FONT_SIZE, LINE, WIDTH, Box, Label, label, nice_ticks, text_width, wrap

BAR_H = 24
PAD = 4
"""Padding between an in-bar label's text and its white box."""
MARGIN = 3
"""Room kept between an in-bar label's white box and its segment's edges."""
SWATCH = 12
GAP = 10
"""Space between labels beside or below a bar."""
AXIS_TITLE = "Antal kontroller"


@dataclass
class Segment:
    """One level's part of one report's bar."""

    key: str
    index: int
    """The level's place in the scale: a bar's labels follow its parts in this order."""
    level: Any
    count: int
    box: Box


@dataclass
class BarLayout:
    """Everything in the chart, in viewBox units."""

    height: float = 0.0
    texts: list[Label] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    swatches: list[tuple[Box, Any, str]] = field(default_factory=list)
    """Small pattern swatches: (box, level, the segment key or "" in the legend)."""
    chips: list[tuple[Box, Any]] = field(default_factory=list)
    """The white boxes behind in-bar labels."""
    ticks: list[tuple[float, float]] = field(default_factory=list)
    """(value, x) of each axis tick."""
    plot: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """left, right, first bar's top, axis line's y."""


def _segment_label(count: int, level: Any) -> str:
    return f"{svg.level_style(level)[3]} {count}"


def _beside(out: BarLayout, items: list[Segment], bar_end: float, bar_top: float) -> float:
    """Labels too wide for their segments: right of the bar while they fit, then in lines below
    it, each with its level's swatch. Returns the bottom of what was placed."""
    left = out.plot[0]
    x, top, bottom = bar_end + GAP, bar_top + (BAR_H - 1.2 * FONT_SIZE) / 2, bar_top + BAR_H
    for seg in items:
        words = _segment_label(seg.count, seg.level)
        width = SWATCH + 4 + text_width(words, bold=True)
        if x + width > WIDTH and x > left:  # no room on this line: start one below it
            x, top = left, bottom + 4
        swatch = Box(x, top + (1.2 * FONT_SIZE - SWATCH) / 2, SWATCH, SWATCH)
        out.swatches.append((swatch, seg.level, seg.key))
        stroke = svg.level_style(seg.level)[2]
        attrs = f'class="ik-diagram-etikett ik-diagram-utanfor" data-segment="{seg.key}" {svg.HALO}'
        placed = label(words, x + SWATCH + 4, top, bold=True, fill=stroke, attrs=attrs)
        placed.order = seg.index
        out.texts.append(placed)
        bottom = max(bottom, placed.box.bottom)
        x += width + GAP
    return bottom


def _row(out: BarLayout, i: int, y: float, title: str, counts: list, scale: float) -> float:
    """One report: its title, then a bar split by level, each part labelled with icon and count
    inside the part when it fits with margin, else beside the bar. Returns the next row's y."""
    lines = wrap(title, WIDTH, bold=True)
    out.texts.append(label(lines, 0, y, bold=True, attrs=svg.HALO))  # over the gridlines
    first = len(out.texts)
    bar_top = y + LINE * (len(lines) - 1) + 1.2 * FONT_SIZE + 4
    x, beside = out.plot[0], []
    for j, (level, count) in enumerate(counts):
        if not count:
            continue
        seg = Segment(f"{i}-{j}", j, level, count, Box(x, bar_top, count * scale, BAR_H))
        out.segments.append(seg)
        words = _segment_label(count, level)
        width = text_width(words, bold=True)
        if width + 2 * (PAD + MARGIN) <= seg.box.w:
            centre = x + seg.box.w / 2
            out.chips.append(
                (Box(centre - width / 2 - PAD, bar_top + 3, width + 2 * PAD, 18), level)
            )
            attrs = f'class="ik-diagram-etikett ik-diagram-inne" data-segment="{seg.key}"'
            stroke = svg.level_style(level)[2]
            top = bar_top + (BAR_H - 1.2 * FONT_SIZE) / 2
            placed = label(words, centre, top, "middle", True, fill=stroke, attrs=attrs)
            placed.order = j
            out.texts.append(placed)
        else:
            beside.append(seg)
        x += seg.box.w
    bottom = _beside(out, beside, x, bar_top)
    # The labels in the order of the bar's parts, whether inside or beside it.
    out.texts[first:] = sorted(out.texts[first:], key=lambda t: t.order)
    return bottom + 14


def _axis(out: BarLayout, y: float, ticks: list[float], scale: float) -> float:
    """The x axis: whole-number ticks and the words "Antal kontroller". Returns its bottom."""
    left, right, first_bar, _ = out.plot
    out.plot = (left, right, first_bar, y)
    for value in ticks:
        x = left + value * scale
        out.ticks.append((value, x))
        out.texts.append(label(fmt.number(value), x, y + 6, "middle"))
    out.texts.append(label(AXIS_TITLE, (left + right) / 2, y + 6 + LINE, "middle"))
    return y + 6 + 2 * LINE + 10


def _legend(out: BarLayout, y: float, levels: list[Any]) -> float:
    """Every level of the scale: swatch, icon and name. Returns the bottom."""
    for level in levels:
        icon = svg.level_style(level)[3]
        lines = wrap(f"{icon} {level.namn}", WIDTH - 36)
        out.swatches.append((Box(0, y + 1, 28, 16), level, ""))
        out.texts.append(label(lines, 36, y + 1))
        y += LINE * (len(lines) - 1) + 22
    return y


def layout_bars(rows: list[tuple[str, list[tuple[Any, int]]]], levels: list[Any]) -> BarLayout:
    """Place the chart: ``rows`` are (report title, [(level, count), …]) and ``levels`` the
    whole assessment scale (the legend). The axis runs from 0 to a round number ≥ the
    largest total, so a bar's length can be read against whole-number ticks."""
    most = max(sum(c for _, c in counts) for _, counts in rows)
    ticks = nice_ticks(0, max(most, 1), 4)
    left = text_width("0") / 2 + 1
    right = WIDTH - text_width(fmt.number(ticks[-1])) / 2 - 1
    scale = (right - left) / ticks[-1]
    out = BarLayout(plot=(left, right, 0.0, 0.0))
    y = 0.0
    for i, (title, counts) in enumerate(rows):
        y = _row(out, i, y, title, counts, scale)
    out.plot = (left, right, out.segments[0].box.y if out.segments else y, y)
    y = _axis(out, y, ticks, scale)
    out.height = _legend(out, y, levels)
    return out


def draw_bars(out: BarLayout) -> str:
    """The SVG body of a laid-out chart."""
    left, right, first_bar, axis_y = out.plot
    parts = [svg.patterns()]
    parts += [svg.line(x, first_bar - 4, x, axis_y, svg.GRID) for _, x in out.ticks]
    parts.append(svg.line(left, axis_y, right, axis_y))
    parts += [svg.line(x, axis_y, x, axis_y + 4) for _, x in out.ticks]
    for seg in out.segments:
        pid, _, stroke, _ = svg.level_style(seg.level)
        attrs = (
            f'class="ik-diagram-segment" data-segment="{seg.key}" fill="url(#{pid})" '
            f'stroke="{stroke}" stroke-width="1.5"'
        )
        parts.append(svg.rect(seg.box, attrs))
    for box, level in out.chips:
        parts.append(svg.rect(box, f'rx="3" fill="#fff" stroke="{svg.level_style(level)[2]}"'))
    for box, level, _ in out.swatches:
        pid, _, stroke, _ = svg.level_style(level)
        parts.append(svg.rect(box, f'fill="url(#{pid})" stroke="{stroke}"'))
    parts += [svg.draw(t) for t in out.texts]
    return "".join(parts)
