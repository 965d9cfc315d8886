"""Colours of the graphic profile (kommun.yml ``profil``): parsing and WCAG 2.1 contrast.

The profile's colours are checked against the pairs they are used in on the site:

- ``primar`` is the header's background under white text (4.5:1, text) and the colour of
  graphics on white (3:1, non-text); contrast is symmetric, so the text rule is the stricter;
- ``accent`` is the colour of links on white (4.5:1, text).
"""

from __future__ import annotations

import math
import re

WHITE = "#ffffff"
TEXT_AA = 4.5
"""WCAG 2.1 AA, 1.4.3: normal text against its background."""
GRAPHICS_AA = 3.0
"""WCAG 2.1 AA, 1.4.11: graphical objects and interface parts against what is next to them."""

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_hex_colour(value: str) -> bool:
    """True for ``#rrggbb``."""
    return bool(_HEX.match(value))


def _channel(value: int) -> float:
    """One sRGB channel (0–255) linearised, as WCAG defines relative luminance."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb`` (0 black … 1 white)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1 … 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ratio_text(ratio: float) -> str:
    """A ratio as Swedish text, rounded down so a failing pair never shows the limit: ``1,6:1``."""
    return f"{math.floor(ratio * 10) / 10:.1f}".replace(".", ",") + ":1"


def contrast_problem(pair: str, first: str, second: str, needed: float) -> str | None:
    """The Swedish message when ``first`` on ``second`` is below ``needed``, else None.

    ``pair`` names the pair in the message, e.g. ``vit text på #ffcc00``.
    """
    ratio = contrast(first, second)
    if ratio >= needed:
        return None
    return f"{pair} har kontrast {ratio_text(ratio)}; WCAG AA kräver minst {ratio_text(needed)}"


def profile_css(primary: str | None, accent: str | None) -> str:
    """The CSS that gives Material and ikgen.css the profile's colours ("" without any).

    The selector outweighs Material's ``[data-md-color-primary=indigo]`` palette rules. Only
    validated ``#rrggbb`` values reach here.
    """
    rules = []
    if primary:
        for name in (
            "--md-primary-fg-color",
            "--md-primary-fg-color--light",
            "--md-primary-fg-color--dark",
            "--ik-primar",
        ):
            rules.append(f"{name}: {primary};")
    if accent:
        for name in ("--md-accent-fg-color", "--md-typeset-a-color", "--ik-accent"):
            rules.append(f"{name}: {accent};")
    if not rules:
        return ""
    return "body[data-md-color-primary][data-md-color-accent] { " + " ".join(rules) + " }"
