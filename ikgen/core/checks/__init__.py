"""Checks: the rules that span documents (references, unique ids, risk arithmetic).

Run after every file has been validated on its own; each check returns diagnostics and never
raises, so the editor sees every problem in one run. ``warn_corpus`` (advisory.py) returns the
warnings: allowed but probably unintended content, printed by ``ikgen check``, never an error.
"""

from __future__ import annotations

from ..corpus import Corpus
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


def check_corpus(corpus: Corpus) -> list[Diagnostic]:
    """Every cross-document problem in the corpus (empty when all is well)."""
    out = _check_kommun(corpus.kommun, corpus.kommun_source)
    for n in corpus.namnder.values():
        for doc in n.plans.values():
            out += check_plan(corpus.kommun, doc)
        for doc in n.uppfoljningar.values():
            out += check_uppfoljning(corpus, doc)
        out += check_stable_ids(n.plans.values())
        out += check_actions(corpus, n)
    out += check_owners(corpus)  # one nämnd, risk or control per URL and anchor
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
