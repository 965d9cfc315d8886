"""ikgen export / ikgen import: spreadsheets in and out, row and column in every complaint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_ikgen

from ikgen.core.corpus import load_corpus
from ikgen.editor.spreadsheet import COLUMNS, read_rows

SHIPPED = EXAMPLE / "socialnamnden-2023.xlsx"


def _project_without_documents(tmp_path: Path) -> Path:
    """The example content with its plan and follow-up removed (kommun and nämnd kept)."""
    shutil.copytree(EXAMPLE / "content", tmp_path / "content")
    for path in (tmp_path / "content" / "socialnamnden" / "2023").glob("*.yml"):
        path.unlink()
    return tmp_path


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ";") -> Path:
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_export_import_gives_the_same_model(tmp_path: Path, suffix: str) -> None:
    sheet = tmp_path / f"ark{suffix}"
    exported = run_ikgen("export", str(sheet), "-C", str(EXAMPLE / "content"))
    assert exported.returncode == 0, exported.stderr
    project = _project_without_documents(tmp_path / "p")
    imported = run_ikgen("import", str(sheet), cwd=project)
    assert imported.returncode == 0, imported.stderr
    assert "Skrev content/socialnamnden/2023/plan.yml" in imported.stdout
    assert run_ikgen("check", "content", cwd=project).returncode == 0
    before = load_corpus(EXAMPLE / "content").namnder["socialnamnden"]
    after = load_corpus(project / "content").namnder["socialnamnden"]
    assert after.plans[2023].content.risker == before.plans[2023].content.risker
    old, new = before.uppfoljningar[(2023, "helar")], after.uppfoljningar[(2023, "helar")]
    assert new.content.kontroller == old.content.kontroller
    assert new.content.risker == old.content.risker
    assert new.is_draft  # an import is a draft until the editor has read it


def test_shipped_example_sheet_matches_the_example_content(tmp_path: Path) -> None:
    fresh = tmp_path / "ny.xlsx"
    assert run_ikgen("export", str(fresh), "-C", str(EXAMPLE / "content")).returncode == 0
    assert read_rows(SHIPPED) == read_rows(fresh), f"kör: ikgen export {SHIPPED} -C ..."
    assert read_rows(SHIPPED)[0] == list(COLUMNS.values())


def test_import_reports_row_and_column_and_writes_nothing(tmp_path: Path) -> None:
    project = _project_without_documents(tmp_path)
    rows = [
        ["Nämnd", "År", "Period", "Risk-id", "Risk", "Sannolikhet", "Kontroll-id", "Bedömning"],
        ["socialnamnden", "2023", "helar", "it", "IT", "tre", "k-1", "inga-brister"],
        ["socialnamnden", "2023", "helar", "it", "IT", "3", "k-2", "mycket bra"],
        ["socialnamnden", "2023", "", "Fel Id", "X", "", "", ""],
        ["socialnamnden", "2023", "", "it", "Annan titel", "", "", ""],
    ]
    result = run_ikgen("import", str(_write_csv(tmp_path / "fel.csv", rows)), cwd=project)
    assert result.returncode == 1
    err = result.stderr
    assert "fel.csv:2: kolumn F (Sannolikhet): 'tre' ska vara ett tal" in err
    assert "fel.csv:3: kolumn H (Bedömning): 'mycket bra' är inget tillåtet värde" in err
    assert "fel.csv:4: kolumn D (Risk-id): 'Fel Id' är inte ett giltigt id" in err
    assert "fel.csv:5: kolumn E (Risk): skiljer sig från rad 2 ('IT')" in err
    assert "Traceback" not in err
    assert not list((project / "content" / "socialnamnden" / "2023").iterdir())


def test_column_mapping_labels_and_comma_csv(tmp_path: Path) -> None:
    project = _project_without_documents(tmp_path)
    rows = [
        [
            "Riskområde",
            "Riskens id",
            "Kontrollmoment",
            "Kontroll-ID",
            "Frekvens",
            "Bedömning",
            "Värde",
            "Indikator-id",
            "Indikator",
            "Kostnadsställe",
        ],
        [
            "Inköp",
            "inkop",
            "Fakturor",
            "fakturor",
            "helår",
            "Mindre brister",
            "37,5",
            "andel",
            "Andel fel",
            "4711",
        ],
    ]
    sheet = _write_csv(tmp_path / "plan.csv", [[f'"{c}"' for c in r] for r in rows], ",")
    mapping = ["--kolumn", "risk=Riskområde", "--kolumn", "risk_id=Riskens id"]
    mapping += ["--kolumn", "kontroll=Kontrollmoment"]
    args = ("import", str(sheet), "--namnd", "socialnamnden", "--ar", "2023", *mapping)
    result = run_ikgen(*args, cwd=project)
    assert result.returncode == 1, "a result without a period cannot be placed"
    assert "plan.csv:2: kolumn F (Bedömning): ett resultat kräver en period" in result.stderr
    rows[0].append("Period")
    rows[1].append("Helår")
    _write_csv(sheet, [[f'"{c}"' for c in r] for r in rows], ",")
    result = run_ikgen(*args, cwd=project)
    assert result.returncode == 0, result.stderr
    assert "kolumn J ('Kostnadsställe') känns inte igen" in result.stdout
    corpus = load_corpus(project / "content")
    risk = corpus.namnder["socialnamnden"].plans[2023].content.risker[0]
    assert (risk.id, risk.titel, risk.kontroller[0].frekvens) == ("inkop", "Inköp", ["helar"])
    result_ = corpus.namnder["socialnamnden"].uppfoljningar[(2023, "helar")].content.kontroller[0]
    assert result_.bedomning == "mindre-brister"
    assert (result_.indikatorer[0].id, result_.indikatorer[0].varde) == ("andel", 37.5)
    again = run_ikgen(*args, cwd=project)
    assert again.returncode == 1 and "filen finns redan" in again.stderr


def test_import_refuses_unknown_mapping_and_missing_namnd(tmp_path: Path) -> None:
    project = _project_without_documents(tmp_path)
    sheet = _write_csv(tmp_path / "a.csv", [["Risk-id", "Risk"], ["r", "R"]])
    bad_map = run_ikgen("import", str(sheet), "--kolumn", "riskx=Foo", cwd=project)
    assert (
        bad_map.returncode == 1 and "--kolumn: 'riskx=Foo' ska vara FÄLT=RUBRIK" in bad_map.stderr
    )
    no_namnd = run_ikgen("import", str(sheet), cwd=project)
    assert no_namnd.returncode == 1 and "a.csv:2: nämnd och år saknas" in no_namnd.stderr
    other = run_ikgen("import", str(sheet), "--namnd", "okand", "--ar", "2023", cwd=project)
    assert other.returncode == 1 and "nämnden 'okand' finns inte" in other.stderr
