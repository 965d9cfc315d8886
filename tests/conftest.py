"""Shared fixtures: real builds of the sites with MkDocs, cached per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "socialnamnd-2023"
FIXTURES = ROOT / "tests" / "fixtures"
IKGEN = [sys.executable, "-m", "ikgen.cli"]


def run_ikgen(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
    """Run the real ikgen command line; return the CompletedProcess (text mode)."""
    return subprocess.run(
        [*IKGEN, *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def make_project(tmp: Path, content: Path, mkdocs_yml: Path | None = None) -> Path:
    """A throw-away project: mkdocs.yml, theme/ and docs/ from the repo, plus a content copy."""
    shutil.copytree(content, tmp / "content")
    shutil.copytree(ROOT / "theme", tmp / "theme")
    shutil.copytree(ROOT / "docs", tmp / "docs")
    shutil.copy(mkdocs_yml or ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


def build_project(project: Path, *extra: str) -> Path:
    """Build a project with `ikgen build`; fail the test with the messages if it fails."""
    result = run_ikgen("build", *extra, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def main_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default site (content/) built once per session."""
    project = make_project(tmp_path_factory.mktemp("main"), ROOT / "content")
    return build_project(project)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site (examples/socialnamnd-2023) built once per session."""
    project = make_project(tmp_path_factory.mktemp("example"), EXAMPLE / "content")
    return build_project(project)


@pytest.fixture(scope="session")
def variation_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The variation fixture (T1/T2 periods, placed risks, indicators) built once per session."""
    content = FIXTURES / "variationer" / "content"
    return build_project(make_project(tmp_path_factory.mktemp("variationer"), content))


def page_html(site: Path, url: str) -> str:
    """The HTML of a built page by its URL path."""
    path = site / url.strip("/") / "index.html" if url != "/" else site / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def audit_sites(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - AuditSites
    """The auditor fixture in a real git repository, built before and after renames."""
    from granskning_stod import build_audit_sites

    return build_audit_sites(tmp_path_factory.mktemp("granskning"))


FAST_MODULES = {
    "test_cache",
    "test_docs_redaktor",
    "test_load",
    "test_nav_size",
    "test_rename",
    "test_render",
}
"""Test modules outside tests/unit/ that run in-process and fast enough for the fast tier."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what builds real sites, runs subprocesses or a browser as ``slow``: ``make
    test-snabb`` leaves those out (``pytest -m "not slow"``), ``make test`` runs everything."""
    for item in items:
        path = Path(str(item.fspath))
        if "unit" not in path.parts and path.stem not in FAST_MODULES:
            item.add_marker(pytest.mark.slow)
