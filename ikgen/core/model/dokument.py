"""The nämnd, its plan per year and its follow-ups (uppföljningar) per period."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_serializer, model_validator

from .common import (
    Avsnitt,
    Beslut,
    Bilaga,
    Heltal,
    Markdown,
    Rad,
    Sekretess,
    Slug,
    StrictModel,
    Tal,
    TillatetNummer,
)


class Dokumentstatus(StrEnum):
    """Where a document is in its life: drafts are never published."""

    UTKAST = "utkast"
    PABORJAD = "paborjad"
    FARDIGSTALLD = "fardigstalld"
    BESLUTAD = "beslutad"


class Namnd(StrictModel):
    """A nämnd (committee) and its stable id (``content/{id}/namnd.yml``)."""

    namn: Rad
    """The nämnd's name, e.g. ``Socialnämnden``."""
    kortnamn: Rad | None = None
    """A short form, e.g. ``SN``."""
    beskrivning: Markdown | None = None
    """What the nämnd is responsible for."""
    forvaltning: Rad | None = None
    """The administration that prepares its internal control, e.g. ``Socialförvaltningen``."""
    tidigare_id: list[Slug] = Field(default_factory=list)
    """Earlier ids of the nämnd; their URLs redirect here."""
    tillatna_nummer: list[TillatetNummer] = Field(default_factory=list)
    """Identity numbers this file may publish after all (normally none; see TillatetNummer)."""


def risk_value(given: int | None, sannolikhet: int | None, konsekvens: int | None) -> int | None:
    """A risk value: as given, or sannolikhet × konsekvens when both are known."""
    if given is not None:
        return given
    if sannolikhet is not None and konsekvens is not None:
        return sannolikhet * konsekvens
    return None


def _as_list(value: object) -> object:
    """One way of handling written alone is a list of one."""
    return [value] if isinstance(value, str) else value


class Hantering(StrEnum):
    """How a risk is handled."""

    KONTROLL = "kontroll"
    ATGARD = "atgard"
    FORBATTRINGSARBETE = "forbattringsarbete"
    ACCEPTERAD = "accepterad"


class Galler(StrictModel):
    """What a finding or action concerns: a risk, a control, an area or goal, or a text."""

    risk: Slug | None = None
    """The risk (or process) it concerns, by id in the year's plan."""
    kontroll: Slug | None = None
    """The control it concerns, by id in the year's plan."""
    omrade: Slug | None = None
    """The area or goal it concerns, by id in kommun.yml."""
    galler: Rad | None = None
    """What it concerns as the report words it, when that is not in the plan."""


class Atgard(Galler):
    """A planned or taken action (åtgärd): under a risk in a plan, under a control's result, or
    at any level of a report. With an ``id`` it is followed up in later reports."""

    id: Slug | None = None
    """The action's id, stable across periods and years of one nämnd (like a control's id);
    later follow-ups state its status under ``atgardsuppfoljning``."""
    vad: Markdown
    """What will be done (or the action's heading)."""
    kommentar: Markdown | None = None
    """More about the action, as the report words it."""
    vem: Rad | None = None
    """Who is responsible."""
    nar: Rad | dt.date | None = None
    """By when: a date, or a text such as ``hösten 2024``."""
    status: Slug | None = None
    """Status, from the kommun's status scale."""


class Kontroll(StrictModel):
    """A control (kontrollmoment) that tests a risk and reports in some periods."""

    id: Slug
    """The control's id; the same id in two years of one nämnd is the same control."""
    titel: Rad
    """What is checked, e.g. ``Kontroll av fakturor från avtalade leverantörer``."""
    ansvarig: Rad | None = None
    """Who is responsible (department or role), e.g. ``Avdelningen för stöd och utveckling``."""
    frekvens: list[Slug] = Field(default_factory=list)
    """The periods (ids from kommun.yml) in which the control reports; empty = not stated."""
    frekvenstext: Rad | None = None
    """The frequency as the plan words it, e.g. ``April, augusti, december``."""
    metod: Markdown | None = None
    """How the control is carried out."""
    rutin: Markdown | None = None
    """The routine or process that the control tests."""
    verifieras_av: Rad | None = None
    """Who verifies that the check was done."""
    tidigare_id: list[Slug] = Field(default_factory=list)
    """Earlier ids of this control; their URLs redirect here."""
    tillagd: Beslut | None = None
    """The later decision that added the control during the year (not in the plan as adopted)."""
    sekretess: Sekretess | None = None
    """The control is secret: only its id, the ground and a public extract are published."""
    struken: Beslut | None = None
    """The decision that withdrew the control during the year."""


