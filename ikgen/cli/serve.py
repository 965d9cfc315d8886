"""``ikgen serve``: MkDocs' live preview, with ikgen's build state handed to the plugin.

The same steps as ``mkdocs serve`` (a temporary site folder, a live-reload server, the
plugins' startup, serve and shutdown events), written out so the drafts setting and the
pre-check's state reach the plugin as objects, not through the environment.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..build import Build


def hand_over(config: Any, build: Build) -> None:
    """Give the ikgen plugin of a loaded MkDocs config this build's settings and state."""
    plugin = config.plugins.get("ikgen")
    if plugin is not None:
        plugin.config.utkast = build.show_drafts
        plugin.build = build


def serve(config_file: Path, dev_addr: str, build: Build) -> None:
    """Serve a live preview until Ctrl+C; every rebuild reuses ``build``'s caches."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = tempfile.mkdtemp(prefix="ikgen-serve-")

    def get_config() -> Any:
        config = load_config(str(config_file), site_dir=site_dir, dev_addr=dev_addr)
        hand_over(config, build)
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    hand_over(config, build)  # on_startup made the plugin a fresh state: use ours
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)

    def builder(config: Any = None) -> None:
        if config is None:
            config = get_config()
        config.site_url = serve_url
        mkdocs_build(config, serve_url=serve_url)

    server = LiveReloadServer(
        builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path
    )
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
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
