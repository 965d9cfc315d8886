"""A failed build changes nothing; hostile YAML is refused fast and within bounded memory."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, ROOT
from test_corpus_bad import CASES, materialize, old_site, snapshot

from ikgen.cli import main


def _project(tmp: Path) -> Path:
    shutil.copytree(FIXTURES / "bas" / "content", tmp / "content")
    for name in ("theme", "docs"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


def test_mkdocs_failure_leaves_previous_site_intact(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    before, content = snapshot(project / "site"), snapshot(project / "content")
    assert "index.html" in before
    # A broken link in a hand-written page: MkDocs aborts in strict mode, after rendering.
    (project / "docs" / "trasig.md").write_text("# Trasig\n\n[länk](finns-inte.md)\n", "utf-8")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "Bygget misslyckades" in err and "Traceback" not in err
    assert snapshot(project / "site") == before
    assert snapshot(project / "content") == content
    assert not list(project.glob(".ikgen-*")) and not list(project.glob(".site-*"))


def test_broken_mkdocs_yml_is_reported_not_crashed(tmp_path, monkeypatch, capsys) -> None:
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    before = old_site(project)
    (project / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: finns-inte\n", "utf-8")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml" in err and "Traceback" not in err and "Internt fel" not in err
    assert snapshot(project / "site") == before


#: Runs `ikgen check content` and prints the process's own peak memory (VmHWM, in KiB).
_PROBE = (
    "import sys\nfrom ikgen.cli import main\ncode = main(['check', 'content'])\n"
    "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0]\n"
    "print(hwm.split()[1])\nsys.exit(code)\n"
)


def _measure(project: Path) -> tuple[float, int]:
    """Wall time and peak memory (KiB) of `ikgen check` in a real process."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == (0 if project.name == "bas" else 1), result.stderr
    return time.monotonic() - started, int(result.stdout.split()[-1])


def test_bombs_are_refused_fast_in_bounded_memory(tmp_path) -> None:
    _base_time, base_rss = _measure(_project(tmp_path / "bas"))
    for name in ("alias-bomb", "alias-bomb-mappningar", "djup-nastling", "stor-fil-50-mb"):
        case = next(c for c in CASES if c.name.endswith("-" + name))
        project = tmp_path / name
        materialize(case, project)
        elapsed, rss = _measure(project)
        assert elapsed < 10, (name, elapsed)
        assert rss < base_rss + 30_000, (name, rss, base_rss)
