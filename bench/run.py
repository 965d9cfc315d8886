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
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from bench import synth
from ikgen.mkdocs_plugin import _nav_entry
from ikgen.pipeline import load_checked, render_site, write_markdown
from ikgen.publish.search import build_search_index, split_namnder

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
    ("webbplats MB", lambda r: f"{r['site_bytes'] / 1e6:.1f}"),
    ("KB/sida", lambda r: f"{r['site_bytes'] / max(r['pages'], 1) / 1e3:.1f}"),
    (
        "första sökningen KB (gz)",
        lambda r: (
            "–" if r["first_search_bytes"] is None else f"{r['first_search_bytes'] / 1e3:.0f}"
        ),
    ),
    (
        "Materials index MB (gz)",
        lambda r: (
            f"{r['material_index_bytes'] / 1e6:.1f} ({r['material_index_gzip_bytes'] / 1e6:.1f})"
        ),
    ),
)
"""The table's columns: Swedish heading, cell text. Times are wall (CPU) seconds."""


def make_project(work: Path, n: int) -> Path:
    """A project with N synthetic reports and the repository's mkdocs.yml, theme and docs."""
    project = work / f"n{n}"
    shutil.rmtree(project, ignore_errors=True)
    synth.generate(project / "content", n)
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # A real site is built from a git checkout, and its pages show each file's git history.
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "content"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Innehåll"], cwd=project, check=True)
    return project


def timed(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run a command; return (wall s, CPU s, peak resident MB), children included.

    CPU time (user + system) is reported beside wall time because the machine may be shared:
    wall time then includes waiting for a core, CPU time does not.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} misslyckades:\n{stderr[-2000:]}")
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


def first_search_bytes(site: Path) -> int | None:
    """The largest first search over QUERIES, in gzipped bytes (None without Chromium)."""
    from bench.websok import chromium, first_search, served

    try:
        with served(site) as url, chromium() as browser:
            start = (
                "/"
                + next(site.glob("*/*/delar-1/index.html")).parent.relative_to(site).as_posix()
                + "/"
            )
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


def measure(n: int, work: Path, *, search: bool = True) -> dict[str, Any]:
    """Every measurement for N reports."""
    python = sys.executable
    project = make_project(work, n)
    check_s, check_cpu, _ = timed([python, "-m", "ikgen.cli", "check", "content"], project)
    start, start_cpu = time.perf_counter(), time.process_time()
    corpus = load_checked(project / "content")
    rendered = render_site(corpus)
    core_s, core_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    build_s, build_cpu, peak_mb = timed([python, "-m", "ikgen.cli", "build"], project)
    start = time.perf_counter()
    build_search_index(project / "site", split_namnder(rendered.site.corpus or corpus))
    pagefind_s = time.perf_counter() - start
    plain = plain_project(project, rendered)
    mkdocs_s, mkdocs_cpu, _ = timed([python, "-m", "mkdocs", "build", "-q"], plain)
    site_bytes, pages = site_size(project / "site")
    index = (plain / "site" / "search" / "search_index.json").read_bytes()
    return {
        "n": n,
        "check_s": round(check_s, 2),
        "core_s": round(core_s, 2),
        "build_s": round(build_s, 2),
        "mkdocs_s": round(mkdocs_s, 2),
        "peak_mb": round(peak_mb, 1),
        "site_bytes": site_bytes,
        "pages": pages,
        "first_search_bytes": first_search_bytes(project / "site") if search else None,
        "material_index_bytes": len(index),
        "material_index_gzip_bytes": len(gzip.compress(index, 6)),
        "pagefind_s": round(pagefind_s, 2),
        "check_cpu_s": round(check_cpu, 2),
        "core_cpu_s": round(core_cpu, 2),
        "build_cpu_s": round(build_cpu, 2),
        "mkdocs_cpu_s": round(mkdocs_cpu, 2),
    }


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
            f"check / build {_ratio(r, 'check', 'build')} (mål ≤ 0,10)"
        )
    for small, large in ((100, 1000), (1000, 5000)):
        if small in by_n and large in by_n:
            s, g = by_n[small], by_n[large]
            growth = (g["site_bytes"] / g["pages"]) / (s["site_bytes"] / s["pages"])
            lines.append(
                f"N={large} mot {small}: byte per sida ×{growth:.2f} (mål ≤ 1,2); "
                f"byggtid ×{g['build_s'] / s['build_s']:.1f} "
                f"(CPU ×{g['build_cpu_s'] / s['build_cpu_s']:.1f}; linjärt ×{large / small:.0f})"
            )
    return lines


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
    try:
        for n in sizes:
            print(f"Mäter N={n} …", flush=True)
            results.append(measure(n, work))
            shutil.rmtree(work / f"n{n}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.write_text(json.dumps({"results": results}, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print("\n".join(goals(results)))
    return results


if __name__ == "__main__":
    main()
