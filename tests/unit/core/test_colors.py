"""WCAG contrast of the profile's colours (core/colors.py)."""

from __future__ import annotations

import pytest

from ikgen.core.colors import (
    GRAPHICS_AA,
    TEXT_AA,
    WHITE,
    contrast,
    contrast_problem,
    is_hex_colour,
    ratio_text,
)


def test_black_on_white_is_21_and_same_is_1() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#123456", "#123456") == pytest.approx(1)


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("#ffcc00", 1.51), ("#767676", 4.54), ("#3f51b5", 6.87), ("#777777", 4.48)],
)
def test_known_ratios_on_white(colour: str, expected: float) -> None:
    assert contrast(colour, WHITE) == pytest.approx(expected, abs=0.02)


def test_ratio_text_is_swedish_and_rounded_down() -> None:
    assert ratio_text(4.48) == "4,4:1"
    assert ratio_text(4.5) == "4,5:1"
    assert ratio_text(1.63) == "1,6:1"


def test_problem_names_the_pair_the_ratio_and_the_limit() -> None:
    message = contrast_problem("vit text på #ffcc00", WHITE, "#ffcc00", TEXT_AA)
    assert message == "vit text på #ffcc00 har kontrast 1,5:1; WCAG AA kräver minst 4,5:1"
    assert contrast_problem("x", WHITE, "#3f51b5", TEXT_AA) is None
    assert contrast_problem("x", WHITE, "#949494", GRAPHICS_AA) is None
    assert contrast_problem("x", WHITE, "#949494", TEXT_AA) is not None


def test_only_rrggbb_is_a_colour() -> None:
    assert is_hex_colour("#A1b2C3")
    assert not is_hex_colour("#abc")
    assert not is_hex_colour("red")
    assert not is_hex_colour("#abcdef;}")
