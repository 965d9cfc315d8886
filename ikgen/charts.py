"""Charts: static SVG made at build time, always next to a table with the same numbers."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


def trend_charts(rows: list[dict[str, Any]], columns: list[Any], kommun: Any) -> Markup:
    """Line charts of indicators over periods (added with the citizens' view)."""
    return Markup("")


def counts_chart(corpus: Any, n: Any) -> Markup:
    """A chart of assessment counts per period (added with the citizens' view)."""
    return Markup("")
