"""A control renamed in a later plan keeps one history, under its new id."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml
from conftest import FIXTURES

from ikgen.core.derive import control_histories
from ikgen.pipeline import load_checked, render_site


def _with_renamed_control(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "variationer" / "content", content)
    kommun = yaml.safe_load((content / "kommun.yml").read_text(encoding="utf-8"))
    kommun["omraden"][2026] = copy.deepcopy(kommun["omraden"][2025])
    (content / "kommun.yml").write_text(yaml.safe_dump(kommun, allow_unicode=True), "utf-8")
    plan = (content / "kulturnamnden" / "2025" / "plan.yml").read_text(encoding="utf-8")
    renamed = plan.replace(
        "- id: oplanerade-stangningar",
        "- id: stangningar-utan-forvarning\n        tidigare_id: [oplanerade-stangningar]",
    )
    assert renamed != plan
    (content / "kulturnamnden" / "2026").mkdir()
    (content / "kulturnamnden" / "2026" / "plan.yml").write_text(renamed, encoding="utf-8")
    return content


def test_renamed_control_has_one_history_with_the_earlier_years(tmp_path: Path) -> None:
    corpus = load_checked(_with_renamed_control(tmp_path))
    histories = control_histories(corpus, corpus.namnder["kulturnamnden"])
    assert "oplanerade-stangningar" not in histories
    history = histories["stangningar-utan-forvarning"]
    assert history.old_ids == {"oplanerade-stangningar"}
    assert [(a.year, a.period_id) for a in history.reported] == [(2025, "t1"), (2025, "t2")]
    assert [a.year for a in history.appearances][-1] == 2026


def test_control_page_links_to_each_year_under_that_years_id(tmp_path: Path) -> None:
    files = render_site(load_checked(_with_renamed_control(tmp_path))).files
    page = files["kulturnamnden/kontroller/stangningar-utan-forvarning.md"]
    assert "kulturnamnden/kontroller/oplanerade-stangningar.md" not in files
    assert "../../2025/t1/#oplanerade-stangningar" in page
    assert "../../2026/plan/#stangningar-utan-forvarning" in page
    assert "tidigare <code>oplanerade-stangningar</code>" in page
