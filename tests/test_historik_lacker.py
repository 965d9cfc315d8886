"""Git history cannot leak: a personnummer removed from a decided report, commit subjects and
and author names appear in no
published file — while the same changes are still reported (date, version, fields)."""

from __future__ import annotations

import gzip
from pathlib import Path

from conftest import FIXTURES, build_project, make_project, run_ikgen
from granskning_stod import edit, git

NUMMER = "19121212-1212"  # Skatteverket's test number: valid, and what the scanner refuses
DIGITS = NUMMER.replace("-", "")
SUBJECT = "Tog bort personnumret qzsubjekt"
AUTHOR = "Redaktör"  # granskning_stod.git's fixed identity


def _published(site: Path) -> str:
    parts = []
    for path in sorted(site.rglob("*")):
        parts.append(path.name)
        if path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def test_removed_number_subjects_authors_and_draft_ids_stay_out(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "granskning" / "content")
    report = project / "content" / "socialnamnden" / "2024" / "delar-1.yml"
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Beslutad rapport", date="2024-05-20T10:00:00+02:00")
    # After the decision: a personnummer slips in (allowed for the moment), then is removed.
    edit(report, "Två kontroller är gjorda.", f"Två kontroller är gjorda. Ärende {NUMMER}.")
    text = report.read_text(encoding="utf-8")
    allowed = f"tillatna_nummer:\n  - nummer: {NUMMER}\n    motivering: Prov\n"
    report.write_text(text + allowed, encoding="utf-8")
    git(
        project, "commit", "-qam", f"Lade till {NUMMER} qzsubjekt", date="2024-06-01T09:00:00+02:00"
    )
    report.write_text(text.replace(f" Ärende {NUMMER}.", ""), encoding="utf-8")
    git(project, "commit", "-qam", SUBJECT, date="2024-06-02T09:00:00+02:00")

    site = build_project(project)
    out = _published(site)
    section = (site / "socialnamnden/2024/delar-1/index.html").read_text(encoding="utf-8")
    assert "Källfilen har ändrats 2 gånger efter beslutet" in section  # still reported
    for secret in (NUMMER, DIGITS, "qzsubjekt", AUTHOR):
        assert secret not in out, secret


def test_positive_control_the_number_in_current_content_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURES / "granskning" / "content")
    report = project / "content" / "socialnamnden" / "2024" / "delar-1.yml"
    edit(report, "Två kontroller är gjorda.", f"Två kontroller är gjorda. Ärende {NUMMER}.")
    result = run_ikgen("build", cwd=project)
    assert result.returncode == 1 and "personnummer" in result.stderr, result.stderr
