"""ikgen.publish.githistory: what counts as a change after the decision (real git)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from ikgen.publish.githistory import GitHistory
from tests.granskning_stod import git

DECIDED = dt.date(2024, 5, 28)


def _commit(repo: Path, doc: dict, message: str, when: str) -> None:
    path = repo / "content" / "n" / "2024" / "delar-1.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, date=when)


def _after_decision(repo: Path) -> list[str]:
    lookup = GitHistory(enabled=True)
    history = lookup.source_history(repo / "content" / "n" / "2024" / "delar-1.yml", DECIDED)
    return [change.subject for change in history.after_decision]


def test_first_publication_of_a_decided_report_is_not_a_change(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, {"status": "utkast", "sammanfattning": "A"}, "Påbörjad", "2024-06-10T10:00")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "A"}, "Beslutad", "2024-06-12T10:00")
    assert _after_decision(tmp_path) == []
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "B"}, "Ändrad", "2024-07-01T10:00")
    assert _after_decision(tmp_path) == ["Ändrad"]


def test_a_report_decided_before_its_commit_dates_counts_every_later_change(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "A"}, "Beslutad", "2024-05-20T10:00")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "B"}, "Ändrad", "2024-06-01T10:00")
    assert _after_decision(tmp_path) == ["Ändrad"]
