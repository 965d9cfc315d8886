"""SVG markup shared by the charts: the accessible wrapper, text, the assessment levels' look."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .layout import FONT_SIZE, LINE, WIDTH, Box, Label

FONT = f'font-family="inherit" font-size="{FONT_SIZE}"'
INK = "#1a1a1a"
AXIS = "#555"
GRID = "#d0d0d0"
HALO = 'stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'
"""A white outline under a text's letters: keeps it legible where a line or gridline runs."""

# Pattern, fill, stroke and icon per severity (None = no assessment made); same icons as badges.
LEVEL_STYLE: dict[int | None, tuple[str, str, str, str]] = {
    0: ("ik-monster-0", "#e8f5e9", "#1b5e20", "✔"),
    1: ("ik-monster-1", "#fff3e0", "#7a4100", "▲"),
    2: ("ik-monster-2", "#ffebee", "#8e0000", "✖"),
    None: ("ik-monster-x", "#eceff1", "#37474f", "●"),
}
_SHAPES = {
    "ik-monster-0": "",
    "ik-monster-1": '<path d="M0,8 L8,0" stroke="{s}" stroke-width="1.5"/>',
    "ik-monster-2": '<path d="M0,8 L8,0 M0,0 L8,8" stroke="{s}" stroke-width="1.5"/>',
    "ik-monster-x": '<circle cx="4" cy="4" r="1.5" fill="{s}"/>',
}


def level_style(level: Any) -> tuple[str, str, str, str]:
    """Pattern id, fill, stroke and icon of an assessment level (by its severity)."""
    return LEVEL_STYLE.get(level.allvar, LEVEL_STYLE[None])


def patterns() -> str:
    """SVG patterns that tell the assessment levels apart without colour."""
    out = []
    for pid, fill, stroke, _ in LEVEL_STYLE.values():
        out.append(
            f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{fill}"/>{_SHAPES[pid].format(s=stroke)}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def svg(chart_id: str, height: float, title: str, desc: str, body: str) -> Markup:
    """An accessible SVG: role="img", labelled by its title and described by its desc."""
    return Markup(
        f'<svg class="ik-diagram" id="{chart_id}" role="img" '
        f'viewBox="0 0 {WIDTH} {round(height)}" xmlns="http://www.w3.org/2000/svg" '
        f'aria-labelledby="{chart_id}-titel {chart_id}-besk">'
        f'<title id="{chart_id}-titel">{escape(title)}</title>'
        f'<desc id="{chart_id}-besk">{escape(desc)}</desc>{body}</svg>'
    )


def text(
    x: float,
    baseline: float,
    content: str | list[str],
    *,
    anchor: str = "start",
    fill: str = INK,
    bold: bool = False,
    attrs: str = "",
) -> str:
    """A ``<text>``; a list is drawn as lines (``<tspan>``) ``LINE`` apart."""
    lines = [content] if isinstance(content, str) else content
    first, rest = (
        escape(lines[0]),
        "".join(f'<tspan x="{x:.1f}" dy="{LINE}">{escape(line)}</tspan>' for line in lines[1:]),
    )
    weight = ' font-weight="700"' if bold else ""
    extra = f" {attrs}" if attrs else ""
    return (
        f'<text x="{x:.1f}" y="{baseline:.1f}" text-anchor="{anchor}" {FONT}{weight} '
        f'fill="{fill}"{extra}>{first}{rest}</text>'
    )


def rect(box: Box, attrs: str) -> str:
    """A ``<rect>`` over ``box``."""
    return (
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" {attrs}/>'
    )


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = AXIS) -> str:
    """A one-unit ``<line>``."""
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"/>'


def draw(placed: Label) -> str:
    """A label placed by a layout as ``<text>``."""
    return text(
        placed.x,
        placed.baseline,
        placed.lines,
        anchor=placed.anchor,
        fill=placed.fill,
        bold=placed.bold,
        attrs=placed.attrs,
    )
