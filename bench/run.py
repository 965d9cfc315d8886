"""``make bench``: build synthetic sites of N reports and measure ikgen against plain MkDocs.

For each N (``BENCH_N="100 1000"``, default ``100 1000``) it measures, in one run:
``ikgen check``; ikgen's core (load, validate, render all Markdown); the full ``ikgen build``
(time and peak memory of the child process, Pagefind included); a plain ``mkdocs build`` of
the very same Markdown with the same nav and theme but without the ikgen plugin (and with
Material's own search, the default a plain MkDocs site would have, so its index can be
weighed); the built site's bytes and pages; and a visitor's first search in Chromium.
It prints a table and writes ``bench/results.json``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import synth
from bench.pagebytes import page_bytes
from bench.preview import ikgen_latency, ikgen_server, mkdocs_latency, mkdocs_server
from ikgen.mkdocs_plugin import _nav_entry
from ikgen.pipeline import load_checked, render_site, write_markdown

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("avvikelser", "delegationsordningen", "behörigheter", "fakturor")
"""Search words for the first search; the largest download counts."""


def _secs(key: str) -> Any:
    return lambda r: f"{r[key]:.1f} ({r[key.replace('_s', '_cpu_s')]:.1f})"


COLUMNS: tuple[tuple[str, Any], ...] = (
    ("N", lambda r: str(r["n"])),
    ("sidor", lambda r: str(r["pages"])),
    ("check s", _secs("check_s")),
    ("kärna s", _secs("core_s")),
    ("ikgen build s", _secs("build_s")),
    ("mkdocs build s", _secs("mkdocs_s")),
    ("varav Pagefind s", lambda r: f"{r['pagefind_s']:.1f}"),
    ("minne MB", lambda r: f"{r['peak_mb']:.0f}"),
    ("minne mkdocs MB", lambda r: f"{r['mkdocs_peak_mb']:.0f}"),
    ("förhandsvisning s", lambda r: _opt(r["preview_s"], "{:.2f}")),
    ("mkdocs serve s", lambda r: _opt(r["mkdocs_preview_s"], "{:.1f}")),
    ("webbplats MB", lambda r: f"{r['site_bytes'] / 1e6:.1f}"),
    ("KB/sida", lambda r: f"{r['site_bytes'] / max(r['pages'], 1) / 1e3:.1f}"),
    ("ram utanför main KB/sida", lambda r: f"{r['chrome_bytes_per_page'] / 1e3:.1f}"),
    ("meny KB/sida", lambda r: f"{r['menu_bytes_per_page'] / 1e3:.1f}"),
    ("innehåll KB/sida", lambda r: f"{r['content_bytes_per_page'] / 1e3:.1f}"),
    ("första sökningen KB (gz), hela webbplatsen", lambda r: _kb(r["first_search_bytes"])),
    ("från en nämnds sida", lambda r: _kb(r.get("first_search_namnd_bytes"))),
    ("PDF/A s/dokument", lambda r: f"{r['pdf_s_per_document']:.2f}"),
    (
        "Materials index MB (gz)",
        lambda r: (
            f"{r['material_index_bytes'] / 1e6:.1f} ({r['material_index_gzip_bytes'] / 1e6:.1f})"
        ),
    ),
)
"""The table's columns: Swedish heading, cell text. Times are wall (CPU) seconds."""


def _kb(value: int | None) -> str:
    return "–" if value is None else f"{value / 1e3:.0f}"


def _opt(value: float | None, fmt: str) -> str:
    return "–" if value is None else fmt.format(value)


PREVIEW_EDITS = 5
"""Edits per preview measurement (``ikgen serve``); the median is reported."""
MKDOCS_SERVE_UP_TO = int(os.environ.get("BENCH_MKDOCS_SERVE_UP_TO", "1000"))
"""Plain ``mkdocs serve`` rebuilds the whole site per edit (about ``mkdocs_s``): measured up to
this N, with one edit from N=1,000 (three below), to keep the bench within its time."""


