"""``ikgen serve``: MkDocs' live preview, with ikgen's build state handed to the plugin.

The same steps as ``mkdocs serve`` (a temporary site folder, a live-reload server, the
plugins' startup, serve and shutdown events), written out so the drafts setting and the
pre-check's state reach the plugin as objects, not through the environment, and so that a
rebuild after an edit builds only the pages the edit changed (ikgen/preview.py).
"""

from __future__ import annotations

import gc
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..build import Build
from ..preview import folder_stamps

log = logging.getLogger("mkdocs.commands.serve")

FULL_COLLECT_EVERY = 50
"""Rebuilds between full cycle collections in a preview session (Preview.settle_memory)."""


def hand_over(config: Any, build: Build) -> None:
    """Give the ikgen plugin of a loaded MkDocs config this build's settings and state."""
    plugin = config.plugins.get("ikgen")
    if plugin is not None:
        plugin.config.utkast = build.show_drafts
        plugin.build = build


class Preview:
    """One preview session's builds into one site folder, each reusing the last one's work."""

    def __init__(self, config_file: Path, site_dir: str, build: Build, dev_addr: str | None = None):
        from mkdocs.livereload import _serve_url

        self.config_file, self.site_dir, self.build = config_file, site_dir, build
        self.dev_addr = dev_addr
        self.config = self.load_config()
        self.config.plugins.on_startup(command="serve", dirty=False)
        hand_over(self.config, build)  # on_startup made the plugin a fresh state: use ours
        host, port = self.config.dev_addr
        self.mount_path = urlsplit(self.config.site_url or "/").path
        self.serve_url = _serve_url(host, port, self.mount_path)
        self.builds = 0
        """Builds made in this session (see :meth:`settle_memory`)."""

    def load_config(self) -> Any:
        """mkdocs.yml as it is now, with this session's state handed to the plugin."""
        from mkdocs.config import load_config

        options = {"dev_addr": self.dev_addr} if self.dev_addr else {}
        config = load_config(str(self.config_file), site_dir=self.site_dir, **options)
        hand_over(config, self.build)
        return config

    def __call__(self, config: Any = None) -> None:
        """Build the preview (the live-reload server calls this after every change): only the
        changed pages when only content/ changed, else the whole site (ikgen/preview.py)."""
        try:
            self.rebuild(config)
        finally:
            self.settle_memory()

    def settle_memory(self) -> None:
        """Exempt what the session keeps from Python's cycle collector.

        A large site's caches are millions of objects; a full collection walks them all (half
        a second at N=1,000) and struck every other rebuild. Frozen, they are skipped; what a
        later rebuild replaces is still freed by reference counting, and every FULL_COLLECT_EVERY
        rebuilds a full collection clears replaced objects that form cycles.
        """
        self.builds += 1
        if self.builds % FULL_COLLECT_EVERY == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()

    def rebuild(self, config: Any = None) -> None:
        """One build: quick when only content/ changed since the last one, else full."""
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.exceptions import Abort, PluginError

        settings = folder_stamps(self.config_file, self.config.docs_dir, self.theme_dir)
        plugin = self.config.plugins.get("ikgen")
        if config is None and plugin is not None and settings == self.build.preview.settings:
            try:
                if plugin.quick_rebuild(self.config):
                    return
            except PluginError as exc:
                plugin.on_build_error(error=exc)
                log.error(str(exc))
                raise Abort("Aborted with a BuildError!") from None
        self.config = config or self.load_config()
        self.config.site_url = self.serve_url
        mkdocs_build(self.config, serve_url=self.serve_url)
        self.build.preview.settings = settings

    @property
    def theme_dir(self) -> str | None:
        """The theme folder of mkdocs.yml (``custom_dir``), if any."""
        return self.config.theme.custom_dir


POLLING_INTERVAL = 0.25
"""Seconds between looks for changed files (MkDocs' default 0.5): half of it is, on average,
part of every preview's wait; one look at 6,000 files costs about 50 ms of a core."""


def serve(config_file: Path, dev_addr: str, build: Build) -> None:
    """Serve a live preview until Ctrl+C; every rebuild reuses ``build``'s caches."""
    from mkdocs.livereload import LiveReloadServer

    site_dir = tempfile.mkdtemp(prefix="ikgen-serve-")
    preview = Preview(config_file, site_dir, build, dev_addr)
    config = preview.config
    host, port = config.dev_addr
    server = LiveReloadServer(
        builder=preview,
        host=host,
        port=port,
        root=site_dir,
        mount_path=preview.mount_path,
        polling_interval=POLLING_INTERVAL,
    )
    try:
        preview(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=preview)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
