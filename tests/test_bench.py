"""`make bench` keeps working: its generator and every measurement at a tiny N."""

from __future__ import annotations

from pathlib import Path

from bench import run, synth
from ikgen.pipeline import load_checked

KEYS = {
    "n", "check_s", "core_s", "build_s", "mkdocs_s", "peak_mb", "site_bytes", "pages",
    "first_search_bytes", "material_index_bytes", "mkdocs_peak_mb", "preview_s",
    "mkdocs_preview_s", "chrome_bytes_per_page", "content_bytes_per_page",
    "first_search_namnd_bytes", "pdf_s_per_document", "pdf_documents", "menu_bytes_per_page",
}  # fmt: skip


def test_generator_makes_valid_content_of_the_asked_size(tmp_path: Path) -> None:
    synth.generate(tmp_path / "content", 40)
    corpus = load_checked(tmp_path / "content")
    assert len(corpus.namnder) == 30
    reports = [d for d in corpus.documents() if d.period_id is not None]
    assert len(reports) == 40
    for doc in reports:
        assert 10 <= len(doc.content.kontroller) <= 20
    big = synth.layout(5000)  # a region: more nämnder, at most 11 years each
    assert sum(big) == 5000 and max(big) <= synth.MAX_YEARS * 3


def test_bench_measures_a_tiny_site(tmp_path: Path) -> None:
    row = run.measure(5, tmp_path, search=False)
    assert row.keys() >= KEYS
    assert row["n"] == 5
    assert row["pages"] > 5 * 2  # reports, plans, control pages, start page …
    assert row["site_bytes"] > row["material_index_bytes"] > 0
    assert row["peak_mb"] > 20
    for key in ("check_s", "core_s", "build_s", "mkdocs_s"):
        assert row[key] > 0, key
    assert row["build_s"] > row["core_s"]
    assert 0 < row["preview_s"] < 30 and 0 < row["mkdocs_preview_s"] < 60
    assert row["mkdocs_peak_mb"] > 20
    assert 0 < row["pdf_s_per_document"] < 30 and row["pdf_documents"] >= 5
    assert not list((tmp_path / "n5" / "site").rglob("*.pdf"))  # compared without PDFs
    assert row["chrome_bytes_per_page"] > 3000 and row["content_bytes_per_page"] > 500
    assert row["menu_bytes_per_page"] > 500
    table = run.table([row])
    assert table.splitlines()[2].startswith("| 5 | ")
    assert run.goals([row])[0].startswith("N=5: ")
