"""Helpers for the auditor tests: a fixture project in a real git repository, built twice
(before and after renaming a nämnd, a risk and a control), and URL resolution in a built site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, build_project, make_project

AUDIT_CONTENT = FIXTURES / "granskning" / "content"


@dataclass
class AuditSites:
    """The fixture project built before and after the renames."""

    project: Path
    before: Path
    """The first build (nämnd ``socialnamnden``, control ``fakturakontroll``, risk ``avtal``)."""
    after: Path
    """The build after renaming to ``omsorgsnamnden``, ``fakturagranskning``, ``avtalstrohet``."""
    old_manifest: Path
    """The first build's ``urls.txt``."""


def git(project: Path, *args: str, date: str | None = None) -> str:
    """Run real git in the project (fixed identity; optional commit date)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktör", "GIT_AUTHOR_EMAIL": "r@example.se"}
    env |= {"GIT_COMMITTER_NAME": "Redaktör", "GIT_COMMITTER_EMAIL": "r@example.se"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(
        ["git", *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a file, failing if the text is not there exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rename_all(content: Path) -> None:
    """Rename the nämnd, a control and a risk the documented way: new ids, old in tidigare_id."""
    git(content.parent, "mv", "content/socialnamnden", "content/omsorgsnamnden")
    n = content / "omsorgsnamnden"
    edit(n / "namnd.yml", "kortnamn: SN\n", "kortnamn: SN\ntidigare_id: [socialnamnden]\n")
    plan = n / "2024" / "plan.yml"
    edit(
        plan,
        "      - id: fakturakontroll\n",
        "      - id: fakturagranskning\n        tidigare_id: [fakturakontroll]\n",
    )
    edit(plan, "  - id: avtal\n", "  - id: avtalstrohet\n    tidigare_id: [avtal]\n")
    for name in ("delar-1.yml", "helar.yml"):
        edit(n / "2024" / name, "kontroll: fakturakontroll", "kontroll: fakturagranskning")


def build_audit_sites(tmp: Path) -> AuditSites:
    """Commit, change after the decision, build; rename, build again."""
    project = make_project(tmp / "projekt", AUDIT_CONTENT)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Delår 1 inför nämnden", date="2024-05-20T10:00:00+02:00")
    report = project / "content" / "socialnamnden" / "2024" / "delar-1.yml"
    edit(report, "Två kontroller är gjorda.", "Två kontroller är gjorda och redovisade.")
    git(project, "commit", "-qam", "Rättat sammanfattningen", date="2024-06-10T09:00:00+02:00")
    before = tmp / "fore"
    shutil.copytree(build_project(project), before)
    old_manifest = tmp / "urls-fore.txt"
    shutil.copy(before / "urls.txt", old_manifest)
    rename_all(project / "content")
    git(
        project, "commit", "-qam", "Nya id för nämnd och kontroll", date="2024-07-01T08:00:00+02:00"
    )
    return AuditSites(project, before, build_project(project), old_manifest)


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def resolve(site: Path, url: str) -> str | None:
    """Open a URL in a built site like a browser: follow redirect pages, keep the anchor.

    Returns the final page's HTML (anchor checked), or None if the URL does not resolve.
    """
    base, _, anchor = url.partition("#")
    for _ in range(5):
        path = site / base.strip("/")
        path = path / "index.html" if base.endswith("/") else path
        if not path.is_file():
            return None
        # Pages and data are UTF-8; a PDF is binary and only has to be there.
        text = path.read_bytes().decode("utf-8", "replace")
        found = _REFRESH.search(text)
        if not found or not base.endswith("/"):
            break
        base = os.path.normpath(os.path.join(base, found.group(1))) + "/"
    if anchor and f'id="{anchor}"' not in text:
        return None
    return text
