"""Validation and cross-document checks, through the real `ikgen check` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_ikgen

from ikgen.core.diagnostics import ContentError
from ikgen.pipeline import load_checked

VARIATIONS = ROOT / "tests" / "fixtures" / "variationer" / "content"


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    """A writable copy of the variations fixture."""
    shutil.copytree(VARIATIONS, tmp_path / "content")
    return tmp_path / "content"


def _replace(path: Path, old: str, new: str, count: int = 1) -> int:
    """Edit a file; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def _plan(content: Path) -> Path:
    return next(content.glob("*/*/plan.yml"))


def _report(content: Path) -> Path:
    return sorted(p for p in content.glob("*/*/*.yml") if p.name != "plan.yml")[0]


def test_clean_content_passes(content: Path) -> None:
    result = run_ikgen("check", str(content))
    assert result.returncode == 0, result.stderr
    assert "Inga fel" in result.stdout


def test_three_errors_give_three_lines_with_file_and_line(content: Path) -> None:
    plan, report = _plan(content), _report(content)
    ansvarig_line = _replace(plan, "ansvarig:", "ansvaig:")
    text = plan.read_text(encoding="utf-8")
    ids = [ln.split("id:")[1].strip() for ln in text.splitlines() if ln.strip().startswith("- id:")]
    dup_line = _replace(plan, f"id: {ids[-1]}", f"id: {ids[-2]}")
    ref_line = _replace(report, "- kontroll: ", "- kontroll: finns-inte-")
    result = run_ikgen("check", "content", cwd=content.parent)
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("content/")]
    assert len(lines) == 3, result.stderr
    rel_plan = f"content/{plan.relative_to(content).as_posix()}"
    rel_report = f"content/{report.relative_to(content).as_posix()}"
    assert any(
        ln.startswith(f"{rel_plan}:{ansvarig_line}:") and "menade du 'ansvarig'" in ln
        for ln in lines
    )
    assert any(ln.startswith(f"{rel_plan}:{dup_line}:") and "finns redan" in ln for ln in lines)
    assert any(
        ln.startswith(f"{rel_report}:{ref_line}:") and "finns inte i planen" in ln for ln in lines
    )
    assert "Traceback" not in result.stderr


def test_riskvarde_must_match_factors(content: Path) -> None:
    plan = _plan(content)
    text = plan.read_text(encoding="utf-8")
    assert "sannolikhet:" in text and "riskvarde:" in text
    import re

    match = re.search(r"sannolikhet: (\d)\n(\s+)konsekvens: (\d)\n\s+riskvarde: (\d+)", text)
    assert match, "the fixture has a risk with all three values in this order"
    s, k = int(match.group(1)), int(match.group(3))
    plan.write_text(
        text.replace(match.group(0), match.group(0)[: -len(match.group(4))] + str(s * k + 1))
    )
    with pytest.raises(ContentError) as exc:
        load_checked(content)
    assert any(
        "stämmer inte med sannolikhet × konsekvens" in d.message for d in exc.value.diagnostics
    )


def test_wrong_type_and_bad_date_and_unknown_period(content: Path) -> None:
    report = _report(content)
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("status:", "status: [fel]\nx_status:", 1), encoding="utf-8")
    result = run_ikgen("check", str(content))
    assert result.returncode == 1
    assert "okänd nyckel 'x_status'" in result.stderr
    (content / report.parent / "q9.yml").write_text(text, encoding="utf-8")
    result = run_ikgen("check", str(content))
    assert "är ingen period i kommun.yml" in result.stderr


def test_reference_to_unknown_area_and_scale_value(content: Path) -> None:
    plan, report = _plan(content), _report(content)
    _replace(plan, "omrade: ", "omrade: x")
    _replace(report, "bedomning: ", "bedomning: x")
    with pytest.raises(ContentError) as exc:
        load_checked(content)
    messages = " ".join(d.message for d in exc.value.diagnostics)
    assert "området 'x" in messages and "finns inte i kommun.yml" in messages
    assert "värdet 'x" in messages and "bedomningsskala" in messages
