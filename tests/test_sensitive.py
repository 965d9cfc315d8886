"""Personnummer and samordningsnummer stop the build; look-alikes pass; allowed ones pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ikgen.cli import main
from ikgen.core.checks.sensitive import find_numbers, luhn_ok

BASE = Path(__file__).parent / "fixtures" / "bas" / "content"

TRUE_POSITIVES = [
    "811218-9876",
    "811218+9876",
    "8112189876",
    "811218 9876",
    "19811218-9876",
    "198112189876",
    "19121212-1212",
    "121212+1212",
    "701063-2391",  # samordningsnummer: day 03 + 60
    "Handläggaren noterade 19811218-9876.",
    "(pnr 811218-9876)",
]

LOOK_ALIKES = [
    "SN 2023-1178",
    "2024SOCN18 003",
    "KS 2024/0123",
    "2024-04-30",
    "20240430",
    "30 april 2024",
    "811218-9875",  # wrong check digit
    "811318-9876",  # month 13
    "212000-0142",  # organisationsnummer (month 20)
    "1 234 567 kr",
    "12 345 678,90 kronor",
    "1234567890123",
    "Telefon 08-123 456 78",
    "§ 96",
    "37.5 %",
    "version 1.2.3",
    "811218-98761",  # too long
    "x811218-9876",  # part of a word
]


@pytest.mark.parametrize("text", TRUE_POSITIVES)
def test_finds_identity_numbers(text: str) -> None:
    assert len(find_numbers(text)) == 1, text


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_pass(text: str) -> None:
    assert find_numbers(text) == [], text


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189877")


def _project(tmp_path: Path, result_text: str, allow: str = "") -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    report = content / "testnamnden" / "2024" / "delar-1.yml"
    text = report.read_text(encoding="utf-8").replace(
        "resultat: Två av tio fakturor saknade attest.", f"resultat: {result_text}"
    )
    report.write_text(text + allow, encoding="utf-8")
    return content


def _check(content: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> tuple[int, str]:
    monkeypatch.chdir(content.parent)
    code = main(["check", "content"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_number_stops_check_with_file_line_and_field(tmp_path, monkeypatch, capsys) -> None:
    content = _project(tmp_path, "|\n      Ärendet gällde\n      en person med 19811218-9876.")
    code, out = _check(content, monkeypatch, capsys)
    assert code == 1
    assert "content/testnamnden/2024/delar-1.yml:22: kontroller[0].resultat:" in out
    assert "personnummer" in out
    assert "Traceback" not in out


def test_unquoted_number_is_found(tmp_path, monkeypatch, capsys) -> None:
    content = _project(tmp_path, "Fakturor saknade attest.")
    report = content / "testnamnden" / "2024" / "delar-1.yml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("varde: 20", "varde: 198112189876"), "utf-8"
    )
    code, out = _check(content, monkeypatch, capsys)
    assert code == 1 and "delar-1.yml:24: kontroller[0].indikatorer[0].varde:" in out


def test_explicitly_allowed_occurrence_passes(tmp_path, monkeypatch, capsys) -> None:
    allow = (
        "tillatna_nummer:\n  - nummer: 19121212-1212\n"
        "    motivering: Skatteverkets testnummer, ingen verklig person\n"
    )
    content = _project(tmp_path, "Testnumret 19121212-1212 användes.", allow)
    code, out = _check(content, monkeypatch, capsys)
    assert code == 0, out


def test_allowing_one_number_does_not_allow_another(tmp_path, monkeypatch, capsys) -> None:
    allow = "tillatna_nummer:\n  - nummer: 19121212-1212\n    motivering: Testnummer\n"
    content = _project(tmp_path, "Testnumret 19121212-1212 och 811218-9876.", allow)
    code, out = _check(content, monkeypatch, capsys)
    assert code == 1 and "'811218-9876'" in out and "'19121212-1212'" not in out


def test_look_alikes_pass_the_whole_check(tmp_path, monkeypatch, capsys) -> None:
    content = _project(tmp_path, "'" + "; ".join(LOOK_ALIKES).replace("'", "''") + "'")
    code, out = _check(content, monkeypatch, capsys)
    assert code == 0, out
