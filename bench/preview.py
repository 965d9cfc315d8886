"""An editor's preview, measured: from saving a file to the new page being served.

A live-preview server (``ikgen serve``, or plain ``mkdocs serve`` on the same Markdown) is
started and waited for; then the bench saves an edit to one report and polls that report's
page until the edited text is served. The time from the write to the first response that holds
the new text is the latency the editor sees (the server's file polling included).
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_S = 0.02
"""How often the page is asked for while waiting for an edit to show."""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, needle: str, timeout: float) -> float:
    """Poll ``url`` until its text holds ``needle``; return when that happened (monotonic)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in _get(url):
            return time.monotonic()
        time.sleep(POLL_S)
    raise RuntimeError(f"'{needle}' syntes inte på {url} inom {timeout:.0f} s")


@contextmanager
def serving(command: list[str], cwd: Path, url: str, ready: str, timeout: float) -> Iterator[None]:
    """Run a preview server until the block ends; wait until ``url`` serves ``ready``."""
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(url, ready, timeout)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def edit_latencies(
    edit: Callable[[str], None], url: str, edits: int, timeout: float
) -> list[float]:
    """Seconds from each of ``edits`` saved edits to the page serving it."""
    out = []
    for i in range(edits):
        marker = f"Bänkmärke{i}x{time.monotonic_ns()}"
        time.sleep(1.1)  # a new second: file stamps and the server's polling both see a change
        start = time.monotonic()
        edit(marker)
        out.append(wait_for(url, marker, timeout) - start)
    return out


def insert_into(path: Path, old: str, at: int) -> Callable[[str], None]:
    """An edit that puts the marker at offset ``at`` of the first ``old`` in a file, replacing
    the marker the previous edit put there."""
    state = {"now": old}

    def edit(marker: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert state["now"] in text, f"{state['now']!r} saknas i {path}"
        new = old[:at] + marker + " " + old[at:]
        path.write_text(text.replace(state["now"], new, 1), encoding="utf-8")
        state["now"] = new

    return edit


def ikgen_preview(project: Path, report: Path, page: str, edits: int, timeout: float) -> float:
    """Median seconds from saving an edit to ``report`` (YAML) to ``ikgen serve`` serving it."""
    port = free_port()
    command = [sys.executable, "-m", "ikgen.cli", "serve", "-a", f"127.0.0.1:{port}"]
    url = f"http://127.0.0.1:{port}{page}"
    with serving(command, project, url, "</html>", timeout):
        edit = insert_into(report, "kommentar: ", len("kommentar: "))
        times = edit_latencies(edit, url, edits, timeout)
    return statistics.median(times)


def mkdocs_preview(plain: Path, markdown: Path, page: str, edits: int, timeout: float) -> float:
    """The same for plain ``mkdocs serve`` and an edit of the page's Markdown."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    url = f"http://127.0.0.1:{port}{page}"
    text = markdown.read_text(encoding="utf-8")
    start = text.index("\n<p>", text.index("\n## ")) + 1  # the first paragraph's line
    line = text[start : text.index("\n", start)]
    with serving(command, plain, url, "</html>", timeout):
        times = edit_latencies(insert_into(markdown, line, len("<p>")), url, edits, timeout)
    return statistics.median(times)
