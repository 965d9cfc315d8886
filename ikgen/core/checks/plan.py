"""Checks of a plan: unique ids, areas and periods that exist, risk values on the scale."""

from __future__ import annotations

from collections.abc import Iterable

from ..corpus import Document
from ..diagnostics import Diagnostic
from ..load import SourceDocument
from ..model import Kommun, Plan, Risk
from .common import duplicates, err, unknown

RESERVED_ANCHORS = frozenset(
    {
        "beslut",
        "sammanfattning",
        "atgarder",
        "atgardsuppfoljning",
        "helhetsbedomning",
        "avvikelser",
        "riskuppfoljning",
        "ej-redovisade",
        "analys",
        "bilagor",
        "inledning",
        "riskmatris",
        "risker",
        "perioder",
        "indikatorer",
        "metod",
        "namnder",
        "allvarligaste",
        "uppfoljningar",
        "planer",
        "kontroller",
        "data",
        "andringar",
        "efterlevnad",
        "kanda-brister",
        "bedomning",
        "kontakt",
        "om",
        "forutsattningar",
    }
)


def check_plan(kommun: Kommun, doc: Document) -> list[Diagnostic]:
    """Every problem of one plan that needs kommun.yml to see."""
    plan, src = doc.content, doc.source
    assert isinstance(plan, Plan)
    out = _check_ids(plan, src)
    areas = {a.id for a in kommun.omraden_for(doc.year)}
    periods = {p.id for p in kommun.perioder}
    scale = kommun.riskskala
    for i, risk in enumerate(plan.risker):
        loc = ("risker", i)
        out += _check_area(src, loc, risk, areas, doc.year, doc.year in kommun.omraden)
        sizes = (len(scale.sannolikhet), len(scale.konsekvens)) if scale else (None, None)
        out += _check_risk_values(src, loc, risk, *sizes)
        out += [
            err(
                src,
                (*loc, "kontroller", j, "frekvens", k),
                unknown("perioden", period, periods, "kommun.yml (perioder)"),
            )
            for j, kontroll in enumerate(risk.kontroller)
            for k, period in enumerate(kontroll.frekvens)
            if period not in periods
        ]
    return out


def _check_ids(plan: Plan, src: SourceDocument) -> list[Diagnostic]:
    risk_ids = [(("risker", i, "id"), r.id) for i, r in enumerate(plan.risker)]
    controls = [
        (("risker", i, "kontroller", j, "id"), k.id)
        for i, r in enumerate(plan.risker)
        for j, k in enumerate(r.kontroller)
    ]
    out = duplicates(src, risk_ids, "risken") + duplicates(src, controls, "kontrollen")
    # Risks and controls share the page's anchors, so one id may not name both.
    risk_names = {ident for _, ident in risk_ids}
    out += [
        err(src, loc, f"'{ident}' är redan id för en risk; en kontroll behöver ett eget id")
        for loc, ident in controls
        if ident in risk_names
    ]
    out += [
        err(src, loc, f"'{ident}' är reserverat för ett avsnitt på sidan; välj ett annat id")
        for loc, ident in risk_ids + controls
        if ident in RESERVED_ANCHORS
    ]
    return out


def _check_area(
    src: SourceDocument, loc: tuple, risk: Risk, areas: set[str], year: int, decided: bool
) -> list[Diagnostic]:
    """A risk's area must exist; it is required only when kommun.yml lists areas for the year."""
    if risk.omrade is not None and risk.omrade not in areas:
        where = f"kommun.yml (omraden, {year})"
        return [err(src, (*loc, "omrade"), unknown("området", risk.omrade, areas, where))]
    if risk.omrade is None and decided and areas:
        choices = ", ".join(sorted(areas))
        return [
            err(src, (*loc, "omrade"), f"risken ska höra till ett område; välj bland: {choices}")
        ]
    return []


def _check_risk_values(
    src: SourceDocument, loc: tuple, risk: Risk, max_s: int | None, max_k: int | None
) -> list[Diagnostic]:
    """Values within the kommun's scale (none stated: no upper bound) and consistent."""
    out = []
    for name, value, top in (
        ("sannolikhet", risk.sannolikhet, max_s),
        ("konsekvens", risk.konsekvens, max_k),
        ("riskvarde", risk.riskvarde, max_s * max_k if max_s and max_k else None),
    ):
        if value is not None and top is not None and value > top:
            label = "riskvärdet" if name == "riskvarde" else name
            out.append(err(src, (*loc, name), f"{label} {value} ligger utanför skalan 1–{top}"))
    if (risk.sannolikhet is None) != (risk.konsekvens is None):
        out.append(err(src, loc, "ange både sannolikhet och konsekvens, eller ingen av dem"))
    if risk.sannolikhet is not None and risk.konsekvens is not None and risk.riskvarde is not None:
        product = risk.sannolikhet * risk.konsekvens
        if product != risk.riskvarde:
            out.append(
                err(
                    src,
                    (*loc, "riskvarde"),
                    f"riskvärdet {risk.riskvarde} stämmer inte med sannolikhet × konsekvens"
                    f" = {risk.sannolikhet} × {risk.konsekvens} = {product}",
                )
            )
    return out


def check_stable_ids(plans: Iterable[Document]) -> list[Diagnostic]:
    """An earlier id may not be a current id in the same or a later year (it redirects).

    In an earlier year it is the control's old name: that is exactly what a rename is.
    """
    out: list[Diagnostic] = []
    docs = list(plans)
    for doc in docs:
        later = {
            k.id
            for d in docs
            if d.year >= doc.year
            for r in d.content.risker  # type: ignore[union-attr]
            for k in r.kontroller
        }
        for i, risk in enumerate(doc.content.risker):  # type: ignore[union-attr]
            for j, k in enumerate(risk.kontroller):
                out += [
                    err(
                        doc.source,
                        ("risker", i, "kontroller", j, "tidigare_id", m),
                        f"'{old}' är id för en kontroll i {doc.year} eller senare;"
                        " ett tidigare id kan inte också vara ett nuvarande",
                    )
                    for m, old in enumerate(k.tidigare_id)
                    if old in later
                ]
    return out
