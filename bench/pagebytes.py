"""Bytes per page, split into the chrome around ``<main>``, the menu, and the page's own content.

Content is what a page says: the article (``<article …>…</article>``) and the page's own table
of contents (Material's secondary sidebar), which grow with the report. Chrome is everything
outside ``<main>`` — head, header, footer, scripts — which must not grow with the size of the
site. The menu (Material's primary sidebar) lies inside ``<main>`` but is neither: it is
reported on its own, since it is what could grow with the number of nämnder. Redirect pages
and 404.html are not pages and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ARTICLE = re.compile(rb"<article\b.*?</article>", re.DOTALL)
_MAIN = re.compile(rb"<main\b.*</main>", re.DOTALL)
_TOC = re.compile(
    rb'<div class="md-sidebar md-sidebar--secondary".*?(?=<div class="md-content")', re.DOTALL
)


@dataclass
class PageBytes:
    """Mean bytes per page of a built site."""

    pages: int
    chrome: float
    """Outside ``<main>``."""
    menu: float
    """Inside ``<main>`` but not content: the navigation sidebar."""
    content: float
    """The article and its table of contents."""


def page_bytes(site: Path) -> PageBytes:
    """Mean chrome, menu and content bytes over every page (HTML file with an article)."""
    pages = 0
    chrome = menu = content = 0
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue
        html = path.read_bytes()
        article = _ARTICLE.search(html)
        main = _MAIN.search(html)
        if article is None or main is None:  # a redirect page
            continue
        toc = _TOC.search(html)
        own = len(article.group(0)) + (len(toc.group(0)) if toc else 0)
        pages += 1
        content += own
        chrome += len(html) - len(main.group(0))
        menu += len(main.group(0)) - own
    count = max(pages, 1)
    return PageBytes(pages, chrome / count, menu / count, content / count)
