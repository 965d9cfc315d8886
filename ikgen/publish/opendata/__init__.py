"""Exports next to the pages: open data (JSON, CSV, JSON Schema), DCAT catalogue, Atom feeds,
the URL manifest and redirect pages. Engine-agnostic: writes plain files into a site folder.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import orjson

from ...core import urls
from ...core.actions import action_register
from ...core.cache import NamndMemo
from ...core.corpus import Corpus, NamndContent
from ...core.secrecy import without_secrets
from ...core.site import Site
from ..manifest import build_manifest, data_files, write_redirects
from .actions import actions_csv, actions_json
from .data import plan_json, report_json, to_csv
from .dcat import catalog
from .feed import atom_feed
from .schema import plan_schema, report_schema


def _json(data: object) -> str:
    # Same text as json.dumps(data, ensure_ascii=False, indent=2), which runs in pure Python
    # with an indent; only very small floats differ in notation (0.00001, not 1e-05).
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


NamndExports = tuple[dict[str, str], dict[str, str]]
"""A nämnd's own export files and the copies under its earlier ids (URL path → text)."""


def export_files(
    corpus: Corpus, base_url: str = "", memo: NamndMemo | None = None
) -> dict[str, str]:
    """Every export file (URL path → text) of the published (non-draft) corpus.

    ``memo`` may serve a nämnd's files from a cache; they depend only on kommun.yml and that
    nämnd's own files.
    """
    return dict(iter_export_files(corpus, base_url, memo))


def iter_export_files(
    corpus: Corpus, base_url: str = "", memo: NamndMemo | None = None
) -> Iterator[tuple[str, str]]:
    """The export files one at a time (a nämnd's at a time), so a build need not hold them all."""
    corpus = without_secrets(corpus.without_drafts())
    yield urls.data_schema("plan"), _json(plan_schema(base_url))
    yield urls.data_schema("uppfoljning"), _json(report_schema(base_url))
    yield urls.CATALOG, _json(catalog(corpus, base_url))
    yield urls.feed(), atom_feed(corpus, None, base_url)
    copies: dict[str, str] = {}
    own_urls: set[str] = set()
    for n in corpus.namnder.values():
        compute = functools.partial(_namnd_exports, corpus, n, base_url)
        own, own_copies = memo(n.id, compute) if memo else compute()
        own_urls.update(own)
        yield from own.items()
        copies.update(own_copies)
    # `ikgen check` gives every URL one owner (core/checks/owners.py); should two claim one
    # anyway, a nämnd's own file is never replaced by another's copy.
    yield from ((url, text) for url, text in copies.items() if url not in own_urls)


def _namnd_exports(corpus: Corpus, n: NamndContent, base_url: str) -> NamndExports:
    files: dict[str, str] = {}
    copies: dict[str, str] = {}
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
    return files, copies


def write_exports(
    site: Site,
    site_dir: Path,
    base_url: str = "",
    *,
    memo: NamndMemo | None = None,
    only_changed: Callable[[dict[str, str]], dict[str, str]] | None = None,
) -> dict[str, int]:
    """Write exports, the URL manifest and redirect pages into a built site; return counts.

    ``only_changed`` picks the files to write (``ikgen serve`` writes those whose text changed).
    """
    manifest = build_manifest(site)
    files: Iterable[tuple[str, str]] = iter_export_files(site.corpus, base_url, memo)
    files = itertools.chain(files, [(urls.MANIFEST, manifest.text())])
    if only_changed:
        files = only_changed(dict(files)).items()
    written = 0
    for url, text in files:
        target = Path(site_dir) / url.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
        written += 1
    redirects = write_redirects(manifest, Path(site_dir), base_url)
    return {"filer": written, "omdirigeringar": redirects}
