"""Checks: the rules that span documents (references, unique ids, risk arithmetic)."""

from __future__ import annotations

from collections.abc import Iterable

from .corpus import Corpus, Document
from .diagnostics import Diagnostic, field_path
from .load import SourceDocument
from .model import Kommun, Plan, Uppfoljning
from .sensitive import scan_corpus

#: Anchors of page sections; a risk or control id may not take one of them.
RESERVED_ANCHORS = frozenset(
    {
        "beslut",
        "sammanfattning",
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
        "forutsattningar",
    }
)


def check_corpus(corpus: Corpus) -> list[Diagnostic]:
    """Every cross-document problem in the corpus (empty when all is well)."""
    out: list[Diagnostic] = []
    out += _check_kommun(corpus.kommun, corpus.kommun_source)
    for n in corpus.namnder.values():
        for doc in n.plans.values():
            out += _check_plan(corpus.kommun, doc)
        for doc in n.uppfoljningar.values():
            out += _check_uppfoljning(corpus, doc)
        out += _check_stable_ids(n.plans.values())
    out += scan_corpus(corpus)  # personnummer and samordningsnummer never reach the site
    return out


def _err(src: SourceDocument, loc: tuple, message: str) -> Diagnostic:
    return Diagnostic(src.path, src.line_of(loc), field_path(loc) or None, message)


def _duplicates(
    src: SourceDocument, items: Iterable[tuple[tuple, str]], what: str
) -> list[Diagnostic]:
    seen: dict[str, tuple] = {}
    out = []
    for loc, ident in items:
        if ident in seen:
            first = src.line_of(seen[ident])
            out.append(
                _err(src, loc, f"{what} '{ident}' finns redan (rad {first}); id ska vara unika")
            )
        else:
            seen[ident] = loc
    return out


def _check_kommun(kommun: Kommun, src: SourceDocument) -> list[Diagnostic]:
    out = _duplicates(
        src, ((("perioder", i, "id"), p.id) for i, p in enumerate(kommun.perioder)), "perioden"
    )
    for scale in ("bedomningsskala", "statusskala", "helhetsskala"):
        items = ((((scale, i, "id")), s.id) for i, s in enumerate(getattr(kommun, scale)))
        out += _duplicates(src, items, "värdet")
    for year, areas in kommun.omraden.items():
        items = ((("omraden", str(year), i, "id"), a.id) for i, a in enumerate(areas))
        out += _duplicates(src, items, "området")
    return out


def _check_plan(kommun: Kommun, doc: Document) -> list[Diagnostic]:
    plan, src = doc.content, doc.source
    assert isinstance(plan, Plan)
    out: list[Diagnostic] = []
    out += _duplicates(
        src, ((("risker", i, "id"), r.id) for i, r in enumerate(plan.risker)), "risken"
    )
    controls = [
        (("risker", i, "kontroller", j, "id"), k.id)
        for i, r in enumerate(plan.risker)
        for j, k in enumerate(r.kontroller)
    ]
    out += _duplicates(src, controls, "kontrollen")
    risk_ids = [(("risker", i, "id"), r.id) for i, r in enumerate(plan.risker)]
    # Risks and controls share the page's anchors, so one id may not name both.
    risk_names = {ident for _, ident in risk_ids}
    out += [
        _err(src, loc, f"'{ident}' är redan id för en risk; en kontroll behöver ett eget id")
        for loc, ident in controls
        if ident in risk_names
    ]
    out += [
        _err(src, loc, f"'{ident}' är reserverat för ett avsnitt på sidan; välj ett annat id")
        for loc, ident in risk_ids + controls
        if ident in RESERVED_ANCHORS
    ]
    areas = {a.id for a in kommun.omraden_for(doc.year)}
    periods = {p.id for p in kommun.perioder}
    scale = kommun.riskskala
    for i, risk in enumerate(plan.risker):
        loc = ("risker", i)
        if risk.omrade is not None and risk.omrade not in areas:
            out.append(
                _err(
                    src,
                    (*loc, "omrade"),
                    _unknown("området", risk.omrade, areas, f"kommun.yml (omraden, {doc.year})"),
                )
            )
        if risk.omrade is None and areas:
            out.append(
                _err(
                    src,
                    (*loc, "omrade"),
                    f"risken ska höra till ett område; välj bland: {', '.join(sorted(areas))}",
                )
            )
        out += _check_risk_values(src, loc, risk, len(scale.sannolikhet), len(scale.konsekvens))
        for j, kontroll in enumerate(risk.kontroller):
            for k, period in enumerate(kontroll.frekvens):
                if period not in periods:
                    out.append(
                        _err(
                            src,
                            (*loc, "kontroller", j, "frekvens", k),
                            _unknown("perioden", period, periods, "kommun.yml (perioder)"),
                        )
                    )
    return out


