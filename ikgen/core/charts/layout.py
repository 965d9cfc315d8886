"""Geometry shared by the charts: boxes, estimated text widths, nice axis ticks, wrapping.

The charts are laid out at build time, without a browser, so text widths are estimated. The
estimate is deliberately generous (near DejaVu Sans Bold, wider than Helvetica, Arial or
Liberation Sans) so that a label the layout believes fits also fits in the visitor's font.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FONT_SIZE = 13
"""Font size in viewBox units. With a 360-unit viewBox that is about 11.8 CSS px on a 360 px
phone (the content column is ~328 px wide) and 16 px at the CSS max-width of 450 px."""
WIDTH = 360
"""The viewBox width of every chart: about a phone's content column, so text keeps its size."""
LINE = 18
"""Distance between text lines; the box of a 13-unit line is about 15.6 units high."""

_NARROW = set(" .,:;'|!ijlI()[]-/\u00a0")
_SEMI = set("frt1")
_WIDE = set("mwMWÅÄÖ%@")


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in viewBox units."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """True if the boxes intersect or come closer than ``gap``."""
        return (
            self.x < other.right + gap
            and other.x < self.right + gap
            and self.y < other.bottom + gap
            and other.y < self.bottom + gap
        )

    def within(self, other: Box) -> bool:
        """True if this box lies entirely inside ``other``."""
        return (
            self.x >= other.x
            and self.y >= other.y
            and self.right <= other.right
            and self.bottom <= other.bottom
        )


def text_width(s: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """A generous estimate of the width of one line of text."""
    ems = 0.0
    for ch in s:
        if ch in _NARROW:
            ems += 0.36
        elif ch in _SEMI:
            ems += 0.5
        elif ch in _WIDE or ord(ch) > 0x2000:  # icons (✔ ▲ ✖ ●), en dash
            ems += 1.0
        elif ch.isupper():
            ems += 0.78
        else:
            ems += 0.68
    return ems * size * (1.0 if bold else 0.93)


def text_box(x: float, baseline: float, width: float, anchor: str = "start") -> Box:
    """The box of a one-line text drawn at ``x``/``baseline`` (ascent and descent included)."""
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, baseline - 0.95 * FONT_SIZE, width, 1.2 * FONT_SIZE)


def baseline_for(top: float) -> float:
    """The baseline of a line of text whose box starts at ``top``."""
    return top + 0.95 * FONT_SIZE


def nice_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Axis ticks from ``low`` to at least ``high`` in steps of 1, 2 or 5 × 10ⁿ, at most
    ``most`` intervals: a reader can read a bar or point against round numbers."""
    if high <= low:
        high = low + 1
    raw = (high - low) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if low == int(low) and high == int(high):
        step = max(step, 1)  # whole numbers (counts) get whole-number ticks
    first = math.floor(low / step + 1e-9) * step
    count = math.ceil((high - first) / step - 1e-9)
    return [round(first + i * step, 10) for i in range(count + 1)]


def wrap(s: str, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to lines of at most ``width`` (a single long word keeps its line)."""
    lines: list[str] = []
    for word in s.split():
        if lines and text_width(f"{lines[-1]} {word}", bold=bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def clamp_centre(x: float, width: float, low: float, high: float) -> float:
    """``x`` moved as little as needed for a centred text of ``width`` to stay in [low, high]:
    the first and last labels keep to the edges instead of being cut off."""
    return min(max(x, low + width / 2), high - width / 2)


@dataclass
class Label:
    """A text placed by a layout: its lines, where it is drawn and the box it is estimated to
    take. Layouts check their boxes against each other, so the drawing and the check agree."""

    lines: list[str]
    x: float
    baseline: float
    box: Box
    anchor: str = "start"
    bold: bool = False
    fill: str = "#1a1a1a"
    attrs: str = ""
    order: int = 0
    """Where the label goes among its row's labels (a bar's labels in the order of its parts)."""


def label(
    lines: str | list[str], x: float, top: float, anchor: str = "start", bold: bool = False, **kw
) -> Label:
    """A label whose box starts at ``top``; a list is drawn as lines ``LINE`` apart."""
    lines = [lines] if isinstance(lines, str) else lines
    width = max(text_width(s, bold=bold) for s in lines)
    box = text_box(x, baseline_for(top), width, anchor)
    box = Box(box.x, box.y, box.w, box.h + LINE * (len(lines) - 1))
    return Label(lines, x, baseline_for(top), box, anchor, bold, **kw)
