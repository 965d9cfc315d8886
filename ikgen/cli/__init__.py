"""The ``ikgen`` command: a thin adapter over the core pipeline and MkDocs.

Every message is Swedish; content errors print one line each (file:line: field: message)
and exit with 1; no traceback reaches the editor.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from ..build import Build
from ..core.diagnostics import ContentError
from ..pipeline import check_content, load_checked
from . import editor as cli_editor
from . import output
from . import pdf as cli_pdf
from .serve import hand_over, serve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ikgen", description="Publicera internkontrollplaner och uppföljningar som webbplats."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    check = sub.add_parser("check", help="kontrollera innehållet utan att bygga")
    check.add_argument("innehall", nargs="?", default="content", help="innehållsmappen (content)")
    check.add_argument(
        "--mot",
        metavar="FIL",
        default=None,
        help="urls.txt från ett tidigare bygge: fel om någon av dess adresser saknas nu",
    )
    for name, text in (
        ("build", "bygg webbplatsen till site/"),
        ("serve", "förhandsgranska lokalt"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="mkdocs.yml att använda")
        cmd.add_argument("--utkast", action="store_true", help="visa utkast (bara lokalt)")
        if name == "build":
            cmd.add_argument("-d", "--site-dir", default=None, help="målmapp (standard: site)")
        else:
            cmd.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="adress:port")
    cli_editor.add_parsers(sub)
    cli_pdf.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(Path(args.innehall), args.mot)
        if args.command == "build":
            return _build(Path(args.config_file), args.site_dir, args.utkast)
        if args.command == "serve":
            return _serve(Path(args.config_file), args.dev_addr, args.utkast)
        if args.command == "pdf":
            return cli_pdf.run(args)
        if args.command in cli_editor.COMMANDS:
            return cli_editor.run(args)
    except ContentError as exc:
        _print_problems(exc)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the editor must never see a traceback
        if os.environ.get("IKGEN_DEBUG"):
            raise
        print(f"Internt fel i ikgen ({type(exc).__name__}: {exc}).", file=sys.stderr)
        print("Kör igen med IKGEN_DEBUG=1 för detaljer och rapportera felet.", file=sys.stderr)
        return 1
    return 2


def _print_problems(exc: ContentError) -> None:
    for diagnostic in [*exc.diagnostics, *exc.warnings]:
        print(diagnostic, file=sys.stderr)
    count = len(exc.diagnostics)
    also = f" (och {_warnings_count(len(exc.warnings))})" if exc.warnings else ""
    print(f"{count} fel hittades{also}.", file=sys.stderr)


def _warnings_count(count: int) -> str:
    return "1 varning" if count == 1 else f"{count} varningar"


def _check(content_dir: Path, earlier: str | None = None) -> int:
    if not content_dir.is_dir():
        print(f"{content_dir}: mappen finns inte", file=sys.stderr)
        return 1
    corpus, warnings = check_content(content_dir)
    for warning in warnings:
        print(warning, file=sys.stderr)
    docs = corpus.documents()
    print(f"Inga fel: {len(corpus.namnder)} nämnder, {len(docs)} dokument i {content_dir}.")
    if warnings:
        print(
            f"Obs: {_warnings_count(len(warnings))} (raderna med 'varning:'); de stoppar inte"
            " bygget, men läs dem och rätta det som inte är avsiktligt."
        )
    drafts = sum(d.is_draft for d in docs)
    if drafts:
        print(
            f"Obs: {drafts} dokument är utkast och publiceras inte"
            " (visas med 'ikgen serve --utkast')."
        )
    if corpus.kommun.webbplats is None:
        print(
            "Obs: 'webbplats' saknas i kommun.yml; sitemap.xml blir tom och flöden och datakatalog"
            " får relativa adresser. Ange webbplatsens adress när den är bestämd."
        )
    return _check_urls(corpus, Path(earlier)) if earlier else 0


def _check_urls(corpus, earlier: Path) -> int:  # noqa: ANN001 - Corpus
    from ..publish.manifest import ManifestError, missing_against

    try:
        missing, total = missing_against(corpus, earlier)
    except ManifestError as exc:
        print(exc, file=sys.stderr)
        return 1
    for url in missing:
        print(f"{earlier}: {url}: adressen finns inte längre och omdirigeras inte", file=sys.stderr)
    if missing:
        print(
            f"{len(missing)} av {total} adresser från {earlier} saknas. Ange gamla id i "
            "'tidigare_id' (nämnd, risk eller kontroll) så skapas omdirigeringar.",
            file=sys.stderr,
        )
        return 1
    print(f"Alla {total} adresser från {earlier} finns kvar eller omdirigeras.")
    return 0


def _load_config(config_file: Path, **overrides: object):  # noqa: ANN202 - MkDocsConfig
    from mkdocs.config import load_config

    if not config_file.is_file():
        raise FileNotFoundError(config_file)
    return load_config(str(config_file), **overrides)


def _build(config_file: Path, site_dir: str | None, show_drafts: bool) -> int:
    """Build into a temporary folder; replace the site only when everything succeeded."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        print(f"{config_file}: filen finns inte", file=sys.stderr)
        return 1
    _quiet_mkdocs()
    try:
        config = _load_config(config_file)
    except MkDocsException as exc:
        print(f"{config_file}: fel i inställningarna, inget byggdes: {exc}", file=sys.stderr)
        return 1
    final = Path(site_dir) if site_dir else Path(config.site_dir)
    content = Path(config.config_file_path).parent / _content_option(config)
    state = Build(show_drafts=show_drafts)
    try:
        output.check_output(final, _inputs(config, content))
        # Pre-check so content errors print as one line each, not as a MkDocs error.
        load_checked(content, state)
        with output.staged(final) as staging:
            config = _load_config(config_file, site_dir=str(staging))
            hand_over(config, state)
            build(config)
            output.swap(staging, final)
    except MkDocsException as exc:
        print(f"Bygget misslyckades, {final}/ är orörd: {exc}", file=sys.stderr)
        return 1
    except output.OutputError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"Webbplatsen är byggd i {final}/ (titta med 'ikgen serve'"
        f" eller 'python3 -m http.server -d {final}')."
    )
    if state.pdf_documents:
        seconds = f"{state.pdf_seconds:.1f}".replace(".", ",")
        print(f"PDF/A: {state.pdf_documents} dokument på {seconds} s.")
    if state.search_seconds:
        print(f"Sökindex: {state.search_seconds:.1f} s.".replace(".", ",", 1))
    return 0


def _inputs(config, content: Path) -> output.Inputs:  # noqa: ANN001 - MkDocsConfig
    """What the build reads: the output folder may never replace any of it."""
    return output.Inputs(
        project=Path(config.config_file_path).parent,
        content=content,
        docs=Path(config.docs_dir),
        themes=tuple(Path(folder) for folder in config.theme.dirs),
    )


def _content_option(config) -> str:  # noqa: ANN001
    plugin = config.plugins.get("ikgen")
    return plugin.config.innehall if plugin else "content"


def _serve(config_file: Path, dev_addr: str, show_drafts: bool) -> int:
    if not config_file.is_file():
        print(f"{config_file}: filen finns inte", file=sys.stderr)
        return 1
    config = _load_config(config_file)
    state = Build(show_drafts=show_drafts)
    load_checked(Path(config.config_file_path).parent / _content_option(config), state)
    print(f"Förhandsgranskning på http://{dev_addr}/ (avsluta med Ctrl+C)")
    serve(config_file, dev_addr, state)
    return 0


def _quiet_mkdocs() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
