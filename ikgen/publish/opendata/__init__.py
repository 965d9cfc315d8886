"""Exports next to the pages: open data (JSON, CSV, JSON Schema), DCAT catalogue, Atom feeds,
the URL manifest and redirect pages. Engine-agnostic: writes plain files into a site folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...core import urls
from ...core.actions import action_register
from ...core.corpus import Corpus
from ...core.secrecy import without_secrets
from ...core.site import Site
from ..manifest import build_manifest, data_files, write_redirects
from .actions import actions_csv, actions_json
from .data import plan_json, report_json, to_csv
from .dcat import catalog
from .feed import atom_feed
from .schema import plan_schema, report_schema


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_files(corpus: Corpus, base_url: str = "") -> dict[str, str]:
    """Every export file (URL path → text) of the published (non-draft) corpus."""
    corpus = without_secrets(corpus.without_drafts())
    files: dict[str, str] = {
        urls.data_schema("plan"): _json(plan_schema(base_url)),
        urls.data_schema("uppfoljning"): _json(report_schema(base_url)),
        urls.CATALOG: _json(catalog(corpus, base_url)),
        urls.feed(): atom_feed(corpus, None, base_url),
    }
    copies: dict[str, str] = {}
    for n in corpus.namnder.values():
        own: dict[str, dict] = {}
        for doc in n.plans.values():
            own[urls.data_of_document(doc, "json")] = plan_json(corpus, n, doc, base_url)
        for doc in n.uppfoljningar.values():
            own[urls.data_of_document(doc, "json")] = report_json(corpus, n, doc, base_url)
        feed = atom_feed(corpus, n.id, base_url)
        # An earlier nämnd id keeps its data and feed URLs as copies (files cannot redirect).
        for nid, year, name, ext in data_files(n):
            data = own[urls.data_file(n.id, year, name, "json")]
            target = files if nid == n.id else copies
            text = _json(data) if ext == "json" else to_csv(data)
            target[urls.data_file(nid, year, name, ext)] = text
        for nid in (n.id, *n.namnd.tidigare_id):
            (files if nid == n.id else copies)[urls.feed(nid)] = feed
        register = action_register(corpus, n)
        if register.actions:
            data = actions_json(corpus, n, register, base_url)
            files[urls.actions_data(n.id, "json")] = _json(data)
            files[urls.actions_data(n.id, "csv")] = actions_csv(data)
    # `ikgen check` gives every URL one owner (core/checks/owners.py); should two claim one
    # anyway, a nämnd's own file is never replaced by another's copy.
    return {**copies, **files}


def write_exports(site: Site, site_dir: Path, base_url: str = "") -> dict[str, int]:
    """Write exports, the URL manifest and redirect pages into a built site; return counts."""
    files = export_files(site.corpus, base_url)
    manifest = build_manifest(site)
    files[urls.MANIFEST] = manifest.text()
    for url, text in files.items():
        target = Path(site_dir) / url.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    redirects = write_redirects(manifest, Path(site_dir), base_url)
    return {"filer": len(files), "omdirigeringar": redirects}
