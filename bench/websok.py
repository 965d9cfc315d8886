"""A visitor's first search, measured in a real browser (Chromium through Playwright).

The visitor opens a page, types a word into the header's search field and presses Enter. We
count every response fetched after that which the browser did not already have, each as
gzip would send it (files Pagefind already compressed count as they are), and check that
nothing of Pagefind was fetched before the search.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

FINISHED = """() => {
  const m = document.querySelector('#ik-sokstatus');
  return m !== null && / gav /.test(m.textContent);
}"""
"""The search page's status line reads "… gav N träffar." or "… gav inga träffar." when done."""
# Same flags as the browser tests: without the background-networking ones Chromium keeps
# trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class FirstSearch:
    """What one first search cost and found."""

    query: str
    bytes_gzipped: int
    """Bytes fetched for the search (sent gzip-compressed)."""
    files: list[str] = field(default_factory=list)
    """URL paths fetched for the search."""
    before_search: list[str] = field(default_factory=list)
    """Search files fetched before the visitor searched (should be none)."""
    results: list[str] = field(default_factory=list)
    """Result links (pages and sub-results with their anchors)."""


def sent_size(body: bytes) -> int:
    """Bytes on the wire from a server that gzips what compresses."""
    return min(len(body), len(gzip.compress(body, 6)))


def _served_file(site: Path, url_path: str) -> Path:
    path = urlsplit(url_path).path
    return site / unquote(path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No access log."""


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 from a thread; yield its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium (the system's, or IKGEN_CHROMIUM) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    path = os.environ.get("IKGEN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise FileNotFoundError(path)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def first_search(
    browser: Any, site: Path, base_url: str, query: str, start: str = "/"
) -> FirstSearch:
    """Open ``start`` in a fresh context, search for ``query`` from the header, measure.

    Sizes are taken from the served files (a static host sends them as they are), so a
    response the browser has already let go of still counts.
    """
    context = browser.new_context(locale="sv-SE")
    fetched: list[Any] = []
    context.on("response", lambda response: fetched.append(response))
    try:
        page = context.new_page()
        page.goto(base_url + start, wait_until="networkidle")
        seen = {r.url for r in fetched}
        before = [r.url for r in fetched if "/pagefind/" in r.url]
        done = len(fetched)
        page.fill("#ik-sokfalt", query)
        page.press("#ik-sokfalt", "Enter")
        page.wait_for_function(FINISHED, timeout=120_000)
        if "inga" not in page.inner_text("#ik-sokstatus"):
            page.wait_for_selector(".ik-traff__lank", timeout=120_000)
        page.wait_for_load_state("networkidle")
        results = page.eval_on_selector_all(
            ".ik-traff__lank", "els => els.map(e => e.getAttribute('href'))"
        )
        new = [r for r in fetched[done:] if r.url not in seen and r.ok]
        paths = [r.url.removeprefix(base_url) for r in new]
        total = sum(sent_size(_served_file(site, path).read_bytes()) for path in paths)
        return FirstSearch(query, total, paths, before, results)
    finally:
        context.close()
