"""Helpers shared by the checks: diagnostics at a location, duplicates, unknown references."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..diagnostics import Diagnostic, Severity, field_path
from ..load import SourceDocument


def err(src: SourceDocument, loc: tuple, message: str) -> Diagnostic:
    """A diagnostic at a location of a document, with its line and field path."""
    return Diagnostic(src.path, src.line_of(loc), field_path(loc) or None, message)


def warn(src: SourceDocument, loc: tuple, message: str) -> Diagnostic:
    """A warning at a location of a document: printed by ``ikgen check``, never stops a build."""
    line, field = src.line_of(loc), field_path(loc) or None
    return Diagnostic(src.path, line, field, message, Severity.WARNING)


def duplicates(
    src: SourceDocument, items: Iterable[tuple[tuple, str]], what: str
) -> list[Diagnostic]:
    """One diagnostic for each id that was already used earlier in the list."""
    seen: dict[str, tuple] = {}
    out = []
    for loc, ident in items:
        if ident in seen:
            first = src.line_of(seen[ident])
            out.append(
                err(src, loc, f"{what} '{ident}' finns redan (rad {first}); id ska vara unika")
            )
        else:
            seen[ident] = loc
    return out


def unknown(what: str, value: str, allowed: set[str], where: str) -> str:
    """A message for a reference to something that does not exist, with a suggestion."""
    guess = difflib.get_close_matches(value, sorted(allowed), n=1, cutoff=0.6)
    if guess:
        hint = f" — menade du '{guess[0]}'?"
    elif allowed and len(allowed) <= 12:
        hint = f"; finns: {', '.join(sorted(allowed))}"
    else:
        hint = ""
    return f"{what} '{value}' finns inte i {where}{hint}"


def check_scale(
    src: SourceDocument, loc: tuple, value: str | None, allowed: set[str], scale: str
) -> list[Diagnostic]:
    """A value that must be one of a kommun.yml scale's ids (empty is allowed)."""
    if value is None or value in allowed:
        return []
    return [err(src, loc, unknown("värdet", value, allowed, f"kommun.yml ({scale})"))]
