"""The navigation stays small per page as the site grows (issue 6)."""

from __future__ import annotations

from ikgen.core.site import NAV_GROUP_LIMIT, NavItem, _grouped


def test_a_municipality_keeps_one_entry_per_namnd() -> None:
    sections = [NavItem(f"Nämnd {i}") for i in range(NAV_GROUP_LIMIT)]
    assert _grouped(sections) == sections


def test_a_regions_many_namnder_are_grouped_in_sections_of_at_most_30() -> None:
    names = [f"{letter}nämnden {i}" for letter in "ABCDEFGH" for i in range(19)]
    groups = _grouped([NavItem(name) for name in names])
    assert len(groups) <= 6
    assert all(len(group.children) <= 30 for group in groups)
    assert sorted(child.title for g in groups for child in g.children) == sorted(names)
    assert groups[0].title == "Nämnder A–B"
