"""The text of a new ``kommun.yml`` (``ikgen new kommun``): every setting, commented in Swedish.

The values are the models' own defaults (``Kommun.model_fields``), and the comments are the
field texts editors already see in VS Code and docs-redaktor/falt.md (``field_texts.FALT``),
so nothing here is a second copy that could drift. Only two things are not defaults: an
example area for the year, and the accessibility statement's facts, which the municipality
must write itself (placeholders marked ``ÄNDRA``, which ``ikgen check`` warns about).
"""

from __future__ import annotations

import textwrap
from typing import Any

from pydantic import BaseModel

from ..core.checks.advisory import PLACEHOLDER
from ..core.model import Kommun, Omrade
from ..core.model.kommun import Tillganglighet
from .field_texts import FALT
from .yamlwrite import dump_yaml, plain, schema_line

_WIDTH = 98

HEADER = f"""{schema_line("kommun", 0)}
kommun.yml – kommunens inställningar för ikgen (skapad av 'ikgen new kommun').
Varje inställning står här med sitt standardvärde, så att du ser vad som gäller. Ändra det som
inte stämmer med kommunens egna dokument; det du tar bort får standardvärdet.
Rader märkta {PLACEHOLDER} fyller kommunen i innan webbplatsen publiceras ('ikgen check' påminner).
Kör 'ikgen schema' så får VS Code förklaringar och stavningskontroll för alla filer."""

#: The accessibility statement's facts: valid, but obviously the municipality's to replace.
TILLGANGLIGHET: dict[str, tuple[Any, str]] = {
    "inledning": (None, ""),
    "efterlevnad": ("delvis förenlig", f"{PLACEHOLDER}: efter kommunens egen bedömning"),
    "kanda_brister": ([], ""),
    "kontakt": (None, f"{PLACEHOLDER}: e-postadress eller https://-länk till ett formulär"),
    "bedomd": (f"{PLACEHOLDER}: hur och när webbplatsen bedömdes, t.ex. självskattning", ""),
}


def kommun_text(year: int) -> str:
    """The whole commented kommun.yml for a municipality starting in ``year``."""
    sections = ["".join(f"# {line}\n" for line in HEADER.splitlines())]
    for name, info in Kommun.model_fields.items():
        comment = _comment(FALT[Kommun][name])
        if name == "tillganglighet":
            body = _commented_mapping(name, Tillganglighet, TILLGANGLIGHET)
        elif name == "omraden":
            body = dump_yaml({name: {year: [plain(_example_area().model_dump())]}})
            comment += _comment(f"Exempel för {year}: byt mot de områden fullmäktige beslutat.")
        else:
            value = info.get_default(call_default_factory=True)
            model = type(value) if isinstance(value, BaseModel) else None
            if model is not None and all(map(_is_scalar, value.model_dump().values())):
                pairs = {k: (v, "") for k, v in value.model_dump().items()}
                body = _commented_mapping(name, model, pairs)
            else:
                body = dump_yaml({name: _plain_value(value)})
                comment += _item_fields(value)
        sections.append(comment + body)
    return "\n".join(sections)


def _example_area() -> Omrade:
    return Omrade(id="informationssakerhet", namn="Informationssäkerhet", nummer=1)


def _plain_value(value: Any) -> Any:
    """A default as YAML-friendly data: models and lists of models become mappings."""
    if isinstance(value, BaseModel):
        return plain(value.model_dump())
    if isinstance(value, list):
        return [_plain_value(v) for v in value]
    return plain(value)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _comment(text: str, indent: str = "") -> str:
    """Text wrapped as ``# …`` comment lines."""
    lines = textwrap.wrap(text, _WIDTH - len(indent) - 2)
    return "".join(f"{indent}# {line}\n" for line in lines)


def _commented_mapping(name: str, model: type[BaseModel], pairs: dict[str, tuple[Any, str]]) -> str:
    """A mapping of scalars, each key with its Swedish field text as a comment above it and
    an optional note (``ÄNDRA: …``) after its value."""
    out = [f"{name}:"]
    for key, (value, note) in pairs.items():
        out.append(_comment(FALT[model][key], "  ").rstrip("\n"))
        line = "  " + dump_yaml({key: value}).rstrip("\n")
        out.append(f"{line}  # {note}" if note else line)
    return "\n".join(out) + "\n"


def _item_fields(value: Any) -> str:
    """For a list of models (or one nested model), one comment line per field of an item."""
    item = value[0] if isinstance(value, list) and value else value
    if not isinstance(item, BaseModel):
        return ""
    texts = FALT[type(item)]
    lines = [textwrap.wrap(f"{k}: {texts[k]}", _WIDTH - 6) for k in type(item).model_fields]
    return "".join(
        f"#   {'  ' if n else ''}{part}\n" for wrapped in lines for n, part in enumerate(wrapped)
    )
