"""Every HTML page of the content/ site (and of two examples) is valid HTML: the Nu Html Checker
(vnu) finds no error.

vnu is the W3C checker's own program, from the npm registry (``vnu-jar``), installed into
``.cache/vnu/`` (git-ignored) on first use and run with Java. Without Java or npm the test is
skipped on a developer's machine, but it fails when CI=true (``.ci/run`` installs both).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import build_project, make_project

from ikgen.publish.valid_html import valid_page

ROOT = Path(__file__).resolve().parent.parent
STOCKHOLM = ROOT / "examples" / "stockholm-rinkeby-kista-2022" / "content"
CACHE = ROOT / ".cache" / "vnu"
VNU_JAR = CACHE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _unavailable(reason: str) -> None:
    """Fail under CI, skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true men vnu kan inte köras: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    """The vnu jar, installed from npm into .cache/vnu/ if it is not there yet."""
    if shutil.which("java") is None:
        _unavailable("java saknas")
    if VNU_JAR.is_file():
        return VNU_JAR
    npm = shutil.which("npm")
    if npm is None:
        _unavailable("npm saknas")
    CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), "vnu-jar"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0 or not VNU_JAR.is_file():
        _unavailable(f"npm install vnu-jar misslyckades: {result.stderr[-2000:]}")
    return VNU_JAR


def vnu_errors(jar: Path, pages: list[Path]) -> list[dict]:
    """vnu's error messages for ``pages`` (each with its file URL, line and message)."""
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(result.stderr)["messages"]


def _described(errors: list[dict]) -> str:
    """One line per error: file, line, message."""
    return "\n".join(f"{e.get('url')}:{e.get('lastLine')}: {e.get('message')}" for e in errors)


@pytest.fixture(scope="module")
def stockholm_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Rinkeby-Kista example (risks as headings, actions under findings) built once."""
    return build_project(make_project(tmp_path_factory.mktemp("vnu-stockholm"), STOCKHOLM))


def test_every_page_of_the_content_site_is_valid(main_site: Path, vnu_jar: Path) -> None:
    pages = sorted(main_site.rglob("*.html"))
    assert len(pages) > 10
    errors = vnu_errors(vnu_jar, pages)
    assert errors == [], _described(errors)


def test_every_page_of_two_examples_is_valid(
    example_site: Path, stockholm_site: Path, vnu_jar: Path
) -> None:
    pages = sorted([*example_site.rglob("*.html"), *stockholm_site.rglob("*.html")])
    errors = vnu_errors(vnu_jar, pages)
    assert errors == [], _described(errors)


def test_vnu_finds_materials_markup_as_it_was(main_site: Path, vnu_jar: Path, tmp_path) -> None:
    """The check can fail: Material's markup put back (the toggles' autocomplete) is found."""
    page = (main_site / "index.html").read_text(encoding="utf-8")
    toggle = 'id="__drawer" form="__md-toggles"'
    assert toggle in page
    broken = tmp_path / "index.html"
    broken.write_text(page.replace(toggle, 'id="__drawer" autocomplete="off"'), encoding="utf-8")
    errors = vnu_errors(vnu_jar, [broken])
    assert [e["message"] for e in errors if "autocomplete" in e["message"]], _described(errors)


def test_valid_page_rewrites_materials_markup() -> None:
    toggle = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">'
    )
    orphan = '<label class="md-nav__title" for="__toc">'
    fixed = valid_page(f"<body>{toggle}<nav>{orphan}</label></nav></body>")
    assert 'autocomplete="off"' not in fixed.split("<form", 1)[0] + fixed.split("</form>", 1)[1]
    assert '<form id="__md-toggles" autocomplete="off" hidden></form>' in fixed
    assert 'form="__md-toggles"' in fixed
    assert 'for="__toc"' not in fixed
    kept = f'<input id="__toc" type="checkbox">{orphan}'
    assert valid_page(kept) == kept
