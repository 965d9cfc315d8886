"""Open data that cannot harm: no formula in a spreadsheet, valid XML, only http(s)/mailto.

Text from YAML reaches CSV (open data), .xlsx (``ikgen export``), Atom feeds and the DCAT
catalogue. A text that starts like a formula is written with an apostrophe first and, in
.xlsx, as a string cell; every character that passes ``ikgen check`` is valid XML; a contact
address is an e-mail address or an http(s) address.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, run_ikgen
from openpyxl import load_workbook

from ikgen.core.diagnostics import ContentError
from ikgen.core.load import FORBIDDEN_CHARS
from ikgen.core.text import defuse, undefuse
from ikgen.pipeline import load_checked
from ikgen.publish.opendata import export_files

BAS = FIXTURES / "bas" / "content"
HYPERLINK = '=HYPERLINK("http://x","y")'
FORMULAS = {
    "resultat": HYPERLINK,
    "kommentar": "+1+1",
    "vad": "@SUM(A1:A9)",
    "metod": "-2+3",
    "titel": "=1+1",
}


def _project(tmp_path: Path) -> Path:
    """The base content with formula-like texts in a result, a comment, an action, a control."""
    content = tmp_path / "content"
    shutil.copytree(BAS, content)
    report = content / "testnamnden" / "2024" / "delar-1.yml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("resultat: Två av tio fakturor saknade attest.", f"resultat: '{HYPERLINK}'")
    text = text.replace("kommentar: Rutinen ses över.", "kommentar: '+1+1'")
    text = text.replace("- vad: Utbilda attestanter.", "- vad: '@SUM(A1:A9)'")
    text = text.replace("varde: 20", "varde: -3")
    report.write_text(text, encoding="utf-8")
    plan = content / "testnamnden" / "2024" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("metod: Tio fakturor per period.", "metod: '-2+3'")
    text = text.replace("titel: Stickprov på fakturor", "titel: '=1+1'")
    plan.write_text(text, encoding="utf-8")
    return content


def test_defuse_prefixes_formula_starts_and_undefuse_gives_them_back() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert defuse(start + "1") == "'" + start + "1"
    for text in ("=a", "'=a", "''-a", "a=b", "'a", "", "Två av tio", "-", "'"):
        assert undefuse(defuse(text)) == text
    assert defuse("Två av tio") == "Två av tio"
    assert defuse("'=a") == "''=a"  # an apostrophe the editor wrote survives a round trip


def test_open_data_csv_writes_formula_texts_as_text(tmp_path: Path) -> None:
    corpus = load_checked(_project(tmp_path))
    files = export_files(corpus)
    rows = list(csv.DictReader(io.StringIO(files["/data/testnamnden/2024/delar-1.csv"])))
    row = rows[0]
    assert row["resultat"] == "'" + HYPERLINK
    assert row["kommentar"] == "'+1+1"
    assert row["metod"] == "'-2+3"
    assert row["kontroll"] == "'=1+1"
    assert row["atgarder"] == "'@SUM(A1:A9) (Ekonomichefen, 2024-09-30, paborjad)"
    assert row["indikatorer"].startswith("Andel fakturor utan attest: -3")
    assert row["ar"] == "2024" and row["riskvarde"] == "12"  # number columns unchanged
    for cell in (c for r in rows for c in r.values()):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # The JSON is verbatim: it is data, not a spreadsheet.
    assert (
        f'"resultat": "{HYPERLINK.replace(chr(34), chr(92) + chr(34))}"'
        in files["/data/testnamnden/2024/delar-1.json"]
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_no_formula_and_import_gives_the_texts_back(
    tmp_path: Path, suffix: str
) -> None:
    content = _project(tmp_path / "a")
    sheet = tmp_path / f"ark{suffix}"
    exported = run_ikgen("export", str(sheet), "-C", str(content))
    assert exported.returncode == 0, exported.stderr
    if suffix == ".xlsx":
        book = load_workbook(sheet)  # not data_only: a formula would show as a formula here
        cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        by_text = {c.value: c for c in cells}
        for text in FORMULAS.values():
            cell = by_text["'" + text]
            assert cell.data_type == "s"
        minus_three = [c for c in cells if c.value == -3]
        assert minus_three and minus_three[0].data_type == "n"  # a negative number stays one
    else:
        text = sheet.read_text(encoding="utf-8")
        for formula in FORMULAS.values():
            assert f"'{formula}" in text.replace('""', '"')
        assert ";-3;" in text

    # Import the sheet into a project without the plan and report: the texts are unchanged.
    project = tmp_path / "b"
    shutil.copytree(BAS, project / "content")
    for path in (project / "content" / "testnamnden" / "2024").glob("*.yml"):
        path.unlink()
    imported = run_ikgen("import", str(sheet), cwd=project)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    before = load_checked(content).namnder["testnamnden"]
    after = load_checked(project / "content").namnder["testnamnden"]
    assert after.plans[2024].content.risker == before.plans[2024].content.risker
    old = before.uppfoljningar[(2024, "delar-1")].content
    new = after.uppfoljningar[(2024, "delar-1")].content
    assert new.kontroller == old.kontroller
    assert new.kontroller[0].resultat == HYPERLINK


def test_every_character_check_accepts_is_valid_xml() -> None:
    """The characters ikgen check refuses include every character XML 1.0 does not allow."""

    def xml_char(code: int) -> bool:  # XML 1.0, production [2] Char
        return (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )

    allowed_but_not_xml = [
        hex(code)
        for code in range(0x110000)
        if not xml_char(code) and not FORBIDDEN_CHARS.match(chr(code))
    ]
    assert allowed_but_not_xml == []


def test_atom_feeds_parse_whatever_text_passes_check(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(BAS, content)
    # Characters at the edges of what XML allows, markup characters and a CDATA end.
    odd = (
        "\\t \\x85 \\xA0 \\u2028 \\uD7FF \\uE000 \\uFEFF \\uFFFD \\U00010000 \\U0010FFFF"
        " & < > ]]> \\\" ' 😀 Å"
    )
    for rel, key in (
        ("kommun.yml", "namn: Testkommunen"),
        ("testnamnden/namnd.yml", "namn: Testnämnden"),
        ("testnamnden/2024/delar-1.yml", "titel: Uppföljning per april 2024"),
        ("testnamnden/2024/delar-1.yml", '  paragraf: "§ 40"'),
        ("testnamnden/2024/delar-1.yml", "  dnr: TN 2024-0201"),
    ):
        path = content / rel
        name = key.split(":")[0]
        text = path.read_text(encoding="utf-8")
        assert key in text
        path.write_text(text.replace(key, f'{name}: "{key.split(": ")[1].strip(chr(34))} {odd}"'))
    corpus = load_checked(content)
    assert "\U0010ffff" in corpus.kommun.namn
    feeds = {url: text for url, text in export_files(corpus).items() if url.endswith(".xml")}
    assert set(feeds) == {"/atom.xml", "/testnamnden/atom.xml", "/provnamnden/atom.xml"}
    for url, text in feeds.items():
        root = ET.fromstring(text.encode("utf-8"))
        titles = [e.text or "" for e in root.iter("{http://www.w3.org/2005/Atom}title")]
        assert any("]]>" in t and "\U0010ffff" in t for t in titles), url


@pytest.mark.parametrize(
    "escape", ["\\x01", "\\x1b", "\\x7f", "\\x9f", "\\uFFFE", "\\uFFFF", "\\b", "\\v", "\\e"]
)
def test_characters_that_are_not_xml_are_refused_in_a_name(tmp_path: Path, escape: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(BAS, content)
    path = content / "testnamnden" / "namnd.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("namn: Testnämnden", f'namn: "Test{escape}nämnden"'))
    result = run_ikgen("check", "content", cwd=tmp_path)
    assert result.returncode == 1
    assert "content/testnamnden/namnd.yml:1: namn: texten innehåller tecknet U+" in result.stderr


def test_catalogue_contact_is_mailto_or_web_address(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(BAS, content)

    def contact_point(kontakt: str) -> dict:
        kommun = content / "kommun.yml"
        text = kommun.read_text(encoding="utf-8").splitlines()
        kommun.write_text(
            "\n".join(f"kontakt: {kontakt}" if t.startswith("kontakt:") else t for t in text)
        )
        catalog = json.loads(export_files(load_checked(content))["/data/katalog.jsonld"])
        return next(g for g in catalog["@graph"] if g.get("@type") == "dcat:Dataset")[
            "dcat:contactPoint"
        ]

    assert contact_point("kontakt@example.se")["vcard:hasEmail"] == {
        "@id": "mailto:kontakt@example.se"
    }
    assert contact_point("https://example.se/kontakt")["vcard:hasURL"] == {
        "@id": "https://example.se/kontakt"
    }
    with pytest.raises(ContentError, match="e-postadress"):
        contact_point("javascript:alert(1)")


def test_import_refuses_a_control_character_by_row_and_column(tmp_path: Path) -> None:
    shutil.copytree(BAS, tmp_path / "content")
    sheet = tmp_path / "ark.csv"
    rows = [
        ["Nämnd", "År", "Risk-id", "Risk", "Kontroll-id", "Kontroll"],
        ["testnamnden", "2025", "r-1", "Risk\x01", "k-1", "Kontroll"],
    ]
    sheet.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    result = run_ikgen("import", str(sheet), cwd=tmp_path)
    assert result.returncode == 1
    assert "ark.csv:2: kolumn D (Risk): cellen innehåller tecknet U+0001" in result.stderr, (
        result.stderr
    )
    assert not (tmp_path / "content" / "testnamnden" / "2025").exists()
