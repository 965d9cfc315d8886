"""`ikgen serve`: the live preview rebuilds when a file in content/ changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURES, make_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, needle: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} did not appear at {url} within {timeout} s")


def test_serve_rebuilds_when_content_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "variationer" / "content")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "ikgen.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/kulturnamnden/2025/t1/"
        _wait_for(url, "Påhittad sammanfattning av T1.", timeout=90)
        report = project / "content" / "kulturnamnden" / "2025" / "t1.yml"
        text = report.read_text(encoding="utf-8")
        report.write_text(text.replace("Påhittad sammanfattning", "Ändrad sammanfattning"), "utf-8")
        _wait_for(url, "Ändrad sammanfattning av T1.", timeout=90)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