class Risk(StrictModel):
    """A risk in the plan, under an area or goal, with the controls that test it."""

    id: Slug
    """The risk's id, e.g. ``it-sakerhet``."""
    titel: Rad
    """Its title, e.g. ``IT-säkerhet``."""
    omrade: Slug | None = None
    """The area or goal (id from kommun.yml for this year) the risk belongs to."""
    process: Rad | None = None
    """The process label, where risks sit under goals and processes."""
    beskrivning: Markdown | None = None
    """The risk description, e.g. ``Risk för bristande IT-säkerhet …``."""
    sannolikhet: Heltal | None = Field(default=None, ge=1)
    """Likelihood on the kommun's scale."""
    konsekvens: Heltal | None = Field(default=None, ge=1)
    """Consequence on the kommun's scale."""
    riskvarde: Heltal | None = Field(default=None, ge=1)
    """Risk value; derived as sannolikhet × konsekvens, or given alone when only it is known."""
    befintliga_rutiner: Markdown | None = None
    """Existing routines and ways of working that reduce the risk."""
    hantering: (
        Annotated[
            list[Hantering],
            BeforeValidator(_as_list, json_schema_input_type=Hantering | list[Hantering]),
        ]
        | None
    ) = None
    """How the risk is handled, where the plan says — one way or several: ``kontroll``,
    ``atgard`` (a one-off action), ``forbattringsarbete`` or ``accepterad`` (never assumed)."""
    motivering: Markdown | None = None
    """Why the risk is handled this way, e.g. why it is accepted."""
    atgarder: list[Atgard] = Field(default_factory=list)
    """One-off actions decided in the plan for this risk."""
    tillagd: Beslut | None = None
    """The later decision that added the risk during the year (not in the plan as adopted)."""
    struken: Beslut | None = None
    """The decision that withdrew the risk during the year."""
    planerad_hantering: Markdown | None = None
    """The planned handling as the plan words it (planerad hantering)."""
    kontroller: list[Kontroll] = Field(default_factory=list)
    """The controls that test this risk."""
    tidigare_id: list[Slug] = Field(default_factory=list)
    """Earlier ids of this risk (its anchor)."""

    @property
    def hanteringar(self) -> list[Hantering]:
        """Every way the risk is handled (empty: the plan does not say)."""
        return list(self.hantering or [])

    @field_serializer("hantering")
    def _one_or_list(self, value: list[Hantering] | None) -> Hantering | list[Hantering] | None:
        # Open data keeps one way as a plain value (as before several were possible).
        return value[0] if value and len(value) == 1 else value

    @property
    def varde(self) -> int | None:
        """The risk value: given, or sannolikhet × konsekvens."""
        return risk_value(self.riskvarde, self.sannolikhet, self.konsekvens)


