"""`ikgen build` never destroys input, and site/ always holds a whole site (issue 14).

Real `ikgen` processes throughout: output folders that would replace input are refused with
content/ and .git byte-identical; builds killed with SIGKILL at random instants leave the whole
old or the whole new site; the swap itself is killed in forked children before each of its OS
calls and at random microseconds; two builds at once take turns; full disk, read-only and
permission errors are Swedish sentences.
A full disk and a read-only file system cannot be made here without root tricks, so those two
are injected as the OSError the operating system would raise (at shutil, os.rename, renameat2).
"""

from __future__ import annotations

import ctypes
import errno
import os
import random
import select
import shutil
import signal
import struct
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, IKGEN, make_project, run_ikgen
from test_corpus_bad import old_site, snapshot

from ikgen.cli import main, output

BAS = FIXTURES / "bas" / "content"
NOT_SWEDISH = ("Traceback", "Internt fel", "Errno")
#: Real `ikgen build` processes killed at random instants, and swaps killed in forked children.
KILLED_BUILDS = 12
KILLED_SWAPS = {"renameat2": 120, "två namnbyten": 60}
_OS_MODULE = os.stat.__module__  # "posix"


def _staging_left(folder: Path) -> list[Path]:
    return sorted(folder.glob(output.STAGING_PREFIX + "*"))


def _git(project: Path, *args: str) -> None:
    who = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env = {**os.environ, **who, "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def _assert_swedish_refusal(result: subprocess.CompletedProcess, start: str, *words: str) -> None:
    output_text = result.stdout + result.stderr
    assert result.returncode == 1, output_text
    for marker in NOT_SWEDISH:
        assert marker not in output_text, output_text
    lines = [line for line in result.stderr.splitlines() if line.startswith(start)]
    assert lines, f"no line starts with {start!r}:\n{output_text}"
    assert all(word in lines[0] for word in words), output_text
    assert "Webbplatsen är byggd" not in output_text


# --- Output folders that would destroy input -------------------------------------------------

DANGEROUS = [
    # (-d or None, site_dir in mkdocs.yml or None, words the message must hold)
    ("content", None, ("vara innehållsmappen", "inget byggdes")),
    (".", None, ("vara projektmappen", "inget byggdes")),
    ("content/testnamnden", None, ("ligga i innehållsmappen", "inget byggdes")),
    ("content/testnamnden/ny", None, ("ligga i innehållsmappen", "inget byggdes")),
    (".git", None, ("vara git-arkivet", "inget byggdes")),
    (".git/refs", None, ("ligga i git-arkivet", "inget byggdes")),
    ("lank-till-content", None, ("vara innehållsmappen", "inget byggdes")),
    ("..", None, ("innehålla projektmappen", "inget byggdes")),
    ("docs", None, ("vara dokumentmappen", "inget byggdes")),
    ("theme", None, ("vara temamappen", "inget byggdes")),
    ("annat-arkiv", None, ("innehålla git-arkivet", "inget byggdes")),
    ("anteckningar", None, ("ingen byggd webbplats", "inget byggdes")),
    ("mkdocs.yml", None, ("ingen mapp", "inget byggdes")),
    (None, "content", ("vara innehållsmappen", "inget byggdes")),
    (None, ".git", ("vara git-arkivet", "inget byggdes")),
]


@pytest.mark.parametrize(
    ("folder", "site_dir", "words"),
    DANGEROUS,
    ids=[f"-d {d}" if d else f"site_dir: {s}" for d, s, _ in DANGEROUS],
)
def test_dangerous_output_folder_is_refused(tmp_path, folder, site_dir, words) -> None:
    project = make_project(tmp_path / "projekt", BAS)
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "innehåll")
    (project / "lank-till-content").symlink_to("content")
    (project / "annat-arkiv").mkdir()  # e.g. a checkout of the published branch
    _git(project / "annat-arkiv", "init", "-q")
    (project / "anteckningar").mkdir()
    (project / "anteckningar" / "viktigt.txt").write_text("inte en webbplats", "utf-8")
    if site_dir:
        yml = project / "mkdocs.yml"
        text = yml.read_text("utf-8").replace("site_dir: site", f"site_dir: {site_dir}")
        yml.write_text(text, "utf-8")
    old_site(project)
    before = snapshot(tmp_path)
    result = run_ikgen("build", *(["-d", folder] if folder else []), cwd=project, timeout=120)
    shown = folder or str(project / site_dir)
    _assert_swedish_refusal(result, f"{shown}: ", *words)
    assert snapshot(tmp_path) == before, "something was changed"


