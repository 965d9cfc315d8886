"""Internal-control areas stay in force until kommun.yml lists new ones for a later year."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, run_ikgen

from ikgen.core.model import Kommun


def test_a_year_without_areas_uses_the_latest_earlier_years() -> None:
    kommun = Kommun.model_validate(
        {
            "namn": "K",
            "omraden": {
                2024: [{"id": "a", "namn": "A"}],
                2025: [{"id": "a", "namn": "A"}, {"id": "b", "namn": "B"}],
            },
        }
    )
    assert [a.id for a in kommun.omraden_for(2023)] == []
    assert [a.id for a in kommun.omraden_for(2024)] == ["a"]
    assert [a.id for a in kommun.omraden_for(2027)] == ["a", "b"]


def test_next_years_plan_is_accepted_before_kommun_yml_lists_the_year(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    made = run_ikgen("new", "plan", "socialnamnden", "2026", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "content" / "socialnamnden" / "2026" / "plan.yml").is_file()
    checked = run_ikgen("check", "content", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
