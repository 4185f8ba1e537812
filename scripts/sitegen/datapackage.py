"""The fact base as a Frictionless Data Package: tidy tables, one row per thing, with table schemas, primary
and foreign keys and the licence (data/datapackage.json beside records.csv, claims.csv, citations.csv,
sources.csv). Text cells a spreadsheet would run as a formula are kept inert by the one rule downloads.py has.
Byte-for-byte deterministic."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from factbase.records import Record, iter_claims

from .downloads import text_cell
from .sitedata import SiteData, first_value

LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0 (the data; each quote remains its source's)"}
_PRECISION = [(re.compile(r"^\d{4}$"), "year"), (re.compile(r"^\d{4}-H[12]$"), "half"),
              (re.compile(r"^\d{4}-Q[1-4]$"), "quarter"), (re.compile(r"^\d{4}-\d{2}$"), "month"),
              (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day")]

# name -> (description, [(field, type, description)], primary key, foreign keys (fields, table, fields))
TABLES: dict[str, tuple[str, list[tuple[str, str, str]], list[str], list[tuple[list[str], str, list[str]]]]] = {
    "records": ("Every record: one row per model, organisation, source, event or partnership.", [
        ("id", "string", "The record id (its file name in facts/); unique across kinds."),
        ("kind", "string", "The record kind (model, organization, source, event, partnership, ...)."),
        ("name_ko", "string", "Its name or title in Korean (the id where it has none)."),
        ("name_en", "string", "Its name or title in English (the id where it has none)."),
        ("family", "string", "A model's family record, if any."),
        ("developer", "string", "A model's first developer that is not superseded, if any."),
    ], ["id"], [(["family"], "records", ["id"]), (["developer"], "records", ["id"])]),
    "claims": ("Every claim: one row per value a record states.", [
        ("claim_id", "string", "<record id>/<property>/<index>: stable while the claim keeps its place."),
        ("record", "string", "The record that states it."),
        ("property", "string", "The claim property (schema/<kind>.schema.json)."),
        ("value", "string", "The value: text as written, a number, a date, an id; structured values as JSON."),
        ("unit", "string", "The unit of a quantity or score."),
        ("qualifier", "string", "The qualifier of a quantity (approximately, up-to, ...)."),
        ("status", "string", "confirmed, reported, planned, disputed or superseded."),
        ("as_of", "string", "The date the value holds at, if stated."),
        ("date_precision", "string", "The precision of a date value (else of as_of): year, half, quarter, month, day."),
        ("note_en", "string", "The editors' note, in English."),
    ], ["claim_id"], [(["record"], "records", ["id"])]),
    "citations": ("Every citation: one row per quote a claim cites.", [
        ("claim_id", "string", "The claim it supports."),
        ("position", "integer", "Its place among the claim's citations, from 0."),
        ("source", "string", "The source record cited."),
        ("quote", "string", "The verbatim quote, in the source's language (the source's text, not ours)."),
        ("quote_en", "string", "The English rendering of a quote in another language."),
        ("line", "integer", "The line of the archived copy where the quote stands."),
    ], ["claim_id", "position"], [(["claim_id"], "claims", ["claim_id"]), (["source"], "sources", ["id"])]),
    "sources": ("Every source: one row per archived document.", [
        ("id", "string", "The source id (also a row of records)."),
        ("kind", "string", "The kind of document (news-article, press-release, repository-readme, ...)."),
        ("title_ko", "string", "Its title in Korean."),
        ("title_en", "string", "Its title in English."),
        ("language", "string", "The language of the document."),
        ("publisher_en", "string", "Its publisher, in English."),
        ("author", "string", "Its author, if known."),
        ("published", "string", "Its publication date (of its precision)."),
        ("url", "string", "Where it was published, if known."),
        ("sha256", "string", "The SHA-256 of the archived copy."),
    ], ["id"], [(["id"], "records", ["id"])]),
}


def _precision(date: Any) -> str:
    return next((name for pattern, name in _PRECISION if isinstance(date, str) and pattern.match(date)), "")


def _csv(rows: list[list[Any]], name: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([field for field, _, _ in TABLES[name][1]])
    writer.writerows(rows)
    return out.getvalue()


def _names(record: Record) -> list[str]:
    name = record.data.get("name") or record.data.get("title")
    return [str(name[lang]) for lang in ("ko", "en")] if isinstance(name, dict) else [record.id, record.id]


def tables(data: SiteData) -> dict[str, str]:
    """Each table's CSV text, by name."""
    records, claims, citations, sources = [], [], [], []
    for kind, by_id in sorted(data.records.items()):
        for record_id, record in sorted(by_id.items()):
            family = record.data.get("family")
            developer = first_value(record, "developer")
            records.append([record_id, kind, *(text_cell(n) for n in _names(record)),
                            family if isinstance(family, str) else "", developer if isinstance(developer, str) else ""])
            for claim in iter_claims(record):
                claim_id = f"{record_id}/{claim.property}/{claim.path[-1]}"
                value_type = claim.declared_type()
                value, unit, qualifier = value_type.csv(claim.data["value"])
                as_of = claim.data.get("as_of", "")
                note = claim.data.get("note")
                claims.append([claim_id, record_id, claim.property, text_cell(value), unit, qualifier,
                               claim.data.get("status", ""), as_of,
                               _precision(claim.data["value"] if value_type.is_date else as_of),
                               text_cell(note["en"]) if isinstance(note, dict) else ""])
                for (*_, position), citation in claim.citations():
                    citations.append([claim_id, position, citation.get("source", ""),
                                      text_cell(str(citation.get("quote", ""))),
                                      text_cell(str(citation.get("quote_en", ""))), citation.get("line", "")])
    for source_id, source in sorted(data.records["source"].items()):
        item = source.data
        sources.append([source_id, item.get("kind", ""), *(text_cell(n) for n in _names(source)),
                        item.get("language", ""), text_cell(str(item.get("publisher", {}).get("en", ""))),
                        text_cell(str(item.get("author", ""))), item.get("published", {}).get("date", ""),
                        item.get("url", ""), item.get("archive", {}).get("sha256", "")])
    rows = {"records": records, "claims": claims, "citations": citations, "sources": sources}
    return {name: _csv(table_rows, name) for name, table_rows in rows.items()}


def descriptor(title: str, homepage: str) -> dict[str, Any]:
    """datapackage.json: the tables, their schemas and keys, the licence."""
    resources = []
    for name, (description, fields, primary_key, foreign_keys) in TABLES.items():
        schema: dict[str, Any] = {
            "fields": [{"name": field, "type": kind, "description": text} for field, kind, text in fields],
            "primaryKey": primary_key,
            "missingValues": [""],
        }
        if foreign_keys:
            schema["foreignKeys"] = [{"fields": fields_, "reference": {
                "resource": "" if table == name else table, "fields": target}}
                for fields_, table, target in foreign_keys]
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "description": description, "schema": schema})
    return {
        "name": "korean-hyperscale-ai-facts",
        "title": title,
        "homepage": homepage,
        "profile": "tabular-data-package",
        "licenses": [LICENSE],
        "description": ("Checked facts about Korean hyperscale AI, each claim with its citations. The data is "
                        "CC BY 4.0; every quote remains the text of its source and its publisher's."),
        "resources": resources,
    }


def data_package(data: SiteData, title: str, homepage: str) -> dict[str, str]:
    """File name -> text of every file of the package."""
    files = {f"{name}.csv": text for name, text in tables(data).items()}
    files["datapackage.json"] = json.dumps(descriptor(title, homepage), ensure_ascii=False, indent=1) + "\n"
    return files
