"""The data catalogue in DCAT-AP-SE (JSON-LD), for harvesting by dataportal.se.

One ``dcat:Dataset`` per published plan or follow-up, each with a JSON, a CSV and a PDF/A
``dcat:Distribution``. Without a known site address the IRIs are site-relative (``/data/…``),
which JSON-LD resolves against the catalogue's own address.
"""

from __future__ import annotations

from typing import Any

from ...core import urls
from ...core.actions import action_register
from ...core.corpus import Corpus, Document, NamndContent
from ...core.site import report_title

"""Where the catalogue is published."""

_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_EU = "http://publications.europa.eu/resource/authority/"
_FORMATS = {
    "json": ("JSON", "application/json"),
    "csv": ("CSV", "text/csv"),
}


def _sv(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "sv"}


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _distribution(url: str, ext: str, schema: str | None) -> dict:
    """One download of a dataset: its address, format and (for JSON) its JSON Schema."""
    fmt, media = _FORMATS[ext]
    out = {
        "@id": urls.anchor(url, "distribution"),
        "@type": "dcat:Distribution",
        "dcterms:title": _sv(f"{fmt} (UTF-8)"),
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dcterms:format": _ref(f"{_EU}file-type/{fmt}"),
        "dcat:mediaType": _ref(f"http://www.iana.org/assignments/media-types/{media}"),
    }
    if ext == "json" and schema is not None:
        out["dcterms:conformsTo"] = _ref(schema)
    return out


def _pdf_distribution(url: str) -> dict:
    """The document as PDF/A-2b (publish/pdf.py), for meeting papers and the e-archive."""
    return {
        "@id": urls.anchor(url, "distribution"),
        "@type": "dcat:Distribution",
        "dcterms:title": _sv("PDF/A-2b (för sammanträdeshandlingar och e-arkiv)"),
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dcterms:format": _ref(f"{_EU}file-type/PDFA2B"),
        "dcat:mediaType": _ref("http://www.iana.org/assignments/media-types/application/pdf"),
    }


def _dataset(corpus: Corpus, n: NamndContent, doc: Document, base: str, agent: str) -> dict:
    is_plan = doc.period_id is None
    title = f"Internkontrollplan {doc.year}" if is_plan else report_title(corpus, doc)
    schema = "plan" if is_plan else "uppfoljning"
    kind = "internkontrollplan" if is_plan else "uppföljning av intern kontroll"
    ds: dict[str, Any] = {
        "@id": urls.anchor(urls.absolute(base, urls.data_of_document(doc, "json")), "dataset"),
        "@type": "dcat:Dataset",
        "dcterms:title": _sv(f"{n.namnd.namn}: {title}"),
        "dcterms:description": _sv(
            f"{n.namnd.namn}s {kind} {doc.year}: risker och kontroller"
            + ("" if is_plan else " med status, bedömning, resultat och åtgärder")
            + f", i {corpus.utgivare}."
        ),
        "dcterms:publisher": _ref(agent),
        "dcat:contactPoint": _contact(corpus),
        "dcat:theme": _ref(f"{_EU}data-theme/GOVE"),
        "dcat:keyword": [_sv("internkontroll"), _sv("intern kontroll"), _sv(n.namnd.namn)],
        "dcterms:language": _ref(f"{_EU}language/SWE"),
        "dcat:landingPage": _ref(urls.absolute(base, urls.of_document(doc))),
        "dcterms:temporal": {
            "@type": "dcterms:PeriodOfTime",
            "dcat:startDate": {"@value": f"{doc.year}-01-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{doc.year}-12-31", "@type": "xsd:date"},
        },
        "dcat:distribution": [
            _distribution(
                urls.absolute(base, urls.document_data(n.id, doc.year, doc.period_id, ext)),
                ext,
                urls.absolute(base, urls.data_schema(schema)),
            )
            for ext in _FORMATS
        ]
        + (
            [_pdf_distribution(urls.absolute(base, urls.document_pdf(doc)))]
            if corpus.kommun.pdf
            else []
        ),
    }
    beslut = doc.content.beslut
    if beslut is not None and beslut.datum is not None:
        ds["dcterms:issued"] = {"@value": beslut.datum.isoformat(), "@type": "xsd:date"}
    return ds


