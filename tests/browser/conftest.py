"""Browser fixtures: Debian's Chromium driven by Playwright, over a local HTTP server.

Without Chromium or Playwright the browser tests are skipped on a developer's machine, but they
fail when CI=true, so a CI run can never pass without having run them.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason: str) -> None:
    """Fail under CI, skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true men webbläsartesterna kan inte köras: {reason}", pytrace=False)
    pytest.skip(reason)


def _chromium_path() -> str | None:
    """Chromium from IKGEN_CHROMIUM if set, else Debian's ``chromium`` on PATH or in /usr/bin."""
    wanted = os.environ.get("IKGEN_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No access log in the test output."""


def _served(site: Path) -> Iterator[str]:
    """Serve a built site for as long as the fixture lives; yield its base URL."""
    server, url = serve(site)
    yield url
    server.shutdown()


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a built site on 127.0.0.1 from a thread; return the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Chromium (Debian's package) launched headless once for this package's tests.

    Package scope, not session: Playwright's sync API allows one instance per thread, so it is
    closed again before tests elsewhere start their own.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Python-paketet playwright saknas (pip install -e '.[test]')")
    path = _chromium_path()
    if path is None:
        _unavailable("chromium saknas (apt-get install chromium)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def main_url(main_site: Path) -> Iterator[str]:
    """Base URL of the main site (content/) served locally."""
    yield from _served(main_site)


@pytest.fixture(scope="session")
def example_url(example_site: Path) -> Iterator[str]:
    """Base URL of the example site served locally."""
    yield from _served(example_site)


@pytest.fixture(scope="session")
def actions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of tests/fixtures/atgarder/ over the base project: late, open, done and struck
    actions on one register page."""
    from conftest import FIXTURES, build_project, make_project

    project = make_project(tmp_path_factory.mktemp("atgarder"), FIXTURES / "bas" / "content")
    shutil.copytree(FIXTURES / "atgarder" / "content", project / "content", dirs_exist_ok=True)
    yield from _served(build_project(project))


@pytest.fixture(scope="session")
def variation_url(variation_site: Path) -> Iterator[str]:
    """Base URL of the variation fixture's site (a plan with a filled risk matrix)."""
    yield from _served(variation_site)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh tab (desktop size, Swedish). Any request to another host fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    foreign: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith("data:"):
            foreign.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    tab = context.new_page()
    yield tab
    context.close()
    assert not foreign, f"sidan hämtade från andra värdar: {foreign}"


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    """Save a screenshot under test-output/screenshots/: ``screenshot(tab, name[, full_page])``."""

    def save(tab: Any, name: str, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=full_page)
        return path

    return save
