"""ikgen.core.derive: the facts reports type by hand, checked against the YAML read directly."""

from __future__ import annotations

from pathlib import Path

import yaml

from ikgen.core import derive
from ikgen.core.corpus import Corpus
from ikgen.core.model import Plan, Uppfoljning


def _raw(path: Path) -> dict:
    """A content file read with plain PyYAML, independent of ikgen's loader and model."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _severity(corpus: Corpus) -> dict[str, int]:
    kommun = _raw(corpus.root / "kommun.yml")
    scale = kommun.get("bedomningsskala") or [
        {"id": b.id, "allvar": b.allvar} for b in corpus.kommun.bedomningsskala
    ]
    return {b["id"]: b.get("allvar") or 0 for b in scale}


def test_deviations_are_the_assessed_controls_with_allvar_worst_first(corpus: Corpus) -> None:
    severity = _severity(corpus)
    for n in corpus.namnder.values():
        for doc in derive.reports_in_order(corpus, n):
            raw = _raw(doc.file)
            expected = {
                r["kontroll"]
                for r in raw.get("kontroller", [])
                if severity.get(r.get("bedomning"), 0)
            }
            plan = n.plans[doc.year].content
            assert isinstance(plan, Plan) and isinstance(doc.content, Uppfoljning)
            rows = derive.deviations(corpus.kommun, plan, doc.content)
            assert {d.kontroll.id for d in rows} == expected
            levels = [d.niva.allvar for d in rows]
            assert levels == sorted(levels, reverse=True)


def test_norrtalje_2024_has_graverande_and_mindre_deviations(norrtalje: Corpus) -> None:
    n = norrtalje.namnder["socialnamnden"]
    doc = n.uppfoljningar[(2024, "delar-1")]
    plan = n.plans[2024].content
    assert isinstance(plan, Plan) and isinstance(doc.content, Uppfoljning)
    rows = derive.deviations(norrtalje.kommun, plan, doc.content)
    assert len({d.niva.id for d in rows}) == 2, "the 2024 report names two levels of deviation"
    assert rows[0].niva.allvar > rows[-1].niva.allvar


def test_assessment_counts_add_up_to_the_assessed_controls(corpus: Corpus) -> None:
    severity = _severity(corpus)
    for n in corpus.namnder.values():
        for doc in n.uppfoljningar.values():
            assert isinstance(doc.content, Uppfoljning)
            counts = derive.assessment_counts(corpus.kommun, doc.content)
            assessed = [r for r in _raw(doc.file).get("kontroller", []) if r.get("bedomning")]
            assert sum(c for _, c in counts) == len(assessed)
            assert [b.id for b, _ in counts] == list(severity)


def test_control_histories_hold_every_plan_year_and_reported_period(corpus: Corpus) -> None:
    for n in corpus.namnder.values():
        histories = derive.control_histories(corpus, n)
        for year, plan_doc in n.plans.items():
            for risk in _raw(plan_doc.file).get("risker", []):
                for k in risk.get("kontroller", []):
                    owner = next(h for h in histories.values() if k["id"] in {h.id, *h.old_ids})
                    assert year in {a.year for a in owner.appearances}
        for (year, period), doc in n.uppfoljningar.items():
            for r in _raw(doc.file).get("kontroller", []):
                owner = next(h for h in histories.values() if r["kontroll"] in {h.id, *h.old_ids})
                assert (year, period) in {(a.year, a.period_id) for a in owner.reported}


def test_norrtalje_controls_span_both_years(norrtalje: Corpus) -> None:
    histories = derive.control_histories(norrtalje, norrtalje.namnder["socialnamnden"])
    both = [h for h in histories.values() if {a.year for a in h.reported} == {2024, 2025}]
    assert len(both) >= 5, "the same controls were reported in 2024 and 2025"


def test_reports_in_order_follow_year_then_period_scheme(corpus: Corpus) -> None:
    order = [p.id for p in corpus.kommun.perioder]
    for n in corpus.namnder.values():
        keys = [(d.year, order.index(d.period_id)) for d in derive.reports_in_order(corpus, n)]
        assert keys == sorted(keys)
        latest = derive.latest_report(corpus, n)
        assert latest is None or (latest.year, order.index(latest.period_id)) == keys[-1]


def test_report_sections_show_each_planned_result_once(corpus: Corpus) -> None:
    for n in corpus.namnder.values():
        for doc in n.uppfoljningar.values():
            plan = n.plans[doc.year].content
            assert isinstance(plan, Plan) and isinstance(doc.content, Uppfoljning)
            sections = derive.report_sections(corpus.kommun, plan, doc.content, doc.year)
            shown = [i.kontroll.id for s in sections for i in s.items]
            planned = {k.id for r in plan.risker for k in r.kontroller}
            expected = [r.kontroll for r in doc.content.kontroller if r.kontroll in planned]
            assert sorted(shown) == sorted(expected)
