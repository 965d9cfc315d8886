"""ikgen.core.urls: the URL contract of DESIGN.md, made in one place."""

from __future__ import annotations

import posixpath

import pytest

from ikgen.core import urls
from ikgen.core.site import Site


def test_the_url_contract_of_the_design() -> None:
    # The table in DESIGN.md ("URL contract"): auditors cite these, they must never change.
    assert urls.START == "/"
    assert urls.namnd("socialnamnden") == "/socialnamnden/"
    assert urls.plan("socialnamnden", 2024) == "/socialnamnden/2024/plan/"
    assert urls.report("socialnamnden", 2024, "delar-1") == "/socialnamnden/2024/delar-1/"
    assert urls.control("socialnamnden", "x") == "/socialnamnden/kontroller/x/"
    assert urls.anchor(urls.plan("s", 2024), "r") == "/s/2024/plan/#r"
    assert urls.data_file("s", 2024, "delar-1", "json") == "/data/s/2024/delar-1.json"
    assert urls.data_file("s", 2024, "delar-1", "csv") == "/data/s/2024/delar-1.csv"
    assert urls.document_data("s", 2024, None, "json") == "/data/s/2024/plan.json"
    assert urls.document_pdf_file("s", 2024, "delar-1") == "/data/s/2024/delar-1.pdf"
    assert urls.document_pdf_file("s", 2024, None) == "/data/s/2024/plan.pdf"
    assert urls.feed() == "/atom.xml" and urls.feed("s") == "/s/atom.xml"


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", "/"),
        ("s/index.md", "/s/"),
        ("s/2024/plan.md", "/s/2024/plan/"),
        ("s/kontroller/index.md", "/s/kontroller/"),
        ("s/kontroller/x.md", "/s/kontroller/x/"),
    ],
)
def test_source_paths_and_urls_are_inverse(src: str, url: str) -> None:
    assert urls.page_url(src) == url
    assert urls.source_path(url, section=src.endswith("/index.md")) == src


def test_every_page_url_round_trips_and_is_unique(site: Site) -> None:
    seen = [p.url for p in site.pages]
    assert len(seen) == len(set(seen))
    for page in site.pages:
        assert page.url.startswith("/") and page.url.endswith("/")
        assert urls.source_path(page.url, section=page.src_path.endswith("/index.md")) in (
            page.src_path,
            "index.md",
        )


def test_relative_links_lead_to_their_target_from_every_page(site: Site) -> None:
    targets = [p.url for p in site.pages]
    for page in site.pages[:50]:
        for target in targets[:50]:
            rel = urls.relative(page.url, target)
            assert not rel.startswith("/")
            resolved = posixpath.normpath(posixpath.join(page.url, rel))
            assert resolved.rstrip("/") == target.rstrip("/") or (resolved, target) == ("/", "/")


def test_relative_keeps_the_anchor() -> None:
    assert urls.relative("/a/2024/plan/", "/a/2024/plan/#risk") == "./#risk"
    assert urls.relative("/a/2024/delar-1/", "/a/kontroller/x/") == "../../kontroller/x/"


def test_absolute_uses_the_site_address_only_when_known() -> None:
    assert urls.absolute("", "/a/") == "/a/"
    assert urls.absolute("https://x.se/ik/", "/a/") == "https://x.se/ik/a/"
