"""Turn pydantic's validation errors into Swedish diagnostics with file, line and field."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, field_path
from .load import SourceDocument

_TYPE_WORDS = {
    "string_type": "ska vara en text",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal (använd punkt som decimaltecken, t.ex. 37.5)",
    "bool_type": "ska vara ja/nej (true eller false)",
    "bool_parsing": "ska vara ja/nej (true eller false)",
    "list_type": "ska vara en lista (rader som börjar med '- ')",
    "dict_type": "ska vara en samling nycklar (nyckel: värde)",
    "model_type": "ska vara en samling nycklar (nyckel: värde)",
    "model_attributes_type": "ska vara en samling nycklar (nyckel: värde)",
    "date_type": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)",
    "missing": "obligatoriskt fält saknas",
    "string_too_short": "får inte vara tom",
    "string_too_long": "är för lång",
    "too_long": "har för många värden",
    "greater_than_equal": "är för litet",
    "less_than_equal": "är för stort",
    "finite_number": "ska vara ett ändligt tal",
}


def validate_document(doc: SourceDocument, model: type[BaseModel]) -> tuple[Any, list[Diagnostic]]:
    """Validate a parsed document against a model; return the object or diagnostics."""
    if not isinstance(doc.data, dict):
        return None, [Diagnostic(doc.path, 1, None, "filen ska bestå av nycklar (nyckel: värde)")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        diagnostics = [_diagnostic(doc, model, err) for err in errors]
    # When the only problems are unknown keys, validate without them so that the
    # cross-document checks can still run and the editor sees every error in one go.
    if all(err["type"] == "extra_forbidden" for err in errors):
        try:
            return model.model_validate(_without(doc.data, [e["loc"] for e in errors])), diagnostics
        except ValidationError:
            pass
    return None, diagnostics


def _without(data: Any, locations: list[tuple[Any, ...]]) -> Any:
    """A deep copy of data with the keys at the given locations removed."""
    import copy

    pruned = copy.deepcopy(data)
    for loc in locations:
        parent = pruned
        for part in loc[:-1]:
            parent = parent[part]
        parent.pop(loc[-1], None)
    return pruned


def _diagnostic(doc: SourceDocument, model: type[BaseModel], err: Any) -> Diagnostic:
    loc = tuple(
        p
        for p in err["loc"]
        if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]"))
    )
    kind = err["type"]
    if kind == "extra_forbidden":
        message = _unknown_key(model, loc)
    elif kind == "string_pattern_mismatch":
        message = _pattern_message(err.get("input"), str(err.get("ctx", {}).get("pattern", "")))
    elif kind in ("enum", "literal_error"):
        allowed = str(err.get("ctx", {}).get("expected", "")).replace(" or ", " eller ")
        message = f"'{err.get('input')}' är inte tillåtet; tillåtna värden: {allowed}"
    elif kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"]))
    elif kind in ("greater_than_equal", "less_than_equal"):
        limit = err.get("ctx", {}).get("ge", err.get("ctx", {}).get("le"))
        message = f"{_TYPE_WORDS[kind]} (gränsen är {limit}, värdet är {err.get('input')})"
    elif kind == "float_type" and isinstance(err.get("input"), str):  # e.g. "37,5"
        message = f"{_TYPE_WORDS['float_parsing']} (värdet är {_shown(err['input'])})"
    else:
        message = _TYPE_WORDS.get(kind, err["msg"])
        if kind != "missing" and "input" in err and not isinstance(err["input"], dict | list):
            message += f" (värdet är {_shown(err['input'])})"
    line = doc.line_of(loc)
    return Diagnostic(doc.path, line, field_path(loc) or None, message)


def _unknown_key(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    key = str(loc[-1])
    known = _fields_at(model, loc[:-1])
    guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    message = f"okänd nyckel '{key}'"
    if guess:
        return f"{message} — menade du '{guess[0]}'?"
    if known:
        return f"{message}; tillåtna nycklar här: {', '.join(sorted(known))}"
    return message


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a location, found by walking the model's annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        current = _inner_model(field.annotation) if field else None
    return list(getattr(current, "model_fields", {}).keys()) if current else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _pattern_message(value: Any, pattern: str = "") -> str:
    if pattern.startswith("^https?://"):
        return (
            f"{_shown(value)} är ingen tillåten webbadress: bara adresser som börjar med https://"
            " (eller http://) kommer med på webbplatsen och i datakatalogen"
        )
    if pattern.startswith("^(0[1-9]|1[0-2])-"):
        return f"{_shown(value)} ska vara månad och dag som MM-DD, t.ex. 04-30"
    return (
        f"'{value}' är inte ett giltigt id: använd små bokstäver a–z, siffror och bindestreck "
        "(å, ä → a; ö → o), t.ex. 'kontroll-av-fakturor'"
    )


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