# --- Killed builds -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, bytes | str]:
    """The complete site of the base fixture, built by a real `ikgen build`."""
    project = make_project(tmp_path_factory.mktemp("referens"), BAS)
    result = run_ikgen("build", cwd=project, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return snapshot(project / "site")


def _kill_build_after(project: Path, delay: float | None) -> tuple[bool, float]:
    """Run `ikgen build`; SIGKILL it (and Pagefind) after ``delay`` s unless it has finished.

    Return whether it was killed, and how long it ran.
    """
    started = time.monotonic()
    build = subprocess.Popen(
        [*IKGEN, "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the kill takes Pagefind with it, as a cancelled CI job does
    )
    try:
        build.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        return True, time.monotonic() - started
    assert build.returncode == 0, "the build failed"
    return False, time.monotonic() - started


def test_killed_builds_leave_a_whole_site(tmp_path, reference) -> None:
    project = make_project(tmp_path, BAS)
    old_site(project)
    _, duration = _kill_build_after(project, None)  # how long a whole build takes here
    assert snapshot(project / "site") == reference
    rng = random.Random(seed := int.from_bytes(os.urandom(4)))
    seen: Counter[str] = Counter()
    started = time.monotonic()
    for i in range(KILLED_BUILDS):
        shutil.rmtree(project / "site")
        old = old_site(project)
        # Spread over the whole build; every other kill near the end, where the swap is.
        delay = rng.uniform(0, duration) if i % 2 else rng.uniform(0.7, 1.0) * duration
        killed, ran = _kill_build_after(project, delay)
        duration = duration if killed else min(duration, ran)
        site = snapshot(project / "site")
        assert site in (old, reference), f"seed {seed}, kill {i} after {delay:.2f} s: partial"
        seen["klart före dödandet" if not killed else "gammal" if site == old else "ny"] += 1
        seen["städning avbruten"] += bool(killed and site == reference and _staging_left(project))
    # The next build cleans up after all of them.
    assert not _kill_build_after(project, None)[0]
    assert snapshot(project / "site") == reference
    assert not _staging_left(project) and not output.old_name(project / "site").exists()
    elapsed = time.monotonic() - started
    print(
        f"\n{KILLED_BUILDS} dödade byggen ({duration:.1f} s hela) på {elapsed:.1f} s: {dict(seen)}"
    )
    assert seen["gammal"], (seed, dict(seen))  # at least one kill landed inside a build


def _versions(tmp: Path, site: dict[str, bytes | str]) -> tuple[Path, Path]:
    """Two complete sites that differ (a marker file and the start page)."""
    folders = []
    for name in ("A", "B"):
        folder = tmp / f"version-{name}"
        for rel, data in site.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                (folder / rel).write_bytes(data)
        (folder / "version.txt").write_text(name, "utf-8")
        index = folder / "index.html"
        index.write_bytes(index.read_bytes() + f"<!-- version {name} -->".encode())
        folders.append(folder)
    return folders[0], folders[1]


class _Steps:
    """A profile hook that counts the OS calls (os.rename, os.lstat, os.unlink …) made.

    With ``kill_at`` it SIGKILLs its own process just before that OS call: a kill at an
    exact boundary between two system calls, with the code under test unchanged.
    """

    def __init__(self, kill_at: int | None) -> None:
        self.count, self.kill_at = 0, kill_at

    def __call__(self, frame, event: str, arg) -> None:  # noqa: ANN001 - sys.setprofile
        if event == "c_call" and getattr(arg, "__module__", None) == _OS_MODULE:
            if self.count == self.kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            self.count += 1


def _swap_in_child(final: Path, source: Path, exchange: bool, step: int | None) -> tuple:
    """Fork a child that stages ``source`` and swaps it in; return its pid and two pipes.

    The child does what `ikgen build` does around MkDocs: output.staged() (lock, repair,
    cleanup), fill the staging folder, output.swap(), remove the old site (staged() does).
    It waits for "go" before swapping, is killed before its OS call number ``step`` (counted
    from the start of swap()), and reports when swap() began and ended (CLOCK_MONOTONIC, the
    same in both processes) and how many OS calls swap() and the whole swap made.
    """
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    times_r, times_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            if not exchange:  # a system without renameat2: the two-rename fallback
                output._exchange = lambda first, second: False
            steps = _Steps(step)
            with output.staged(final) as staging:
                shutil.copytree(source, staging, dirs_exist_ok=True, copy_function=os.link)
                os.write(ready_w, b"r")
                os.read(go_r, 1)
                began = time.perf_counter()
                sys.setprofile(steps)
                output.swap(staging, final)
                ended, in_swap = time.perf_counter(), steps.count
            sys.setprofile(None)
            os.write(times_w, struct.pack("ddqq", began, ended, in_swap, steps.count))
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    for fd in (ready_w, go_r, times_w):
        os.close(fd)
    assert select.select([ready_r], [], [], 30)[0] and os.read(ready_r, 1) == b"r"
    os.close(ready_r)
    return pid, go_w, times_r


def _run_swap(final: Path, source: Path, exchange: bool, kill: tuple[str, float]) -> tuple:
    """Swap in a child, killed as ``kill`` says: ("tid", seconds after "go"), ("steg", n).

    Unkilled, return when swap() began and ended (seconds after "go"), when the child had
    exited, and how many OS calls swap() and the whole swap made.
    """
    how, when = kill
    pid, go_w, times_r = _swap_in_child(
        final, source, exchange, int(when) if how == "steg" else None
    )
    os.write(go_w, b"g")
    started = time.perf_counter()
    if how == "tid":
        while time.perf_counter() < started + when:
            pass
        os.kill(pid, signal.SIGKILL)
    os.close(go_w)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - started
    report = os.read(times_r, 32)
    os.close(times_r)
    assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0, "the swap failed in the child"
    if len(report) < 32:
        return ()
    began, ended, in_swap, total = struct.unpack("ddqq", report)
    return began - started, ended - started, elapsed, in_swap, total


def _kills(rng: random.Random, final: Path, sources: tuple[Path, Path], exchange: bool):
    """Where to kill: at every OS call of swap() itself, then by turns at a random OS call of
    the whole swap, at a random instant (evenly, and log-evenly down to µs), inside swap()."""
    runs = [_run_swap(final, source, exchange, ("steg", -1)) for source in sources * 2]
    began, ended, whole, in_swap, total = (sorted(v)[len(v) // 2] for v in zip(*runs, strict=True))
    for step in range(min(int(in_swap), 40) + 1):  # the renames are among the first
        yield "steg", step
    while True:
        yield "steg", rng.randint(0, int(total))
        yield "tid", rng.uniform(0, 1.3 * whole)
        yield "tid", 1.3 * whole * 10 ** rng.uniform(-4, 0)
        yield "tid", rng.uniform(began, ended)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize("mode", list(KILLED_SWAPS))
def test_swap_killed_at_random_instants(tmp_path, reference, mode) -> None:
    site_a, site_b = _versions(tmp_path, reference)
    versions = {"A": snapshot(site_a), "B": snapshot(site_b)}
    final = tmp_path / "site"
    shutil.copytree(site_a, final)
    exchange = mode == "renameat2"
    if exchange and output._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    rng = random.Random(seed := int.from_bytes(os.urandom(4)))
    kills = _kills(rng, final, (site_b, site_a), exchange)  # ends with A in place
    seen: Counter[str] = Counter()
    started = time.monotonic()
    current = "A"
    for i in range(KILLED_SWAPS[mode]):
        other = "B" if current == "A" else "A"
        _run_swap(final, site_b if other == "B" else site_a, exchange, kill := next(kills))
        where = f"seed {seed}, kill {i} at {kill}"
        if exchange or final.exists():
            state = snapshot(final)  # no repair needed: site/ is whole right after the kill
        else:  # killed between the two renames: the old site waits in .site-gammal
            state = snapshot(output.old_name(final))
            seen["mellan namnbytena"] += 1
        assert state in (versions[current], versions[other]), f"{where}: partial site"
        done = state == versions[other]
        seen["ny" if done else "gammal"] += 1
        left = _staging_left(tmp_path) or output.old_name(final).exists()
        seen["städning avbruten"] += bool(done and left)
        current = other if done else current
    output.recover(final)
    assert snapshot(final) == versions[current]
    count = KILLED_SWAPS[mode]
    print(f"\n{count} dödade byten ({mode}) på {time.monotonic() - started:.1f} s: {dict(seen)}")
    # The kills landed on both sides of the swap, not all before or all after it.
    assert seen["gammal"] and seen["ny"], (seed, dict(seen))
    assert exchange or seen["mellan namnbytena"], "no kill between the two renames"


# --- Two builds at once ------------------------------------------------------------------------


def test_two_builds_at_once_take_turns(tmp_path, reference) -> None:
    project = make_project(tmp_path, BAS)
    old_site(project)
    builds = [
        subprocess.Popen(
            [*IKGEN, "build"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(*b.communicate(timeout=300), b.returncode) for b in builds]
    everything = "".join(out + err for out, err, _ in results)
    for marker in NOT_SWEDISH:
        assert marker not in everything, everything
    assert [code for _, _, code in results] == [0, 0], everything
    assert "en annan ikgen build pågår" in everything, "the builds did not meet; no lock shown"
    assert snapshot(project / "site") == reference
    assert not _staging_left(project) and not (project / output.LOCK_NAME).exists()


# --- Operating-system errors -------------------------------------------------------------------


def _old_project(tmp_path: Path, monkeypatch) -> tuple[Path, dict[str, bytes | str]]:
    project = make_project(tmp_path, BAS)
    monkeypatch.chdir(project)
    return project, old_site(project)


def _assert_untouched(project: Path, before: dict, err: str, message: str) -> None:
    assert f"site: {message}; inget ändrades, den förra webbplatsen ligger kvar" in err, err
    for marker in NOT_SWEDISH:
        assert marker not in err, err
    assert snapshot(project / "site") == before
    assert not _staging_left(project) and not output.old_name(project / "site").exists()


def test_disk_full_while_building(tmp_path, monkeypatch, capsys) -> None:
    project, before = _old_project(tmp_path, monkeypatch)
    copies = []
    real_copyfile = shutil.copyfile

    def copyfile(src, dst, *args, **kwargs):  # MkDocs copies the theme's files with this
        copies.append(dst)
        if len(copies) > 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        return real_copyfile(src, dst, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", copyfile)
    assert main(["build"]) == 1
    assert len(copies) > 5, "the injected full disk was never reached"
    _assert_untouched(project, before, capsys.readouterr().err, "disken är full")


def test_read_only_during_the_swap(tmp_path, monkeypatch, capsys) -> None:
    project, before = _old_project(tmp_path, monkeypatch)
    calls = []

    def renameat2(*args) -> int:  # what libc returns on a read-only file system
        calls.append(args)
        ctypes.set_errno(errno.EROFS)
        return -1

    monkeypatch.setattr(output, "_renameat2", lambda: renameat2)
    assert main(["build"]) == 1
    assert calls, "the swap was never reached"
    _assert_untouched(project, before, capsys.readouterr().err, "filsystemet är skrivskyddat")


def test_disk_full_in_the_two_rename_swap_rolls_back(tmp_path, monkeypatch, capsys) -> None:
    project, before = _old_project(tmp_path, monkeypatch)
    real_rename = os.rename
    renames = []

    def rename(src, dst, *args, **kwargs):
        renames.append((src, dst))
        if Path(src).name.startswith(output.STAGING_PREFIX):  # the second of the two renames
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(src))
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(output, "_renameat2", lambda: None)  # a system without renameat2
    monkeypatch.setattr(os, "rename", rename)
    assert main(["build"]) == 1
    assert len(renames) == 3, renames  # site -> .site-gammal, (staging -> site fails), back
    _assert_untouched(project, before, capsys.readouterr().err, "disken är full")


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_permission_denied_for_real(tmp_path) -> None:
    """sysfs refuses new files even to root: a real EACCES/EPERM (or EROFS in a container)."""
    project = make_project(tmp_path, BAS)
    result = run_ikgen("build", "-d", "/sys/kernel/ikgen-prov", cwd=project, timeout=120)
    reasons = ("behörighet saknas", "filsystemet är skrivskyddat")
    _assert_swedish_refusal(result, "/sys/kernel/ikgen-prov: ", "inget ändrades")
    assert any(reason in result.stderr for reason in reasons), result.stderr


def test_a_file_in_place_of_a_folder(tmp_path) -> None:
    project = make_project(tmp_path, BAS)
    (project / "fil").write_text("en fil", "utf-8")
    result = run_ikgen("build", "-d", "fil/site", cwd=project, timeout=120)
    _assert_swedish_refusal(result, "fil/site: ", "en fil ligger där en mapp behövs")
    assert (project / "fil").read_text("utf-8") == "en fil"


def test_a_killed_two_rename_swap_is_repaired_by_the_next_build(tmp_path) -> None:
    """site/ missing, the old site in .site-gammal, a staging folder: the next build repairs."""
    project = make_project(tmp_path, BAS)
    before = old_site(project)
    (project / "site").rename(output.old_name(project / "site"))
    (project / f"{output.STAGING_PREFIX}dodad" / "sub").mkdir(parents=True)
    # That build fails in MkDocs (a broken link), after the repair: the old site is back.
    (project / "docs" / "trasig.md").write_text("# Trasig\n\n[länk](finns-inte.md)\n", "utf-8")
    result = run_ikgen("build", cwd=project, timeout=300)
    assert result.returncode == 1 and "Bygget misslyckades" in result.stderr, result.stderr
    assert snapshot(project / "site") == before
    assert not _staging_left(project) and not output.old_name(project / "site").exists()


def test_the_usual_site_folder_still_builds(tmp_path, reference) -> None:
    """site/ in the project, and a site/ that is a symlink: built, the link kept."""
    project = make_project(tmp_path / "projekt", BAS)
    (tmp_path / "webb").mkdir()
    (project / "site").symlink_to(tmp_path / "webb")
    result = run_ikgen("build", cwd=project, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site").is_symlink()
    assert snapshot(tmp_path / "webb") == reference
    assert not _staging_left(tmp_path) and not _staging_left(project)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-s"]))
