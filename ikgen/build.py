"""The build: one object per build (or per ``ikgen serve`` session) that owns its state.

Settings (drafts shown or not), the caches that make a preview rebuild cheap, the git history
look-up and the renderer live here and are passed explicitly; no module keeps mutable state,
so two builds in one process (the tests do it) never see each other's content or settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .core.cache import StampedCache
from .core.render import Renderer
from .preview import PreviewState
from .publish.githistory import GitHistory


@dataclass
class Build:
    """One build or one serve session."""

    show_drafts: bool = False
    """Show drafts (``--utkast``): a local preview only, never a publishable site."""
    files: StampedCache = field(default_factory=StampedCache)
    """Read, parsed and validated content files, by path and file stamp."""
    site_pages: StampedCache = field(default_factory=StampedCache)
    """Each nämnd's pages and navigation (core/site.py), by the stamps of its files."""
    pages: StampedCache = field(default_factory=StampedCache)
    """Rendered Markdown per page, by the stamps of the files it depends on."""
    checked: StampedCache = field(default_factory=StampedCache)
    """The cross-document problems of a content folder, by the stamps of all its files."""
    exports: StampedCache = field(default_factory=StampedCache)
    """Each nämnd's open-data files, by the stamps of the files they are made from."""
    preview: PreviewState = field(default_factory=PreviewState)
    """What the previous build of a serve session wrote (only ``ikgen serve`` uses it)."""
    history: GitHistory = field(default_factory=GitHistory)
    """The git look-up for "Ändringar efter beslutet"."""
    pdf_documents: int = 0
    """Plans and reports the last build made a PDF/A of (publish/pdf.py)."""
    pdf_seconds: float = 0.0
    """How long those PDFs took: ``ikgen build`` reports it."""
    search_seconds: float = 0.0
    """How long the search index took (Pagefind): ``ikgen build`` reports it."""
    renderer: Renderer = field(init=False)
    """Pages → Markdown, with the git history injected (the core knows nothing of git)."""

    def __post_init__(self) -> None:
        self.renderer = Renderer(self.history.document_history)
