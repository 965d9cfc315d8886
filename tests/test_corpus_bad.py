"""The corpus of broken inputs: every case is refused by `ikgen check` and `ikgen build`.

Each case is a folder in tests/corpus/bad/ holding only what differs from the small valid
project in tests/fixtures/bas/: files under ``content/`` that replace or add to the base, and
``expect.yml``. Adding a case needs no code. Keys of ``expect.yml``:

- ``fil``: the file the message must name (as the editor sees it, e.g. ``content/kommun.yml``);
- ``rad``: its line, or null for a problem of the whole file (missing, misplaced, too big);
- ``falt``: the field path, where the problem is in one field (``risker[0].sannolikhet``);
- ``ord``: a Swedish word the message must contain;
- ``ta_bort``: files of the base to delete; ``symlank``: {path: target} links to create;
  ``storlek``: {path: bytes} files to generate at test time (too big to keep in git);
  ``fifo``: [path] named pipes to create (git cannot keep them; a FIFO that is opened for
  reading blocks for ever, so a case that hangs shows that ikgen opened it).

Every case must exit with 1, print ``fil:rad: falt: …`` with ``ord``, print no traceback, run
nothing (the YAML payloads try to create /tmp/ikgen-korpus-kord), leave content/ unchanged and,
for ``ikgen build``, leave the previously built site/ byte-identical.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_ikgen

from ikgen.cli import main

CORPUS = Path(__file__).parent / "corpus" / "bad"
BASE = Path(__file__).parent / "fixtures" / "bas" / "content"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())
EXECUTED = Path("/tmp/ikgen-korpus-kord")
NOT_SWEDISH = ("Traceback", "Internt fel", "Input should", "Field required", "validation error")
#: Cases also run through a real `ikgen` process (check and build): one of each kind.
SUBPROCESS_SAMPLE = (
    "alias-bomb",
    "python-object-apply",
    "stor-fil-50-mb",
    "ogiltig-utf8-latin1",
    "tabb-indrag",
    "sannolikhet-text",
    "okand-nyckel-kontroll",
    "symlank-till-etc-passwd",
    "personnummer-i-resultat",
)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 100


def materialize(case: Path, project: Path) -> dict:
    """The case's project: base content plus the case's files, links and generated files."""
    expect = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))
    shutil.copytree(BASE, project / "content")
    if (case / "content").is_dir():
        shutil.copytree(case / "content", project / "content", dirs_exist_ok=True)
    for rel in expect.get("ta_bort", []):
        (project / rel).unlink()
    for rel, target in expect.get("symlank", {}).items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).symlink_to(target)
    for rel in expect.get("fifo", []):
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(project / rel)
    for rel, size in expect.get("storlek", {}).items():
        with open(project / rel, "wb") as handle:
            for _ in range(size // 1_000_000):
                handle.write(b"a: b\n" * 200_000)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copytree(ROOT / "docs", project / "docs")
    return expect


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below a folder: file bytes, or a symlink's target (never followed)."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[rel] = "-> " + os.readlink(path)
            elif path.is_file():
                out[rel] = path.read_bytes()
    return out


def old_site(project: Path) -> dict[str, bytes | str]:
    """A previously published site/ that a failed build must leave alone."""
    site = project / "site"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text("<p>Förra versionen</p>", encoding="utf-8")
    (site / "sub" / "data.json").write_bytes(b'{"gammal": true}')
    return snapshot(site)


def assert_refused(code: int, output: str, expect: dict) -> None:
    """Exit 1 and a Swedish line naming file, line, field and the expected word."""
    assert code == 1, output
    for marker in NOT_SWEDISH:
        assert marker not in output, output
    prefix = expect["fil"] + (f":{expect['rad']}: " if expect["rad"] else ": ")
    if expect.get("falt"):
        prefix += f"{expect['falt']}: "
    lines = [line for line in output.splitlines() if line.startswith(prefix)]
    assert lines, f"no line starts with {prefix!r}:\n{output}"
    assert any(expect["ord"].lower() in line.lower() for line in lines), output
    assert not EXECUTED.exists(), "a YAML payload was executed"


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a blocked call (opening a FIFO) is interrupted after `seconds`."""

    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"ikgen hung for {seconds} s (did it open a FIFO?)")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module", autouse=True)
def _nothing_executed_before():
    EXECUTED.unlink(missing_ok=True)
    yield
    assert not EXECUTED.exists(), "a YAML payload was executed"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_refused_by_check_and_build(case: Path, tmp_path, monkeypatch, capsys) -> None:
    expect = materialize(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    content_before = snapshot(tmp_path / "content")
    site_before = old_site(tmp_path)

    started = time.monotonic()
    with deadline(60):
        code = main(["check", "content"])
    out = capsys.readouterr()
    assert time.monotonic() - started < 3, "check took too long"
    assert_refused(code, out.out + out.err, expect)

    started = time.monotonic()
    with deadline(60):
        code = main(["build"])
    assert time.monotonic() - started < 30, "build took too long"
    out = capsys.readouterr()
    assert_refused(code, out.out + out.err, expect)
    assert snapshot(tmp_path / "site") == site_before
    assert snapshot(tmp_path / "content") == content_before
    assert not list(tmp_path.glob(".ikgen-bygge-*")), "a staging folder was left behind"


def _run_case(name: str, project: Path) -> list[tuple[str, object, dict]]:
    case = next(c for c in CASES if c.name.endswith("-" + name))
    expect = materialize(case, project)
    site_before = old_site(project)
    results = [(cmd, run_ikgen(cmd, cwd=project, timeout=60), expect) for cmd in ("check", "build")]
    assert snapshot(project / "site") == site_before, name
    return results


def test_sample_through_real_processes(tmp_path) -> None:
    assert all(any(c.name.endswith("-" + n) for c in CASES) for n in SUBPROCESS_SAMPLE)
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(_run_case, n, tmp_path / n) for n in SUBPROCESS_SAMPLE]
        for job in jobs:
            for cmd, result, expect in job.result():
                output = result.stdout + result.stderr
                assert_refused(result.returncode, output, expect)
                assert cmd != "build" or "Webbplatsen är byggd" not in output
