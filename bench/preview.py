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
from typing import Any

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
def preview_server(command: list[str], cwd: Path, page: str) -> Iterator[str]:
    """Start a live-preview server (``command`` without its address) until the block ends;
    yield the URL of ``page`` on it. The server's first build runs while the block goes on."""
    port = free_port()
    process = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}{page}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def ikgen_server(project: Path, page: str) -> Any:
    """``ikgen serve`` on a project (a context manager yielding the page's URL)."""
    return preview_server([sys.executable, "-m", "ikgen.cli", "serve"], project, page)


def mkdocs_server(plain: Path, page: str) -> Any:
    """Plain ``mkdocs serve`` on the same Markdown (a context manager yielding the page's URL)."""
    return preview_server([sys.executable, "-m", "mkdocs", "serve"], plain, page)


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


def ikgen_latency(url: str, report: Path, edits: int, timeout: float) -> float:
    """Median seconds from saving an edit to ``report`` (YAML) to ``ikgen serve`` serving it,
    once the server serves the page at all."""
    wait_for(url, "</html>", timeout)
    edit = insert_into(report, "kommentar: ", len("kommentar: "))
    return statistics.median(edit_latencies(edit, url, edits, timeout))


def mkdocs_latency(url: str, markdown: Path, edits: int, timeout: float) -> float:
    """The same for plain ``mkdocs serve`` and an edit of the page's first paragraph."""
    wait_for(url, "</html>", timeout)
    text = markdown.read_text(encoding="utf-8")
    start = text.index("\n<p>", text.index("\n## ")) + 1  # the first paragraph's line
    line = text[start : text.index("\n", start)]
    edit = insert_into(markdown, line, len("<p>"))
    return statistics.median(edit_latencies(edit, url, edits, timeout))