class Plan(StrictModel):
    """A nämnd's internal-control plan for one year (``content/{nämnd}/{år}/plan.yml``)."""

    status: Dokumentstatus = Dokumentstatus.BESLUTAD
    """``utkast`` (never published), ``paborjad`` or ``beslutad``."""
    titel: Rad | None = None
    """The plan's title, if it differs from ``Internkontrollplan {år}``."""
    beslut: Beslut | None = None
    """The decision that adopted the plan."""
    upprattad: dt.date | None = None
    """When the plan document was written."""
    inledning: Markdown | None = None
    """Introduction: how the risks were identified and prioritised."""
    risker: list[Risk] = Field(default_factory=list)
    """The risks, each with its controls."""
    avsnitt: list[Avsnitt] = Field(default_factory=list)
    """Further sections of the plan document, shown after the risks."""
    bilagor: list[Bilaga] = Field(default_factory=list)
    """Linked documents, e.g. the adopted PDF."""
    tillatna_nummer: list[TillatetNummer] = Field(default_factory=list)
    """Identity numbers this file may publish after all (normally none; see TillatetNummer)."""


class Indikator(StrictModel):
    """A named numeric value, comparable across periods by its id."""

    id: Slug
    """The indicator's id within its control; the same id in another period is the same measure."""
    namn: Rad
    """What is measured, e.g. ``Andel utredningar ej avslutade inom 4 månader``."""
    varde: Tal | None = None
    """The value, e.g. ``37.5``; may be empty only in a draft (a scaffold leaves it to fill)."""
    enhet: Rad | None = None
    """The unit, e.g. ``%`` or ``st``."""
    av: Tal | None = None
    """The total the value is counted out of (``4 av 13``), where the report gives one."""


class Periodresultat(StrictModel):
    """One period's result inside a document that gives several (T1, T2 and VB side by side)."""

    period: Slug
    """The period (id from kommun.yml)."""
    resultat: Markdown | None = None
    """That period's result."""
    indikatorer: list[Indikator] = Field(default_factory=list)
    """That period's figures."""


class Kontrollresultat(StrictModel):
    """What one follow-up says about one control."""

    kontroll: Slug
    """The control's id in the plan of the same year."""
    status: Slug | None = None
    """Status of the work (from the kommun's status scale)."""
    bedomning: Slug | None = None
    """The assessment (from the kommun's assessment scale)."""
    resultat: Markdown | None = None
    """The result of the control."""
    indikatorer: list[Indikator] = Field(default_factory=list)
    """Figures from the result, named so they can be compared across periods."""
    kommentar: Markdown | None = None
    """The administration's comment."""
    atgarder: list[Atgard] = Field(default_factory=list)
    """Planned actions (ny uppföljning eller åtgärd)."""
    perioder: list[Periodresultat] = Field(default_factory=list)
    """Each period's result, where one document gives several (T1, T2, VB)."""
    sekretess: Sekretess | None = None
    """The result is secret: status and assessment are published, its texts and figures not."""


class Omvardering(StrictModel):
    """A risk re-assessed in a follow-up: its new value as the report states it, with why."""

    sannolikhet: Heltal | None = Field(default=None, ge=1)
    """The new likelihood."""
    konsekvens: Heltal | None = Field(default=None, ge=1)
    """The new consequence."""
    riskvarde: Heltal | None = Field(default=None, ge=1)
    """The new risk value (or derived from the two above)."""
    motivering: Markdown | None = None
    """Why the value changed."""

    @property
    def varde(self) -> int | None:
        """The new risk value: given, or sannolikhet × konsekvens."""
        return risk_value(self.riskvarde, self.sannolikhet, self.konsekvens)


class Riskuppfoljning(StrictModel):
    """Follow-up of a risk: does its handling follow the plan? With the plan's facts as the
    report states them when the plan itself is not published."""

    risk: Slug
    """The risk's id (in the year's plan, when one is published)."""
    foljer_plan: bool | None = None
    """Whether the handling follows the plan (följer plan: ja/nej)."""
    kommentar: Markdown | None = None
    """Comment."""
    titel: Rad | None = None
    """The risk as the report states it, when the year's plan does not."""
    process: Rad | None = None
    """Its process or ansvarsområde, as the report states it."""
    riskvarde: Heltal | None = Field(default=None, ge=1)
    """Its risk value, as the report states it."""
    befintliga_rutiner: Markdown | None = None
    """Its existing routines or activities, as the report states them."""
    planerad_hantering: Markdown | None = None
    """Its planned handling, as the report states it."""
    omvardering: Omvardering | None = None
    """The risk re-assessed in this follow-up (the plan's value stays as adopted)."""