def make_project(work: Path, n: int) -> Path:
    """A project with N synthetic reports and the repository's mkdocs.yml, theme and docs."""
    project = work / f"n{n}"
    shutil.rmtree(project, ignore_errors=True)
    synth.generate(project / "content", n)
    # Plain MkDocs makes no PDFs: the build is compared without them, and the PDF/A cost is
    # measured on its own (pdf_s_per_document) and cached between real builds.
    kommun = project / "content" / "kommun.yml"
    kommun.write_text(kommun.read_text(encoding="utf-8") + "pdf: false\n", encoding="utf-8")
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # A real site is built from a git checkout, and its pages show each file's git history.
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "content"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Innehåll"], cwd=project, check=True)
    return project


def timed(command: list[str], cwd: Path, stdout: Path | None = None) -> tuple[float, float, float]:
    """Run a command; return (wall s, CPU s, peak resident MB), children included; what it
    prints goes to ``stdout`` if given.

    CPU time (user + system) is reported beside wall time because the machine may be shared:
    wall time then includes waiting for a core, CPU time does not.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        with stdout.open("w", encoding="utf-8") if stdout else open(os.devnull, "w") as out:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=errors)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} misslyckades:\n{errors.read()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def plain_project(project: Path, rendered: Any) -> Path:
    """The same Markdown, nav and theme as a plain MkDocs project (no ikgen plugin)."""
    plain = project / "plain"
    write_markdown(rendered, plain / "docs")
    shutil.copytree(project / "theme", plain / "theme")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [p for p in config.get("plugins", []) if "ikgen" not in p]
    config["plugins"] = [{"search": {"lang": "sv"}}, *plugins]
    config["nav"] = [_nav_entry(item) for item in rendered.site.nav]
    config["strict"] = False  # links to ikgen's data files are not in docs/ here
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (plain / "mkdocs.yml").write_text(text, encoding="utf-8")
    return plain


def site_size(site: Path) -> tuple[int, int]:
    """(bytes of every file, number of HTML pages) of a built site."""
    total = pages = 0
    for path in site.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            pages += path.suffix == ".html" and path.name != "404.html"
    return total, pages


def search_seconds(build_output: str) -> float:
    """The search index's share of the build, as ``ikgen build`` reports it."""
    found = re.search(r"^Sökindex: (\d+),(\d) s\.$", build_output, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"ikgen build sade inget om sökindexet:\n{build_output[-500:]}")
    return float(f"{found[1]}.{found[2]}")


def first_search_bytes(site: Path, whole_site: bool) -> int | None:
    """The largest first search over QUERIES, in gzipped bytes (None without Chromium): from the
    start page (the whole site) or from a report's page (its nämnd's index first)."""
    from bench.websok import chromium, first_search, served

    start = "/"
    if not whole_site:
        report = next(site.glob("*/*/delar-1/index.html")).parent.relative_to(site)
        start = f"/{report.as_posix()}/"
    try:
        with served(site) as url, chromium() as browser:
            found = [first_search(browser, site, url, q, start) for q in QUERIES]
    except (ImportError, FileNotFoundError) as exc:
        print(f"Chromium eller Playwright saknas ({exc}); första sökningen mäts inte.")
        return None
    for result in found:
        if result.before_search:
            raise RuntimeError(f"sökfiler hämtades före sökningen: {result.before_search}")
        if not result.results:
            raise RuntimeError(f"sökningen på '{result.query}' gav inga träffar")
    return max(result.bytes_gzipped for result in found)


PDF_SAMPLE = 10
"""Documents rendered to measure the PDF/A cost per document."""


