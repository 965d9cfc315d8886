"""ikgen: publish Swedish municipalities' internal-control plans and follow-ups as a static site.

The core pipeline (load → model → checks → site → render → export) never imports MkDocs;
``ikgen.mkdocs_plugin`` and ``ikgen.cli`` are thin adapters over it.
"""

from __future__ import annotations

__version__ = "0.1.0"
