"""ikgen.core.site: typed pages, their anchors, drafts and the navigation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ikgen.build import Build
from ikgen.core import site as site_module
from ikgen.core.corpus import Corpus
from ikgen.core.site import NavItem, PlanPage, ReportPage, Site, build_site
from ikgen.pipeline import load_checked, render_site

from .fast_paths import FIXTURES

_ANCHOR = re.compile(r'\{#([a-z0-9-]+)\}|<span id="([a-z0-9-]+)" class="ik-tidigare-id">')


def test_one_class_per_kind_and_every_kind_has_a_template() -> None:
    kinds = {cls.kind for cls in vars(site_module).values() if hasattr(cls, "kind")}
    templates = Path(site_module.__file__).parent / "templates"
    assert kinds == {p.name.removesuffix(".md.j2") for p in templates.glob("[!_]*.md.j2")}


def test_each_document_has_its_page(corpus: Corpus, site: Site) -> None:
    for n in corpus.namnder.values():
        for year in n.plans:
            assert isinstance(site.page(f"/{n.id}/{year}/plan/"), PlanPage)
        for year, period in n.uppfoljningar:
            assert isinstance(site.page(f"/{n.id}/{year}/{period}/"), ReportPage)


def test_anchors_are_exactly_the_risk_and_control_ids_the_page_emits(corpus: Corpus) -> None:
    rendered = render_site(corpus, Build())
    for page in rendered.site.pages:
        if not isinstance(page, (PlanPage, ReportPage)):
            continue
        emitted = {a or b for a, b in _ANCHOR.findall(rendered.files[page.src_path])}
        assert set(page.anchors()) <= emitted, page.url
        own = {a for a in page.anchors()}
        ids = {r.id for g in getattr(page, "groups", []) for r in g.risks}
        assert own >= ids


def test_navigation_points_at_real_pages(site: Site) -> None:
    sources = {p.src_path for p in site.pages}

    def walk(items: list[NavItem]) -> None:
        for item in items:
            assert item.src_path is None or item.src_path in sources, item
            walk(item.children)

    walk(site.nav)


def test_drafts_only_when_asked(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "bas" / "content", tmp_path / "content")
    shutil.copytree(FIXTURES / "utkast" / "content", tmp_path / "content", dirs_exist_ok=True)
    corpus = load_checked(tmp_path / "content")
    public = {p.url for p in build_site(corpus).pages}
    preview = {p.url for p in build_site(corpus, show_drafts=True).pages}
    drafts = {d for d in preview - public}
    assert drafts and all("/testnamnden/" in u for u in drafts)
