"""Personnummer and samordningsnummer stop the build; look-alikes pass; allowed ones pass."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest

from ikgen.cli import main
from ikgen.core.sensitive import find_numbers, luhn_ok

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


#: 19121212-1212, 811218-9876 or 121212-1212 as a word processor, an editor or an attacker
#: may type them: each must be found (tests/corpus/bad/ holds the same as whole files).
DISGUISED = [
    "19121212\u20101212",  # hyphen
    "19121212\u20111212",  # non-breaking hyphen
    "19121212\u20131212",  # en dash
    "19121212\u22121212",  # minus sign
    "121212\u00a01212",  # no-break space
    "121212\u20091212",  # thin space
    "1912\u200b1212\u200b-1212",  # zero-width space
    "811218\u00ad9876",  # soft hyphen
    "811218\u2060-9876",  # word joiner
    "１９１２１２１２－１２１２",  # fullwidth
    "\u0661\u0669\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662",  # Arabic-Indic
    "\u0967\u096f\u0967\u0968\u0967\u0968\u0967\u0968-\u0967\u0968\u0967\u0968",  # Devanagari
    "19121212-*1212*",
    "1912**1212**-1212",
    "19121212-`1212`",
    "&#49;9121212-1212",
    "19121212&ndash;1212",
    "811218&shy;9876",
    "19121212\\-1212",
    "19121212-<!-- x -->1212",
    "1912<span>1212</span>-1212",
    "1912<SPAN CLASS='x'>1212</SPAN>-1212",
    "[x](https://example.se/p/19121212-1212/)",
    "https://example.se/?pnr=19121212%2D1212",
    "\\u0031\\u0039121212-1212",  # a JSON or JavaScript escape
    "arende-19121212-1212",  # inside an id
    "811218 - 9876",
    "19121212-<br>1212",
]


@pytest.mark.parametrize("text", DISGUISED)
def test_disguised_numbers_are_found(text: str) -> None:
    found = find_numbers(text)
    assert len(found) == 1, (text, found)
    assert found[0].key in ("191212121212", "8112189876", "1212121212"), found


@pytest.mark.parametrize(
    "text",
    [
        "<td>811218</td><td>9876</td>",  # two table cells are two numbers
        "2024\u20131178",
        "SN\u00a02023-1178",
        "１２３４５６７８９０",  # not a date
        "<a href='/2024/04/30/'>30 april</a>",
    ],
)
def test_normalised_look_alikes_pass(text: str) -> None:
    assert find_numbers(text) == [], text


def test_allowed_number_is_allowed_however_written(tmp_path, monkeypatch, capsys) -> None:
    allow = "tillatna_nummer:\n  - nummer: 19121212-1212\n    motivering: Testnummer\n"
    content = _project(tmp_path, "'Testnumret 19121212\u20131212 och 191212121212.'", allow)
    code, out = _check(content, monkeypatch, capsys)
    assert code == 0, out


def _big_result(tmp_path: Path, lines: list[str]) -> Path:
    return _project(tmp_path, "|\n" + "\n".join("      " + line for line in lines))


def _timed_check(content: Path, monkeypatch, capsys) -> tuple[float, int, str]:
    """`ikgen check` of a project, with its CPU time (steady on a machine shared with others)."""
    started = time.process_time()
    code, out = _check(content, monkeypatch, capsys)
    return time.process_time() - started, code, out


def _indicators(count: int) -> str:
    """A follow-up's indicators holding ``count`` numbers that are no identity numbers: dates,
    amounts, diarienummer, counts and numbers one check digit off a personnummer."""
    return "".join(
        f"      - id: utbetalning-{i}\n"
        f"        namn: Utbetalning {2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d} på"
        f" {i * 7919 % 10**6} kr, dnr SN 2023-{i % 10**4:04d}, ej 811218-987{5 + 2 * (i % 2)}\n"
        f"        varde: {i * 104729 % 10**7}\n"
        for i in range(count // 6)
    )


def _with_indicators(folder: Path, count: int) -> Path:
    content = _project(folder, "Utbetalningar.")
    report = content / "testnamnden" / "2024" / "delar-1.yml"
    text = report.read_text(encoding="utf-8")
    start = text.index("      - id: andel-utan-attest")
    end = text.index("    kommentar:")
    report.write_text(text[:start] + _indicators(count) + text[end:], encoding="utf-8")
    return content


def test_check_is_linear_in_file_size(tmp_path, monkeypatch, capsys) -> None:
    timings: dict[int, float] = {}
    for run, count in enumerate((20_000, 40_000, 20_000, 40_000)):  # best of two, fresh files
        elapsed, code, out = _timed_check(
            _with_indicators(tmp_path / str(run), count), monkeypatch, capsys
        )
        assert code == 0, out[-500:]
        timings[count] = min(elapsed, timings.get(count, elapsed))
    assert timings[20_000] < 2, timings
    assert timings[40_000] / timings[20_000] < 3, timings  # twice the size: about twice the time


def _identity_numbers(count: int) -> list[str]:
    """Distinct valid personnummer, one per line."""
    out = []
    day = dt.date(1950, 1, 1)
    while len(out) < count:
        date = day.strftime("%y%m%d")
        tail = next(f"{n:04d}" for n in range(10_000) if luhn_ok(date + f"{n:04d}"))
        out.append(f"Ärende {date}-{tail}.")
        day += dt.timedelta(days=1)
    return out


def test_many_numbers_are_reported_fast_each_on_its_line(tmp_path, monkeypatch, capsys) -> None:
    content = _big_result(tmp_path, _identity_numbers(5_000))
    elapsed, code, out = _timed_check(content, monkeypatch, capsys)
    assert code == 1
    lines = [line for line in out.splitlines() if "ser ut som ett personnummer" in line]
    assert len(lines) == 5_000
    assert lines[0].startswith("content/testnamnden/2024/delar-1.yml:21: kontroller[0].resultat:")
    assert lines[-1].startswith("content/testnamnden/2024/delar-1.yml:5020: kontroller[0]")
    assert elapsed < 3, elapsed
