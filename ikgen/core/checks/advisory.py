"""Warnings: content that is allowed but probably not meant (``ikgen check`` prints them).

Unlike the other checks, nothing here stops a build: a control reported outside the periods
its plan names may be a deliberate extra check, and a municipality may follow up a controlled
risk's plan as well. The editor is told once, with file, line and field, and decides.
"""

from __future__ import annotations

from ..corpus import Corpus, Document
from ..diagnostics import Diagnostic
from ..model import Hantering, Kommun, Plan, Uppfoljning
from .atgarder import warn_actions
from .common import warn

PLACEHOLDER = "ÄNDRA"
"""What ``ikgen new kommun`` writes where the municipality must supply its own text."""


def warn_corpus(corpus: Corpus) -> list[Diagnostic]:
    """Every warning in the corpus (empty when nothing looks unintended)."""
    out = _placeholders(corpus)
    for namnd in corpus.namnder.values():
        for doc in namnd.uppfoljningar.values():
            plan_doc = namnd.plans.get(doc.year)
            if plan_doc is not None:
                assert isinstance(plan_doc.content, Plan)
                out += _off_period(corpus.kommun, doc, plan_doc.content)
                out += _followed_controlled_risks(doc, plan_doc.content)
        out += warn_actions(corpus, namnd)
    return out


def _placeholders(corpus: Corpus) -> list[Diagnostic]:
    """Placeholders from ``ikgen new kommun`` that are still in kommun.yml."""
    statement = corpus.kommun.tillganglighet
    facts = statement.model_dump() if statement is not None else {}
    return [
        warn(
            corpus.kommun_source,
            ("tillganglighet", key),
            "platshållaren från 'ikgen new kommun' står kvar; skriv kommunens egen uppgift "
            "innan webbplatsen publiceras",
        )
        for key, value in facts.items()
        if isinstance(value, str) and value.startswith(PLACEHOLDER)
    ]


def _off_period(kommun: Kommun, doc: Document, plan: Plan) -> list[Diagnostic]:
    """Controls reported in a period that their plan's ``frekvens`` does not name."""
    report = doc.content
    assert isinstance(report, Uppfoljning)
    frequencies = {k.id: k.frekvens for r in plan.risker for k in r.kontroller}
    out = []
    for i, result in enumerate(report.kontroller):
        planned = frequencies.get(result.kontroll) or []
        if result.perioder:
            reported = [
                (("perioder", j, "period"), p.period) for j, p in enumerate(result.perioder)
            ]
        elif doc.period_id == kommun.perioder[-1].id:
            reported = []  # the year-end report (helår, VB) may sum up every control's year
        else:
            reported = [(("kontroll",), doc.period_id or "")]
        for loc, period_id in reported:
            if planned and period_id not in planned:
                message = _off_period_message(kommun, result.kontroll, period_id, planned)
                out.append(warn(doc.source, ("kontroller", i, *loc), message))
    return out


def _off_period_message(kommun: Kommun, control: str, period_id: str, planned: list[str]) -> str:
    def name(pid: str) -> str:
        period = kommun.period(pid)
        return period.namn if period else pid

    return (
        f"kontrollen '{control}' rapporteras {name(period_id)}, men enligt planen bara "
        f"{', '.join(name(p) for p in planned)} (frekvens); stämmer perioden, eller ska "
        "kontrollens frekvens i planen ändras?"
    )


def _followed_controlled_risks(doc: Document, plan: Plan) -> list[Diagnostic]:
    """``foljer_plan`` on a risk that the plan handles with controls."""
    report = doc.content
    assert isinstance(report, Uppfoljning)
    handled = {r.id: r.hanteringar for r in plan.risker}
    return [
        warn(
            doc.source,
            ("risker", i, "foljer_plan"),
            f"risken '{item.risk}' hanteras med kontroll enligt planen; 'foljer_plan' följer upp "
            "förbättringsarbete. Redovisa kontrollernas resultat under 'kontroller', eller ändra "
            "riskens hantering i planen till forbattringsarbete",
        )
        for i, item in enumerate(report.risker)
        if item.foljer_plan is not None and handled.get(item.risk) == [Hantering.KONTROLL]
    ]
