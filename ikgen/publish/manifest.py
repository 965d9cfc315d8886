"""The URL manifest: every URL a build publishes, its redirects, and comparison with an earlier one.

Auditors cite pages, anchors (one control) and data files for years. Each build writes the
manifest to ``/urls.txt``; ``ikgen check --mot`` compares an earlier manifest with the one the
current content would give, so a URL can never silently disappear. Renamed nämnder and controls
keep their old URLs through redirect pages made from the ``tidigare_id`` lists in YAML.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..core import urls
from ..core.actions import action_register
from ..core.corpus import Corpus, NamndContent
from ..core.derive import controls_of
from ..core.model import Plan
from ..core.site import Site, build_site

_HEADER = (
    "# ikgen URL-manifest: alla adresser som det här bygget publicerar.\n"
    "# En rad per adress; 'GAMMAL -> NY' är en omdirigering från en tidigare adress.\n"
    "# Jämför med ett senare bygge: ikgen check content --mot urls.txt\n"
)


class ManifestError(ValueError):
    """A manifest file that cannot be read (message in Swedish, with file:line)."""


@dataclass
class Manifest:
    """The URLs of one build: pages, anchors (``url#id``), data files and redirects."""

    urls: set[str] = field(default_factory=set)
    """Every page, anchor and file URL path, e.g. ``/socialnamnden/2024/plan/#it-sakerhet``."""
    redirects: dict[str, str] = field(default_factory=dict)
    """Old page URL → the URL it now redirects to."""

    def resolves(self, url: str) -> bool:
        """True if the URL is published here, directly or through redirects."""
        base, hash_, anchor = url.partition("#")
        for _ in range(10):
            if base not in self.redirects:
                break
            base = self.redirects[base]
        return (base + hash_ + anchor) in self.urls

    def text(self) -> str:
        """The manifest as published in ``urls.txt`` (sorted, stable between builds)."""
        lines = sorted(self.urls) + [f"{a} -> {b}" for a, b in sorted(self.redirects.items())]
        return _HEADER + "\n".join(lines) + "\n"

    @classmethod
    def parse(cls, text: str, shown: str) -> Manifest:
        """Read a manifest written by :meth:`text`; raise ManifestError on a malformed line."""
        out = cls()
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            old, arrow, new = line.partition(" -> ")
            if not old.startswith("/") or (arrow and not new.startswith("/")):
                raise ManifestError(f"{shown}:{number}: raden är ingen adress: {line!r}")
            if arrow:
                out.redirects[old] = new
            else:
                out.urls.add(old)
        return out


def missing_urls(earlier: Manifest, now: Manifest) -> list[str]:
    """URLs of an earlier build that the current one neither publishes nor redirects."""
    old = earlier.urls | set(earlier.redirects)
    return sorted(url for url in old if not now.resolves(url))


def missing_against(corpus: Corpus, earlier: Path) -> tuple[list[str], int]:
    """The earlier manifest's URLs that the content would no longer publish, and their count."""
    try:
        text = Path(earlier).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{earlier}: kan inte läsa filen ({exc})") from None
    old = Manifest.parse(text, str(earlier))
    now = build_manifest(build_site(corpus))
    return missing_urls(old, now), len(old.urls) + len(old.redirects)


def data_files(n: NamndContent) -> list[tuple[str, int, str, str]]:
    """(nämnd id, year, name, extension) of every data file of a nämnd, old ids included."""
    out = []
    for nid in (n.id, *n.namnd.tidigare_id):
        for year in sorted(n.plans):
            out += [(nid, year, "plan", ext) for ext in ("json", "csv")]
        for year, period in sorted(n.uppfoljningar):
            out += [(nid, year, period, ext) for ext in ("json", "csv")]
    return out


def pdf_files(n: NamndContent) -> list[str]:
    """The PDF/A URL of every published plan and report of a nämnd, old ids included."""
    docs = [d for d in (*n.plans.values(), *n.uppfoljningar.values()) if not d.is_draft]
    return [
        urls.document_pdf_file(nid, d.year, d.period_id)
        for nid in (n.id, *n.namnd.tidigare_id)
        for d in docs
    ]


def action_data_files(corpus: Corpus, n: NamndContent) -> list[str]:
    """The URLs of a nämnd's action data files (none when it has no actions with ids)."""
    if not action_register(corpus, n).actions:
        return []
    return [urls.actions_data(n.id, ext) for ext in ("json", "csv")]


STATIC_FILES = (
    urls.MANIFEST,
    urls.CATALOG,
    urls.data_schema("plan"),
    urls.data_schema("uppfoljning"),
)
"""Files every build publishes besides pages and data files."""


def build_manifest(site: Site) -> Manifest:
    """The manifest of a site: its pages and anchors, data files, PDFs, feeds and redirects."""
    corpus = site.corpus
    manifest = Manifest(urls={p.url for p in site.pages} | set(STATIC_FILES))
    manifest.urls.add(urls.feed())
    for page in site.pages:
        manifest.urls.update(urls.anchor(page.url, a) for a in page.anchors())
    for n in corpus.namnder.values():
        manifest.urls.update(urls.data_file(*f) for f in data_files(n))
        if corpus.kommun.pdf:
            manifest.urls.update(pdf_files(n))
        manifest.urls.update(action_data_files(corpus, n))
        manifest.urls.update(urls.feed(nid) for nid in (n.id, *n.namnd.tidigare_id))
    manifest.redirects = redirects(site)
    return manifest


def redirects(site: Site) -> dict[str, str]:
    """Old URL → new URL for every earlier nämnd id and control id; pages always win."""
    corpus = site.corpus
    pages = {p.url for p in site.pages}
    out: dict[str, str] = {}
    for n in corpus.namnder.values():
        own = _control_redirects(n, pages)
        prefix = urls.namnd(n.id)
        targets = {u: u for u in pages if u.startswith(prefix)} | own
        for old_id in n.namnd.tidigare_id:
            for source, target in targets.items():
                out[urls.namnd(old_id) + source.removeprefix(prefix)] = target
        out.update(own)
    return {old: new for old, new in out.items() if old not in pages and old != new}


def _control_redirects(n: NamndContent, pages: set[str]) -> dict[str, str]:
    out = {}
    for plan_doc in n.plans.values():
        plan = plan_doc.content
        assert isinstance(plan, Plan)
        for cid, cp in controls_of(plan).items():
            target = urls.control(n.id, cid)
            for old in cp.kontroll.tidigare_id:
                if target in pages:
                    out[urls.control(n.id, old)] = target
    return out


def redirect_html(old_url: str, new_url: str, base_url: str = "") -> str:
    """A static redirect page: meta refresh, canonical link, a visible link, the anchor kept."""
    rel = urls.relative(old_url, new_url)
    canonical = urls.absolute(base_url, new_url) if base_url else rel
    script_target = json.dumps(rel).replace("</", "<\\/")
    return (
        '<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        "<title>Sidan har flyttat</title>\n"
        f'<link rel="canonical" href="{html.escape(canonical)}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={html.escape(rel)}">\n'
        f"<script>location.replace({script_target} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>Sidan har flyttat till <a href="{html.escape(rel)}">{html.escape(new_url)}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def write_redirects(manifest: Manifest, site_dir: Path, base_url: str = "") -> int:
    """Write a redirect page for every redirect whose place is free; return how many."""
    written = 0
    for old, new in sorted(manifest.redirects.items()):
        target = Path(site_dir) / old.strip("/") / "index.html"
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_html(old, new, base_url), encoding="utf-8")
        written += 1
    return written
