"""The live preview's quick rebuild (ikgen/preview.py, ikgen/cli/serve.py): after an edit in
content/ only the pages whose Markdown changed are built again, and what the preview then
serves is byte for byte what a full build of the same content serves; whenever the navigation,
the set of pages, the theme or mkdocs.yml change, the whole site is built again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import make_project
from mkdocs.exceptions import Abort

from bench import synth
from ikgen.build import Build
from ikgen.cli.serve import Preview


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    st = path.stat()  # the stamp must move even on a coarse-grained file system
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def _full_build(project: Path, site: Path) -> dict[str, bytes]:
    """What a fresh preview session (a full MkDocs build) serves for the same content."""
    preview = Preview(project / "mkdocs.yml", str(site), Build())
    preview(preview.config)
    return _tree(site)


@pytest.fixture
def session(tmp_path: Path) -> tuple[Path, Preview]:
    content = tmp_path / "innehall"
    synth.generate(content, 8)  # eight nämnder, one follow-up each
    project = make_project(tmp_path / "projekt", content)
    preview = Preview(project / "mkdocs.yml", str(tmp_path / "forhand"), Build())
    preview(preview.config)
    pages = len(list(Path(preview.site_dir).rglob("index.html")))
    assert preview.build.preview.built_pages >= pages - 1  # all of them (404.html is no page)
    return project, preview


def test_an_edit_builds_only_its_pages_and_serves_what_a_full_build_serves(
    session: tuple[Path, Preview], tmp_path: Path
) -> None:
    project, preview = session
    everything = preview.build.preview.built_pages
    report = next(project.glob("content/socialnamnden/*/delar-1.yml"))
    _edit(report, "sammanfattning: ", "sammanfattning: Ordet kvittensblankett. ")
    preview()

    built = preview.build.preview.built_pages
    assert 1 <= built <= 3 < everything, (built, everything)
    served = _tree(Path(preview.site_dir))
    page = next(k for k in served if k.startswith("socialnamnden/") and "delar-1/" in k)
    assert "kvittensblankett" in served[page].decode("utf-8")
    assert served == _full_build(project, tmp_path / "full")


def test_a_new_report_rebuilds_the_whole_site_with_its_menu(
    session: tuple[Path, Preview], tmp_path: Path
) -> None:
    project, preview = session
    everything = preview.build.preview.built_pages
    report = next(project.glob("content/socialnamnden/*/delar-1.yml"))
    new = report.with_name("delar-2.yml")
    new.write_text(report.read_text(encoding="utf-8").replace("delar-1", "delar-2"), "utf-8")
    preview()

    assert preview.build.preview.built_pages > everything  # every page, the new one too
    served = _tree(Path(preview.site_dir))
    assert served == _full_build(project, tmp_path / "full")
    new.unlink()
    preview()
    gone = [k for k in _tree(Path(preview.site_dir)) if "socialnamnden" in k and "delar-2" in k]
    assert gone == []  # a removed page is not served from the last build


def test_a_theme_change_rebuilds_every_page(session: tuple[Path, Preview]) -> None:
    project, preview = session
    everything = preview.build.preview.built_pages
    css = project / "theme" / "assets" / "ikgen.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* ändrad */\n", encoding="utf-8")
    preview()
    assert preview.build.preview.built_pages == everything
    served = Path(preview.site_dir) / "assets" / "ikgen.css"
    assert served.read_text(encoding="utf-8").endswith("/* ändrad */\n")


def test_an_error_keeps_the_preview_and_the_fix_builds_again(
    session: tuple[Path, Preview], tmp_path: Path
) -> None:
    project, preview = session
    report = next(project.glob("content/socialnamnden/*/delar-1.yml"))
    good = report.read_text(encoding="utf-8")
    _edit(report, "sammanfattning: ", "sammanfattnig: ")
    with pytest.raises(Abort):
        preview()
    assert (Path(preview.site_dir) / "index.html").exists()  # the last good site stays
    report.write_text(good.replace("sammanfattning: ", "sammanfattning: Rättad. ", 1), "utf-8")
    preview()
    assert _tree(Path(preview.site_dir)) == _full_build(project, tmp_path / "full")
