"""Open data: each plan and follow-up as JSON and CSV (one row per control, UTF-8).

The JSON carries the document as decided (every text field verbatim, Markdown unrendered) with
the labels of its scales resolved; the CSV is the same per control, flat, for spreadsheets.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

from ...core import urls
from ...core.corpus import Corpus, Document, NamndContent
from ...core.derive import ControlInPlan, FollowedRisk, controls_of, followed_risks
from ...core.model import Kontroll, Kontrollresultat, Plan, Risk, Uppfoljning
from ...core.text import defuse
from .schema import INTERNAL_FIELDS

CSV_COLUMNS: list[tuple[str, str]] = [
    ("namnd", "nämndens id, t.ex. socialnamnden"),
    ("ar", "året"),
    ("period", "periodens id, t.ex. delar-1 (tom i planen)"),
    ("risk_id", "riskens id"),
    ("risk", "riskens rubrik"),
    ("riskvarde", "riskvärde (sannolikhet × konsekvens)"),
    ("nytt_riskvarde", "för en uppföljd risk: riskvärdet efter omvärdering i uppföljningen"),
    ("kontroll_id", "kontrollens id (samma id i flera år är samma kontroll)"),
    ("kontroll", "kontrollens rubrik"),
    ("ansvarig", "ansvarig avdelning eller roll"),
    ("frekvens", "när kontrollen rapporteras"),
    ("metod", "hur kontrollen görs (Markdown)"),
    ("status", "arbetets status, id ur statusskalan"),
    ("status_namn", "arbetets status i klartext"),
    ("bedomning", "bedömningens id ur bedömningsskalan"),
    ("bedomning_namn", "bedömningen i klartext, t.ex. Mindre avvikelser"),
    ("allvar", "bedömningens allvarsgrad: 0 = ingen avvikelse, högre är allvarligare"),
    ("resultat", "kontrollens resultat (Markdown)"),
    ("kommentar", "förvaltningens kommentar (Markdown)"),
    ("indikatorer", "nyckeltal, 'namn: värde enhet' åtskilda med ' | '"),
    ("atgarder", "planerade åtgärder, åtskilda med ' | '"),
    ("foljer_plan", "för en uppföljd risk: ja eller nej (följer hanteringen planen?)"),
    ("url", "kontrollens (eller den uppföljda riskens) permanenta adress på webbplatsen"),
]
"""The CSV's columns in order, with their meaning (documented in the README)."""


def _scale(level: Any, with_allvar: bool = False, fallback: str | None = None) -> dict | None:
    if level is None:
        return {"id": fallback, "namn": fallback} if fallback else None
    out = {"id": level.id, "namn": level.namn}
    if with_allvar:
        out["allvar"] = level.allvar
    return out


def _dump(obj: Any, *exclude: str) -> dict[str, Any]:
    """A model as JSON data, without the editor-only fields."""
    return obj.model_dump(mode="json", exclude={*INTERNAL_FIELDS, *exclude})


def _control(corpus: Corpus, k: Kontroll, url: str) -> dict[str, Any]:
    names = [(p.namn if (p := corpus.kommun.period(x)) else x) for x in k.frekvens]
    return {**_dump(k), "frekvens_namn": names, "url": url}


def _result(corpus: Corpus, cp: ControlInPlan, r: Kontrollresultat, url: str) -> dict[str, Any]:
    kommun = corpus.kommun
    return {
        **_dump(r),
        "kontroll": _control(corpus, cp.kontroll, url),
        "risk": {"id": cp.risk.id, "titel": cp.risk.titel, "riskvarde": cp.risk.varde},
        "status": _scale(kommun.status(r.status), fallback=r.status),
        "bedomning": _scale(kommun.bedomning(r.bedomning), True, r.bedomning),
    }


def _head(corpus: Corpus, n: NamndContent, doc: Document, kind: str, base: str) -> dict:
    return {
        "$schema": urls.absolute(base, urls.data_schema(kind)),
        "typ": kind,
        "kommun": corpus.kommun.namn,
        "namnd": {"id": n.id, "namn": n.namnd.namn},
        "ar": doc.year,
        "url": urls.absolute(base, urls.of_document(doc)),
        "csv": urls.absolute(base, urls.data_of_document(doc, "csv")),
        **_dump(doc.content),
    }


def report_json(corpus: Corpus, n: NamndContent, doc: Document, base: str = "") -> dict:
    """A follow-up as JSON-ready data (see ``/data/schema/uppfoljning.schema.json``)."""
    report = doc.content
    assert isinstance(report, Uppfoljning) and doc.period_id
    in_plan = _plan_controls(n, doc.year)
    period = corpus.kommun.period(doc.period_id)
    url = urls.of_document(doc)
    helhet = report.helhetsbedomning
    return {
        **_head(corpus, n, doc, "uppfoljning", base),
        "period": _scale(period, fallback=doc.period_id),
        "helhetsbedomning": {
            **(_scale(corpus.kommun.helhet(helhet.bedomning), fallback=helhet.bedomning) or {}),
            "analys": helhet.analys,
        }
        if helhet
        else None,
        "kontroller": [
            _result(
                corpus, in_plan[r.kontroll], r, urls.absolute(base, urls.anchor(url, r.kontroll))
            )
            for r in report.kontroller
            if r.kontroll in in_plan
        ],
        "risker": [
            _followed(fr, urls.absolute(base, urls.anchor(url, fr.id)))
            for fr in followed_risks(_plan_of(n, doc.year), report)
        ],
    }


