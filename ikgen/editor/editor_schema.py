"""JSON Schema for every content file, in Swedish, with the allowed values from kommun.yml.

Editors' editors (VS Code with the YAML extension, or any yaml-language-server client) read
these files to complete keys, show the Swedish help on hover and flag unknown keys and values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..core.diagnostics import ContentError
from ..core.load import parse, read_text
from ..core.model import Atgard, Helhetsbedomning, Kommun, Kontroll, Kontrollresultat, Risk
from ..core.validate import validate_document
from .field_texts import FALT, FILER, MODELLER, all_models

SCHEMA_DIR = ".schema"
"""Where ``ikgen schema`` writes, inside the content folder (ignored by the loader)."""


def read_kommun(content: Path) -> Kommun:
    """Read and validate only ``kommun.yml``; raise ContentError if it has problems."""
    shown = f"{content.as_posix()}/kommun.yml"
    text, problems = read_text(content / "kommun.yml", shown)
    source = None
    if text is not None:
        source, problems = parse(text, shown)
    if source is not None:
        kommun, problems = validate_document(source, Kommun)
        if kommun is not None:
            return kommun
    raise ContentError(problems)


def allowed_values(kommun: Kommun) -> dict[tuple[type[BaseModel], str], list[tuple[str, str]]]:
    """The values kommun.yml allows in each field, as (id, label) pairs."""
    areas: dict[str, str] = {}
    for year in sorted(kommun.omraden):
        areas |= {a.id: f"{a.namn} ({year})" for a in kommun.omraden[year]}
    statuses = [(s.id, s.namn) for s in kommun.statusskala]
    return {
        (Kontroll, "frekvens"): [(p.id, p.namn) for p in kommun.perioder],
        (Risk, "omrade"): list(areas.items()),
        (Kontrollresultat, "status"): statuses,
        (Atgard, "status"): statuses,
        (Kontrollresultat, "bedomning"): [(b.id, b.namn) for b in kommun.bedomningsskala],
        (Helhetsbedomning, "bedomning"): [(h.id, h.namn) for h in kommun.helhetsskala],
    }


def build_schema(name: str, kommun: Kommun) -> dict[str, Any]:
    """The JSON Schema of one content file (``kommun``, ``namnd``, ``plan``, ``uppfoljning``)."""
    model, where = FILER[name]
    schema = model.model_json_schema(mode="validation")
    by_name = {m.__name__: m for m in all_models()}
    allowed = allowed_values(kommun)
    _describe(schema, model, allowed)
    for def_name, sub in schema.get("$defs", {}).items():
        if def_name in by_name:
            _describe(sub, by_name[def_name], allowed)
    schema["title"] = f"ikgen: {where}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _describe(schema: dict[str, Any], model: type[BaseModel], allowed: dict) -> None:
    schema["description"] = MODELLER[model]
    schema.pop("title", None)
    for field, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        text = FALT[model][field]
        values = allowed.get((model, field))
        if values is not None:
            _restrict(prop, [v for v, _ in values])
            shown = "; ".join(f"{v} = {label}" for v, label in values) or "inga i kommun.yml"
            text = f"{text} Tillåtna värden: {shown}."
        prop["description"] = text


def _restrict(prop: dict[str, Any], values: list[str]) -> None:
    """Put an enum on every string schema inside a property (list items, optional values)."""
    if prop.get("type") == "string":
        prop["enum"] = values
        prop.pop("pattern", None)
    if isinstance(prop.get("items"), dict):
        _restrict(prop["items"], values)
    for branch in prop.get("anyOf", []):
        _restrict(branch, values)


def write_schemas(content: Path, out: Path | None = None) -> list[str]:
    """Write one schema per content file; return the paths written."""
    kommun = read_kommun(content)
    folder = out or content / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILER:
        path = folder / f"{name}.json"
        text = json.dumps(build_schema(name, kommun), ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path.as_posix())
    return written


def field_reference() -> str:
    """The editor's field reference (``docs-redaktor/falt.md``) as Markdown."""
    lines = [
        "# Fälten i innehållsfilerna",
        "",
        "Genererad från `ikgen/editor/field_texts.py`: "
        "`python -m ikgen.editor.editor_schema > docs-redaktor/falt.md`.",
        "Samma texter visas när du för muspekaren över en nyckel i VS Code.",
    ]
    files = {model: where for model, where in FILER.values()}
    for model in all_models():
        title = f"`{files[model]}`" if model in files else model.__name__
        lines += ["", f"## {title}", "", MODELLER[model], "", "| Nyckel | Betydelse |", "|---|---|"]
        for field in model.model_fields:
            required = " (obligatorisk)" if model.model_fields[field].is_required() else ""
            text = FALT[model][field].replace("|", "\\|")
            lines.append(f"| `{field}`{required} | {text} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(field_reference(), end="")
