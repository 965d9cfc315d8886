"""Rendering: one report's Markdown against a reviewed golden file, and text safety basics."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import FIXTURES

from ikgen.core.urls import relative as relative_url
from ikgen.pipeline import load_checked, render_site

GOLDEN = Path(__file__).parent / "golden"


def _rendered() -> dict[str, str]:
    return render_site(load_checked(FIXTURES / "variationer" / "content")).files


def test_report_markdown_matches_reviewed_golden_file(monkeypatch) -> None:  # noqa: ANN001
    """Regenerate with IKGEN_UPDATE_GOLDEN=1, then review the diff before committing."""
    monkeypatch.setenv("IKGEN_HISTORIK", "av")  # the git history differs per checkout
    actual = _rendered()["kulturnamnden/2025/t1.md"]
    golden = GOLDEN / "variationer-kulturnamnden-2025-t1.md"
    if os.environ.get("IKGEN_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_every_page_kind_is_rendered() -> None:
    files = _rendered()
    assert {
        "index.md",
        "kulturnamnden/index.md",
        "kulturnamnden/2025/plan.md",
        "kulturnamnden/2025/t1.md",
        "kulturnamnden/2025/t2.md",
        "kulturnamnden/kontroller/index.md",
        "kulturnamnden/kontroller/oplanerade-stangningar.md",
        "tillganglighet.md",
    } <= set(files)


def test_relative_urls_work_from_any_page() -> None:
    assert relative_url("/a/2024/delar-1/", "/a/kontroller/x/") == "../../kontroller/x/"
    assert relative_url("/", "/a/") == "a/"
    assert relative_url("/a/", "/a/") == "./"
    assert relative_url("/a/2024/plan/", "/a/2024/plan/#risk") == "./#risk"
