"""The git history of every page costs a constant number of git commands per build, however
many documents and commits there are (ikgen/publish/githistory.py). Real content, real git, the real
pipeline: git's subprocess calls are only counted, never faked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from granskning_stod import git

from bench import synth
from ikgen.build import Build
from ikgen.pipeline import RenderedSite, load_checked, render_site
from ikgen.publish import githistory as history


def _project(tmp: Path, n: int) -> tuple[Path, list[Path]]:
    """N synthetic reports committed before every decision, then each report corrected in a
    commit of its own after its decision."""
    content = tmp / "content"
    synth.generate(content, n)
    git(tmp, "init", "-q", "-b", "main")
    git(tmp, "add", "-A")
    git(tmp, "commit", "-qm", "Innehåll", date="2000-01-01T10:00:00+01:00")
    reports = sorted(p for p in content.glob("*/[0-9]*/*.yml") if p.name != "plan.yml")
    for report in reports:
        data = yaml.safe_load(report.read_text(encoding="utf-8"))
        data["sammanfattning"] += " Rättat efter beslutet."
        report.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        git(tmp, "commit", "-qam", f"Rättat {report.name}", date="2099-01-01T10:00:00+01:00")
    return content, reports


def _build(
    monkeypatch: pytest.MonkeyPatch, content: Path, state: Build | None = None
) -> tuple[list[str], RenderedSite]:
    """The core build of a content folder, and the git commands ikgen ran for it."""
    state = state or Build()
    calls: list[str] = []
    real = subprocess.run

    def counting(args, *rest, **kwargs):  # noqa: ANN001, ANN202 - subprocess.run's signature
        if args and args[0] == "git":
            calls.append(args[1])
        return real(args, *rest, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(history.subprocess, "run", counting)
        rendered = render_site(load_checked(content, state), state)
    return calls, rendered


def test_git_commands_per_build_do_not_grow_with_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, small_reports = _project(tmp_path / "liten", 3)
    large, large_reports = _project(tmp_path / "stor", 12)
    assert len(large_reports) == 4 * len(small_reports)
    small_calls, _ = _build(monkeypatch, small)
    session = Build()
    large_calls, rendered = _build(monkeypatch, large, session)
    assert small_calls == large_calls == ["rev-parse", "status", "log", "cat-file"]
    for report in large_reports:
        doc = report.relative_to(large).with_suffix("")
        page = rendered.files[f"{doc.as_posix()}.md"]
        assert "Källfilen har ändrats 1 gång efter beslutet" in page, doc
        assert f"Rättat {report.name}" not in page and "Ändrat: sammanfattning." in page, doc
    # A rebuild at the same commit (ikgen serve) asks only for the checkout and its status.
    session.pages.clear()
    again, _ = _build(monkeypatch, large, session)
    assert again == ["rev-parse", "status"]


def test_histories_match_git_log_follow(tmp_path: Path) -> None:
    content, _ = _project(tmp_path, 4)
    git(
        tmp_path, "mv", "content/socialnamnden", "content/omsorgsnamnden"
    )  # a rename, as --follow sees it
    git(tmp_path, "commit", "-qm", "Flyttat", date="2099-02-01T10:00:00+01:00")
    lookup = history.GitHistory(enabled=True)
    with lookup.build_scope(content, []):
        for file in sorted(content.rglob("*.yml")):
            expected = git(tmp_path, "log", "--follow", "--format=%h", "--", str(file)).split()
            got = [change.commit for change in lookup.source_history(file, None).changes]
            assert got == expected, file