def _actions_dataset(corpus: Corpus, n: NamndContent, base: str, agent: str) -> dict | None:
    """A nämnd's actions as one dataset (None: it has no actions with ids)."""
    register = action_register(corpus, n)
    if not register.actions:
        return None
    json_url = urls.absolute(base, urls.actions_data(n.id, "json"))
    distributions = [
        _distribution(urls.absolute(base, urls.actions_data(n.id, ext)), ext, None)
        for ext in _FORMATS
    ]
    years = [d.year for d in register.documents]
    return {
        "@id": urls.anchor(json_url, "dataset"),
        "@type": "dcat:Dataset",
        "dcterms:title": _sv(f"{n.namnd.namn}: åtgärder"),
        "dcterms:description": _sv(
            f"{n.namnd.namn}s beslutade åtgärder i den interna kontrollen, var de beslutades och"
            f" vad varje senare uppföljning säger om dem (status, datum, effekt), i"
            f" {corpus.utgivare}."
        ),
        "dcterms:publisher": _ref(agent),
        "dcat:contactPoint": _contact(corpus),
        "dcat:theme": _ref(f"{_EU}data-theme/GOVE"),
        "dcat:keyword": [_sv("internkontroll"), _sv("åtgärder"), _sv(n.namnd.namn)],
        "dcterms:language": _ref(f"{_EU}language/SWE"),
        "dcat:landingPage": _ref(urls.absolute(base, urls.actions(n.id))),
        "dcterms:temporal": {
            "@type": "dcterms:PeriodOfTime",
            "dcat:startDate": {"@value": f"{min(years)}-01-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{max(years)}-12-31", "@type": "xsd:date"},
        },
        "dcat:distribution": distributions,
    }


def _contact(corpus: Corpus) -> dict[str, Any]:
    """The publisher's contact point: its e-mail or web address (kommun.yml allows no other)."""
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": corpus.utgivare}
    address = corpus.kommun.kontakt
    if address and address.startswith(("https://", "http://")):
        contact["vcard:hasURL"] = _ref(address)
    elif address and "@" in address and ":" not in address.removeprefix("mailto:"):
        contact["vcard:hasEmail"] = _ref("mailto:" + address.removeprefix("mailto:"))
    return contact


def catalog(corpus: Corpus, base_url: str = "") -> dict[str, Any]:
    """The DCAT-AP-SE catalogue of every published plan and follow-up, as JSON-LD."""
    base = base_url.rstrip("/")
    agent = urls.anchor(urls.absolute(base, urls.START), "utgivare")
    datasets = [
        _dataset(corpus, n, doc, base, agent)
        for n in corpus.namnder.values()
        for doc in [*n.plans.values(), *n.uppfoljningar.values()]
        if not doc.is_draft
    ]
    for n in corpus.namnder.values():
        actions = _actions_dataset(corpus, n, base, agent)
        if actions is not None:
            datasets.append(actions)
    kommun = corpus.utgivare
    return {
        "@context": _CONTEXT,
        "@graph": [
            {
                "@id": urls.absolute(base, urls.CATALOG),
                "@type": "dcat:Catalog",
                "dcterms:title": _sv(f"{kommun}: intern kontroll"),
                "dcterms:description": _sv(
                    f"Nämndernas internkontrollplaner och uppföljningar i {kommun} som öppna data."
                ),
                "dcterms:publisher": _ref(agent),
                "dcterms:language": _ref(f"{_EU}language/SWE"),
                "foaf:homepage": _ref(urls.absolute(base, urls.START)),
                "dcat:dataset": [_ref(d["@id"]) for d in datasets],
            },
            {"@id": agent, "@type": "foaf:Agent", "foaf:name": kommun},
            *datasets,
        ],
    }
