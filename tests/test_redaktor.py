"""The editor's workflow: ikgen new, ikgen schema, the field reference, scaffold → build."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLE, ROOT, build_project, make_project, page_html, run_ikgen

from ikgen.editor.editor_schema import build_schema, field_reference, read_kommun
from ikgen.editor.field_texts import FALT, FILER, MODELLER, all_models

KOMMUN_YML = EXAMPLE / "content" / "kommun.yml"


def _copy_example(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE / "content", tmp_path / "content")
    return tmp_path


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _as_json(value: object) -> object:
    """YAML data as the YAML language server sees it: dates are strings, keys are strings."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


# --- Swedish descriptions -------------------------------------------------------------------


def test_every_model_field_has_a_swedish_description() -> None:
    missing = [
        f"{m.__name__}.{f}"
        for m in all_models()
        for f in m.model_fields
        if f not in FALT.get(m, {})
    ]
    assert not missing, f"fält utan svensk beskrivning i ikgen/editor/field_texts.py: {missing}"
    assert not [m.__name__ for m in all_models() if m not in MODELLER]
    stale = [f"{m.__name__}.{f}" for m, fs in FALT.items() for f in fs if f not in m.model_fields]
    assert not stale, f"beskrivningar av fält som inte finns: {stale}"


def test_field_reference_doc_is_current() -> None:
    committed = (ROOT / "docs-redaktor" / "falt.md").read_text(encoding="utf-8")
    assert committed == field_reference(), (
        "kör: python -m ikgen.editor.editor_schema > docs-redaktor/falt.md"
    )


# --- ikgen schema ---------------------------------------------------------------------------


def test_schema_command_writes_swedish_schemas_with_kommun_values(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    result = run_ikgen("schema", "content", cwd=project)
    assert result.returncode == 0, result.stderr
    folder = project / "content" / ".schema"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.json" for n in FILER)
    report = json.loads((folder / "uppfoljning.json").read_text(encoding="utf-8"))
    status = report["$defs"]["Kontrollresultat"]["properties"]["bedomning"]
    assert status["anyOf"][0]["enum"] == [
        "inga-brister",
        "mindre-brister",
        "allvarliga-brister",
        "ingen-bedomning",
    ]
    assert "Tillåtna värden: inga-brister = Inga brister" in status["description"]
    plan = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    frekvens = plan["$defs"]["Kontroll"]["properties"]["frekvens"]
    assert frekvens["items"]["enum"] == ["helar"]
    assert plan["properties"]["risker"]["description"] == FALT[FILER["plan"][0]]["risker"]
    # The generated loader-ignored folder does not disturb ikgen check.
    assert run_ikgen("check", "content", cwd=project).returncode == 0


def test_example_content_validates_against_its_schema_and_mistakes_do_not() -> None:
    kommun = read_kommun(EXAMPLE / "content")
    plan_schema = build_schema("plan", kommun)
    report_schema = build_schema("uppfoljning", kommun)
    folder = EXAMPLE / "content" / "socialnamnden" / "2023"
    plan = _as_json(yaml.safe_load((folder / "plan.yml").read_text(encoding="utf-8")))
    report = _as_json(yaml.safe_load((folder / "helar.yml").read_text(encoding="utf-8")))
    jsonschema.validate(plan, plan_schema)
    jsonschema.validate(report, report_schema)
    report["kontroller"][0]["bedomning"] = "mindre-avvikelser"  # not on this kommun's scale
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, report_schema)
    plan["risker"][0]["titeln"] = "stavfel i nyckeln"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(plan, plan_schema)


def test_committed_example_schema_is_current() -> None:
    kommun = read_kommun(EXAMPLE / "content")
    for name in FILER:
        path = EXAMPLE / "content" / ".schema" / f"{name}.json"
        committed = json.loads(path.read_text(encoding="utf-8"))
        assert committed == build_schema(name, kommun), f"kör: ikgen schema {EXAMPLE / 'content'}"


def test_vscode_settings_point_every_example_file_at_an_existing_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (ROOT / schema).is_file(), schema
    for path in (EXAMPLE / "content").rglob("*.yml"):
        rel = path.relative_to(ROOT).as_posix()
        hits = [s for s, globs in mapping.items() if any(fnmatch.fnmatch(rel, g) for g in globs)]
        assert len(hits) == 1, f"{rel}: {hits}"
        assert Path(hits[0]).stem == (path.stem if path.stem in FILER else "uppfoljning")


# --- ikgen new ------------------------------------------------------------------------------


