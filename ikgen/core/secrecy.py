"""Secret content (sekretess): the public view of a corpus, made before any page or file.

Informationssäkerhet controls often hold details that are secret under OSL (18 kap. 8 §). The
editor keeps them in the source, marked with ``sekretess: {grund, oppet_utdrag}``, so the
nämnd's own copy is complete; the site, its search, data files and feeds are made only from
the view this module returns, in which every secret text is replaced by its public extract (or
nothing) and the ground for the secrecy. A control's id stays (its URL is stable and citable),
so ids of secret controls must say nothing secret.
"""

from __future__ import annotations

from dataclasses import replace

from .corpus import Corpus, Document, NamndContent
from .model import Avsnitt, Kontroll, Kontrollresultat, Plan, Sekretess, Uppfoljning

SECRET_TITLE = "Uppgifter som omfattas av sekretess"
"""What a secret control is called on the site."""


def without_secrets(corpus: Corpus) -> Corpus:
    """A copy of the corpus in which no secret text remains."""
    copy = Corpus(corpus.root, corpus.kommun, corpus.kommun_source, broken=corpus.broken)
    for nid, n in corpus.namnder.items():
        plans = {year: _public_plan(doc) for year, doc in n.plans.items()}
        reports = {key: _public_report(doc, n) for key, doc in n.uppfoljningar.items()}
        copy.namnder[nid] = NamndContent(n.id, n.namnd, n.source, plans, reports)
    return copy


def _secret_controls(n: NamndContent, year: int) -> dict[str, Sekretess]:
    plan_doc = n.plans.get(year)
    if plan_doc is None:
        return {}
    assert isinstance(plan_doc.content, Plan)
    return {k.id: k.sekretess for r in plan_doc.content.risker for k in r.kontroller if k.sekretess}


def _public_plan(doc: Document) -> Document:
    plan = doc.content
    assert isinstance(plan, Plan)
    risks = [
        risk.model_copy(update={"kontroller": [_public_control(k) for k in risk.kontroller]})
        for risk in plan.risker
    ]
    content = plan.model_copy(update={"risker": risks, "avsnitt": _public_sections(plan.avsnitt)})
    return replace(doc, content=content)


def _public_control(k: Kontroll) -> Kontroll:
    if k.sekretess is None:
        return k
    hidden = dict.fromkeys(("ansvarig", "frekvenstext", "metod", "rutin", "verifieras_av"))
    return k.model_copy(update={"titel": SECRET_TITLE, **hidden})


def _public_report(doc: Document, n: NamndContent) -> Document:
    report = doc.content
    assert isinstance(report, Uppfoljning)
    secret = _secret_controls(n, doc.year)
    results = [_public_result(r, r.sekretess or secret.get(r.kontroll)) for r in report.kontroller]
    update = {"kontroller": results, "avsnitt": _public_sections(report.avsnitt)}
    return replace(doc, content=report.model_copy(update=update))


def _public_result(r: Kontrollresultat, secrecy: Sekretess | None) -> Kontrollresultat:
    if secrecy is None:
        return r
    hidden = {"resultat": None, "kommentar": None, "indikatorer": [], "atgarder": []}
    return r.model_copy(update={**hidden, "perioder": [], "sekretess": secrecy})


def _public_sections(sections: list[Avsnitt]) -> list[Avsnitt]:
    return [
        a.model_copy(update={"text": a.sekretess.oppet_utdrag or ""}) if a.sekretess else a
        for a in sections
    ]
