"""Bytes per page, split into the page's own content and the chrome around it.

Content is what a page says: the article (``<article …>…</article>``) and the page's own table
of contents (Material's secondary sidebar), which grow with the report. Chrome is everything
else — head, header, navigation, footer, scripts — which must not grow with the size of the
site. Redirect pages and 404.html are not pages and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ARTICLE = re.compile(rb"<article\b.*?</article>", re.DOTALL)
_TOC = re.compile(
    rb'<div class="md-sidebar md-sidebar--secondary".*?(?=<div class="md-content")', re.DOTALL
)


@dataclass
class PageBytes:
    """Mean bytes per page of a built site."""

    pages: int
    chrome: float
    content: float


def page_bytes(site: Path) -> PageBytes:
    """Mean chrome and content bytes over every page (HTML file with an article) of a site."""
    pages = 0
    chrome = content = 0
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue
        html = path.read_bytes()
        article = _ARTICLE.search(html)
        if article is None:  # a redirect page
            continue
        toc = _TOC.search(html)
        own = len(article.group(0)) + (len(toc.group(0)) if toc else 0)
        pages += 1
        content += own
        chrome += len(html) - own
    return PageBytes(pages, chrome / max(pages, 1), content / max(pages, 1))
