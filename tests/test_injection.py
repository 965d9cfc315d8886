"""No script or markup injection: payloads in every text field, asserted on the built HTML.

Every free-text value of the base project (titles, names, Markdown fields, decision records)
gets a set of injection payloads appended; each payload carries a marker "ikxN". The site is
built for real and every page parsed: no payload may become a script, event handler,
javascript:/data: link, iframe, style, comment, heading or template expression.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment
from conftest import FIXTURES, ROOT, run_ikgen

PAYLOADS = [
    '<script>alert("ikx1")</script>',
    '<img src=x onerror=alert("ikx2")>',
    '[klicka ikx3](javascript:alert("ikx3"))',
    '<a href="data:text/html,ikx4">data ikx4</a>',
    '<iframe src="https://evil.example/ikx5"></iframe>',
    "<style>body{display:none} /*ikx6*/</style>",
    "</div></section></article><h1>ikx7</h1>",
    "\n\n---\n\n# Rubrik ikx8\n\n",
    "{{ 7*7 }}ikx9{% if true %}ikx9b{% endif %}",
    '<svg onload=alert("ikx10")>',
    '"><script>alert("ikx11")</script>',
    '{#ikx12 .klass onclick="alert(12)"}',
    "<!-- ikx13",
    '![bild ikx14](javascript:alert("ikx14"))',
    "<details open ontoggle=alert('ikx15')>",
    '<a href="JaVaScRiPt:alert(16)">ikx16</a>',
    "</title><script>alert('ikx17')</script>",
]
#: Keys holding free text (one-line or Markdown); ids, references, dates and URLs are not.
TEXT_KEYS = {
    "titel", "beskrivning", "inledning", "befintliga_rutiner", "metod", "ansvarig", "namn",
    "kortnamn", "forvaltning", "organ", "paragraf", "dnr", "text", "sammanfattning", "analys",
    "resultat", "kommentar", "vad", "vem", "parti", "deltar_ej", "enhet",
}  # fmt: skip
GROUPS = [PAYLOADS[:8], PAYLOADS[8:]]


def _inject(data, payloads: list[str], key: str | None = None):
    if isinstance(data, dict):
        return {k: _inject(v, payloads, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_inject(v, payloads, key) for v in data]
    if isinstance(data, str) and key in TEXT_KEYS:
        return data + " " + " ".join(payloads)
    return data


def _project(tmp: Path, payloads: list[str]) -> Path:
    shutil.copytree(FIXTURES / "bas" / "content", tmp / "content")
    for path in (tmp / "content").rglob("*.yml"):
        data = _inject(yaml.safe_load(path.read_text(encoding="utf-8")), payloads)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    for name in ("theme", "docs"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


@pytest.fixture(scope="module", params=range(len(GROUPS)), ids=["grupp-1", "grupp-2"])
def pages(request, tmp_path_factory) -> dict[str, BeautifulSoup]:
    project = _project(tmp_path_factory.mktemp("injektion"), GROUPS[request.param])
    result = run_ikgen("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    return {
        p.relative_to(site).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
        for p in site.rglob("*.html")
    }


def test_payloads_reach_the_pages_as_text(pages) -> None:
    """The control: the payloads are on the pages as harmless text, seen by the checks below."""
    report = pages["testnamnden/2024/delar-1/index.html"].get_text()
    assert "ikx" in report


def test_no_script_handler_or_dangerous_url(pages) -> None:
    for name, soup in pages.items():
        for script in soup.find_all("script"):
            assert "ikx" not in (script.string or "") + str(script.get("src", "")), name
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not (attr.lower().startswith("on") and "ikx" in text), (name, tag)
                if attr in ("href", "src", "action", "formaction", "xlink:href"):
                    scheme = re.sub(r"\s", "", text).lower()
                    assert not scheme.startswith(("javascript:", "data:", "vbscript:")), (name, tag)
            # "{#ikx12 .klass}" must not become Markdown attributes (slugified ids are fine).
            assert tag.get("id") != "ikx12" and "klass" not in tag.get("class", []), name
        embedded = soup.find_all(["iframe", "object", "embed", "form", "details", "svg", "img"])
        assert [t for t in embedded if "ikx" in str(t)] == [], name
        assert all("ikx" not in (s.string or "") for s in soup.find_all("style")), name
        comments = soup.find_all(string=lambda s: isinstance(s, Comment))
        assert all("ikx" not in c for c in comments), name


def test_markdown_stays_inside_its_field(pages) -> None:
    for name, soup in pages.items():
        for heading in soup.find_all(["h1", "h2", "h3"]):
            text = heading.get_text()
            assert "ikx7" not in text or "<h1>" in text, (name, heading)
            assert "Rubrik ikx8" not in text or "#" in text, (name, heading)
        text = soup.get_text()
        assert "49ikx9" not in text and "ikx9b" not in text or "{%" in text, name
    report = pages["testnamnden/2024/delar-1/index.html"]
    for marker in ("ikx7", "Rubrik ikx8", "ikx9"):
        for found in report.find_all(string=re.compile(re.escape(marker))):
            assert found.find_parent(["main", "nav", "title", "header", "footer"]), marker
    card = report.find(id="stickprov-fakturor")
    assert card is not None and card.find_parent(["section", "article", "div"])
    results = report.find_all("div", class_="ik-text", string=None)
    inside = [d for d in results if "Två av tio fakturor" in d.get_text()]
    assert inside, "the result text is not in an ik-text block"
    if "Rubrik ikx8" in report.get_text():  # payload group 1: the break-out stays in its card
        assert any("Rubrik ikx8" in d.get_text() for d in inside)
