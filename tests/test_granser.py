"""Every input bounded: what passes ``ikgen check`` builds, and in time linear in its size.

The limits of ikgen/core/limits.py are tested at their edges (the text just under a limit passes,
one more character of the kind is refused), a whole site whose fields sit just under every
limit is built with the real ``ikgen build``, and the Markdown time of such fields is measured
at two sizes: twice the text may cost about twice the time, not four times.
"""

from __future__ import annotations

import gc
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE, FIXTURES, ROOT, make_project, run_ikgen

from ikgen.core import limits
from ikgen.core.limits import markdown_problems
from ikgen.core.text import markdown_to_html

FIELD = 50_000
"""The longest Markdown field (ikgen/model/common.py)."""
PROSE = "Av 40 granskade fakturor saknade 3 attest och två hade fel belopp, vilket nu rättas. "


def _fill(prefix: str, size: int) -> str:
    return (prefix + PROSE * (size // len(PROSE) + 1))[:size].rstrip()


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size].rstrip()


def just_under(size: int = FIELD) -> dict[str, str]:
    """A field of `size` characters for each limit, exactly at the limit (still allowed)."""
    return {
        "nastling": _repeat("+ " * limits.MAX_NESTING + "a\n", size),
        "citat": _repeat("> " * limits.MAX_NESTING + "a\n", size),
        "hakparenteser": _fill("![" * limits.MAX_OPEN_BRACKETS, size),
        "lankadresser": _fill("[a](" * limits.MAX_OPEN_LINKS, size),
        "lanktitlar": _fill('[a](b "x) ' * limits.MAX_OPEN_TITLES, size),
        "taggar": _fill("<a " * limits.MAX_OPEN_TAGS, size),
        "asterisker": _repeat(("*" * limits.MAX_EMPHASIS_RUN + " a ") * 9 + "\n\n", size),
        "linjer": _repeat("---\n" * limits.MAX_BLOCK_LINES + "\n", size),
        "lankar": _repeat("[a](https://example.se) " * limits.MAX_INLINE_MARKUP + "\n\n", size),
        "kursiv": _repeat("*a* " * (limits.MAX_INLINE_MARKUP // 2) + "\n\n", size),
    }


def just_over() -> dict[str, str]:
    """The same fields with one more of the limited kind: each is refused."""
    return {
        "nastling": "+ " * (limits.MAX_NESTING + 1) + "a",
        "citat": "> " * (limits.MAX_NESTING + 1) + "a",
        "hakparenteser": _fill("![" * (limits.MAX_OPEN_BRACKETS + 1), 2000),
        "lankadresser": _fill("[a](" * (limits.MAX_OPEN_LINKS + 1), 2000),
        "lanktitlar": _fill('[a](b "x) ' * (limits.MAX_OPEN_TITLES + 1), 2000),
        "taggar": _fill("<a " * (limits.MAX_OPEN_TAGS + 1), 2000),
        "asterisker": "*" * (limits.MAX_EMPHASIS_RUN + 1) + " a",
        "linjer": "---\n" * (limits.MAX_BLOCK_LINES + 1) + "a",
        "lankar": "[a](https://example.se) " * (limits.MAX_INLINE_MARKUP + 1),
        "kursiv": "*a* " * (limits.MAX_INLINE_MARKUP // 2 + 1),
    }


@pytest.mark.parametrize("kind", sorted(just_under(5_000)))
def test_each_limit_allows_its_edge_and_refuses_one_more(kind: str) -> None:
    under, over = just_under()[kind], just_over()[kind]
    assert len(under) >= FIELD - 100
    assert markdown_problems(under) == []
    assert len(markdown_problems(over)) == 1, kind


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_real_reports_are_within_every_limit() -> None:
    for folder in (ROOT / "content", EXAMPLE / "content", FIXTURES):
        for path in folder.rglob("*.yml"):
            for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
                assert markdown_problems(text) == [], (path, text[:80])


def _markdown_seconds(texts: list[str]) -> float:
    gc.collect()
    started = time.process_time()
    for text in texts:
        markdown_to_html(text)
    return time.process_time() - started


def test_twice_the_text_costs_about_twice_the_markdown_time() -> None:
    half = list(just_under(FIELD // 2).values())
    full = list(just_under(FIELD).values())
    _markdown_seconds(half[:1])  # warm up the converter
    small, large = _markdown_seconds(half), _markdown_seconds(full)
    # Linear: ×2. Before the limits, 10 000 '[' alone took minutes and grew ×4 per doubling.
    assert large / small < 3.0, (small, large)
    assert large < 15, large


def test_site_with_every_field_just_under_the_limits_builds_in_time(tmp_path: Path) -> None:
    content = tmp_path / "src"
    shutil.copytree(FIXTURES / "bas" / "content", content)
    report = content / "testnamnden" / "2024" / "delar-1.yml"
    sections = "".join(
        f"  - rubrik: Gräns {kind}\n    text: |\n"
        + "".join(f"      {line}\n" for line in text.split("\n"))
        for kind, text in just_under().items()
    )
    report.write_text(report.read_text(encoding="utf-8") + "avsnitt:\n" + sections, "utf-8")
    project = make_project(tmp_path / "p", content)
    started = time.monotonic()
    result = run_ikgen("build", cwd=project)
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = project / "site"
    page = (site / "testnamnden" / "2024" / "delar-1" / "index.html").read_text(encoding="utf-8")
    assert page.count("Gräns ") >= len(just_under())
    assert (site / "data" / "testnamnden" / "2024" / "delar-1.pdf").is_file()
    # The PDF/A step (publish/pdf.py) grows linearly too, but WeasyPrint lays out this markup
    # (20-deep lists, thousands of links) slowly: it has a budget of its own, the rest of the
    # build keeps the one it had before PDFs.
    found = re.search(r"PDF/A: \d+ dokument på (\d+,\d) s", result.stdout)
    assert found, result.stdout
    pdf_seconds = float(found.group(1).replace(",", "."))
    assert seconds - pdf_seconds < 30, f"the build took {seconds:.1f} s, {pdf_seconds} s PDF"
    assert pdf_seconds < 240, f"the PDFs took {pdf_seconds} s"