def _check_risk_values(
    src: SourceDocument, loc: tuple, risk, max_s: int, max_k: int
) -> list[Diagnostic]:
    out = []
    if risk.sannolikhet is not None and risk.sannolikhet > max_s:
        out.append(
            _err(
                src,
                (*loc, "sannolikhet"),
                f"sannolikhet {risk.sannolikhet} ligger utanför skalan 1–{max_s}",
            )
        )
    if risk.konsekvens is not None and risk.konsekvens > max_k:
        out.append(
            _err(
                src,
                (*loc, "konsekvens"),
                f"konsekvens {risk.konsekvens} ligger utanför skalan 1–{max_k}",
            )
        )
    if (risk.sannolikhet is None) != (risk.konsekvens is None):
        out.append(_err(src, loc, "ange både sannolikhet och konsekvens, eller ingen av dem"))
    if None not in (risk.sannolikhet, risk.konsekvens, risk.riskvarde):
        product = risk.sannolikhet * risk.konsekvens
        if product != risk.riskvarde:
            out.append(
                _err(
                    src,
                    (*loc, "riskvarde"),
                    f"riskvärdet {risk.riskvarde} stämmer inte med sannolikhet × konsekvens"
                    f" = {risk.sannolikhet} × {risk.konsekvens} = {product}",
                )
            )
    if risk.riskvarde is not None and risk.riskvarde > max_s * max_k:
        out.append(
            _err(
                src,
                (*loc, "riskvarde"),
                f"riskvärdet {risk.riskvarde} ligger utanför skalan 1–{max_s * max_k}",
            )
        )
    return out


def _check_uppfoljning(corpus: Corpus, doc: Document) -> list[Diagnostic]:
    report, src, kommun = doc.content, doc.source, corpus.kommun
    assert isinstance(report, Uppfoljning)
    if kommun.period(doc.period_id or "") is None:
        ids = ", ".join(p.id for p in kommun.perioder)
        return [
            Diagnostic(
                src.path,
                None,
                None,
                f"filnamnet '{doc.period_id}.yml' är ingen period i kommun.yml;"
                f" tillåtna: {ids}, plan",
            )
        ]
    plan_doc = corpus.namnder[doc.namnd_id].plans.get(doc.year)
    if plan_doc is None and (doc.namnd_id, doc.year, None) in corpus.broken:
        return []  # the plan's own errors are already reported
    if plan_doc is None:
        return [
            Diagnostic(
                src.path, None, None, f"det finns ingen plan för {doc.year} (plan.yml i samma mapp)"
            )
        ]
    out: list[Diagnostic] = []
    if plan_doc.is_draft and not doc.is_draft:
        out.append(
            _err(src, ("status",), "uppföljningen kan inte publiceras när årets plan är ett utkast")
        )
    plan = plan_doc.content
    assert isinstance(plan, Plan)
    control_ids = {k.id for r in plan.risker for k in r.kontroller}
    risk_ids = {r.id for r in plan.risker}
    out += _duplicates(
        src,
        ((("kontroller", i, "kontroll"), r.kontroll) for i, r in enumerate(report.kontroller)),
        "kontrollen",
    )
    out += _duplicates(
        src, ((("risker", i, "risk"), r.risk) for i, r in enumerate(report.risker)), "risken"
    )
    where = f"planen {doc.year}"
    for i, res in enumerate(report.kontroller):
        loc = ("kontroller", i)
        if res.kontroll not in control_ids:
            out.append(
                _err(
                    src,
                    (*loc, "kontroll"),
                    _unknown("kontrollen", res.kontroll, control_ids, where),
                )
            )
        out += _check_scale(
            src, (*loc, "status"), res.status, {s.id for s in kommun.statusskala}, "statusskala"
        )
        out += _check_scale(
            src,
            (*loc, "bedomning"),
            res.bedomning,
            {b.id for b in kommun.bedomningsskala},
            "bedomningsskala",
        )
        out += _duplicates(
            src,
            (((*loc, "indikatorer", j, "id"), x.id) for j, x in enumerate(res.indikatorer)),
            "indikatorn",
        )
        out += [
            _err(
                src,
                (*loc, "indikatorer", j, "varde"),
                "värdet saknas; bara ett utkast får sakna värde",
            )
            for j, x in enumerate(res.indikatorer)
            if x.varde is None and not doc.is_draft
        ]
        for j, atgard in enumerate(res.atgarder):
            out += _check_scale(
                src,
                (*loc, "atgarder", j, "status"),
                atgard.status,
                {s.id for s in kommun.statusskala},
                "statusskala",
            )
    for i, ru in enumerate(report.risker):
        if ru.risk not in risk_ids:
            out.append(
                _err(src, ("risker", i, "risk"), _unknown("risken", ru.risk, risk_ids, where))
            )
    if report.helhetsbedomning is not None:
        out += _check_scale(
            src,
            ("helhetsbedomning", "bedomning"),
            report.helhetsbedomning.bedomning,
            {h.id for h in kommun.helhetsskala},
            "helhetsskala",
        )
    return out


def _check_scale(
    src: SourceDocument, loc: tuple, value: str | None, allowed: set[str], scale: str
) -> list[Diagnostic]:
    if value is None or value in allowed:
        return []
    return [_err(src, loc, _unknown("värdet", value, allowed, f"kommun.yml ({scale})"))]


def _unknown(what: str, value: str, allowed: set[str], where: str) -> str:
    import difflib

    guess = difflib.get_close_matches(value, sorted(allowed), n=1, cutoff=0.6)
    hint = (
        f" — menade du '{guess[0]}'?"
        if guess
        else (f"; finns: {', '.join(sorted(allowed))}" if allowed and len(allowed) <= 12 else "")
    )
    return f"{what} '{value}' finns inte i {where}{hint}"


def _check_stable_ids(plans: Iterable[Document]) -> list[Diagnostic]:
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
                    _err(
                        doc.source,
                        ("risker", i, "kontroller", j, "tidigare_id", m),
                        f"'{old}' är id för en kontroll i {doc.year} eller senare;"
                        " ett tidigare id kan inte också vara ett nuvarande",
                    )
                    for m, old in enumerate(k.tidigare_id)
                    if old in later
                ]
    return out
