"""`ikgen serve`: the live preview rebuilds when a file in content/ changes, and shows drafts
only when asked with --utkast (handed to the plugin as an object, never via the environment)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
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


def _serve(project: Path, port: int, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ikgen.cli", "serve", "-a", f"127.0.0.1:{port}", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_shows_drafts_only_with_the_flag(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "bas" / "content")
    shutil.copytree(FIXTURES / "utkast" / "content", project / "content", dirs_exist_ok=True)
    draft = "/testnamnden/2024/helar/"
    preview, public = _free_port(), _free_port()
    servers = [
        _serve(project, preview, "--utkast"),
        _serve(project, public, env={"IKGEN_UTKAST": "1"}),
    ]
    try:
        page = _wait_for(f"http://127.0.0.1:{preview}{draft}", "Förhandsgranskning med utkast", 90)
        assert "Utkast" in page
        _wait_for(f"http://127.0.0.1:{public}/", "testnamnden", 90)
        assert _status(f"http://127.0.0.1:{public}{draft}") == 404
    finally:
        for server in servers:
            _stop(server)


def test_serve_rebuilds_when_content_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "variationer" / "content")
    port = _free_port()
    server = _serve(project, port)
    try:
        url = f"http://127.0.0.1:{port}/kulturnamnden/2025/t1/"
        _wait_for(url, "Påhittad sammanfattning av T1.", timeout=90)
        report = project / "content" / "kulturnamnden" / "2025" / "t1.yml"
        text = report.read_text(encoding="utf-8")
        report.write_text(text.replace("Påhittad sammanfattning", "Ändrad sammanfattning"), "utf-8")
        _wait_for(url, "Ändrad sammanfattning av T1.", timeout=90)
    finally:
        _stop(server)
