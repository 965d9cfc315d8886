"""The municipality (kommun.yml): period scheme, scales and internal-control areas per year."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .. import colors
from .common import Heltal, Kontakt, Markdown, Rad, Slug, StrictModel, TillatetNummer, Url


class Period(StrictModel):
    """One reporting period of the year, e.g. delår 1 per 30 April, or T1."""

    id: Slug
    """The period's id, used as file name and URL segment, e.g. ``delar-1``."""
    namn: Rad
    """Its Swedish label, e.g. ``Delår 1``."""
    per: str | None = Field(default=None, pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    """The day the period ends, as ``MM-DD``, e.g. ``04-30``."""
    frekvensnamn: Rad | None = None
    """How plans name the period in a control's frekvens, e.g. ``April``."""


class Bedomningsniva(StrictModel):
    """One step of the assessment scale (bedömning), e.g. ``mindre avvikelser``."""

    id: Slug
    """Its id, used in follow-ups, e.g. ``mindre-avvikelser``."""
    namn: Rad
    """Its label on the site, e.g. ``Mindre avvikelser`` or ``Mindre brister``."""
    allvar: Heltal | None = Field(default=None, ge=0, le=9)
    """Severity: 0 = no deviation, higher is worse; empty = no assessment made."""
    beskrivning: Markdown | None = None
    """What the level means, shown in the legend."""


class Statusniva(StrictModel):
    """One step of the status scale of a control's work, e.g. ``påbörjad``."""

    id: Slug
    """Its id, e.g. ``paborjad``."""
    namn: Rad
    """Its label, e.g. ``Påbörjad, ej slutförd``."""
    klar: bool = False
    """True for the step that means the work is finished (slutförd)."""


class Atgardsstatusniva(StrictModel):
    """One step of the status scale of actions (åtgärder), e.g. ``pågår``."""

    id: Slug
    """Its id, used in ``atgardsuppfoljning``, e.g. ``pagar``."""
    namn: Rad
    """Its label, e.g. ``Pågår``."""
    klar: bool = False
    """True for the step that means the action is done (genomförd)."""
    struken: bool = False
    """True for the step that closes an action without doing it (struken)."""

    @property
    def avslutad(self) -> bool:
        """Whether the action is closed: done or struck."""
        return self.klar or self.struken


class Riskniva(StrictModel):
    """A band of risk values that makes a risk låg, medel, hög or kritisk."""

    id: Slug
    """Its id, e.g. ``hog``."""
    namn: Rad
    """Its label, e.g. ``Hög``."""
    fran: Heltal = Field(ge=1)
    """The lowest riskvärde in this band."""


def _default_risknivaer() -> list[Riskniva]:
    return [
        Riskniva(id="lag", namn="Låg", fran=1),
        Riskniva(id="medel", namn="Medel", fran=5),
        Riskniva(id="hog", namn="Hög", fran=10),
        Riskniva(id="kritisk", namn="Kritisk", fran=16),
    ]


class Riskskala(StrictModel):
    """The risk scale: sannolikhet × konsekvens gives riskvärde."""

    sannolikhet: list[Rad] = Field(
        default_factory=lambda: ["Mycket liten", "Liten", "Möjlig", "Sannolik", "Mycket sannolik"]
    )
    """Labels of the likelihood steps, lowest first; their count is the scale's size."""
    konsekvens: list[Rad] = Field(
        default_factory=lambda: ["Försumbar", "Lindrig", "Måttlig", "Allvarlig", "Mycket allvarlig"]
    )
    """Labels of the consequence steps, lowest first."""
    nivaer: list[Riskniva] = Field(default_factory=_default_risknivaer)
    """The bands that make a riskvärde låg/medel/hög/kritisk, lowest first."""

    @property
    def max_varde(self) -> int:
        """The highest possible riskvärde."""
        return len(self.sannolikhet) * len(self.konsekvens)

    def niva(self, riskvarde: int) -> Riskniva | None:
        """The band a riskvärde falls in."""
        found = None
        for band in sorted(self.nivaer, key=lambda b: b.fran):
            if riskvarde >= band.fran:
                found = band
        return found


class Omrade(StrictModel):
    """An internal-control area decided by kommunfullmäktige, or a numbered city-wide goal."""

    id: Slug
    """Its id, referenced from risks, e.g. ``informationssakerhet``."""
    namn: Rad
    """Its name, e.g. ``Informationssäkerhet``."""
    nummer: Heltal | Rad | None = None
    """Its number as written, where goals are numbered (``3``, ``"1.1"``)."""
    beskrivning: Markdown | None = None
    """What the area covers (shown above its controls)."""


class Termer(StrictModel):
    """The municipality's own words for the levels and fields of its plans and reports.

    Headings, card labels, table headers, counts and the navigation use these words, so a
    site speaks the way the municipality's documents do (a process is never called a risk).
    """

    risk: Rad = "Risk"
    """What a risk-level item is called, e.g. ``Risk`` or ``Process``."""
    risker: Rad = "Risker"
    """Its plural, e.g. ``Processer``."""
    kontroll: Rad = "Kontroll"
    """What a control is called, e.g. ``Kontrollmoment`` or ``Kontrollaktivitet``."""
    kontroller: Rad = "Kontroller"
    """Its plural, e.g. ``Kontrollaktiviteter``."""
    kontrollen: Rad = "Kontrollen"
    """Its definite form, e.g. ``Kontrollaktiviteten``."""
    risken: Rad = "Risken"
    """The risk level's definite form, e.g. ``Processen``."""
    process: Rad = "Process"
    """The label of a risk's process (or ansvarsområde)."""
    rutin: Rad = "Rutin som kontrolleras"
    """The label of a control's ``rutin``, e.g. ``Arbetssätt``."""
    metod: Rad = "Metod"
    """The label of a control's ``metod``, e.g. ``Systematisk kontroll``."""
    riskbeskrivning: Rad = "Riskbeskrivning"
    """The label of a risk's description."""
    befintliga_rutiner: Rad = "Befintliga arbetssätt och rutiner"
    """The label of a risk's existing routines, e.g. ``Befintliga aktiviteter``."""
    planerad_hantering: Rad = "Planerad hantering"
    """The label of a risk's planned handling."""
    iakttagelser: Rad = "Avvikelser och förbättringsområden"
    """The heading of a report's findings (iakttagelser)."""


class Dokumentstatusnamn(StrictModel):
    """How the municipality words where a plan or report is (its labels on the site)."""

    paborjad: Rad = "Påbörjad, ej beslutad"
    """A document that is being written, published before the decision."""
    fardigstalld: Rad = "Färdigställd, ej beslutad"
    """A finished document that the nämnd has not decided on yet."""
    beslutad: Rad = "Beslutad"
    """A decided document."""


class Tillganglighet(StrictModel):
    """What the accessibility statement (tillgänglighetsredogörelse) says."""

    inledning: Markdown | None = None
    """Who stands behind the site, in the municipality's words (default: ``{kommun} står
    bakom den här webbplatsen …``); e.g. for a demonstration site that is not the kommun's."""
    efterlevnad: Literal["helt förenlig", "delvis förenlig", "inte förenlig"]
    """Compliance with the law, as the municipality states it (never assumed)."""
    kanda_brister: list[Markdown] = Field(default_factory=list)
    """Known gaps."""
    kontakt: Kontakt | None = None
    """Where to report an accessibility problem: an e-mail address or a form's https:// URL."""
    bedomd: Rad
    """How and when the site was assessed, as the municipality states it."""


_PROFILE_FILE = re.compile(r"^[a-z0-9][a-z0-9._/-]{0,199}\.(svg|png)$")


def _profile_file(value: str) -> str:
    """A logo or favicon: a path inside content/ to an .svg or .png file, never out of it."""
    if not _PROFILE_FILE.match(value) or ".." in value or "//" in value:
        raise ValueError(
            f"{value!r} ska vara en sökväg i content/ till en .svg- eller .png-fil, med små"
            " bokstäver, siffror, bindestreck och /, t.ex. 'profil/logotyp.svg'"
        )
    return value


def _colour(value: str, pair: str, needed: float) -> str:
    """A ``#rrggbb`` colour with enough contrast against white in ``pair``; lower case."""
    if not colors.is_hex_colour(value):
        raise ValueError(f"{value!r} ska vara en färg som #rrggbb, t.ex. '#1f4e79'")
    value = value.lower()
    problem = colors.contrast_problem(pair.format(colour=value), colors.WHITE, value, needed)
    if problem:
        raise ValueError(problem)
    return value


class Profil(StrictModel):
    """The municipality's graphic profile: logo, favicon, colours and a footer line.

    Every colour is checked against where it is used (core/colors.py): white header text on
    ``primar``, links in ``accent`` on white, both at least WCAG AA's 4.5:1.
    """

    logotyp: str | None = None
    """The logo in the header: a path inside content/ to an .svg or .png file."""
    favicon: str | None = None
    """The browser tab's icon: a path inside content/ to an .svg or .png file."""
    primar: str | None = None
    """The primary colour ``#rrggbb``: the header's background (with white text), graphics."""
    accent: str | None = None
    """The accent colour ``#rrggbb``: links and highlights on white."""
    sidfot: Rad | None = None
    """A line in every page's footer, e.g. a contact: ``Frågor: kommun@kommun.se``."""

    @field_validator("logotyp", "favicon")
    @classmethod
    def _file(cls, value: str | None) -> str | None:
        return None if value is None else _profile_file(value)

    @field_validator("primar")
    @classmethod
    def _primary(cls, value: str | None) -> str | None:
        return None if value is None else _colour(value, "vit text på {colour}", colors.TEXT_AA)

    @field_validator("accent")
    @classmethod
    def _accent(cls, value: str | None) -> str | None:
        pair = "länkar i {colour} på vit bakgrund"
        return None if value is None else _colour(value, pair, colors.TEXT_AA)


def _default_perioder() -> list[Period]:
    return [
        Period(id="delar-1", namn="Delår 1", per="04-30", frekvensnamn="April"),
        Period(id="delar-2", namn="Delår 2", per="08-31", frekvensnamn="Augusti"),
        Period(id="helar", namn="Helår", per="12-31", frekvensnamn="December"),
    ]


def _default_bedomning() -> list[Bedomningsniva]:
    return [
        Bedomningsniva(id="inga-avvikelser", namn="Inga avvikelser", allvar=0),
        Bedomningsniva(id="mindre-avvikelser", namn="Mindre avvikelser", allvar=1),
        Bedomningsniva(id="graverande-avvikelser", namn="Graverande avvikelser", allvar=2),
        Bedomningsniva(id="ingen-bedomning", namn="Ingen bedömning gjord"),
    ]


def _default_status() -> list[Statusniva]:
    return [
        Statusniva(id="ej-paborjad", namn="Ej påbörjad"),
        Statusniva(id="paborjad", namn="Påbörjad"),
        Statusniva(id="pausad", namn="Pausad"),
        Statusniva(id="slutford", namn="Slutförd", klar=True),
    ]


def _default_atgardsstatus() -> list[Atgardsstatusniva]:
    return [
        Atgardsstatusniva(id="ej-paborjad", namn="Ej påbörjad"),
        Atgardsstatusniva(id="pagar", namn="Pågår"),
        Atgardsstatusniva(id="forsenad", namn="Försenad"),
        Atgardsstatusniva(id="genomford", namn="Genomförd", klar=True),
        Atgardsstatusniva(id="struken", namn="Struken", struken=True),
    ]


def _default_helhet() -> list[Bedomningsniva]:
    return [
        Bedomningsniva(id="tillracklig", namn="Tillräcklig", allvar=0),
        Bedomningsniva(id="delvis-tillracklig", namn="Delvis tillräcklig", allvar=1),
        Bedomningsniva(id="inte-tillracklig", namn="Inte tillräcklig", allvar=2),
    ]


class Kommun(StrictModel):
    """The municipality and its settings (``content/kommun.yml``)."""

    namn: Rad | None = None
    """The municipality's name, e.g. ``Norrtälje kommun``; left out when the documents do not
    name it (the nämnder are then the publishers)."""
    webbplats: Url | None = None
    """The site's public address (used for feeds, sitemap and the data catalogue)."""
    beskrivning: Markdown | None = None
    """An introduction shown on the start page."""
    kontakt: Kontakt | None = None
    """Contact for questions about the site or its data: an e-mail address or an https:// URL."""
    grupprubrik: Rad | None = "Internkontrollområde"
    """The word before a numbered group, e.g. ``Internkontrollområde`` or ``Mål``; null: the
    number stands alone before the name (``1.1 I Stockholm är …``)."""
    termer: Termer = Field(default_factory=Termer)
    """The municipality's own words for levels and fields (see Termer)."""
    dokumentstatus: Dokumentstatusnamn = Field(default_factory=Dokumentstatusnamn)
    """How the site words where a plan or report is."""
    risker_som_rubriker: bool = False
    """True when reports show each risk (process) as a heading with its controls below it."""
    riskvarden: bool = True
    """False when the plans give no risk values at all: no risk matrix is shown."""
    perioder: list[Period] = Field(default_factory=_default_perioder)
    """The period scheme, in order within the year."""
    bedomningsskala: list[Bedomningsniva] = Field(default_factory=_default_bedomning)
    """The assessment scale used in follow-ups."""
    statusskala: list[Statusniva] = Field(default_factory=_default_status)
    """The status scale of each control's work."""
    atgardsstatus: list[Atgardsstatusniva] = Field(default_factory=_default_atgardsstatus)
    """The status scale of actions (åtgärder) in later follow-ups, in order."""
    helhetsskala: list[Bedomningsniva] = Field(default_factory=_default_helhet)
    """The scale of an overall verdict on the nämnd's internal control."""
    riskskala: Riskskala | None = Field(default_factory=Riskskala)
    """The risk scale; null when the documents state none (a riskvärde is then shown alone)."""
    omraden: dict[int, list[Omrade]] = Field(default_factory=dict)
    """Internal-control areas (or goals) per year, as decided by kommunfullmäktige."""
    tillganglighet: Tillganglighet | None = None
    """The accessibility statement's facts, written by the municipality (required to publish:
    ikgen never states compliance on its behalf)."""
    tillatna_nummer: list[TillatetNummer] = Field(default_factory=list)
    """Identity numbers this file may publish after all (normally none; see TillatetNummer)."""
    profil: Profil | None = None
    """The municipality's graphic profile (logo, favicon, colours); none: ikgen's own look."""
    pdf: bool = True
    """False: no PDF/A is made, linked or listed (a site of pages and open data only, e.g. when
    the archive copy is made elsewhere). A PDF once published keeps its address: turning this
    off later is stopped by the publish gate like any removed URL."""

    @field_validator("omraden")
    @classmethod
    def _years_plausible(cls, value: dict[int, list[Omrade]]) -> dict[int, list[Omrade]]:
        for year in value:
            if not 1990 <= year <= 2200:
                raise ValueError(f"årtalet {year} är inte rimligt")
        return value

    @model_validator(mode="after")
    def _scales_nonempty(self) -> Kommun:
        if not self.perioder:
            raise ValueError("perioder får inte vara tom")
        return self

    def dokumentstatus_namn(self, status: str) -> str:
        """The site's words for a document status (utkast is never published)."""
        return getattr(self.dokumentstatus, status, "Utkast")

    def grupprubrik_for(self, area: Omrade) -> str:
        """A group's heading: ``Internkontrollområde 3: Namn``, or ``1.1 Namn`` without a word."""
        if area.nummer is None:
            return area.namn
        if self.grupprubrik:
            return f"{self.grupprubrik} {area.nummer}: {area.namn}"
        return f"{area.nummer} {area.namn}"

    def period(self, period_id: str) -> Period | None:
        """The period with this id."""
        return next((p for p in self.perioder if p.id == period_id), None)

    def period_index(self, period_id: str) -> int:
        """The position of a period within the year (for sorting)."""
        ids = [p.id for p in self.perioder]
        return ids.index(period_id) if period_id in ids else len(ids)

    def bedomning(self, level_id: str | None) -> Bedomningsniva | None:
        """The assessment level with this id."""
        return next((b for b in self.bedomningsskala if b.id == level_id), None)

    def helhet(self, level_id: str | None) -> Bedomningsniva | None:
        """The overall-verdict level with this id."""
        return next((b for b in self.helhetsskala if b.id == level_id), None)

    def status(self, status_id: str | None) -> Statusniva | None:
        """The status step with this id."""
        return next((s for s in self.statusskala if s.id == status_id), None)

    def atgardsstatus_for(self, status_id: str | None) -> Atgardsstatusniva | None:
        """The action status step with this id."""
        return next((s for s in self.atgardsstatus if s.id == status_id), None)

    def omraden_for(self, year: int) -> list[Omrade]:
        """The areas that apply in a year: that year's, else the latest earlier year's.

        Areas stay in force until kommunfullmäktige decides new ones, so next year's plan
        can be written before kommun.yml lists the new year.
        """
        earlier = [y for y in self.omraden if y <= year]
        return self.omraden[max(earlier)] if earlier else []
