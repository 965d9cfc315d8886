"""The live preview's caches: touching one YAML file re-parses that file only and re-renders only
the pages that depend on it (its nämnd's pages and the site-wide ones)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import synth
from ikgen.build import Build
from ikgen.pipeline import load_checked, render_site


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    synth.generate(root, 6)  # six nämnder, one follow-up each
    return root


@pytest.fixture
def state() -> Build:
    """One serve session: its caches live as long as the session."""
    return Build()


def _rebuild(root: Path, state: Build) -> dict[str, str]:
    state.files.reset_counts()
    state.pages.reset_counts()
    return render_site(load_checked(root, state), state).files


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    st = path.stat()  # make sure the stamp moves even on a coarse-grained file system
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_unchanged_content_is_neither_parsed_nor_rendered_again(
    content: Path, state: Build
) -> None:
    first = _rebuild(content, state)
    assert len(state.files.misses) == len(list(content.rglob("*.yml")))
    assert len(state.pages.misses) == len(first)
    assert _rebuild(content, state) == first
    assert state.files.misses == []
    assert state.pages.misses == []


def test_one_changed_file_re_renders_only_what_depends_on_it(content: Path, state: Build) -> None:
    first = _rebuild(content, state)
    report = next(content.glob("socialnamnden/*/delar-1.yml"))
    _edit(report, "sammanfattning: ", "sammanfattning: Ordet kvittensblankett. ")
    second = _rebuild(content, state)

    assert [key[0] for key in state.files.misses] == [str(report.absolute())]
    rerendered = {key[1] for key in state.pages.misses}
    assert rerendered, "the changed report must be rendered again"
    assert all(p.startswith("socialnamnden/") or "/" not in p for p in rerendered), rerendered
    other_namnder = [p for p in first if "/" in p and not p.startswith("socialnamnden/")]
    assert other_namnder and not rerendered & set(other_namnder)
    changed = [p for p in second if second[p] != first[p]]
    assert any("kvittensblankett" in second[p] for p in changed)

    # The cached result is exactly what a cold build (a new Build) makes.
    assert render_site(load_checked(content)).files == second
