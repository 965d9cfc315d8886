"""Publish on push: the CI files are valid YAML and run exactly the commands tested here."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import yaml
from conftest import EXAMPLE, ROOT, build_project, make_project, run_ikgen

GITHUB = ROOT / ".github" / "workflows" / "publicera.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
HOOK_CONFIG = ROOT / ".pre-commit-config.yaml"

#: Every ikgen command the publish pipelines run, in order; this file runs each of them.
PUBLISH_COMMANDS = [
    "ikgen check content",
    "ikgen check content --mot forra-urls.txt",
    "ikgen build",
]
_IKGEN = re.compile(r"\bikgen [^;&|\n]*")


def _shell_lines(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines: list[str] = []

    def walk(node: object, key: str | None = None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in ("run", "script", "entry"):
            lines.extend(node.splitlines())

    walk(data)
    return lines


def _ikgen_commands(path: Path) -> list[str]:
    return [
        " ".join(m.group(0).split()) for line in _shell_lines(path) for m in _IKGEN.finditer(line)
    ]


def test_workflows_are_yaml_and_run_the_tested_commands_in_order() -> None:
    github = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    steps = github["jobs"]["bygg"]["steps"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") for s in steps)
    assert github["jobs"]["publicera"]["needs"] == "bygg"
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    for path in (GITHUB, GITLAB):
        commands = _ikgen_commands(path)
        assert commands[-3:] == PUBLISH_COMMANDS, f"{path.name}: {commands}"
        assert set(commands) <= set(PUBLISH_COMMANDS)
        text = path.read_text(encoding="utf-8")
        assert "urls.txt" in text and "curl -fsSL" in text


def test_pre_commit_hook_runs_ikgen_check() -> None:
    for path in (HOOKS, HOOK_CONFIG):
        assert _ikgen_commands(path) == ["ikgen check content"], path.name
    hook = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))[0]
    assert hook["pass_filenames"] is False and hook["files"] == "^content/"


def test_publish_commands_pass_then_refuse_a_broken_url(tmp_path: Path, example_site: Path) -> None:
    """Run the pipeline's commands against the last publish (the example site's urls.txt)."""
    project = make_project(tmp_path, EXAMPLE / "content")
    shutil.copy(example_site / "urls.txt", project / "forra-urls.txt")
    for command in PUBLISH_COMMANDS:
        args = shlex.split(command)[1:]
        if args[0] == "build":
            build_project(project, *args[1:])
        else:
            result = run_ikgen(*args, cwd=project)
            assert result.returncode == 0, f"{command}: {result.stderr}"
    assert (project / "site" / "urls.txt").is_file(), "the next publish compares with this file"
    (project / "content" / "socialnamnden" / "2023" / "helar.yml").unlink()
    refused = run_ikgen(*shlex.split(PUBLISH_COMMANDS[1])[1:], cwd=project)
    assert refused.returncode == 1
    assert "/socialnamnden/2023/helar/" in refused.stderr
