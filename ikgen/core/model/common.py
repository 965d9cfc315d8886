"""Shared building blocks of the content model: slugs, Markdown text, decision records."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
)

from ..limits import markdown_problems

#: An explicit id: lowercase ascii letters, digits and hyphens. Never derived from a title.
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=80),
]


def _bounded_markdown(value: str) -> str:
    """Refuse Markdown that would make the build slow or fail (see ikgen/core/limits.py)."""
    problems = markdown_problems(value)
    if problems:
        raise ValueError(problems[0])
    return value


#: A text field written in Markdown. Rendered to sanitized HTML; never trusted as HTML.
#: At most 50 000 characters, within the limits of ikgen/core/limits.py (nesting, open brackets…).
Markdown = Annotated[str, StringConstraints(max_length=50_000), AfterValidator(_bounded_markdown)]

#: A web address: only http(s), so no ``javascript:`` or ``data:`` link reaches the site.
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)]

_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$")
_EMAIL = re.compile(r"^(?:mailto:)?[^\s<>\"'@:/]+@[^\s<>\"'@:/]+\.[^\s<>\"'@:/]+$")


def _contact_address(value: object) -> object:
    """An e-mail address or a web address; anything else (``javascript:``, ``tel:``) is refused."""
    if isinstance(value, str) and not (_EMAIL.match(value) or _WEB_ADDRESS.match(value)):
        raise ValueError(
            f"'{value[:60]}' ska vara en e-postadress (namn@kommun.se) eller en webbadress som"
            " börjar med https://; andra adresser (t.ex. javascript:) kommer inte med i"
            " webbplatsen eller datakatalogen"
        )
    return value


#: A contact: an e-mail address (``mailto:`` allowed) or an http(s) address, at most 500 chars.
Kontakt = Annotated[
    str, StringConstraints(min_length=1, max_length=500), AfterValidator(_contact_address)
]

#: A whole number as written: ``true`` or ``3.5`` is refused rather than read as 1 or 3.
Heltal = Annotated[int, Strict()]

#: A finite number (an integer is accepted; ``true``, ``.inf`` and ``.nan`` are refused).
Tal = Annotated[float, Strict(), AllowInfNan(False)]


def _one_line(value: object) -> object:
    """Fold a one-line text's line breaks into spaces: a newline could end its HTML block."""
    return " ".join(value.split()) if isinstance(value, str) else value


#: A short one-line text (titles, names); line breaks are folded into spaces.
Rad = Annotated[str, StringConstraints(min_length=1, max_length=500), BeforeValidator(_one_line)]


class StrictModel(BaseModel):
    """Base for every content model: unknown keys are errors, values are not silently changed."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
    )


class TillatetNummer(StrictModel):
    """One identity number a document may publish, with why (see ikgen/core/sensitive.py).

    ikgen refuses any personnummer or samordningsnummer in the content. Listing one here, in
    the same file, under ``tillatna_nummer``, allows exactly that text in that file.
    """

    nummer: Rad
    """The number exactly as written in the text, e.g. ``19121212-1212``."""
    motivering: Rad
    """Why it may be published, e.g. ``Skatteverkets testnummer, ingen verklig person``."""


class Protokollsanteckning(StrictModel):
    """A note entered in the minutes by one or more members (protokollsanteckning)."""

    parti: Rad | None = None
    """The party or parties behind the note, e.g. ``Socialdemokraterna``."""
    av: list[Rad] = Field(default_factory=list)
    """The members who entered the note, as written in the minutes, e.g. ``Anette Ländin (S)``."""
    text: Markdown
    """The note itself, verbatim."""
    underskrift: Rad | None = None
    """The signature line under the note, e.g. ``För Socialdemokraterna, Anette Ländin``."""


class Beslut(StrictModel):
    """The decision record of a plan or follow-up: who decided what, and when."""

    organ: Rad | None = None
    """The deciding body, e.g. ``Socialnämnden``; defaults to the nämnd's name."""
    datum: dt.date | None = None
    """The date of the meeting that took the decision."""
    paragraf: Rad | None = None
    """The paragraph in the minutes, e.g. ``§96``."""
    dnr: Rad | None = None
    """The diary number (diarienummer), e.g. ``SN 2023-1178``."""
    protokoll: Url | None = None
    """A link (``https://…``) to the published minutes."""
    text: Markdown | None = None
    """The decision as worded in the minutes (beslutstext)."""
    deltar_ej: list[Rad] = Field(default_factory=list)
    """Parties or members that did not take part in the decision (deltar ej i beslut)."""
    protokollsanteckningar: list[Protokollsanteckning] = Field(default_factory=list)
    """Notes entered in the minutes."""
    beredning: list[Rad] = Field(default_factory=list)
    """Earlier steps, e.g. ``§232 SNAU 2024-05-14`` (the arbetsutskott's proposal)."""
    beslutsunderlag: list[Rad] = Field(default_factory=list)
    """The documents the decision was based on (beslutsunderlag)."""
    beslutsgang: Markdown | None = None
    """How the decision was taken (beslutsgång), as the minutes word it."""
    skickas_till: list[Rad] = Field(default_factory=list)
    """Who the decision is sent to (beslutet ska skickas till): functions, not private addresses."""


class Sekretess(StrictModel):
    """Content that is secret (e.g. under 18 kap. 8 § OSL): kept in the source for the nämnd's
    own copy, never published; the site shows the ground and, if given, a public extract."""

    grund: Rad
    """The legal ground, e.g. ``18 kap. 8 § OSL``."""
    oppet_utdrag: Markdown | None = None
    """What may be published instead (öppet utdrag), if anything."""


class Avsnitt(StrictModel):
    """A further section of the document, e.g. ``Lagkrav`` or ``Ekonomiska konsekvenser``."""

    rubrik: Rad
    """The section's heading."""
    text: Markdown
    """The section's text."""
    placering: Literal["fore", "efter"] = "efter"
    """Where it stands: ``fore`` the results (e.g. a Bakgrund), or ``efter`` them."""
    sekretess: Sekretess | None = None
    """The section is secret: its text never reaches the site (see Sekretess)."""


class Bilaga(StrictModel):
    """A linked document, e.g. the original PDF."""

    titel: Rad
    """What the document is."""
    url: Url
    """Where it is published (``https://…``)."""
