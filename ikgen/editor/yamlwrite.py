"""Write new content files: plain YAML with a leading comment, never over an existing file."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from ..core.diagnostics import ContentError, Diagnostic

DRAFT_NOTE = "Utkast: publiceras inte förrän status ändras till paborjad eller beslutad."


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes None as an empty value and enums as their text."""


def _none(dumper: yaml.SafeDumper, _value: None) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:null", "")


def _enum(dumper: yaml.SafeDumper, value: Enum) -> yaml.Node:
    return dumper.represent_str(str(value.value))


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(type(None), _none)
_Dumper.add_multi_representer(Enum, _enum)
_Dumper.add_representer(str, _text)


def dump_yaml(data: Any, header: str = "") -> str:
    """YAML text for data (keys in the given order, UTF-8 text), after a comment header."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return "\n".join([*lines, body]) if lines else body


def schema_line(kind: str, depth: int) -> str:
    """The yaml-language-server comment that points an editor at the JSON Schema."""
    return f"yaml-language-server: $schema={'../' * depth}.schema/{kind}.json"


def refuse_existing(paths: list[Path], shown: dict[Path, str]) -> None:
    """Raise a ContentError naming every path that already exists."""
    problems = [
        Diagnostic(shown[p], None, None, "filen finns redan; ikgen skriver aldrig över en fil")
        for p in paths
        if p.exists()
    ]
    if problems:
        raise ContentError(problems)


def write_new(path: Path, text: str, shown: str) -> str:
    """Create a file that must not exist yet; return the path as shown to the editor."""
    refuse_existing([path], {path: shown})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return shown


def plain(value: Any) -> Any:
    """Model data as YAML-friendly values: dates stay dates, enums become text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | str | int | float | bool) or value is None:
        return value
    return str(value)
