"""Where the fast tier's content comes from (shared by its conftest and tests)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = {
    "norrtalje": ROOT / "content",
    "exempel": ROOT / "examples" / "socialnamnd-2023" / "content",
    "variationer": FIXTURES / "variationer" / "content",
}
"""Real and fixture content folders every fast test runs over."""
