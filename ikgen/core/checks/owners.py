"""One owner per URL: no id or earlier id (``tidigare_id``) names two nämnder, risks or controls.

A nämnd's earlier id keeps copies of its data files and feed and redirects its pages; were it
another nämnd's id, the copies would overwrite that nämnd's files. On a plan or report page
every risk and control id, and every earlier id, is an anchor (``#id``); two owners of one
anchor would send a citation to the wrong control. Across years the same control keeps its id
(and a renamed one lists its old id), which is one owner; only different controls clash.
"""

from __future__ import annotations

from ..corpus import Corpus, Document, NamndContent
from ..derive import _current_id, control_renames
from ..diagnostics import Diagnostic
from ..load import SourceDocument
from ..model import Plan
from .common import err
from .plan import RESERVED_ANCHORS

RESERVED_PATHS = frozenset({"data", "sok", "tillganglighet", "pagefind", "assets", "search"})
"""Top-level folders of the site that are not nämnder (open data, search, the theme's files)."""


def check_owners(corpus: Corpus) -> list[Diagnostic]:
    """Every URL or anchor that two nämnder, risks or controls would claim."""
    out = _namnder(corpus)
    for n in corpus.namnder.values():
        out += _controls_across_years(n)
        for doc in n.plans.values():
            out += _plan_anchors(doc)
    return out


def _where(src: SourceDocument, loc: tuple) -> str:
    line = src.line_of(loc)
    return f"{src.path}:{line}" if line else src.path


def _namnder(corpus: Corpus) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    live = {nid: n for nid, n in corpus.namnder.items()}
    claimed: dict[str, tuple[NamndContent, tuple]] = {}
    for nid, n in corpus.namnder.items():
        if nid in RESERVED_PATHS:
            message = (
                f"nämndens id '{nid}' (mappens namn) är reserverat för webbplatsens egna sidor"
                f" (/{nid}/); byt namn på mappen"
            )
            out.append(Diagnostic(n.source.path, None, None, message))
        for i, old in enumerate(n.namnd.tidigare_id):
            loc = ("tidigare_id", i)
            if old == nid:
                out.append(err(n.source, loc, f"'{old}' är nämndens eget id, inget tidigare id"))
            elif old in live:
                out.append(
                    err(
                        n.source,
                        loc,
                        f"'{old}' är id för en annan nämnd ({live[old].source.path}); dess sidor,"
                        " data och flöde skulle skrivas över – ett tidigare id får inte vara en"
                        " nuvarande nämnds id",
                    )
                )
            elif old in RESERVED_PATHS:
                message = f"'{old}' är reserverat för webbplatsens egna sidor (/{old}/)"
                out.append(err(n.source, loc, message))
            elif old in claimed and claimed[old][0] is not n:
                first, first_loc = claimed[old]
                out.append(
                    err(
                        n.source,
                        loc,
                        f"'{old}' är redan ett tidigare id för nämnden '{first.id}'"
                        f" ({_where(first.source, first_loc)}); ett tidigare id kan bara höra"
                        " till en nämnd",
                    )
                )
            else:
                claimed.setdefault(old, (n, loc))
    return out


def _plan_anchors(doc: Document) -> list[Diagnostic]:
    """On one plan: an earlier id is no live id, no section and no other earlier id."""
    plan, src = doc.content, doc.source
    assert isinstance(plan, Plan)
    risks = {r.id for r in plan.risker}
    controls = {k.id for r in plan.risker for k in r.kontroller}
    earlier: list[tuple[str, tuple, str, str]] = []  # (old id, loc, kind, owner id)
    for i, risk in enumerate(plan.risker):
        earlier += [
            (old, ("risker", i, "tidigare_id", m), "risken", risk.id)
            for m, old in enumerate(risk.tidigare_id)
        ]
        for j, k in enumerate(risk.kontroller):
            earlier += [
                (old, ("risker", i, "kontroller", j, "tidigare_id", m), "kontrollen", k.id)
                for m, old in enumerate(k.tidigare_id)
            ]
    out: list[Diagnostic] = []
    seen: dict[str, tuple[tuple, str, str]] = {}
    for old, loc, kind, owner in earlier:
        if old == owner and kind == "risken":
            out.append(err(src, loc, f"'{old}' är riskens eget id, inget tidigare id"))
        elif old in risks and old != owner:
            other = "en annan risk" if kind == "risken" else "en risk"
            message = f"'{old}' är id för {other} i planen; ett tidigare id får inte ha"
            out.append(err(src, loc, message + " samma ankare (#id) som en nuvarande risk"))
        elif old in controls and kind == "risken":
            message = f"'{old}' är id för en kontroll i planen; ett tidigare id får inte ha"
            out.append(err(src, loc, message + " samma ankare (#id) som en nuvarande kontroll"))
        elif old in RESERVED_ANCHORS:
            message = f"'{old}' är reserverat för ett avsnitt på sidan (#{old})"
            out.append(err(src, loc, message))
        elif old in seen and (seen[old][1], seen[old][2]) != (kind, owner):
            first_loc, first_kind, first_owner = seen[old]
            out.append(
                err(
                    src,
                    loc,
                    f"'{old}' är redan ett tidigare id för {first_kind} '{first_owner}'"
                    f" (rad {src.line_of(first_loc)}); ett tidigare id kan bara höra till en"
                    " risk eller kontroll",
                )
            )
        else:
            seen.setdefault(old, (loc, kind, owner))
    return out


def _controls_across_years(n: NamndContent) -> list[Diagnostic]:
    """An earlier control id belongs to one control, i.e. one line of renames, in all years.

    (Within one plan year, ``_plan_anchors`` reports the clash; here different years.)
    """
    renames = control_renames(n)
    out: list[Diagnostic] = []
    claimed: dict[str, tuple[str, Document, tuple, str]] = {}
    for year in sorted(n.plans):
        doc = n.plans[year]
        plan = doc.content
        assert isinstance(plan, Plan)
        for i, risk in enumerate(plan.risker):
            for j, k in enumerate(risk.kontroller):
                line = _current_id(k.id, renames)
                for m, old in enumerate(k.tidigare_id):
                    loc = ("risker", i, "kontroller", j, "tidigare_id", m)
                    first = claimed.get(old)
                    if first is None:
                        claimed[old] = (line, doc, loc, k.id)
                    elif first[0] != line and first[1] is not doc:
                        _, first_doc, first_loc, first_id = first
                        out.append(
                            err(
                                doc.source,
                                loc,
                                f"'{old}' är redan ett tidigare id för en annan kontroll,"
                                f" '{first_id}' ({_where(first_doc.source, first_loc)});"
                                " /kontroller/" + old + "/ kan bara leda till en kontroll",
                            )
                        )
    return out
