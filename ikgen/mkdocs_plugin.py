"""The MkDocs plugin: a thin adapter that adds ikgen's generated pages to a MkDocs build."""

from __future__ import annotations

import html
import logging
import re
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page as build_page
from mkdocs.commands.build import _populate_page as populate_page
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from .build import Build
from .core import colors, urls
from .core.corpus import Corpus
from .core.diagnostics import ContentError, field_path
from .core.load import SourceDocument
from .core.sensitive import allowed_keys, find_numbers, texts
from .core.site import NavItem
from .core.text import inline
from .pipeline import RenderedSite, load_checked, render_site
from .publish.compact_html import compact_whitespace
from .publish.gate import gate_message, origins, scan_output
from .publish.opendata import write_exports
from .publish.pdf import PdfCache, PdfError, write_pdfs
from .publish.search import (
    SPLIT_FROM,
    SearchIndexError,
    build_search_index,
    split_namnder,
    split_years,
)
from .publish.valid_html import valid_page

log = logging.getLogger("mkdocs.plugins.ikgen")

_DANGEROUS_URL = re.compile(
    r"""(\s(?:href|src|action|formaction)\s*=\s*)(["'])\s*(?:javascript|data|vbscript):[^"']*\2""",
    re.IGNORECASE,
)

#: Shown at the top of every page of a build with drafts (`ikgen build/serve --utkast`).
DRAFT_BANNER = (
    '<p class="ik-utkast-banner" role="note">Förhandsgranskning med utkast – '
    "utkasten publiceras inte och den här versionen får inte läggas ut.</p>"
)


PDF_CACHE = ".ikgen-cache/pdf"
"""Where finished PDFs are kept between builds, beside mkdocs.yml (publish/pdfrender.py)."""


class IkgenConfig(base.Config):
    """Options of the ``ikgen`` plugin in mkdocs.yml."""

    innehall = c.Type(str, default="content")
    """The content folder, relative to mkdocs.yml."""
    utkast = c.Type(bool, default=False)
    """Show drafts (for a local preview only)."""
    sok = c.Choice(("pagefind", "av"), default="pagefind")
    """Search: ``pagefind`` (index built after the site; Swedish stemming) or ``av`` (off,
    e.g. when Material's own ``search`` plugin is used instead)."""
    sok_per_namnd = c.Type(int, default=SPLIT_FROM)
    """Plans and reports from which each nämnd also gets a search index of its own, searched
    first from its pages, and so does each year, searched first from the other pages
    (ikgen/publish/search.py); 0: whenever there are two nämnder or more."""


