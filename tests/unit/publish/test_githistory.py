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


def test_a_back_dated_change_after_the_decided_text_is_reported_with_a_note(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "A"}, "Beslutad", "2024-06-12T10:00")
    _commit(
        tmp_path, {"status": "beslutad", "sammanfattning": "B"}, "Bakåtdaterad", "2024-05-01T10:00"
    )
    lookup = GitHistory(enabled=True)
    history = lookup.source_history(tmp_path / "content" / "n" / "2024" / "delar-1.yml", DECIDED)
    assert [c.subject for c in history.after_decision] == ["Bakåtdaterad"]
    assert history.after_decision[0].note == "daterad före den föregående versionen"
    assert history.last is not None and history.last.subject == "Bakåtdaterad"


def test_an_alias_bomb_in_an_old_version_is_not_replayed(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "A"}, "Beslutad", "2024-06-12T10:00")
    bomb = "status: beslutad\na: &a [x, x, x, x, x, x, x, x, x]\n"
    bomb += "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    path = tmp_path / "content" / "n" / "2024" / "delar-1.yml"
    path.write_text(bomb, encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Bomb", date="2024-06-20T10:00")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "C"}, "Rättad", "2024-06-21T10:00")
    lookup = GitHistory(enabled=True)
    history = lookup.source_history(path, DECIDED)  # would take minutes and gigabytes if replayed
    assert [c.subject for c in history.after_decision] == ["Rättad", "Bomb"]


def test_an_id_that_existed_only_in_a_draft_version_is_never_named(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "A"}, "Beslutad", "2024-06-12T10:00")
    draft = {"status": "utkast", "kontroller": [{"kontroll": "qzutkastid", "resultat": "x"}]}
    _commit(tmp_path, draft, "Utkast", "2024-06-13T10:00")
    _commit(tmp_path, {"status": "beslutad", "sammanfattning": "B"}, "Åter", "2024-06-14T10:00")
    lookup = GitHistory(enabled=True)
    history = lookup.source_history(tmp_path / "content" / "n" / "2024" / "delar-1.yml", DECIDED)
    summaries = " ".join(c.summary for c in history.after_decision)
    assert len(history.after_decision) == 2 and "qzutkastid" not in summaries
