"""The publish gate: an identity number in anything the build wrote stops `ikgen build`.

The numbers here reach the site past the content scan by construction (a hand-written page
under docs/, the theme's footer), so only the gate over the built files can stop them; a
failed build leaves the published site/ byte-identical. An allowed number passes, and is
then really in the HTML, the JSON, the CSV and Pagefind's compressed index.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_ikgen
from test_corpus_bad import old_site, snapshot

from ikgen.core.sensitive import find_numbers
from ikgen.publish import gate as publish_gate
from ikgen.publish.gate import LineScanner, cbor_strings, scan_output

BASE = FIXTURES / "bas" / "content"
REPORT = Path("content") / "testnamnden" / "2024" / "delar-1.yml"
ALLOW = (
    "tillatna_nummer:\n  - nummer: 19121212-1212\n"
    "    motivering: Skatteverkets testnummer, ingen verklig person\n"
)


def _refused_by_gate(project: Path) -> str:
    """Build a project whose content passes `ikgen check`; the gate must refuse it."""
    assert run_ikgen("check", "content", cwd=project).returncode == 0
    before = old_site(project)
    result = run_ikgen("build", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "Internt fel" not in output
    assert snapshot(project / "site") == before, "a refused build changed site/"
    assert not list(project.glob(".ikgen-bygge-*")), "a staging folder was left behind"
    return output


def test_number_in_a_hand_written_page_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, BASE)
    (project / "docs" / "om.md").write_text(
        "# Om webbplatsen\n\nFrågor besvaras av handläggare 19121212-1212.\n", encoding="utf-8"
    )
    output = _refused_by_gate(project)
    line = next(x for x in output.splitlines() if x.startswith("om/index.html"))
    assert "'19121212-1212' ser ut som ett personnummer" in line, output
    assert "kommer från docs/om.md:3" in line, output
    assert "filer till" in line  # its text is in Pagefind's index too


def test_number_in_the_theme_disguised_by_an_entity_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, BASE)
    footer = project / "theme" / "partials" / "copyright.html"
    text = footer.read_text(encoding="utf-8").replace(
        "<div>Publicerad med", "<div>Kontakt 811218&#8209;98<b></b>76. Publicerad med"
    )
    footer.write_text(text, encoding="utf-8")
    output = _refused_by_gate(project)
    lines = [x for x in output.splitlines() if "'811218-9876' ser ut som ett personnummer" in x]
    assert lines and lines[0].startswith("404.html (och "), output
    assert "kommer från theme/partials/copyright.html:" in lines[0], output


def test_number_in_mkdocs_settings_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, BASE)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Internkontroll", "site_name: IK 121212–1212"))
    before = old_site(project)
    result = run_ikgen("build", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "mkdocs.yml: site_name: '121212-1212' ser ut som ett personnummer" in output, output
    assert snapshot(project / "site") == before


def test_allowed_number_is_published_everywhere_and_passes(tmp_path: Path) -> None:
    project = make_project(tmp_path, BASE)
    report = project / REPORT
    text = report.read_text(encoding="utf-8").replace(
        "resultat: Två av tio fakturor saknade attest.",
        "resultat: Testpersonen 19121212-1212 saknade attest.",
    )
    report.write_text(text + ALLOW, encoding="utf-8")
    result = run_ikgen("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert "19121212-1212" in (site / "testnamnden/2024/delar-1/index.html").read_text("utf-8")
    data = json.loads((site / "data/testnamnden/2024/delar-1.json").read_text("utf-8"))
    assert "19121212-1212" in json.dumps(data, ensure_ascii=False)
    # Not allowed, the same number is seen in every kind of output, Pagefind's included.
    files = {f.file for f in scan_output(site)}
    assert "testnamnden/2024/delar-1/index.html" in files
    assert {"data/testnamnden/2024/delar-1.json", "data/testnamnden/2024/delar-1.csv"} <= files
    assert any(f.startswith("pagefind/fragment/") for f in files), files
    assert any(f.startswith("pagefind/index/") for f in files), files
    assert scan_output(site, ["19121212\u20131212"]) == []  # allowed however written


def _site(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    for rel, content in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
    return tmp_path


def _cbor_text(word: str) -> bytes:
    data = word.encode("utf-8")
    assert len(data) < 24
    return bytes([0x60 + len(data)]) + data


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        ("a/index.html", '<p>Se <a href="/p/19121212-1212/">ärendet</a>.</p>'),
        ("b/index.html", "<p>Nr 1912<em>1212</em>&#x2011;1212.</p>"),
        ("c/index.html", '<img alt="811218&nbsp;9876" src="x.png">'),
        ("d.json", '{"text": "Nr 19121212\\u20131212"}'),
        ("e.csv", 'id,text\r\n1,"Nr ١٩١٢١٢١٢-١٢١٢"\r\n'),
        ("f.xml", "<feed><title>811218&#45;9876</title></feed>"),
        ("sitemap.xml.gz", gzip.compress(b"<loc>https://x.se/811218-9876/</loc>")),
        (
            "pagefind/fragment/x.pf_fragment",
            gzip.compress(b'pagefind_dcd{"content":"811218-9876"}'),
        ),
        (
            "pagefind/index/x.pf_index",
            gzip.compress(b"pagefind_dcd\x82" + _cbor_text("ord") + _cbor_text("8112189876")),
        ),
        ("g.png", b"\x89PNG\r\n\x1a\n\x00\x00tEXt 811218-9876 \x00"),
        ("19121212-1212/index.html", "<p>Tom</p>"),
        ("h/811218-9876.pdf", b"%PDF"),
    ],
)
def test_gate_reads_every_kind_of_output(tmp_path: Path, rel: str, content: bytes | str) -> None:
    site = _site(tmp_path, {rel: content, "ok.html": "<p>SN 2023-1178, 2024-04-30</p>"})
    found = scan_output(site)
    assert len(found) == 1, found
    assert found[0].file in (rel, rel.split("/")[0]), found
    assert found[0].finding.key in ("191212121212", "8112189876"), found


def test_cbor_strings_walks_nested_containers() -> None:
    # {"w": ["ab", 1000, h'00ff'], "x": -3} with an indefinite-length text string "c"+"d".
    data = bytes.fromhex("a2 61 77 83 62 6162 19 03e8 42 00ff 61 78 22 7f 61 63 61 64 ff")
    assert list(cbor_strings(data)) == ["w", "ab", "x", "c", "d"]


def test_real_sites_pass_the_gate_quickly(main_site: Path, example_site: Path) -> None:
    for site in (main_site, example_site):
        started = time.process_time()
        assert scan_output(site) == []
        elapsed = time.process_time() - started
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        assert elapsed < 5, (site, elapsed, size)


_PIECES = [
    "1912", "1212", "811218", "9876", "-", "\u2013", " ", "\n", "\n  \n", "<em>", "</em>",
    "<td>", "</td>", "<span\nclass='x'>", "</span>", "<", ">", "*", "`", "\\", "&#49;",
    "a", "x.", "<!--", "-->", "<br>", "<BR\n>", "[x](y)", "\u200b", "\u00a0", "１", "+",
    "%2D", "&#10;", "\n-\n", "<a\nhref=x>", "\r\n", "<!-- a\nb -->", "\nord\n",
]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "<p>a</p>\n<p>1912<!-- en > två\nkommentar\növer rader -->1212-1212</p>\n<p>b</p>",
        "<p>a</p>\n<p>1912<span\nclass='x'>1212</span>-1212</p>\n<p>b</p>",
        "<p>a</p>\n<p>19121212-\n\n   \n1212 kr</p>\n<p>b</p>",
        "<p>a</p>\n<p>19121212-\n<em>\n</em>\n1212</p>\n<p>b</p>",
        "<p>a</p>\n<p>19121212<br\n>\n-1212</p>\n<p>b</p>",
    ],
)
def test_numbers_over_line_breaks_are_found(text: str) -> None:
    assert [f.key for f in LineScanner().scan(text)] == ["191212121212"]


def test_line_by_line_reading_misses_nothing_of_the_whole_text() -> None:
    """The gate reads each distinct line once (LineScanner); over random mixes of digits,
    breaks, tags, comments and entities it finds every number the whole text holds."""
    rng = random.Random(14)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        whole = {f.key for f in find_numbers(text)}
        assert whole <= {f.key for f in LineScanner().scan(text)}, repr(text)


def _pages(folder: Path, count: int) -> Path:
    """``count`` pages of distinct lines full of numbers that are no identity numbers."""
    folder.mkdir()
    for i in range(count):
        lines = [
            f'<tr><td><a href="/n/{i}/{j}/">Rad {i}-{j}</a></td><td>2024-{1 + j % 12:02d}-01'
            f"</td><td>{(i * 7919 + j) % 10**6}&nbsp;kr</td><td>SN 2023-{j:04d}</td></tr>"
            for j in range(100)
        ]
        (folder / f"{i}.html").write_text("<table>\n" + "\n".join(lines) + "\n</table>\n", "utf-8")
    return folder


def test_gate_is_linear_in_site_size(tmp_path: Path) -> None:
    small, large = _pages(tmp_path / "a", 150), _pages(tmp_path / "b", 300)
    timings = []
    for site in (small, large, small, large):
        started = time.process_time()
        assert scan_output(site) == []
        timings.append(time.process_time() - started)
    t_small, t_large = min(timings[0::2]), min(timings[1::2])
    assert t_large / t_small < 3.5, (t_small, t_large)  # twice the pages: about twice the time


def test_what_the_gate_remembers_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish_gate, "MAX_KNOWN", 50)
    scanner = LineScanner()
    for i in range(200):
        page = "<p>a</p>\n" + "\n".join(f"<p>{i}-{j}</p>" for j in range(20)) + "\n<p>b</p>"
        found = scanner.scan(page + "\n<p>Nr 19121212-1212</p>")
        assert [f.key for f in found] == ["191212121212"]
        assert len(scanner.known) + len(scanner.blocks) <= 50 + 23
