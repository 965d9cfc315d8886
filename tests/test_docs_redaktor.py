"""The worked pages in docs-redaktor/ (one per report shape) cannot rot.

Every ```yaml block on those pages starts with a comment naming the file it is an excerpt of
(``# content/kommun.yml``, ``# examples/…/content/rinkeby-kista/2022/vb.yml``). The blocks of
one content folder are written into a fresh folder and checked with ikgen's own pipeline, so
every excerpt must validate against the models and agree with the others (a report's control
must be in the plan excerpt, its bedömning on the kommun.yml excerpt's scale).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ikgen.build import Build
from ikgen.core.diagnostics import ContentError
from ikgen.pipeline import check_content

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "form-omrade-risk-kontroll.md",
    "form-mal-process-arbetssatt.md",
    "form-bara-risker.md",
    "atgarder.md",
)
_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FILE = re.compile(r"^# ((?:[\w.-]+/)*content)/([\w/.-]+\.yml)\n")

# The accessibility statement is the municipality's own and not about a report's shape, so the
# excerpts leave it out; a kommun.yml excerpt without one gets this.
_TILLGANGLIGHET = """
tillganglighet:
  efterlevnad: delvis förenlig
  kontakt: webbplatsen@example.org
  bedomd: Exempel i ikgens dokumentation.
"""


def yaml_blocks(text: str) -> dict[str, dict[str, str]]:
    """The page's YAML blocks: content folder → file in it → text (blocks of a file joined)."""
    folders: dict[str, dict[str, str]] = {}
    for block in _BLOCK.findall(text):
        named = _FILE.match(block)
        assert named, f"ett yaml-block börjar inte med '# content/FIL.yml':\n{block[:200]}"
        files = folders.setdefault(named.group(1), {})
        files[named.group(2)] = files.get(named.group(2), "") + block
    return folders


def assemble(files: dict[str, str], root: Path) -> Path:
    """Write one folder's excerpts as a content folder; return it."""
    content = root / "content"
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    kommun = content / "kommun.yml"
    if "\ntillganglighet:" not in kommun.read_text(encoding="utf-8"):
        kommun.write_text(kommun.read_text(encoding="utf-8") + _TILLGANGLIGHET, encoding="utf-8")
    for folder in content.iterdir():
        if folder.is_dir() and not (folder / "namnd.yml").exists():
            (folder / "namnd.yml").write_text(f"namn: {folder.name}\n", encoding="utf-8")
    return content


def _page(name: str) -> str:
    return (ROOT / "docs-redaktor" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_every_yaml_block_of_a_worked_page_checks(name: str, tmp_path: Path) -> None:
    folders = yaml_blocks(_page(name))
    assert folders, f"{name} har inga yaml-block"
    for n, (folder, files) in enumerate(folders.items()):
        assert "kommun.yml" in files, f"{name}: {folder} saknar ett utdrag ur kommun.yml"
        assert any(f.count("/") == 2 for f in files), f"{name}: {folder} saknar plan/uppföljning"
        try:
            _, warnings = check_content(assemble(files, tmp_path / str(n)), Build())
        except ContentError as exc:
            pytest.fail(f"{name} ({folder}):\n{exc}")
        assert not warnings, f"{name} ({folder}): {[str(w) for w in warnings]}"


@pytest.mark.parametrize("name", PAGES)
def test_a_worked_page_quotes_its_source_next_to_the_yaml(name: str) -> None:
    text = _page(name)
    assert text.count("```text\n") >= 1, f"{name}: inget citat ur rapporten (```text)"
    assert "termer" in text or "grupprubrik" in text, f"{name}: säger inte vilka inställningar"


def test_a_broken_excerpt_is_caught(tmp_path: Path) -> None:
    """The check above can fail: a misspelt key in one excerpt stops it."""
    files = yaml_blocks(_page(PAGES[0]))["content"]
    report = next(f for f in files if f.count("/") == 2 and not f.endswith("plan.yml"))
    files[report] = files[report].replace("\nkontroller:\n", "\nkontrolller:\n", 1)
    with pytest.raises(ContentError, match="kontrolller"):
        check_content(assemble(files, tmp_path), Build())


def test_the_pages_are_linked_from_readme_and_index() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Så skriver du innehåll")[1]
    index = (ROOT / "docs-redaktor" / "index.md").read_text(encoding="utf-8")
    for name in PAGES:
        assert f"docs-redaktor/{name}" in readme.split("\n## ")[0], name
        assert f"({name})" in index, name