class IkgenPlugin(BasePlugin[IkgenConfig]):
    """Generates every page from the YAML content."""

    def __init__(self) -> None:
        self.build: Build | None = None
        """This build's (or serve session's) state; ``ikgen build`` hands in its own."""
        self.rendered: RenderedSite | None = None
        self.serving = False
        self.nav_files: tuple[Files, Navigation] | None = None
        """This build's files and navigation, until ``on_env`` hands them to the preview."""
        self.sok_namnder: list[str] = []
        """Nämnder with a search index of their own (ikgen/publish/search.py, ``split_namnder``)."""
        self.sok_ar: list[int] = []
        """Years with a search index of their own, newest first (``split_years``)."""

    def content_dir(self, config: MkDocsConfig) -> Path:
        """The content folder as an absolute path."""
        return Path(config.config_file_path).parent / self.config.innehall

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        corpus = self.prepare(config)
        assert self.rendered is not None and self.build is not None
        shown = self.rendered.site.corpus
        _check_settings(config, allowed_keys(_sources(shown)))
        if config.site_name in ("", "Internkontroll"):
            # Material prints site_name and nav titles unescaped: YAML text is escaped here.
            config.site_name = html.escape(f"Internkontroll – {corpus.utgivare}")
        if corpus.kommun.webbplats and not config.site_url:
            # Canonical URLs and sitemap.xml need the site's address (kommun.yml: webbplats).
            config.site_url = urls.absolute(corpus.kommun.webbplats, urls.START)
        for src_path, markdown_text in self.rendered.files.items():
            files.append(File.generated(config, src_path, content=markdown_text))
        for f in _apply_profile(corpus, config):
            files.append(f)
        config.nav = [_nav_entry(item) for item in self.rendered.site.nav]
        if self.serving:
            self.build.preview.record(self.rendered.files, self.chrome())
        else:
            # A one-off build keeps no page text of its own: MkDocs holds it from here on.
            self.rendered.files.clear()
            self.build.pages.clear()
        return files

    def prepare(self, config: MkDocsConfig) -> Corpus:
        """Load and check the content and make every page's Markdown (cached per session)."""
        if self.build is None or self.build.show_drafts != self.config.utkast:
            self.build = Build(show_drafts=self.config.utkast)
        try:
            corpus = load_checked(self.content_dir(config), self.build)
        except ContentError as exc:
            raise PluginError("Innehållet har fel:\n" + str(exc)) from None
        self.rendered = render_site(corpus, self.build)
        self.sok_namnder = split_namnder(self.rendered.site.corpus, self.config.sok_per_namnd)
        self.sok_ar = split_years(self.rendered.site.corpus, self.config.sok_per_namnd)
        return corpus

    def chrome(self) -> tuple[Any, ...]:
        """What every page shows besides its own Markdown, made from the content: navigation,
        the set of pages, publisher, address, graphic profile, search split, drafts."""
        assert self.rendered is not None and self.build is not None
        site = self.rendered.site
        kommun = site.corpus.kommun
        return (
            repr(site.nav),
            tuple(self.rendered.files),
            site.corpus.utgivare,
            kommun.webbplats,
            repr(kommun.profil),
            tuple(self.sok_namnder),
            tuple(self.sok_ar),
            self.build.show_drafts,
        )

    def quick_rebuild(self, config: MkDocsConfig) -> bool:
        """Under ``ikgen serve``, after an edit in content/: build only the pages whose Markdown
        changed, with the last build's navigation and theme (ikgen/preview.py). False when
        more changed than that, so that MkDocs must build the whole site."""
        if self.build is None or self.build.preview.engine is None:
            return False
        files, nav, env = self.build.preview.engine
        self.prepare(config)
        assert self.rendered is not None
        changed = self.build.preview.changed_pages(self.rendered.files, self.chrome())
        if changed is None:
            return False
        pages = [files.get_file_from_path(src) for src in changed]
        for f in pages:
            assert f is not None and f.page is not None
            f.content_string = self.rendered.files[f.src_uri]
            populate_page(f.page, config, files)
        doc_files = files.documentation_pages()
        for f in pages:
            assert f is not None and f.page is not None
            build_page(f.page, config, doc_files, nav, env)
        self.build.preview.record(self.rendered.files, self.chrome(), len(pages))
        self.write_exports(config)
        return True

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.build is not None:
            self.build.preview.engine = None  # until on_env: a quick rebuild needs all three
        self.nav_files = (files, nav)
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.serving and self.build is not None and self.nav_files is not None:
            self.build.preview.engine = (*self.nav_files, env)
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files):
        """With drafts shown, every page says so: a preview is never mistaken for the site."""
        if self.releases(page):
            page.file.content_string = ""
        if self.build is None or not self.build.show_drafts:
            return markdown
        return DRAFT_BANNER + "\n\n" + markdown

    def on_page_content(self, html_text: str, /, *, page: Any, config: MkDocsConfig, files: Files):
        """A safety net under text.py: no link or image on a page may run script."""
        if self.releases(page):
            page.markdown = ""
        return _DANGEROUS_URL.sub(r"\1\2#\2", html_text)

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        """Material's invalid markup made valid (publish/valid_html.py), without its blank
        lines (publish/compact_html.py)."""
        if self.releases(page):
            page.content = ""
        return compact_whitespace(valid_page(output))

    def releases(self, page: Any) -> bool:
        """Whether a page's texts are let go once MkDocs is done with each (one-off builds).

        MkDocs keeps each page's source, Markdown and HTML until the build ends; for pages made
        from content/ the source is a second copy of the Markdown. Released as soon as it has
        been read, each text lives only as long as it is used, so a build's peak memory stays
        that of plain MkDocs on the same Markdown (bench/run.py measures both). A preview keeps
        everything: its quick rebuild reuses the unchanged pages.
        """
        return not self.serving and bool(page.file.generated_by)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig):
        """The same for pages from the theme's own templates (404.html)."""
        if template_name.endswith(".html"):
            return compact_whitespace(valid_page(output_content))
        return output_content

    def sok_namnd(self, page: Any) -> str:
        """The nämnd whose own index the header's search uses first on ``page``, or ""."""
        first = (getattr(page, "url", "") or "").split("/", 1)[0]
        return first if first in self.sok_namnder else ""

    def on_startup(self, /, *, command: str, dirty: bool) -> None:
        # The plugin persists through a serve session's rebuilds: so does its state.
        self.serving = command == "serve"
        self.build = Build(show_drafts=self.config.utkast)

    @event_priority(-100)  # last: the gate must see what every other plugin wrote too
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        if self.rendered is not None:
            self.write_exports(config)
        # The live preview skips the PDFs, the index and the gate: a full pass per edit would
        # undo the cache, and a preview is never published (`ikgen pdf` makes one PDF).
        if self.serving:
            return
        if self.rendered is not None:
            self.write_pdfs(config)
        if self.config.sok == "pagefind":
            start = time.perf_counter()
            try:
                build_search_index(Path(config.site_dir), self.sok_namnder, self.sok_ar)
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from None
            if self.build is not None:
                self.build.search_seconds = time.perf_counter() - start
        self.publish_gate(config)

    def write_exports(self, config: MkDocsConfig) -> None:
        """Open data, feeds, urls.txt and redirects; a preview writes only what changed."""
        assert self.rendered is not None and self.build is not None
        base_url = self.rendered.site.corpus.kommun.webbplats or config.site_url or ""
        if not self.serving:
            write_exports(self.rendered.site, Path(config.site_dir), base_url)
            return
        stamps = self.rendered.stamps
        memo = stamps.memo(self.build.exports, base_url) if stamps is not None else None
        changed = self.build.preview.changed_exports
        site_dir = Path(config.site_dir)
        write_exports(self.rendered.site, site_dir, base_url, memo=memo, only_changed=changed)

    def on_build_error(self, /, *, error: Exception) -> None:
        # A failed preview build may have written part of the pages: start the next one afresh.
        if self.build is not None:
            self.build.preview.forget()

    def write_pdfs(self, config: MkDocsConfig) -> None:
        """The PDF/A of every published plan and report (publish/pdf.py)."""
        assert self.rendered is not None
        corpus = self.rendered.site.corpus
        base_url = corpus.kommun.webbplats or config.site_url or ""
        project = Path(config.config_file_path or ".").parent
        cache = PdfCache(project / PDF_CACHE)
        try:
            done = write_pdfs(corpus, Path(config.site_dir), base_url, cache)
        except PdfError as exc:
            raise PluginError(str(exc)) from None
        if self.build is not None:
            self.build.pdf_documents, self.build.pdf_seconds = done.documents, done.seconds
        log.info(
            "PDF/A: %d dokument, %d kB, %.1f s", done.documents, done.size // 1024, done.seconds
        )

    def publish_gate(self, config: MkDocsConfig) -> None:
        """Stop the build if any written file holds an identity number (publish/gate.py).

        ``ikgen build`` builds into a staging folder, so the published site stays as it was.
        """
        corpus = self.rendered.site.corpus if self.rendered is not None else None
        sources = _sources(corpus) if corpus is not None else []
        found = scan_output(Path(config.site_dir), allowed_keys(sources))
        if not found:
            return
        inputs = _settings_texts(config) + _input_lines(config)
        where = {f.finding.key: origins(f.finding, sources, inputs) for f in found}
        raise PluginError(gate_message(found, where))

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.content_dir(config)), recursive=True)
        return server


