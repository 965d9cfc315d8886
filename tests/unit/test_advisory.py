"""Warnings (core/checks/advisory.py): printed by ``ikgen check`` after the errors, exit 0.

Run in-process through the real command line (``ikgen.cli.main``) on a copy of content/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from ikgen.build import Build
from ikgen.cli import main
from ikgen.pipeline import check_content, load_checked

from .fast_paths import ROOT

REPORT = "content/socialnamnden/2024/delar-1.yml"
PLAN = "content/socialnamnden/2024/plan.yml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of content/ in a fresh working folder (messages show ``content/…``)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def _first_control(project: Path) -> str:
    plan = yaml.safe_load((project / PLAN).read_text(encoding="utf-8"))
    return plan["risker"][0]["kontroller"][0]["id"]


def _report_off_period(project: Path) -> str:
    """The plan's first control now reports only at helår; delår 1 still reports it."""
    _edit(project / PLAN, "frekvens: [delar-1, delar-2, helar]", "frekvens: [helar]")
    return _first_control(project)


def _follow_controlled_risk(project: Path) -> str:
    """foljer_plan on the plan's first risk, which is handled by kontroll."""
    plan = yaml.safe_load((project / PLAN).read_text(encoding="utf-8"))
    risk = plan["risker"][0]
    assert risk["hantering"] == "kontroll"
    _edit(
        project / REPORT,
        "\navsnitt:\n",
        f"\nrisker:\n  - risk: {risk['id']}\n    foljer_plan: true\navsnitt:\n",
    )
    return risk["id"]


DROPPED = ("analys-avvikelser-maj-2024", "inventering-avtal-lou")
"""The two actions of the report per april 2024 that the report per april 2025 leaves out."""


def test_the_real_content_warns_only_of_the_actions_it_drops() -> None:
    """The 2025 report follows up five of 2024's seven actions; the other two are warned of."""
    _, warnings = check_content(ROOT / "content", Build())
    assert len(warnings) == len(DROPPED)
    for action, warning in zip(DROPPED, sorted(warnings, key=lambda w: w.message), strict=True):
        assert warning.path == "content/socialnamnden/2025/delar-1.yml"
        assert f"åtgärden '{action}' var öppen i Uppföljning Delår 1 2024" in warning.message


def test_control_outside_its_frekvens_is_a_warning(project: Path, capsys) -> None:  # noqa: ANN001
    control = _report_off_period(project)
    assert main(["check", "content"]) == 0
    out, err = capsys.readouterr()
    line = _line_of(project / REPORT, f"kontroll: {control}")
    expected = f"{REPORT}:{line}: kontroller[0].kontroll: varning: kontrollen '{control}'"
    assert expected in err
    assert "rapporteras Delår 1, men enligt planen bara Helår" in err
    assert "Inga fel" in out and f"{1 + len(DROPPED)} varningar" in out


def test_foljer_plan_on_a_controlled_risk_is_a_warning(project: Path, capsys) -> None:  # noqa: ANN001
    risk = _follow_controlled_risk(project)
    assert main(["check", "content"]) == 0
    err = capsys.readouterr().err
    line = _line_of(project / REPORT, "foljer_plan: true")
    assert f"{REPORT}:{line}: risker[0].foljer_plan: varning: risken '{risk}' hanteras med " in err


def test_warnings_never_stop_a_build(project: Path) -> None:
    _report_off_period(project)
    _follow_controlled_risk(project)
    assert load_checked(project / "content", Build()).namnder  # what the build and plugin call


def test_an_error_still_exits_1_and_warnings_follow_the_errors(project: Path, capsys) -> None:  # noqa: ANN001
    _report_off_period(project)
    _edit(project / REPORT, "bedomning: ", "bedomning: finns-inte-")
    assert main(["check", "content"]) == 1
    lines = capsys.readouterr().err.splitlines()
    errors = [n for n, line in enumerate(lines) if ": varning: " not in line and ".yml:" in line]
    warnings = [n for n, line in enumerate(lines) if ": varning: " in line]
    assert errors and warnings and max(errors) < min(warnings)
    assert lines[-1] == f"{len(errors)} fel hittades (och {1 + len(DROPPED)} varningar)."
