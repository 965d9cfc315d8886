"""JSON Schemas (draft 2020-12) of the open-data JSON files: plan and follow-up.

Derived from the content model (pydantic), so a field added to the YAML schema appears in the
data and its schema together; the fields ikgen adds (labels, URLs) are declared here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ...core import urls
from ...core.model import Kontroll, Kontrollresultat, Plan, Risk, Riskuppfoljning, Uppfoljning

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_REF = "#/$defs/{model}"

INTERNAL_FIELDS = {"tillatna_nummer"}
"""Model fields that are for the editor's checks only and never exported."""

_STR = {"type": "string"}
_SLUG = {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"}
_NAMED = {
    "type": "object",
    "properties": {"id": _SLUG, "namn": _STR},
    "required": ["id", "namn"],
    "additionalProperties": False,
}
_LEVEL = {
    "anyOf": [
        {"type": "null"},
        {**_NAMED, "properties": {**_NAMED["properties"], "allvar": {"type": ["integer", "null"]}}},
    ]
}
_OPT_NAMED = {"anyOf": [{"type": "null"}, _NAMED]}


def _model(model: type[BaseModel], defs: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A model's serialization schema with extra or replaced properties; collects its $defs."""
    schema = model.model_json_schema(mode="serialization", ref_template=_REF)
    defs.update(schema.pop("$defs", {}))
    props = {k: v for k, v in schema["properties"].items() if k not in INTERNAL_FIELDS}
    props.update(extra)
    required = sorted(set(schema.get("required", [])) | set(extra))
    return {
        "type": "object",
        "description": schema.get("description", ""),
        "properties": props,
        "required": [r for r in required if r in props],
        "additionalProperties": False,
    }


def _common(kind: str) -> dict[str, Any]:
    return {
        "$schema": _STR,
        "typ": {"const": kind},
        "kommun": {
            "type": ["string", "null"],
            "description": "kommunens namn, om dokumenten anger det",
        },
        "namnd": _NAMED,
        "ar": {"type": "integer"},
        "url": {"type": "string", "description": "sidans permanenta adress"},
        "csv": {"type": "string", "description": "samma data som CSV"},
        "status": {
            "enum": ["paborjad", "fardigstalld", "beslutad"],
            "description": "utkast publiceras aldrig",
        },
    }


def _control(defs: dict[str, Any]) -> dict[str, Any]:
    return _model(
        Kontroll,
        defs,
        frekvens_namn={"type": "array", "items": _STR},
        url={"type": "string", "description": "kontrollens permanenta adress"},
    )


def _wrap(kind: str, title: str, body: dict[str, Any], defs: dict, base_url: str) -> dict:
    return {
        "$schema": _DRAFT,
        "$id": urls.absolute(base_url, urls.data_schema(kind)),
        "title": title,
        **body,
        "description": "Öppna data från ikgen. Textfält är Markdown, ordagrant ur underlaget.",
        "$defs": defs,
    }


def report_schema(base_url: str = "") -> dict[str, Any]:
    """The JSON Schema of ``/data/{nämnd}/{år}/{period}.json``."""
    defs: dict[str, Any] = {}
    risk = {
        "type": "object",
        "properties": {"id": _SLUG, "titel": _STR, "riskvarde": {"type": ["integer", "null"]}},
        "required": ["id", "titel", "riskvarde"],
        "additionalProperties": False,
    }
    result = _model(
        Kontrollresultat, defs, kontroll=_control(defs), risk=risk, status=_LEVEL, bedomning=_LEVEL
    )
    followed = _model(
        Riskuppfoljning,
        defs,
        url={"type": "string", "description": "riskens adress i rapporten"},
        nytt_riskvarde={"type": ["integer", "null"], "description": "värdet efter omvärdering"},
        omvardering_motivering={"type": ["string", "null"]},
        riskvarde={"type": ["integer", "null"], "description": "riskvärdet i planen"},
    )
    analys = {"analys": {"type": ["string", "null"]}}
    helhet = {
        "anyOf": [{"type": "null"}, {**_NAMED, "properties": {**_NAMED["properties"], **analys}}]
    }
    body = _model(
        Uppfoljning,
        defs,
        **_common("uppfoljning"),
        period=_NAMED,
        helhetsbedomning=helhet,
        kontroller={"type": "array", "items": result},
        risker={"type": "array", "items": followed},
    )
    return _wrap("uppfoljning", "Uppföljning av internkontrollplan", body, defs, base_url)


def plan_schema(base_url: str = "") -> dict[str, Any]:
    """The JSON Schema of ``/data/{nämnd}/{år}/plan.json``."""
    defs: dict[str, Any] = {}
    risk = _model(
        Risk,
        defs,
        omrade=_OPT_NAMED,
        riskvarde={"type": ["integer", "null"]},
        riskniva=_LEVEL,
        kontroller={"type": "array", "items": _control(defs)},
    )
    body = _model(Plan, defs, **_common("plan"), risker={"type": "array", "items": risk})
    return _wrap("plan", "Internkontrollplan", body, defs, base_url)