def _nav_entry(item: NavItem) -> Any:
    if item.children:
        return {html.escape(item.title): [_nav_entry(child) for child in item.children]}
    return {html.escape(item.title): item.src_path}


def _sources(corpus: Corpus) -> list[SourceDocument]:
    """Every source document of a corpus: kommun.yml, each namnd.yml, plans and follow-ups."""
    out = [corpus.kommun_source]
    for n in corpus.namnder.values():
        out += [n.source, *(d.source for d in (*n.plans.values(), *n.uppfoljningar.values()))]
    return out


_SETTINGS = ("site_name", "site_description", "site_author", "copyright", "repo_name", "repo_url")
"""The settings in mkdocs.yml that the theme prints on pages."""


def _shown(path: str | Path) -> str:
    """A path as the editor sees it: relative to the working folder where it is inside."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _settings_texts(config: MkDocsConfig) -> list[tuple[str, str]]:
    """``(where, text)`` for every setting in mkdocs.yml that can reach a page."""
    shown = _shown(config.config_file_path or "mkdocs.yml")
    out = [(f"{shown}: {key}", config.get(key)) for key in _SETTINGS]
    out += [(f"{shown}: extra.{field_path(loc)}", t) for loc, t in texts(dict(config.extra))]
    return [(where, text) for where, text in out if isinstance(text, str)]


def _check_settings(config: MkDocsConfig, allowed: set[str]) -> None:
    """The source-side check of mkdocs.yml: its printed settings hold no identity number."""
    problems = [
        f"{where}: '{f.text}' ser ut som ett {f.kind}; ta bort det ur inställningarna "
        "(sådana uppgifter får inte publiceras)"
        for where, text in _settings_texts(config)
        for f in find_numbers(text)
        if f.key not in allowed
    ]
    if problems:
        raise PluginError("Inställningarna har fel:\n" + "\n".join(problems))


_INPUT_SUFFIXES = {".md", ".html", ".htm", ".txt", ".js", ".css", ".svg", ".xml", ".json"}


def _input_lines(config: MkDocsConfig) -> list[tuple[str, str]]:
    """``(file:line, text)`` of the hand-written pages (docs/) and the theme's templates."""
    folders = [config.docs_dir, getattr(config.theme, "custom_dir", None)]
    out: list[tuple[str, str]] = []
    for folder in filter(None, folders):
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix.lower() not in _INPUT_SUFFIXES or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            shown = _shown(path)
            out += [(f"{shown}:{n}", line) for n, line in enumerate(text.splitlines(), 1)]
    return out


def _apply_profile(corpus: Corpus, config: MkDocsConfig) -> list[File]:
    """The graphic profile of kommun.yml on the site: colours and footer line for the theme
    (``config.extra.ikgen_profil``, read by main.html and copyright.html), logo and favicon
    copied into the site and named in Material's theme settings. Returns the copied files."""
    profil = corpus.kommun.profil
    if profil is None:
        config.extra["ikgen_profil"] = {}
        return []
    config.extra["ikgen_profil"] = {
        "css": colors.profile_css(profil.primar, profil.accent),
        "sidfot": inline(profil.sidfot) if profil.sidfot else "",
    }
    copied = []
    for kind, name in (("logotyp", profil.logotyp), ("favicon", profil.favicon)):
        if name is None:
            continue
        target = urls.profile_file(kind, name).lstrip("/")
        source = (Path(corpus.root) / name).read_bytes()
        copied.append(File.generated(config, target, content=source))
        config.theme["logo" if kind == "logotyp" else "favicon"] = target
    return copied
