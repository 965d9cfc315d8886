"""The site works under any sub-path: served under /internkontroll/ and nothing else.

A small HTTP server answers only below the prefix (everything else is 404), so a link that
assumes the site lies at the host's root fails. In Chromium: every internal link and asset of
every page reached from the start page resolves and stays below the prefix; search finds
results; a redirect page (from a ``tidigare_id``), the Atom feed and a data file open; and a
control's shown permalink is the page's own full address (webbplats is unset in kommun.yml).
"""

from __future__ import annotations

import functools
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from conftest import ROOT, build_project, make_project

from .conftest import _QuietHandler
from .test_search import search

PREFIX = "/internkontroll/"
STOCKHOLM = ROOT / "examples" / "stockholm-rinkeby-kista-2022"
OLD_NAMND_ID = "sociala-namnden"
"""A tidigare_id given to socialnämnden in the copy of content/, so the site has redirects."""


class _PrefixHandler(_QuietHandler):
    """Serves the site only below PREFIX, with the prefix stripped; 404 for anything else."""

    def _strip(self) -> bool:
        if not self.path.startswith(PREFIX):
            self.send_error(404)
            return False
        self.path = self.path[len(PREFIX) - 1 :]
        return True

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self._strip():
            super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's name
        if self._strip():
            super().do_HEAD()


def _served_under_prefix(site: Path) -> Iterator[str]:
    """Serve ``site`` below PREFIX; yield its base URL (ending in the prefix, no slash)."""
    handler = functools.partial(_PrefixHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX.rstrip('/')}"
    server.shutdown()


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ built with an earlier id for socialnämnden (so it has redirect pages)."""
    project = make_project(tmp_path_factory.mktemp("undersokvag"), ROOT / "content")
    namnd = project / "content" / "socialnamnden" / "namnd.yml"
    text = namnd.read_text(encoding="utf-8")
    namnd.write_text(text + f"tidigare_id: [{OLD_NAMND_ID}]\n", encoding="utf-8")
    return build_project(project)


@pytest.fixture(scope="module")
def stockholm_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Rinkeby-Kista example built with the repository's settings."""
    project = make_project(tmp_path_factory.mktemp("stockholm"), STOCKHOLM / "content")
    return build_project(project)


@pytest.fixture(scope="module")
def content_base(renamed_site: Path) -> Iterator[str]:
    yield from _served_under_prefix(renamed_site)


@pytest.fixture(scope="module")
def stockholm_base(stockholm_site: Path) -> Iterator[str]:
    yield from _served_under_prefix(stockholm_site)


def _status(url: str) -> int:
    """The HTTP status of a GET for ``url``."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - local server
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


_LINKS = """els => els.map(e => e.href || e.src).filter(u => typeof u === "string" && u)"""


def crawl(tab: Any, base: str) -> dict[str, list[str]]:
    """Every page reachable from the start page: page → its internal links and assets.

    Fails the test for a link that leaves the prefix on this host or does not resolve.
    """
    host = urlsplit(base).netloc
    seen: dict[str, list[str]] = {}
    queue = [base + "/"]
    checked: dict[str, int] = {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = tab.goto(url)
        assert response is not None and response.status == 200, url
        links = tab.eval_on_selector_all("a[href], link[href], script[src], img[src]", _LINKS)
        internal = [urldefrag(u).url for u in links if urlsplit(u).netloc == host]
        seen[url] = internal
        for link in internal:
            assert link.startswith(base + "/"), f"{url}: {link} lämnar {PREFIX}"
            if link not in checked:
                checked[link] = _status(link)
            assert checked[link] == 200, f"{url}: {link} ger {checked[link]}"
            if _is_page(link) and link not in seen:
                queue.append(link)
    return seen


def _is_page(url: str) -> bool:
    """A link to an HTML page of the site (a folder URL), not an asset or a data file."""
    path = urlsplit(url).path
    return path.endswith("/") or path.endswith(".html")


@pytest.mark.parametrize("which", ["content", "stockholm"])
def test_every_internal_link_resolves_under_the_prefix(
    page: Any, which: str, request: pytest.FixtureRequest
) -> None:
    base = request.getfixturevalue(f"{which}_base")
    pages = crawl(page, base)
    assert len(pages) > 5, pages.keys()
    assert any("/kontroller/" in p for p in pages), pages.keys()


def test_search_works_under_the_prefix(page: Any, content_base: str) -> None:
    links = search(page, content_base, "avvikelse")
    assert links
    for link in links:
        assert link.startswith(content_base + "/"), link
        assert _status(urldefrag(link).url) == 200, link


def test_redirect_page_feed_and_data_file_under_the_prefix(
    page: Any, content_base: str, renamed_site: Path
) -> None:
    assert (renamed_site / OLD_NAMND_ID / "index.html").is_file()
    page.goto(f"{content_base}/{OLD_NAMND_ID}/")
    page.wait_for_url(f"{content_base}/socialnamnden/")
    assert page.locator("h1").first.inner_text().strip()
    feed = page.goto(f"{content_base}/atom.xml")
    assert feed is not None and feed.status == 200
    assert "<feed" in feed.text()
    data = next((renamed_site / "data" / "socialnamnden").rglob("plan.json"))
    path = data.relative_to(renamed_site).as_posix()
    response = page.goto(f"{content_base}/{path}")
    assert response is not None and response.status == 200
    assert json.loads(response.text())


def test_shown_permalink_is_the_pages_full_address(page: Any, content_base: str) -> None:
    page.goto(f"{content_base}/socialnamnden/2025/plan/")
    shown = page.eval_on_selector_all(
        "p.ik-permalank", "ps => ps.map(p => [p.querySelector('a').hash, p.innerText])"
    )
    assert shown
    prefix = f"{content_base}/socialnamnden/2025/plan/"
    assert prefix.startswith("http://127.0.0.1:") and PREFIX in prefix
    for anchor, text in shown:
        assert text.endswith(f": {prefix}{anchor}"), text
        assert "webbplatsens adress" not in text


def test_without_script_the_permalink_says_it_is_relative(renamed_site: Path) -> None:
    html = (renamed_site / "socialnamnden" / "2025" / "plan" / "index.html").read_text("utf-8")
    assert 'data-ik-ankare="' in html
    assert "(sökvägen efter webbplatsens adress)" in html


def test_the_prefix_server_refuses_the_root(content_base: str) -> None:
    """The check can fail: a root-relative link (outside the prefix) is a 404 here."""
    root = content_base.removesuffix(PREFIX.rstrip("/"))
    assert _status(root + "/socialnamnden/") == 404
    assert _status(content_base + "/socialnamnden/") == 200
