"""``ikgen pdf``: one plan's or report's PDF/A, made locally for the meeting papers.

The site's build writes a PDF of every published document; this command makes one on its
own, before the decision too: with ``--utkast`` a draft may be printed, and every page of
the PDF then says that it is a draft.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..build import Build
from ..core.corpus import Corpus, Document
from ..pipeline import load_checked
from ..publish.pdf import PdfError, PdfMaker, document_page

PLAN = "plan"
"""The PERIOD argument that names the year's plan."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add ``pdf`` to the main parser."""
    cmd = sub.add_parser("pdf", help="skriv en plan eller uppföljning som PDF/A")
    cmd.add_argument("namnd", metavar="NÄMND", help="nämndens id, t.ex. socialnamnden")
    cmd.add_argument("ar", metavar="ÅR", type=int, help="året, t.ex. 2024")
    cmd.add_argument("period", metavar="PERIOD", help="periodens id, t.ex. delar-1, eller plan")
    cmd.add_argument(
        "--utkast",
        action="store_true",
        help="tillåt utkast; varje sida märks 'Utkast' (underlag före beslutet)",
    )
    cmd.add_argument("-o", "--ut", metavar="FIL", default=None, help="PDF-filen att skriva")
    cmd.add_argument("-C", "--innehall", default="content", help="innehållsmappen (content)")


def run(args: argparse.Namespace) -> int:
    """Write the PDF; return the exit code (content errors are raised as ContentError)."""
    content = Path(args.innehall)
    if not content.is_dir():
        print(f"{content}: mappen finns inte", file=sys.stderr)
        return 1
    corpus = load_checked(content, Build(show_drafts=args.utkast))
    period = None if args.period == PLAN else args.period
    doc = _document(corpus, args.namnd, args.ar, period)
    if doc is None:
        print(f"{content}: {_name(args)} finns inte i innehållet", file=sys.stderr)
        return 1
    if doc.is_draft and not args.utkast:
        print(f"{doc.source.path}: dokumentet är ett utkast; ange --utkast", file=sys.stderr)
        return 1
    page = document_page(corpus, doc.namnd_id, doc.year, doc.period_id)
    assert page is not None
    target = Path(args.ut or f"{doc.namnd_id}-{doc.year}-{args.period}.pdf")
    try:
        data = PdfMaker().pdf(page, draft=args.utkast)
    except PdfError as exc:
        print(exc, file=sys.stderr)
        return 1
    target.write_bytes(data)
    mark = " (märkt Utkast på varje sida)" if args.utkast else ""
    print(f"PDF/A skriven till {target}{mark}, {len(data) // 1024} kB.")
    return 0


def _document(corpus: Corpus, namnd_id: str, year: int, period: str | None) -> Document | None:
    n = corpus.namnder.get(namnd_id)
    if n is None:
        return None
    return n.plans.get(year) if period is None else n.uppfoljningar.get((year, period))


def _name(args: argparse.Namespace) -> str:
    what = "planen" if args.period == PLAN else f"uppföljningen {args.period}"
    return f"{args.namnd}: {what} {args.ar}"
