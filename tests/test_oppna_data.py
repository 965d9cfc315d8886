"""Open data and print: JSON/CSV compared with the YAML, JSON Schema, DCAT-AP-SE catalogue,
Atom feeds, download links, and a report printed to A4 by a real Chromium.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import rdflib
import yaml
from bs4 import BeautifulSoup
from conftest import EXAMPLE, ROOT
from granskning_stod import resolve

from ikgen.core.text import defuse
from ikgen.publish.opendata.data import CSV_COLUMNS

ATOM = "{http://www.w3.org/2005/Atom}"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
BASE = "https://internkontroll.provkommun.se"
REPORTS = "/socialnamnden/2024/"


def _sites(audit_sites, main_site: Path, example_site: Path) -> list[tuple[Path, Path]]:
    """(built site, the content it was built from) for every site under test."""
    return [
        (audit_sites.after, audit_sites.project / "content"),
        (main_site, ROOT / "content"),
        (example_site, EXAMPLE / "content"),
    ]


def _text(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _check_report(data: dict, source: dict, rows: list[dict]) -> None:
    kontroller = source.get("kontroller") or []
    assert [k["kontroll"]["id"] for k in data["kontroller"]] == [k["kontroll"] for k in kontroller]
    assert [r["kontroll_id"] for r in rows] == [k["kontroll"] for k in kontroller]
    for got, row, want in zip(data["kontroller"], rows, kontroller, strict=True):
        assert (got["bedomning"] or {}).get("id") == want.get("bedomning")
        assert row["bedomning"] == (want.get("bedomning") or "")
        assert _text(got["resultat"]) == _text(want.get("resultat"))
        # A CSV text starting like a formula (here a Markdown list, "- …") gets an apostrophe.
        assert row["resultat"] == defuse(_text(want.get("resultat")) or "")
        values = [i["varde"] for i in got["indikatorer"]]
        assert values == [i.get("varde") for i in want.get("indikatorer") or []]
    beslut = source.get("beslut") or {}
    for key in ("paragraf", "dnr"):
        assert (data["beslut"] or {}).get(key) == beslut.get(key)
    assert data["status"] == source["status"]


def _check_plan(data: dict, source: dict, rows: list[dict]) -> None:
    risks = source.get("risker") or []
    assert [r["id"] for r in data["risker"]] == [r["id"] for r in risks]
    want = [(k["id"], _text(k["titel"])) for r in risks for k in r.get("kontroller") or []]
    got = [(k["id"], k["titel"]) for r in data["risker"] for k in r["kontroller"]]
    assert got == want
    assert [(r["kontroll_id"], r["kontroll"]) for r in rows] == [(i, defuse(t)) for i, t in want]


def test_data_files_match_the_yaml_and_the_schema(audit_sites, main_site, example_site) -> None:
    checked = 0
    for site, content in _sites(audit_sites, main_site, example_site):
        schemas = {
            kind: json.loads((site / f"data/schema/{kind}.schema.json").read_text("utf-8"))
            for kind in ("plan", "uppfoljning")
        }
        for path in sorted((site / "data").glob("*/*/*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.validate(data, schemas[data["typ"]])
            rel = path.relative_to(site / "data").with_suffix(".yml")
            if rel.parts[0] != data["namnd"]["id"]:  # a renamed nämnd's old data URL: a copy
                copy = site / "data" / data["namnd"]["id"] / Path(*rel.parts[1:])
                assert path.read_bytes() == copy.with_suffix(".json").read_bytes()
                continue
            source = yaml.safe_load((content / rel).read_text(encoding="utf-8"))
            table = path.with_suffix(".csv").read_bytes().decode("utf-8")
            reader = csv.DictReader(io.StringIO(table, newline=""))
            assert reader.fieldnames == [c for c, _ in CSV_COLUMNS]
            rows = list(reader)
            check = _check_plan if data["typ"] == "plan" else _check_report
            check(data, source, rows)
            checked += 1
    assert checked >= 8


def test_schema_rejects_wrong_data(audit_sites) -> None:
    site = audit_sites.before
    schema = json.loads((site / "data/schema/uppfoljning.schema.json").read_text("utf-8"))
    data = json.loads((site / "data/socialnamnden/2024/delar-1.json").read_text("utf-8"))
    data["kontroller"][0]["bedomning"] = "mindre-avvikelser"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_no_draft_anywhere_in_the_exports(audit_sites) -> None:
    site = audit_sites.before
    assert not (site / "data/socialnamnden/2024/helar.json").exists()
    for path in site.rglob("*"):
        if path.suffix in (".json", ".csv", ".xml", ".jsonld", ".txt", ".html"):
            assert "HEMLIGT UTKAST" not in path.read_text(encoding="utf-8"), path


def test_pages_link_their_downloads(audit_sites) -> None:
    site = audit_sites.before
    for url in ("/socialnamnden/2024/delar-1/", "/socialnamnden/2024/plan/"):
        soup = BeautifulSoup(resolve(site, url) or "", "html.parser")
        links = [a["href"] for a in soup.select("p.ik-nedladdning a")]
        assert any(h.endswith(".json") for h in links) and any(h.endswith(".csv") for h in links)
        for href in links:
            target = (site / url.strip("/") / href).resolve()
            assert target.is_file(), href


def test_atom_feeds_parse_and_list_published_reports(audit_sites, main_site) -> None:
    site = audit_sites.before
    for feed_path in (site / "atom.xml", site / "socialnamnden" / "atom.xml"):
        root = ET.parse(feed_path).getroot()
        assert root.tag == f"{ATOM}feed"
        entries = root.findall(f"{ATOM}entry")
        links = [e.find(f"{ATOM}link").get("href") for e in entries]
        assert links == [f"{BASE}{REPORTS}delar-2/", f"{BASE}{REPORTS}delar-1/"]
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert len(set(ids)) == len(ids) and all(e.findtext(f"{ATOM}updated") for e in entries)
        assert "§96" in entries[1].findtext(f"{ATOM}summary")
    # Without a site address the links are relative to the feed and still resolve.
    root = ET.parse(main_site / "atom.xml").getroot()
    for entry in root.findall(f"{ATOM}entry"):
        href = entry.find(f"{ATOM}link").get("href")
        assert not href.startswith("/") and (main_site / href / "index.html").is_file(), href


def test_dcat_catalogue_parses_and_points_at_real_files(audit_sites, main_site) -> None:
    for site, base in ((audit_sites.before, ""), (main_site, "https://example.invalid")):
        graph = rdflib.Graph().parse(
            data=(site / "data/katalog.jsonld").read_text("utf-8"),
            format="json-ld",
            publicID=f"{base or BASE}/data/katalog.jsonld",
        )
        catalogs = list(graph.subjects(rdflib.RDF.type, DCAT.Catalog))
        datasets = set(graph.subjects(rdflib.RDF.type, DCAT.Dataset))
        assert len(catalogs) == 1 and datasets == set(graph.objects(catalogs[0], DCAT.dataset))
        for ds in datasets:
            for prop in (DCT.title, DCT.description, DCT.publisher, DCAT.contactPoint):
                assert graph.value(ds, prop) is not None, (ds, prop)
            for dist in graph.objects(ds, DCAT.distribution):
                url = str(graph.value(dist, DCAT.downloadURL))
                path = url.removeprefix(base or BASE)
                assert (site / path.lstrip("/")).is_file(), url
        if site == audit_sites.before:
            assert len(datasets) == 3  # plan, delår 1, delår 2 — never the draft


def test_report_prints_to_clean_a4(audit_sites, tmp_path: Path) -> None:
    css = (ROOT / "theme" / "assets" / "ikgen.css").read_text(encoding="utf-8")
    assert "@media print" in css and "size: A4" in css
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is needed for the print test (apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    page_file = audit_sites.before / "socialnamnden" / "2024" / "delar-1" / "index.html"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.emulate_media(media="print")
            for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
                shown = page.evaluate(
                    "s => getComputedStyle(document.querySelector(s)).display", selector
                )
                assert shown == "none", selector
            after = page.evaluate(
                "() => getComputedStyle(document.querySelector('dl.ik-beslut a'), '::after')"
                ".content"
            )
            assert "https://www.provkommun.se/protokoll/sn-2024-05-28.pdf" in after
            pdf = page.pdf(prefer_css_page_size=True)
        finally:
            browser.close()
    boxes = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)
