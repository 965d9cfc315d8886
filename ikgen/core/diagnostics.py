"""Diagnostics: one problem in the content, with the file, line and field it concerns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in the content, worded in Swedish for the editor."""

    path: str
    """The file, relative to the content folder's parent (e.g. ``content/kommun.yml``)."""
    line: int | None
    """1-based line number, where one is known."""
    field: str | None
    """The field path, e.g. ``risker[2].kontroller[0].ansvarig``."""
    message: str
    """What is wrong and, where possible, how to fix it."""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(Exception):
    """Raised when the content has problems; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.path, d.line or 0, d.message))
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def field_path(loc: tuple[str | int, ...]) -> str:
    """Format a location tuple as ``a.b[2].c``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
