"""Drafts never leak: no file of the built site holds any string of a draft document.

tests/fixtures/utkast/ adds to the base project a draft follow-up of a published plan and a
draft plan (with a draft follow-up) for a year with nothing published. Every text and id in
them contains "qzv". The public build must hold "qzv" nowhere — pages, navigation, search
index, sitemap, data files, feed, redirects — searched in every file, gzip ones unpacked.
The same search must find the drafts in a build with --utkast, so it can fail.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_ikgen

from ikgen.cli import main

MARK = b"qzv"
BANNER = b"ik-utkast-banner"


def _project(tmp: Path) -> Path:
    shutil.copytree(FIXTURES / "bas" / "content", tmp / "content")
    shutil.copytree(FIXTURES / "utkast" / "content", tmp / "content", dirs_exist_ok=True)
    for name in ("theme", "docs"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a site as bytes, gzip files unpacked (sitemap.xml.gz, Pagefind's index)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            out[path.relative_to(site).as_posix()] = data
    return out


def _leaks(files: dict[str, bytes], needle: bytes) -> list[str]:
    return [name for name, data in files.items() if needle in data.lower()]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The public build, the --utkast preview, and a build run with IKGEN_UTKAST=1 set."""
    project = _project(tmp_path_factory.mktemp("utkast"))
    out = {}
    for name, args, env in (
        ("publik", [], None),
        ("utkast", ["--utkast"], None),
        ("miljo", [], {"IKGEN_UTKAST": "1"}),
    ):
        result = run_ikgen("build", "-d", f"site-{name}", *args, cwd=project, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        out[name] = _files(project / f"site-{name}")
    return out


def test_no_draft_string_in_any_published_file(builds) -> None:
    files = builds["publik"]
    assert len(files) > 20
    assert _leaks(files, MARK) == []


def test_draft_pages_and_years_are_absent(builds) -> None:
    names = builds["publik"]
    assert "testnamnden/2024/delar-1/index.html" in names
    assert not [n for n in names if n.startswith(("testnamnden/2025", "testnamnden/2024/helar"))]
    assert _leaks(names, b"/2025/") == []
    assert _leaks(names, b"/helar/") == []


def test_search_detects_drafts_in_the_preview(builds) -> None:
    """The control: the same search finds the drafts where they are meant to be."""
    leaks = _leaks(builds["utkast"], MARK)
    assert "testnamnden/2024/helar/index.html" in leaks
    assert "testnamnden/2025/plan/index.html" in leaks
    assert "sitemap.xml" in leaks
    assert any(name.startswith("pagefind/") for name in leaks), leaks


def test_preview_has_banner_on_every_page_and_public_site_on_none(builds) -> None:
    preview = {n: d for n, d in builds["utkast"].items() if n.endswith(".html")}
    public = {n: d for n, d in builds["publik"].items() if n.endswith(".html")}
    pages = {n: d for n, d in preview.items() if n != "404.html" and b"http-equiv" not in d}
    without = [n for n, d in pages.items() if BANNER not in d]
    assert without == []
    assert _leaks(public, BANNER) == []
    assert b"ik-utkast" in preview["testnamnden/2024/helar/index.html"]


def test_environment_variable_does_not_publish_drafts(builds) -> None:
    assert _leaks(builds["miljo"], MARK) == []


def test_in_process_preview_does_not_leak_into_next_build(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    monkeypatch.delenv("IKGEN_UTKAST", raising=False)
    assert main(["build", "--utkast", "-d", "site-utkast"]) == 0
    assert main(["build"]) == 0
    capsys.readouterr()
    assert _leaks(_files(project / "site"), MARK) == []
    assert _leaks(_files(project / "site-utkast"), MARK) != []
