"""No module-level mutable state: two builds in one process never see each other."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import sys
import types
from pathlib import Path

import ikgen
from ikgen.build import Build
from ikgen.pipeline import load_checked, render_site

from .fast_paths import FIXTURES, SOURCES

_IMMUTABLE = (str, bytes, int, float, bool, tuple, frozenset, type(None), types.MappingProxyType)


def _modules() -> list[types.ModuleType]:
    names = [m.name for m in pkgutil.walk_packages(ikgen.__path__, "ikgen.")]
    return [importlib.import_module(n) for n in ["ikgen", *names] if not n.endswith("__main__")]


def _is_state(name: str, value: object) -> bool:
    """A value a module could change after import: a cache, a container, an object."""
    if hasattr(value, "cache_info") and getattr(value, "__module__", "").startswith("ikgen"):
        return True  # functools.lru_cache keeps what it has seen
    if isinstance(value, (*_IMMUTABLE, type, types.ModuleType, types.FunctionType)):
        return False
    if type(value).__name__ in ("Pattern", "TypeVar", "Logger", "_Feature"):
        return False
    if callable(value) and not getattr(value, "__module__", "").startswith("ikgen"):
        return False
    if type(value).__module__ == "typing":
        return False
    constant = name.lstrip("_").isupper()  # CONSTANTS are never assigned to after import
    return not (constant and isinstance(value, (dict, list, set)))


PURE_MEMOS = {"ikgen.core.sensitive._replacement"}
"""Caches of pure functions of one character: they remember, but cannot change a result."""


def test_no_module_holds_mutable_state() -> None:
    found = [
        f"{m.__name__}.{name}: {type(value).__name__}"
        for m in _modules()
        for name, value in vars(m).items()
        if not name.startswith("__")
        and _is_state(name, value)
        and f"{m.__name__}.{name}" not in PURE_MEMOS
    ]
    assert found == []


def _project(tmp: Path, source: Path, with_drafts: bool) -> Path:
    shutil.copytree(source, tmp / "content")
    if with_drafts:
        shutil.copytree(FIXTURES / "utkast" / "content", tmp / "content", dirs_exist_ok=True)
    return tmp / "content"


def _build(content: Path, show_drafts: bool) -> dict[str, str]:
    state = Build(show_drafts=show_drafts)
    return render_site(load_checked(content, state), state).files


def test_two_builds_in_one_process_with_different_content_and_drafts(tmp_path: Path) -> None:
    first = _project(tmp_path / "a", FIXTURES / "bas" / "content", with_drafts=True)
    second = _project(tmp_path / "b", SOURCES["variationer"], with_drafts=False)
    preview = _build(first, show_drafts=True)
    public = _build(second, show_drafts=False)
    assert "testnamnden/2024/helar.md" in preview, "the draft is in the preview"
    assert not any(p.startswith("testnamnden/") for p in public), "nothing of the first build"
    assert any(p.startswith("kulturnamnden/") for p in public)
    # Import the package afresh (as a second plugin load would) and build the first again.
    for name in [n for n in sys.modules if n == "ikgen" or n.startswith("ikgen.")]:
        del sys.modules[name]
    fresh = importlib.import_module("ikgen.pipeline")
    state = importlib.import_module("ikgen.build").Build(show_drafts=False)
    again = fresh.render_site(fresh.load_checked(first, state), state).files
    assert "testnamnden/2024/helar.md" not in again
    assert set(again) < set(preview)