def pdf_seconds_per_document(corpus: Any) -> float:
    """Median seconds WeasyPrint takes for one plan or report (serial, no cache)."""
    from ikgen.publish.pdf import PdfMaker, public_pages, render_pdf

    maker = PdfMaker()
    pages = public_pages(corpus)
    step = max(1, len(pages) // PDF_SAMPLE)
    times = []
    for page in pages[::step][:PDF_SAMPLE]:
        html = maker.html(page)
        start = time.perf_counter()
        render_pdf(html)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(n: int, work: Path, *, search: bool = True) -> dict[str, Any]:
    """Every measurement for N reports."""
    python = sys.executable
    project = make_project(work, n)
    check_s, check_cpu, _ = timed([python, "-m", "ikgen.cli", "check", "content"], project)
    start, start_cpu = time.perf_counter(), time.process_time()
    corpus = load_checked(project / "content")
    rendered = render_site(corpus)
    core_s, core_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    plain = plain_project(project, rendered)
    said = project / "ikgen-build.txt"
    builds = (
        ([python, "-m", "ikgen.cli", "build"], project, said),
        ([python, "-m", "mkdocs", "build", "-q"], plain, None),
    )
    target = preview_target(project, plain, n)
    with ExitStack() as servers:
        # The preview servers make their first (full) build while the two builds are timed,
        # and the two builds run side by side, a core each: the bench fits its 30 minutes at
        # N=5,000, and ikgen and MkDocs share the machine alike, so their ratio stays fair.
        ours = servers.enter_context(ikgen_server(project, target.page))
        theirs = servers.enter_context(mkdocs_server(plain, target.page)) if target.plain else None
        with ThreadPoolExecutor(max_workers=2) as pool:
            ikgen_run, mkdocs_run = list(pool.map(lambda b: timed(*b), builds))
        timeout = 600 + n * 0.6  # a server's first build may not be done yet
        preview_s = ikgen_latency(ours, target.report, PREVIEW_EDITS, timeout)
        mkdocs_preview_s = None
        if theirs is not None and target.plain is not None:
            edits = 1 if n >= 1000 else 3
            mkdocs_preview_s = mkdocs_latency(theirs, target.plain, edits, timeout)
    build_s, build_cpu, peak_mb = ikgen_run
    mkdocs_s, mkdocs_cpu, mkdocs_peak_mb = mkdocs_run
    pagefind_s = search_seconds(said.read_text(encoding="utf-8"))
    site_bytes, pages = site_size(project / "site")
    documents = sum(len(m.plans) + len(m.uppfoljningar) for m in corpus.namnder.values())
    per_page = page_bytes(project / "site")
    index = (plain / "site" / "search" / "search_index.json").read_bytes()
    return {
        "n": n,
        "check_s": round(check_s, 2),
        "core_s": round(core_s, 2),
        "build_s": round(build_s, 2),
        "mkdocs_s": round(mkdocs_s, 2),
        "peak_mb": round(peak_mb, 1),
        "mkdocs_peak_mb": round(mkdocs_peak_mb, 1),
        "preview_s": round(preview_s, 3),
        "mkdocs_preview_s": None if mkdocs_preview_s is None else round(mkdocs_preview_s, 2),
        "chrome_bytes_per_page": round(per_page.chrome),
        "menu_bytes_per_page": round(per_page.menu),
        "content_bytes_per_page": round(per_page.content),
        "site_bytes": site_bytes,
        "pages": pages,
        "first_search_bytes": first_search_bytes(project / "site", True) if search else None,
        "first_search_namnd_bytes": (
            first_search_bytes(project / "site", False) if search else None
        ),
        "pdf_s_per_document": round(pdf_seconds_per_document(corpus), 3),
        "pdf_documents": documents,
        "material_index_bytes": len(index),
        "material_index_gzip_bytes": len(gzip.compress(index, 6)),
        "pagefind_s": round(pagefind_s, 2),
        "check_cpu_s": round(check_cpu, 2),
        "core_cpu_s": round(core_cpu, 2),
        "build_cpu_s": round(build_cpu, 2),
        "mkdocs_cpu_s": round(mkdocs_cpu, 2),
    }


@dataclass(frozen=True)
class PreviewTarget:
    """The report an editor edits in the preview, and its page."""

    report: Path
    """The report's YAML file in content/."""
    page: str
    """Its page's URL path."""
    plain: Path | None
    """Its Markdown in the plain MkDocs project (None: plain ``mkdocs serve`` not measured)."""


def preview_target(project: Path, plain: Path, n: int) -> PreviewTarget:
    """The newest year's first report of the first nämnd; plain ``mkdocs serve`` is measured
    only up to MKDOCS_SERVE_UP_TO reports (it builds the whole site per edit)."""
    report = sorted(project.glob(f"content/*/{synth.LAST_YEAR}/delar-1.yml"))[0]
    source = report.relative_to(project / "content").with_suffix("")
    markdown = plain / "docs" / source.with_suffix(".md") if n <= MKDOCS_SERVE_UP_TO else None
    return PreviewTarget(report, f"/{source.as_posix()}/", markdown)


def table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table (Swedish headings; times as wall (CPU) seconds)."""
    lines = [
        "| " + " | ".join(title for title, _ in COLUMNS) + " |",
        "|" + "---:|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(cell(row) for _, cell in COLUMNS) + " |" for row in results]
    return "\n".join(lines)


def goals(results: list[dict[str, Any]]) -> list[str]:
    """The README's goals, each with its measured ratio (wall time, CPU time in brackets)."""
    by_n = {r["n"]: r for r in results}
    lines = []
    for r in results:
        lines.append(
            f"N={r['n']}: ikgen build / mkdocs build {_ratio(r, 'build', 'mkdocs')} (mål ≤ 1,10); "
            f"check / build {_ratio(r, 'check', 'build')} (mål ≤ 0,10); "
            f"minne / mkdocs {r['peak_mb'] / r['mkdocs_peak_mb']:.2f} (mål ≤ 1,10); "
            f"förhandsvisning {r['preview_s']:.2f} s (mål ≤ 1,5 vid 1 000)" + _preview_ratio(r)
        )
        lines.append(f"N={r['n']}: " + _search_and_pdf(r))
    for small, large in ((100, 1000), (1000, 5000)):
        if small in by_n and large in by_n:
            s, g = by_n[small], by_n[large]
            growth = (g["site_bytes"] / g["pages"]) / (s["site_bytes"] / s["pages"])
            chrome = g["chrome_bytes_per_page"] / s["chrome_bytes_per_page"]
            menu = g["menu_bytes_per_page"] / s["menu_bytes_per_page"]
            lines.append(
                f"N={large} mot {small}: byte per sida ×{growth:.2f}, varav ram utanför main "
                f"×{chrome:.2f} (mål 0,90–1,10), meny ×{menu:.2f}; "
                f"byggtid ×{g['build_s'] / s['build_s']:.1f} "
                f"(CPU ×{g['build_cpu_s'] / s['build_cpu_s']:.1f}; linjärt ×{large / small:.0f}, "
                f"mål ≤ ×{large / small * 1.1:.1f})"
            )
    return lines


def _search_and_pdf(row: dict[str, Any]) -> str:
    pdf_min = row["pdf_s_per_document"] * row["pdf_documents"] / 60
    return (
        f"första sökningen {_kb(row['first_search_bytes'])} KB över hela webbplatsen, "
        f"{_kb(row.get('first_search_namnd_bytes'))} KB från en nämnds sida (mål ≤ 250); "
        f"PDF/A {row['pdf_s_per_document']:.2f} s per dokument, {row['pdf_documents']} dokument "
        f"≈ {pdf_min:.0f} min på en kärna vid första bygget (sedan ur cachen)"
    )


def _preview_ratio(row: dict[str, Any]) -> str:
    if row.get("mkdocs_preview_s") is None:
        return ""
    ratio = row["preview_s"] / row["mkdocs_preview_s"]
    return f", {ratio:.3f} × mkdocs serve (mål ≤ 0,2)"


def _ratio(row: dict[str, Any], top: str, bottom: str) -> str:
    wall = row[f"{top}_s"] / row[f"{bottom}_s"]
    cpu = row[f"{top}_cpu_s"] / row[f"{bottom}_cpu_s"]
    return f"{wall:.2f} (CPU {cpu:.2f})"


def main(sizes: list[int] | None = None, out: Path | None = None) -> list[dict[str, Any]]:
    """Measure every size; print the table and goals; write the results as JSON."""
    sizes = sizes or [int(x) for x in os.environ.get("BENCH_N", "100 1000").split()]
    out = out or ROOT / "bench" / "results.json"
    work = Path(tempfile.mkdtemp(prefix="ikgen-bench-"))
    results = []
    started = time.perf_counter()
    try:
        for n in sizes:
            print(f"Mäter N={n} …", flush=True)
            begun = time.perf_counter()
            results.append(measure(n, work))
            results[-1]["bench_s"] = round(time.perf_counter() - begun, 1)
            shutil.rmtree(work / f"n{n}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total_s = round(time.perf_counter() - started, 1)
    report = {"results": results, "total_s": total_s}
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print("\n".join(goals(results)))
    print(f"Hela mätningen tog {total_s / 60:.1f} min.")
    return results


if __name__ == "__main__":
    main()
