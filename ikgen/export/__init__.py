"""Exports next to the pages: open data (JSON, CSV, JSON Schema), DCAT catalogue, Atom feeds,
the URL manifest and redirect pages. Engine-agnostic: writes plain files into a site folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..corpus import Corpus
from ..site import Site
from ..urls import MANIFEST_PATH, build_manifest, data_files, data_url, feed_url, write_redirects
from .data import plan_json, report_json, to_csv
from .dcat import CATALOG_PATH, catalog
from .feed import atom_feed
from .schema import plan_schema, report_schema


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_files(corpus: Corpus, base_url: str = "") -> dict[str, str]:
    """Every export file (URL path → text) of the published (non-draft) corpus."""
    corpus = corpus.without_drafts()
    files: dict[str, str] = {
        "/data/schema/plan.schema.json": _json(plan_schema(base_url)),
        "/data/schema/uppfoljning.schema.json": _json(report_schema(base_url)),
        CATALOG_PATH: _json(catalog(corpus, base_url)),
        feed_url(): atom_feed(corpus, None, base_url),
    }
    copies: dict[str, str] = {}
    for n in corpus.namnder.values():
        own: dict[str, dict] = {}
        for doc in n.plans.values():
            own[data_url(n.id, doc.year, "plan", "json")] = plan_json(corpus, n, doc, base_url)
        for doc in n.uppfoljningar.values():
            name = doc.period_id or ""
            own[data_url(n.id, doc.year, name, "json")] = report_json(corpus, n, doc, base_url)
        feed = atom_feed(corpus, n.id, base_url)
        # An earlier nämnd id keeps its data and feed URLs as copies (files cannot redirect).
        for nid, year, name, ext in data_files(n):
            data = own[data_url(n.id, year, name, "json")]
            target = files if nid == n.id else copies
            target[data_url(nid, year, name, ext)] = _json(data) if ext == "json" else to_csv(data)
        for nid in (n.id, *n.namnd.tidigare_id):
            (files if nid == n.id else copies)[feed_url(nid)] = feed
    # `ikgen check` gives every URL one owner (ikgen/checks/owners.py); should two claim one
    # anyway, a nämnd's own file is never replaced by another's copy.
    return {**copies, **files}


def write_exports(site: Site, site_dir: Path, base_url: str = "") -> dict[str, int]:
    """Write exports, the URL manifest and redirect pages into a built site; return counts."""
    assert site.corpus is not None, "the site must keep its corpus"
    files = export_files(site.corpus, base_url)
    manifest = build_manifest(site)
    files["/" + MANIFEST_PATH] = manifest.text()
    for url, text in files.items():
        target = Path(site_dir) / url.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    redirects = write_redirects(manifest, Path(site_dir), base_url)
    return {"filer": len(files), "omdirigeringar": redirects}
