"""schema.org JSON-LD: a Dataset for the fact base, and `citation` on model pages."""

from __future__ import annotations

from typing import Any

from factbase.records import Record, iter_claims
from factbase.urlpolicy import ascii_url

from .sitedata import SiteData
from .views import Page

LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def source_jsonld(data: SiteData, source_id: str, lang: str) -> dict[str, Any]:
    source = data.records["source"][source_id].data
    item: dict[str, Any] = {
        "@type": "NewsArticle" if source["kind"] == "news-article" else "CreativeWork",
        "name": source["title"][source["language"]],
        "datePublished": source["published"]["date"],
        "inLanguage": source["language"],
    }
    if source.get("url"):
        item["url"] = ascii_url(source["url"])
    if source.get("publisher"):
        item["publisher"] = {"@type": "Organization", "name": source["publisher"][lang]}
    if source.get("author"):
        item["author"] = {"@type": "Person", "name": source["author"]}
    return item


def property_values(page: Page, record: Record) -> list[dict[str, Any]]:
    """The record's claims whose value type has a schema.org form (value_types.ValueType.jsonld), each a
    PropertyValue named by its property's label."""
    found = []
    for claim in iter_claims(record):
        form = claim.declared_type().jsonld
        if form is not None and claim.data.get("status") not in ("superseded", "planned"):
            found.append({"@type": "PropertyValue", "name": page.t(f"property.{claim.property}"),
                          **form(claim.data["value"], page.lang, page.t)})
    return found


def model_jsonld(page: Page, record: Record) -> dict[str, Any]:
    cited = sorted({str(c.get("source")) for claim in iter_claims(record) for _, c in claim.citations()})
    about: dict[str, Any] = {"@type": "SoftwareApplication", "name": record.data["name"]["en"],
                             "alternateName": [record.data["name"]["ko"], *record.data.get("aliases", [])]}
    properties = property_values(page, record)
    if properties:
        about["additionalProperty"] = properties
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": record.data["name"][page.lang],
        "inLanguage": page.lang,
        "about": about,
        "citation": [source_jsonld(page.data, source_id, page.lang) for source_id in cited
                     if source_id in page.data.records["source"]],
    }


def dataset_jsonld(data: SiteData, site_url: str, lang: str, name: str, description: str) -> dict[str, Any]:
    counts = {kind: len(records) for kind, records in data.records.items()}
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "inLanguage": ["ko", "en"],
        "license": LICENSE,
        "url": site_url,
        "variableMeasured": ["parameters", "release date", "licence", "benchmark score", "partnership"],
        "size": ", ".join(f"{count} {kind} records" for kind, count in sorted(counts.items())),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{site_url}data/facts.json"},
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": f"{site_url}data/claims-wide.csv"},
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": f"{site_url}data/datapackage.json"},
        ],
        "citation": [source_jsonld(data, source_id, lang) for source_id in sorted(data.records["source"])],
    }