def test_new_namnd_writes_a_file_check_accepts_and_refuses_to_overwrite(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    before = _files(project)
    result = run_ikgen("new", "namnd", "kulturnamnden", "Kulturnämnden", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Skrev content/kulturnamnden/namnd.yml" in result.stdout
    after = _files(project)
    assert set(after) - set(before) == {"content/kulturnamnden/namnd.yml"}
    assert all(after[k] == v for k, v in before.items())
    assert run_ikgen("check", "content", cwd=project).returncode == 0
    again = run_ikgen("new", "namnd", "kulturnamnden", "Annat namn", cwd=project)
    assert again.returncode == 1
    assert "content/kulturnamnden/namnd.yml: filen finns redan" in again.stderr
    assert "Traceback" not in again.stderr
    assert _files(project) == after
    bad = run_ikgen("new", "namnd", "Kultur Nämnden", "X", cwd=project)
    assert bad.returncode == 1 and "inte ett giltigt id" in bad.stderr


def test_new_namnd_does_not_call_itself_a_draft(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    result = run_ikgen("new", "namnd", "kulturnamnden", "Kulturnämnden", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "utkast tills" not in result.stdout  # namnd.yml has no status
    assert "namnd.yml har ingen status" in result.stdout
    assert "ikgen new plan kulturnamnden ÅR" in result.stdout


def test_new_kommun_spells_out_every_default_and_checks_unchanged(tmp_path: Path) -> None:
    from ikgen.core.model import Kommun

    result = run_ikgen("new", "kommun", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Skrev content/kommun.yml" in result.stdout
    text = (tmp_path / "content" / "kommun.yml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    assert list(raw) == list(Kommun.model_fields)  # every setting written out, in model order
    written = Kommun.model_validate(raw)
    for name, info in Kommun.model_fields.items():
        if name not in ("omraden", "tillganglighet"):
            assert getattr(written, name) == info.get_default(call_default_factory=True), name
    assert list(raw["omraden"]) == [dt.date.today().year]
    assert set(raw["tillganglighet"]) >= {"efterlevnad", "kontakt", "bedomd"}
    assert "efterlevnad: delvis förenlig  # ÄNDRA" in text
    assert "# Periodindelningen" in text and "#   per: Dagen perioden slutar" in text
    assert "  # Vad en risk kallas" in text  # each term has its Swedish text
    made = run_ikgen("new", "namnd", "kulturnamnden", "Kulturnämnden", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    checked = run_ikgen("check", "content", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "tillganglighet.bedomd: varning: platshållaren" in checked.stderr
    again = run_ikgen("new", "kommun", "content", cwd=tmp_path)
    assert again.returncode == 1 and "content/kommun.yml: filen finns redan" in again.stderr
    assert (tmp_path / "content" / "kommun.yml").read_text(encoding="utf-8") == text
    elsewhere = run_ikgen("new", "kommun", "ny/mapp", cwd=tmp_path)
    assert "Skrev ny/mapp/kommun.yml" in elsewhere.stdout


def test_new_plan_copies_last_years_ids_as_a_draft(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    result = run_ikgen("new", "plan", "socialnamnden", "2024", cwd=project)
    assert result.returncode == 0, result.stderr
    written = project / "content" / "socialnamnden" / "2024" / "plan.yml"
    assert f"Skrev {written.relative_to(project).as_posix()}" in result.stdout
    new = yaml.safe_load(written.read_text(encoding="utf-8"))
    old = yaml.safe_load(
        (EXAMPLE / "content" / "socialnamnden" / "2023" / "plan.yml").read_text(encoding="utf-8")
    )
    assert new["status"] == "utkast" and "beslut" not in new
    assert [r["id"] for r in new["risker"]] == [r["id"] for r in old["risker"]]
    ids = [[k["id"] for k in r.get("kontroller", [])] for r in new["risker"]]
    assert ids == [[k["id"] for k in r.get("kontroller", [])] for r in old["risker"]]
    assert "2024" in new["titel"]
    assert written.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert run_ikgen("check", "content", cwd=project).returncode == 0
    assert run_ikgen("new", "plan", "socialnamnden", "2024", cwd=project).returncode == 1


def test_new_uppfoljning_lists_the_periods_controls_with_last_indicators(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    assert run_ikgen("new", "plan", "socialnamnden", "2024", cwd=project).returncode == 0
    result = run_ikgen("new", "uppfoljning", "socialnamnden", "2024", "helar", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "content/socialnamnden/2024/helar.yml").read_text(encoding="utf-8")
    report = yaml.safe_load(text)
    plan = yaml.safe_load((project / "content/socialnamnden/2024/plan.yml").read_text("utf-8"))
    controls = [k["id"] for r in plan["risker"] for k in r.get("kontroller", [])]
    assert report["status"] == "utkast"
    assert [e["kontroll"] for e in report["kontroller"]] == controls
    for entry in report["kontroller"]:
        assert all(entry[k] is None for k in ("status", "bedomning", "resultat", "kommentar"))
    first = report["kontroller"][0]["indikatorer"]
    assert [(i["id"], i["varde"]) for i in first] == [
        ("utsatta-for-hot", None),
        ("utsatta-for-vald", None),
    ]
    assert "# Hot och otillbörlig påverkan" in text  # each entry is labelled for the editor
    assert run_ikgen("check", "content", cwd=project).returncode == 0
    missing = run_ikgen("new", "uppfoljning", "socialnamnden", "2024", "delar-1", cwd=project)
    assert missing.returncode == 1 and "perioden 'delar-1' finns inte" in missing.stderr
    no_plan = run_ikgen("new", "uppfoljning", "socialnamnden", "2030", "helar", cwd=project)
    assert no_plan.returncode == 1 and "ikgen new plan socialnamnden 2030" in no_plan.stderr


def test_new_uppfoljning_follows_up_risks_in_improvement_work(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    assert run_ikgen("new", "plan", "socialnamnden", "2024", cwd=project).returncode == 0
    plan_path = project / "content/socialnamnden/2024/plan.yml"
    plan = yaml.safe_load(plan_path.read_text("utf-8"))
    plan["risker"][1]["hantering"] = "forbattringsarbete"
    plan_path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    result = run_ikgen("new", "uppfoljning", "socialnamnden", "2024", "helar", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "content/socialnamnden/2024/helar.yml").read_text(encoding="utf-8")
    report = yaml.safe_load(text)
    assert report["risker"] == [
        {"risk": plan["risker"][1]["id"], "foljer_plan": None, "kommentar": None}
    ]
    assert f"  # {plan['risker'][1]['titel']} (förbättringsarbete)" in text
    assert "    foljer_plan:  # true (ja) eller false (nej)" in text
    assert len(report["kontroller"]) == sum(len(r["kontroller"]) for r in plan["risker"])
    checked = run_ikgen("check", "content", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "varning" not in checked.stderr


def test_published_report_may_not_leave_an_indicator_empty(tmp_path: Path) -> None:
    project = _copy_example(tmp_path)
    run_ikgen("new", "plan", "socialnamnden", "2024", cwd=project)
    run_ikgen("new", "uppfoljning", "socialnamnden", "2024", "helar", cwd=project)
    path = project / "content/socialnamnden/2024/helar.yml"
    path.write_text(path.read_text("utf-8").replace("status: utkast", "status: paborjad"), "utf-8")
    result = run_ikgen("check", "content", cwd=project)
    assert result.returncode == 1
    assert "helar.yml:" in result.stderr and "indikatorer[0].varde: värdet saknas" in result.stderr


def test_scaffold_fill_check_build(tmp_path: Path) -> None:
    """The whole editor's path: new plan and report, fill them in, check, build, see it."""
    project = make_project(tmp_path, EXAMPLE / "content")
    for args in (
        ("plan", "socialnamnden", "2024"),
        ("uppfoljning", "socialnamnden", "2024", "helar"),
    ):
        assert run_ikgen("new", *args, cwd=project).returncode == 0
    folder = project / "content" / "socialnamnden" / "2024"
    plan = yaml.safe_load((folder / "plan.yml").read_text(encoding="utf-8"))
    plan |= {"status": "beslutad", "beslut": {"datum": dt.date(2024, 1, 17), "paragraf": "§ 7"}}
    (folder / "plan.yml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    report = yaml.safe_load((folder / "helar.yml").read_text(encoding="utf-8"))
    report["status"] = "paborjad"
    for n, entry in enumerate(report["kontroller"]):
        entry |= {"bedomning": "inga-brister", "resultat": f"Ifyllt resultat nummer {n}."}
        for indicator in entry["indikatorer"]:
            indicator["varde"] = 42.5
    (folder / "helar.yml").write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")
    checked = run_ikgen("check", "content", cwd=project)
    assert checked.returncode == 0, checked.stderr
    site = build_project(project)
    html = page_html(site, "/socialnamnden/2024/helar/")
    assert "Ifyllt resultat nummer 0." in html
    assert "42,5" in html
    assert "Ifyllt resultat nummer" in page_html(
        site, "/socialnamnden/kontroller/rutiner-hot-och-vald/"
    )


def test_readme_example_is_a_valid_follow_up() -> None:
    from ikgen.core.model import Uppfoljning

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Så skriver du innehåll", 1)[1]
    snippet = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    report = Uppfoljning.model_validate(yaml.safe_load(snippet))
    assert report.kontroller[0].indikatorer[0].av == 40
