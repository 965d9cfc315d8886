"""Checks: the rules that span documents (references, unique ids, risk arithmetic).

Run after every file has been validated on its own; each check returns diagnostics and never
raises, so the editor sees every problem in one run. ``warn_corpus`` (advisory.py) returns the
warnings: allowed but probably unintended content, printed by ``ikgen check``, never an error.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..cache import NamndMemo
from ..corpus import Corpus, NamndContent
from ..diagnostics import Diagnostic
from ..load import SourceDocument
from ..model import Kommun
from .advisory import warn_corpus
from .atgarder import check_actions
from .common import duplicates
from .owners import check_owners
from .plan import RESERVED_ANCHORS, check_plan, check_stable_ids
from .uppfoljning import check_uppfoljning

__all__ = ["RESERVED_ANCHORS", "check_corpus", "warn_corpus"]


def check_corpus(corpus: Corpus, memo: NamndMemo | None = None) -> list[Diagnostic]:
    """Every cross-document problem in the corpus (empty when all is well).

    ``memo`` may serve a nämnd's own checks from a cache (``ikgen serve``): they read only
    kommun.yml and that nämnd's files.
    """
    out = _check_kommun(corpus.kommun, corpus.kommun_source)
    out += _check_profile_files(corpus)
    for n in corpus.namnder.values():
        compute = functools.partial(_check_namnd, corpus, n)
        out += memo(n.id, compute) if memo else compute()
    out += check_owners(corpus)  # one nämnd, risk or control per URL and anchor
    return out


def _check_namnd(corpus: Corpus, n: NamndContent) -> list[Diagnostic]:
    out = []
    for doc in n.plans.values():
        out += check_plan(corpus.kommun, doc)
    for doc in n.uppfoljningar.values():
        out += check_uppfoljning(corpus, doc)
    out += check_stable_ids(n.plans.values())
    out += check_actions(corpus, n)
    return out


def _check_kommun(kommun: Kommun, src: SourceDocument) -> list[Diagnostic]:
    periods = [(("perioder", i, "id"), p.id) for i, p in enumerate(kommun.perioder)]
    out = duplicates(src, periods, "perioden")
    for scale in ("bedomningsskala", "statusskala", "atgardsstatus", "helhetsskala"):
        items = [((scale, i, "id"), s.id) for i, s in enumerate(getattr(kommun, scale))]
        out += duplicates(src, items, "värdet")
    for year, areas in kommun.omraden.items():
        items = [(("omraden", str(year), i, "id"), a.id) for i, a in enumerate(areas)]
        out += duplicates(src, items, "området")
    if kommun.tillganglighet is None:
        message = (
            "tillgänglighetsredogörelsen saknas: ange 'tillganglighet' med efterlevnad och bedomd"
            " (och gärna kontakt och kanda_brister); ikgen skriver aldrig en redogörelse"
            " åt kommunen"
        )
        out.append(Diagnostic(src.path, None, "tillganglighet", message))
    return out


PROFILE_FILE_MAX = 1_000_000
"""The largest logo or favicon ikgen copies into the site (bytes)."""


def _check_profile_files(corpus: Corpus) -> list[Diagnostic]:
    """The profile's logo and favicon: regular files inside content/, at most 1 MB."""
    profil = corpus.kommun.profil
    if profil is None:
        return []
    src = corpus.kommun_source
    out = []
    for field in ("logotyp", "favicon"):
        name = getattr(profil, field)
        if name is None:
            continue
        shown = f"{Path(src.path).parent.as_posix()}/{name}"
        problem = profile_file_problem(Path(corpus.root), name, shown)
        if problem:
            line = src.line_of(("profil", field))
            out.append(Diagnostic(src.path, line, f"profil.{field}", problem))
    return out


def profile_file_problem(root: Path, name: str, shown: str) -> str | None:
    """Why ``name`` (a path in content/, ``shown`` to the editor) cannot be the site's logo or
    favicon, or None."""
    path = root / name
    if not path.is_file():
        return f"filen {shown} finns inte"
    if not path.resolve().is_relative_to(root.resolve()):
        return f"{shown} pekar ut ur innehållsmappen"
    if path.stat().st_size > PROFILE_FILE_MAX:
        return f"{shown} är större än {PROFILE_FILE_MAX // 1_000_000} MB"
    return None
