"""Atom feeds (RFC 4287) of published follow-up reports: one for the site, one per nämnd."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ...core import urls
from ...core.corpus import Corpus, Document, NamndContent
from ...core.derive import all_reports
from ...core.site import report_title

ATOM = "http://www.w3.org/2005/Atom"


def _when(doc: Document) -> dt.datetime:
    """The entry's date: the decision date, else the report date, else the year's end."""
    content = doc.content
    day = (content.beslut.datum if content.beslut else None) or getattr(
        content, "rapportdatum", None
    )
    day = day or dt.date(doc.year, 12, 31)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _href(base_url: str, feed_dir: str, url: str) -> str:
    """An absolute link when the site's address is known, else relative to the feed."""
    return urls.absolute(base_url, url) if base_url else urls.relative(feed_dir, url)


def _id(base_url: str, url: str) -> str:
    """An entry id that never changes: the absolute URL, or a URN made from the path."""
    if base_url:
        return urls.absolute(base_url, url)
    return "urn:ikgen:" + url.strip("/").replace("/", ":")


def _summary(doc: Document) -> str:
    b = doc.content.beslut
    if doc.content.status.value == "beslutad" and b is not None:
        parts = [p for p in (b.datum.isoformat() if b.datum else None, b.paragraf, b.dnr) if p]
        return "Beslutad" + (f" ({', '.join(parts)})" if parts else "") + "."
    return "Ej beslutad ännu."


def _entry(feed: ET.Element, corpus: Corpus, n: NamndContent, doc: Document, ctx: tuple) -> None:
    base_url, feed_dir = ctx
    assert doc.period_id is not None
    url = urls.of_document(doc)
    entry = ET.SubElement(feed, "entry")
    ET.SubElement(entry, "id").text = _id(base_url, url)
    ET.SubElement(entry, "title").text = f"{n.namnd.namn}: {report_title(corpus, doc)}"
    ET.SubElement(entry, "updated").text = _when(doc).isoformat()
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=_href(*ctx, url))
    json_url = urls.data_of_document(doc, "json")
    ET.SubElement(
        entry, "link", rel="alternate", type="application/json", href=_href(*ctx, json_url)
    )
    ET.SubElement(entry, "summary").text = _summary(doc)
    ET.SubElement(ET.SubElement(entry, "author"), "name").text = n.namnd.namn


def atom_feed(corpus: Corpus, namnd_id: str | None = None, base_url: str = "") -> str:
    """The Atom feed of every published report, newest first (or of one nämnd's reports)."""
    pairs = [(n, d) for n, d in all_reports(corpus) if namnd_id in (None, n.id)]
    pairs.sort(key=lambda p: _when(p[1]), reverse=True)
    own_url = urls.feed(namnd_id)
    feed_dir = urls.folder(own_url)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "sv"})
    name = corpus.namnder[namnd_id].namnd.namn if namnd_id else corpus.utgivare
    ET.SubElement(feed, "id").text = _id(base_url, own_url)
    ET.SubElement(feed, "title").text = f"{name}: uppföljningar av intern kontroll"
    newest = max((_when(d) for _, d in pairs), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    ET.SubElement(feed, "updated").text = newest.isoformat()
    ET.SubElement(feed, "link", rel="self", href=_href(base_url, feed_dir, own_url))
    home = urls.namnd(namnd_id) if namnd_id else urls.START
    ET.SubElement(
        feed, "link", rel="alternate", type="text/html", href=_href(base_url, feed_dir, home)
    )
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = corpus.utgivare
    for n, doc in pairs:
        _entry(feed, corpus, n, doc, (base_url, feed_dir))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
