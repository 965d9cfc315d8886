"""Build the content/ site and every example site at two revisions and diff the results.

For refactors that must not change behaviour: every page, data file, redirect, feed and
urls.txt must be byte-identical.

    python scripts/diff_builds.py BASE_REV            # BASE_REV against the working tree
    python scripts/diff_builds.py BASE_REV OTHER_REV  # two commits

Each revision is checked out with ``git worktree add --detach`` into a temporary folder and
built with its own code (``PYTHONPATH`` points at that checkout; the installed dependencies are
shared). Exit code 0 when both sides are identical, 1 with the differing files listed.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sites_of(tree: Path) -> dict[str, Path]:
    """Name → mkdocs.yml of every site in a checkout: content/ and each example."""
    configs = {"content": tree / "mkdocs.yml"}
    for config in sorted((tree / "examples").glob("*/mkdocs.yml")):
        configs[config.parent.name] = config
    return configs


def build_all(tree: Path, out: Path) -> None:
    """Build every site of a checkout with that checkout's own code."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    for name, config in sites_of(tree).items():
        command = [
            sys.executable,
            "-m",
            "ikgen.cli",
            "build",
            "-f",
            str(config),
            "-d",
            str(out / name),
        ]
        result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{tree}: {name} byggdes inte:\n{result.stderr}")


def differences(a: Path, b: Path) -> list[str]:
    """Relative paths that exist on one side only or differ in bytes."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"bara i {a.name}: {p}" for p in sorted(files_a - files_b)]
    out += [f"bara i {b.name}: {p}" for p in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        if not filecmp.cmp(a / rel, b / rel, shallow=False):
            out.append(f"skiljer: {rel}")
    return out


def checkout(rev: str, folder: Path) -> Path:
    """A detached worktree of a revision."""
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--quiet", "--detach", str(folder), rev],
        check=True,
    )
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("other", nargs="?", default=None, help="default: the working tree")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ikgen-diff-") as tmp:
        work = Path(tmp)
        trees = [checkout(args.base, work / "a")]
        trees.append(checkout(args.other, work / "b") if args.other else ROOT)
        try:
            for side, tree in zip(("a-ut", "b-ut"), trees, strict=True):
                build_all(tree, work / side)
            found = differences(work / "a-ut", work / "b-ut")
        finally:
            for tree in trees:
                if tree != ROOT:
                    subprocess.run(
                        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)]
                    )
    for line in found:
        print(line)
    count = sum(1 for _ in found)
    print(f"{count} skillnader" if count else "Identiska byggen.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
