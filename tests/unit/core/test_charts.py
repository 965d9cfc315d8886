"""Chart layouts (core/charts/): labels inside their segments only when they fit, otherwise
beside the bar; no two label boxes meet; everything inside the viewBox; the scale stated."""

from __future__ import annotations

import itertools
import re
from types import SimpleNamespace as NS

import pytest

from ikgen.core.charts import counts_chart, trend_charts
from ikgen.core.charts.bars import BarLayout, layout_bars
from ikgen.core.charts.layout import WIDTH, Box, nice_ticks, text_width, wrap
from ikgen.core.charts.lines import LineLayout, layout_line

LEVELS = [
    NS(namn="Inga avvikelser", allvar=0),
    NS(namn="Mindre avvikelser", allvar=1),
    NS(namn="Graverande avvikelser", allvar=2),
    NS(namn="Ingen bedömning gjord", allvar=None),
]


def _bars(*totals: tuple[int, ...]) -> BarLayout:
    rows = [
        (f"Uppföljning Delår {i} 2025", list(zip(LEVELS, t, strict=True)))
        for i, t in enumerate(totals)
    ]
    return layout_bars(rows, LEVELS)


def _assert_legible(out: BarLayout | LineLayout) -> None:
    """No two text boxes meet, and every one lies inside the viewBox."""
    view = Box(0, 0, WIDTH, out.height)
    for t in out.texts:
        assert t.box.within(view), (t.lines, t.box, view)
    for a, b in itertools.combinations(out.texts, 2):
        assert not a.box.overlaps(b.box), (a.lines, a.box, b.lines, b.box)


def _by_segment(out: BarLayout) -> dict[str, tuple]:
    labels = {m[1]: t for t in out.texts if (m := re.search(r'data-segment="([^"]+)"', t.attrs))}
    return {s.key: (s, labels[s.key]) for s in out.segments}


def test_one_control_next_to_thirty_gets_its_label_beside_the_bar() -> None:
    out = _bars((30, 1, 0, 0))
    (big, big_label), (small, small_label) = _by_segment(out).values()
    assert "ik-diagram-inne" in big_label.attrs and big_label.box.within(big.box)
    assert big_label.lines == ["✔ 30"]
    assert "ik-diagram-utanfor" in small_label.attrs and small_label.lines == ["▲ 1"]
    assert not small_label.box.overlaps(small.box)
    # Beside the bar, with a swatch of its level's pattern just before the text.
    swatch = next(box for box, level, key in out.swatches if key == small.key)
    assert swatch.right < small_label.box.x < swatch.right + 8
    _assert_legible(out)


@pytest.mark.parametrize(
    "totals",
    [
        [(30, 1, 0, 0), (28, 1, 1, 1)],  # small segments at the end of a full bar: below it
        [(1, 1, 1, 1), (2, 0, 1, 0)],  # nothing fits inside
        [(0, 0, 0, 0), (5, 0, 0, 0)],  # a report with no assessed control
        [(120, 3, 2, 7), (90, 40, 1, 1), (1, 0, 0, 0)],  # three-digit counts
    ],
)
def test_label_boxes_never_meet_and_stay_in_the_view(totals: list) -> None:
    out = _bars(*totals)
    _assert_legible(out)
    for seg, placed in _by_segment(out).values():
        if "ik-diagram-inne" in placed.attrs:
            assert placed.box.within(seg.box)
        assert placed.lines == [f"{'✔▲✖●'[LEVELS.index(seg.level)]} {seg.count}"]
    for box, _, _ in out.swatches:
        assert box.within(Box(0, 0, WIDTH, out.height))


def test_axis_has_whole_number_ticks_from_zero_past_the_largest_total() -> None:
    out = _bars((30, 1, 0, 0), (12, 9, 1, 1))
    assert [v for v, _ in out.ticks] == [0, 10, 20, 30, 40]
    xs = [x for _, x in out.ticks]
    assert xs == sorted(xs) and xs[0] >= 0 and xs[-1] <= WIDTH
    bar = next(s for s in out.segments if s.count == 30).box
    assert bar.right == pytest.approx(xs[0] + (xs[-1] - xs[0]) * 30 / 40)
    assert any(t.lines == ["Antal kontroller"] for t in out.texts)
    assert [v for v, _ in _bars((1, 0, 0, 0), (0, 1, 0, 0)).ticks] == [0, 1]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0, 31, [0, 10, 20, 30, 40]), (0, 7, [0, 2, 4, 6, 8]), (0, 1000, [0, 500, 1000])],
)
def test_nice_ticks(low: float, high: float, expected: list[float]) -> None:
    assert nice_ticks(low, high, 4) == expected


def test_nice_ticks_of_fractions_and_negatives() -> None:
    assert nice_ticks(0, 0.37, 4) == pytest.approx([0, 0.1, 0.2, 0.3, 0.4])
    assert nice_ticks(-3, 5, 4) == [-4, -2, 0, 2, 4, 6]


def test_wrap_keeps_lines_within_width() -> None:
    lines = wrap("Uppföljning av internkontrollplanen per tertial 2 för år 2025", 200)
    assert len(lines) > 1 and all(text_width(line) <= 200 for line in lines)


def _value(varde: float, av: float | None = None, enhet: str = "st") -> NS:
    return NS(varde=varde, av=av, enhet=enhet)


PERIODS = [
    (name, str(year)) for year in (2024, 2025, 2026) for name in ("Delår 1", "Delår 2", "Helår")
]


def test_line_chart_with_eight_periods_and_long_values_keeps_labels_apart() -> None:
    values = [_value(v, 1000) for v in (342, 351, 1000, 12, 998, 999, 1, 500)]
    out = layout_line(values, PERIODS[:8])
    _assert_legible(out)
    shown = [t.lines[0] for t in out.texts if "ik-diagram-varde" in t.attrs]
    assert shown == [f"{v.varde:,.0f} av 1\u00a0000 st".replace(",", "\u00a0") for v in values]


def test_line_chart_labels_at_the_edges_stay_inside_and_scale_is_stated() -> None:
    values = [_value(11, 13), None, _value(4, 13)]
    out = layout_line(values, PERIODS[:3])
    _assert_legible(out)
    assert out.texts[0].lines == ["Skala: 0–15 st"]
    assert [v for v, _ in out.yticks] == [0, 5, 10, 15]


def test_scale_without_a_unit_when_units_differ() -> None:
    out = layout_line([_value(3, None, "st"), _value(40, None, "%")], PERIODS[:2])
    assert out.texts[0].lines == ["Skala: 0–40"]


def test_trend_chart_desc_states_the_scale_and_every_value() -> None:
    kommun = NS(period=lambda pid: NS(namn=pid.upper()))
    columns = [NS(period_id="t1", year=2025), NS(period_id="t2", year=2025)]
    rows = [{"id": "a", "namn": "A", "values": [_value(1.5, 4, "%"), _value(3)]}]
    html = str(trend_charts(rows, columns, kommun))
    assert "Skala: 0–3. T1 2025: 1,5 av 4 %; T2 2025: 3 st</desc>" in html


def test_counts_chart_desc_states_the_scale(norrtalje) -> None:  # noqa: ANN001 - Corpus
    html = str(counts_chart(norrtalje, next(iter(norrtalje.namnder.values()))))
    assert "Vågrät axel: antal kontroller, skala 0–" in html
    assert 'class="ik-diagram-segment"' in html
