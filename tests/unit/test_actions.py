"""Actions followed through (core/actions.py and core/checks/atgarder.py), in-process.

The fixture tests/fixtures/atgarder/ overlays the base project with three periods: an action
decided in delår 1 2024 that is pågår at helår and genomförd with an effect in delår 1 2025; a
report-level action that is försenad, then pågår past its date (late); an action decided in
the plan and struck at helår; and one decided at helår that delår 1 2025 leaves out.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from ikgen.build import Build
from ikgen.core.actions import action_register, followed_up_in, period_end
from ikgen.core.diagnostics import ContentError
from ikgen.pipeline import check_content, load_checked

from .fast_paths import FIXTURES, ROOT

REPORT_2025 = "content/testnamnden/2025/delar-1.yml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base project with the actions fixture laid over it (messages show ``content/…``)."""
    shutil.copytree(FIXTURES / "bas" / "content", tmp_path / "content")
    shutil.copytree(FIXTURES / "atgarder" / "content", tmp_path / "content", dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _register(project: Path):  # noqa: ANN202
    corpus = load_checked(project / "content", Build())
    n = corpus.namnder["testnamnden"]
    return corpus, n, action_register(corpus, n)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_action_has_its_origin_and_its_history_oldest_first(project: Path) -> None:
    _, _, register = _register(project)
    ids = [a.id for a in register.actions]
    assert ids == ["mfa-infora", "utbilda-attestanter", "ny-attestrutin", "arkivera-underlag"]
    origins = {
        a.id: (a.origin.doc.year, a.origin.doc.period_id, a.origin.concerns)
        for a in register.actions
    }
    assert origins == {
        "mfa-infora": (2024, None, "risk"),
        "utbilda-attestanter": (2024, "delar-1", "kontroll"),
        "ny-attestrutin": (2024, "delar-1", "risk"),
        "arkivera-underlag": (2024, "helar", "kontroll"),
    }
    trained = register.find("utbilda-attestanter")
    assert trained is not None
    assert [(u.doc.year, u.doc.period_id, u.status) for u in trained.updates] == [
        (2024, "helar", "pagar"),
        (2025, "delar-1", "genomford"),
    ]
    assert "sjönk från 20 % till 0 %" in (trained.updates[-1].effekt or "")
    assert trained.origin.label == "Stickprov på fakturor"


def test_states_are_judged_against_the_latest_reports_period_end(project: Path) -> None:
    _, _, register = _register(project)
    assert register.reference == dt.date(2025, 4, 30)
    states = {a.id: a.state for a in register.actions}
    assert states == {
        "mfa-infora": "struken",
        "utbilda-attestanter": "genomford",
        "ny-attestrutin": "sen",  # pågår, its latest date 2025-02-28 is before 2025-04-30
        "arkivera-underlag": "oppen",  # "2025" is a text, never late
    }
    assert register.late == 1


def test_without_the_2025_report_the_reference_is_helar_2024(project: Path) -> None:
    """The reference moves with the content, never with the clock."""
    (project / REPORT_2025).unlink()
    _, _, register = _register(project)
    assert register.reference == dt.date(2024, 12, 31)
    assert register.find("ny-attestrutin").state == "oppen"  # försenad, but 2025-02-28 is later
    # pågår, and its decided date 2024-09-30 is before 2024-12-31
    assert register.find("utbilda-attestanter").state == "sen"
    assert register.late == 1


def test_the_period_end_comes_from_kommun_yml_without_rapportdatum(project: Path) -> None:
    _edit(project / REPORT_2025, "rapportdatum: 2025-04-30\n", "")
    corpus, n, register = _register(project)
    assert register.reference == dt.date(2025, 4, 30)  # per: "04-30" + the report's year
    assert period_end(corpus.kommun, n.uppfoljningar[(2025, "delar-1")]) == register.reference


def test_a_report_lists_the_actions_it_follows_up(project: Path) -> None:
    _, n, register = _register(project)
    doc = n.uppfoljningar[(2025, "delar-1")]
    assert [a.id for a, _ in followed_up_in(register, doc)] == [
        "utbilda-attestanter",
        "ny-attestrutin",
    ]


def test_a_follow_up_of_an_unknown_action_is_an_error(project: Path) -> None:
    _edit(project / REPORT_2025, "  - atgard: ny-attestrutin\n", "  - atgard: ny-attestrutinen\n")
    with pytest.raises(ContentError) as caught:
        load_checked(project / "content", Build())
    messages = [str(d) for d in caught.value.diagnostics]
    lines = (project / REPORT_2025).read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "ny-attestrutinen" in text)
    assert any(
        m.startswith(f"{REPORT_2025}:{line}: atgardsuppfoljning[1].atgard: åtgärden ")
        and "'ny-attestrutinen' finns inte" in m
        and "menade du 'ny-attestrutin'" in m
        for m in messages
    ), messages


def test_dropped_backwards_and_undated_actions_are_warnings(project: Path) -> None:
    _, warnings = check_content(project / "content", Build())
    assert [w.message.split(" var öppen")[0] for w in warnings] == ["åtgärden 'arkivera-underlag'"]
    _edit(
        project / REPORT_2025,
        "    status: genomford\n    nar: 2025-03-15\n",
        "    status: genomford\n",
    )
    _edit(project / "content/testnamnden/2024/helar.yml", "status: forsenad", "status: genomford")
    _, warnings = check_content(project / "content", Build())
    text = "\n".join(str(w) for w in warnings)
    assert "åtgärden 'ny-attestrutin' går tillbaka från Genomförd till Pågår" in text
    assert "åtgärden 'utbilda-attestanter' är genomförd men utan datum" in text
    assert f"{REPORT_2025}:" in text


def test_norrtalje_actions_have_ids_and_the_2025_report_follows_five_up() -> None:
    corpus = load_checked(ROOT / "content", Build())
    register = action_register(corpus, corpus.namnder["socialnamnden"])
    assert len(register.actions) == 7
    assert all(a.origin.doc.year == 2024 for a in register.actions)
    followed = {a.id: a.status for a in register.actions if a.updates}
    assert followed == {
        "kontinuitetsplanering": "pagar",
        "handlingsplan-utredningstider": "genomford",
        "byte-av-rpa-leverantor": None,
        "insatser-felaktig-anvandning": None,
        "handlingsplan-valfardsbrott": "genomford",
    }


def test_a_new_follow_up_lists_every_open_action_for_a_status_update(project: Path) -> None:
    """`ikgen new uppfoljning`: open actions (late ones included) with their latest status;
    genomförd and struck ones are left out."""
    from ikgen.editor.scaffold import new_uppfoljning

    new_uppfoljning(project / "content", "testnamnden", 2025, "helar")
    path = project / "content/testnamnden/2025/helar.yml"
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert report["atgardsuppfoljning"] == [
        {
            "atgard": "ny-attestrutin",
            "status": "pagar",
            "nar": None,
            "kommentar": None,
            "effekt": None,
        },
        {
            "atgard": "arkivera-underlag",
            "status": None,
            "nar": None,
            "kommentar": None,
            "effekt": None,
        },
    ]
    _, warnings = check_content(project / "content", Build())
    assert warnings == []  # the draft follows up the action delår 1 2025 left out
