"""The data catalogue in DCAT-AP-SE (JSON-LD), for harvesting by dataportal.se.

One ``dcat:Dataset`` per published plan or follow-up, each with a JSON, a CSV and a PDF/A
``dcat:Distribution``. Without a known site address the IRIs are site-relative (``/data/…``),
which JSON-LD resolves against the catalogue's own address.
"""

from __future__ import annotations

from typing import Any

from ...core import urls
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
    "json": ("JSON (UTF-8)", "JSON", "application/json"),
    "csv": ("CSV (UTF-8)", "CSV", "text/csv"),
    "pdf": ("PDF/A-2b (för arkiv och sammanträdeshandlingar)", "PDFA2B", "application/pdf"),
}
"""Per distribution: its title, its EU file type and its media type."""


def _sv(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "sv"}


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _distribution(base: str, n_id: str, doc: Document, ext: str, schema: str) -> dict:
    if ext == "pdf":
        path = urls.document_pdf_file(n_id, doc.year, doc.period_id)
    else:
        path = urls.document_data(n_id, doc.year, doc.period_id, ext)
    url = urls.absolute(base, path)
    title, fmt, media = _FORMATS[ext]
    out = {
        "@id": urls.anchor(url, "distribution"),
        "@type": "dcat:Distribution",
        "dcterms:title": _sv(title),
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dcterms:format": _ref(f"{_EU}file-type/{fmt}"),
        "dcat:mediaType": _ref(f"http://www.iana.org/assignments/media-types/{media}"),
    }
    if ext == "json":
        out["dcterms:conformsTo"] = _ref(urls.absolute(base, urls.data_schema(schema)))
    return out


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
        "dcat:distribution": [_distribution(base, n.id, doc, e, schema) for e in _FORMATS],
    }
    beslut = doc.content.beslut
    if beslut is not None and beslut.datum is not None:
        ds["dcterms:issued"] = {"@value": beslut.datum.isoformat(), "@type": "xsd:date"}
    return ds


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
