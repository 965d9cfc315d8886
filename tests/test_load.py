"""Load: YAML with source lines, and what is refused before validation."""

from __future__ import annotations

import datetime as dt

from ikgen.core.load import parse


def test_lines_of_values_and_keys_are_kept() -> None:
    doc, problems = parse("namn: X\nrisker:\n  - id: a\n    titel: T\n", "f.yml")
    assert problems == []
    assert doc.data == {"namn": "X", "risker": [{"id": "a", "titel": "T"}]}
    assert doc.line_of(("risker", 0, "titel")) == 4
    assert doc.line_of(("risker", 0, "okand", 3)) == 3  # nearest enclosing location


def test_dates_are_dates_and_impossible_dates_are_named() -> None:
    doc, _ = parse("datum: 2024-04-30\n", "f.yml")
    assert doc.data["datum"] == dt.date(2024, 4, 30)
    doc, problems = parse("a: 1\ndatum: 2024-02-30\n", "f.yml")
    assert doc is None
    assert problems[0].line == 2 and "giltigt datum" in problems[0].message


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    _, problems = parse("titel: a\nid: x\ntitel: b\n", "f.yml")
    assert problems[0].line == 3
    assert "två gånger" in problems[0].message and "rad 1" in problems[0].message


def test_aliases_and_foreign_tags_are_refused() -> None:
    _, problems = parse("a: &x [1, 2]\nb: *x\n", "f.yml")
    assert "alias" in problems[0].message
    _, problems = parse("a: !!python/object/apply:os.system ['echo hej']\n", "f.yml")
    assert "taggen" in problems[0].message and problems[0].line == 1


def test_syntax_error_names_the_line() -> None:
    _, problems = parse("a: 1\nb: [1, 2\nc: 3\n", "f.yml")
    assert problems and problems[0].line is not None
    assert problems[0].message.startswith("YAML-syntaxfel")