def _followed(fr: FollowedRisk, url: str) -> dict[str, Any]:
    """A followed-up risk with its facts (from the plan, or as the report states them)."""
    facts = {f.name: getattr(fr, f.name) for f in dataclasses.fields(fr) if f.name != "in_plan"}
    return {"risk": facts.pop("id"), **facts, "url": url}


def plan_json(corpus: Corpus, n: NamndContent, doc: Document, base: str = "") -> dict:
    """A plan as JSON-ready data (see ``/data/schema/plan.schema.json``)."""
    plan = doc.content
    assert isinstance(plan, Plan)
    url = urls.absolute(base, urls.of_document(doc))
    return {
        **_head(corpus, n, doc, "plan", base),
        "risker": [_risk(corpus, r, doc.year, url) for r in plan.risker],
    }


def _risk(corpus: Corpus, r: Risk, year: int, url: str) -> dict[str, Any]:
    area = next((a for a in corpus.kommun.omraden_for(year) if a.id == r.omrade), None)
    scale = corpus.kommun.riskskala
    band = scale.niva(r.varde) if r.varde and scale else None
    return {
        **_dump(r),
        "omrade": _scale(area, fallback=r.omrade),
        "riskvarde": r.varde,
        "riskniva": _scale(band),
        "kontroller": [_control(corpus, k, urls.anchor(url, k.id)) for k in r.kontroller],
    }


def _plan_of(n: NamndContent, year: int) -> Plan | None:
    plan_doc = n.plans.get(year)
    if plan_doc is None:
        return None
    assert isinstance(plan_doc.content, Plan)
    return plan_doc.content


def _plan_controls(n: NamndContent, year: int) -> dict[str, ControlInPlan]:
    plan = _plan_of(n, year)
    return controls_of(plan) if plan else {}


def _join(items: list[str]) -> str:
    return " | ".join(items)


def _row(n_id: str, year: int, period: str, k: dict, risk: dict, res: dict | None) -> list:
    res = res or {}
    values = {
        "namnd": n_id,
        "ar": year,
        "period": period,
        "risk_id": risk["id"],
        "risk": risk["titel"],
        "riskvarde": risk.get("riskvarde"),
        "nytt_riskvarde": None,
        "kontroll_id": k["id"],
        "kontroll": k["titel"],
        "ansvarig": k["ansvarig"],
        "frekvens": k["frekvenstext"] or ", ".join(k["frekvens_namn"]),
        "metod": k["metod"],
        "status": (res.get("status") or {}).get("id"),
        "status_namn": (res.get("status") or {}).get("namn"),
        "bedomning": (res.get("bedomning") or {}).get("id"),
        "bedomning_namn": (res.get("bedomning") or {}).get("namn"),
        "allvar": (res.get("bedomning") or {}).get("allvar"),
        "resultat": res.get("resultat"),
        "kommentar": res.get("kommentar"),
        "indikatorer": _join([_indicator(i) for i in res.get("indikatorer", [])]),
        "atgarder": _join([_action(a) for a in res.get("atgarder", [])]),
        "foljer_plan": None,
        "url": k["url"],
    }
    # A text that starts like a formula gets an apostrophe (core/text.py, defuse); the number
    # columns (ar, riskvarde, allvar) are whole numbers and stay as they are.
    return [_cell(values[c]) for c, _ in CSV_COLUMNS]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return defuse(value) if isinstance(value, str) else value


def _indicator(i: dict) -> str:
    value = "" if i.get("varde") is None else f"{i['varde']:g}"
    value += f" av {i['av']:g}" if i.get("av") is not None else ""
    return f"{i['namn']}: {value}" + (f" {i['enhet']}" if i.get("enhet") else "")


def _action(a: dict) -> str:
    meta = [x for x in (a.get("vem"), a.get("nar"), a.get("status")) if x]
    return a["vad"] + (f" ({', '.join(str(x) for x in meta)})" if meta else "")


def to_csv(data: dict) -> str:
    """The CSV of a plan or follow-up made from its JSON data: one row per control."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c for c, _ in CSV_COLUMNS])
    n_id, year = data["namnd"]["id"], data["ar"]
    if data["typ"] == "plan":
        for risk in data["risker"]:
            for k in risk["kontroller"]:
                writer.writerow(_row(n_id, year, "", k, risk, None))
    else:
        for res in data["kontroller"]:
            writer.writerow(
                _row(n_id, year, data["period"]["id"], res["kontroll"], res["risk"], res)
            )
        for risk in data["risker"]:
            writer.writerow(_risk_row(n_id, year, data["period"]["id"], risk))
    return out.getvalue()


def _risk_row(n_id: str, year: int, period: str, risk: dict) -> list:
    """A followed-up risk as one CSV row: its facts, följer plan and comment."""
    values = dict.fromkeys((c for c, _ in CSV_COLUMNS), None)
    yes_no = {True: "ja", False: "nej", None: None}[risk["foljer_plan"]]
    values.update(
        namnd=n_id,
        ar=year,
        period=period,
        risk_id=risk["risk"],
        risk=risk["titel"],
        riskvarde=risk["riskvarde"],
        nytt_riskvarde=risk["nytt_riskvarde"],
        kommentar=risk["kommentar"],
        foljer_plan=yes_no,
        url=risk["url"],
    )
    return ["" if values[c] is None else values[c] for c, _ in CSV_COLUMNS]