class Iakttagelse(Galler):
    """A finding (avvikelse or förbättringsområde) at any level of a report."""

    rubrik: Rad
    """The finding's heading."""
    text: Markdown | None = None
    """The finding."""
    typ: Rad | None = None
    """What kind of finding, in the report's words, e.g. ``Avvikelse``."""
    atgarder: list[Atgard] = Field(default_factory=list)
    """What is done about it."""


class Atgardsuppfoljning(StrictModel):
    """A later report's status of an action decided earlier (in a plan or a follow-up)."""

    atgard: Slug
    """The action's id, as given where it was decided."""
    status: Slug | None = None
    """Its status, from kommun.yml's ``atgardsstatus``; empty when the report does not say."""
    nar: Rad | dt.date | None = None
    """A new date (or when it was done), e.g. ``2025-06-30`` or ``hösten 2025``."""
    kommentar: Markdown | None = None
    """What the report says about the action."""
    effekt: Markdown | None = None
    """The effect: did the risk value or the control's result change?"""


class Helhetsbedomning(StrictModel):
    """An overall verdict on the nämnd's internal control."""

    bedomning: Slug
    """The verdict (from the kommun's helhetsskala), e.g. ``tillracklig``."""
    analys: Markdown | None = None
    """The analysis behind it."""


class Uppfoljning(StrictModel):
    """A follow-up report for one period (``content/{nämnd}/{år}/{period}.yml``)."""

    status: Dokumentstatus
    """``utkast`` (never published), ``paborjad`` or ``beslutad``."""
    titel: Rad | None = None
    """The report's title, e.g. ``Internkontrollrapport per april 2024``."""
    rapportdatum: dt.date | None = None
    """The date the report covers up to (rapportperiod), e.g. ``2024-04-30``."""
    upprattad: dt.date | None = None
    """The date of the report document or tjänsteutlåtande, e.g. ``2024-05-07``."""
    forutsattningar: Markdown | None = None
    """The report's premises (rapportens förutsättning): its purpose, scope and focus."""
    beslut: Beslut | None = None
    """The decision on the report."""
    sammanfattning: Markdown | None = None
    """The summary."""
    helhetsbedomning: Helhetsbedomning | None = None
    """An overall verdict on the internal control, where the report gives one."""
    analys: Markdown | None = None
    """The administration's analysis and conclusions."""
    kontroller: list[Kontrollresultat] = Field(default_factory=list)
    """The result per control."""
    risker: list[Riskuppfoljning] = Field(default_factory=list)
    """Follow-up of risks (följer plan), e.g. those handled by improvement work."""
    iakttagelser: list[Iakttagelse] = Field(default_factory=list)
    """Findings (avvikelser, förbättringsområden) at any level."""
    atgarder: list[Atgard] = Field(default_factory=list)
    """Actions at any level of the report (each says what it concerns)."""
    atgardsuppfoljning: list[Atgardsuppfoljning] = Field(default_factory=list)
    """The status of actions decided earlier (in a plan or an earlier follow-up), by id."""
    avsnitt: list[Avsnitt] = Field(default_factory=list)
    """Further sections, e.g. ``Lagkrav``, ``Ekonomiska konsekvenser``, ``Tidplan``."""
    bilagor: list[Bilaga] = Field(default_factory=list)
    """Linked documents."""
    tillatna_nummer: list[TillatetNummer] = Field(default_factory=list)
    """Identity numbers this file may publish after all (normally none; see TillatetNummer)."""

    @model_validator(mode="after")
    def _decided_has_decision(self) -> Uppfoljning:
        if self.status == Dokumentstatus.BESLUTAD and self.beslut is None:
            raise ValueError("en beslutad uppföljning ska ha 'beslut'")
        return self


Dokumentslag = Literal["plan", "uppfoljning"]
