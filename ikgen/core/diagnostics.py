"""Diagnostics: one problem in the content, with the file, line and field it concerns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a diagnostic is: an error stops the build, a warning never does."""

    ERROR = "fel"
    WARNING = "varning"


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
    severity: Severity = Severity.ERROR
    """An error (stops ``ikgen check`` and the build) or a warning (printed, never stops)."""

    @property
    def is_warning(self) -> bool:
        """True for a warning: worth a look, but the content may be published as it is."""
        return self.severity == Severity.WARNING

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        message = f"varning: {self.message}" if self.is_warning else self.message
        return f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in the order they are printed: by file, line and message."""
    return sorted(diagnostics, key=lambda d: (d.path, d.line or 0, d.message))


class ContentError(Exception):
    """Raised when the content has errors; carries every error and any warnings found."""

    def __init__(self, diagnostics: list[Diagnostic], warnings: Iterable[Diagnostic] = ()) -> None:
        self.diagnostics = in_order(diagnostics)
        self.warnings = in_order(warnings)
        """Warnings found alongside the errors (printed after them, never the cause)."""
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
