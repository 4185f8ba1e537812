"""A JSON API at stable addresses, one document per record: /api/v1/<folder>/<id>.json for every record kind
(factbase.records.KINDS: /api/v1/models/exaone-3-5.json), /api/v1/<folder>.json listing a kind, and the JSON
Schemas every document is valid against in /api/v1/schema/ (the fact schemas as they are, and one schema per
kind for the document around the record, and one for the lists). Byte-for-byte deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from factbase.records import KINDS
from factbase.schema_files import SCHEMA_DIR

from .page_types import record_pages
from .sitedata import SiteData, title_of

VERSION = "v1"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDERS = {kind: folder for folder, kind in KINDS.items()}


def _dump(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _pages(kind: str, record_id: str, address: str) -> dict[str, str] | None:
    entry = record_pages().get(kind)
    return {lang: f"{address}{lang}/{entry.folder}/{record_id}/" for lang in ("ko", "en")} if entry else None


def record_document(data: SiteData, kind: str, record_id: str, address: str) -> dict[str, Any]:
    record = data.records[kind][record_id]
    return {
        "api": VERSION,
        "kind": kind,
        "id": record_id,
        "pages": _pages(kind, record_id, address),
        "updated": data.updated(record) or None,
        "record": record.data,
    }


def index_document(data: SiteData, kind: str) -> dict[str, Any]:
    records = data.records[kind]
    return {
        "api": VERSION,
        "kind": kind,
        "count": len(records),
        "items": [{"id": record_id, "name": {lang: title_of(record, lang) for lang in ("ko", "en")},
                   "href": f"{FOLDERS[kind]}/{record_id}.json", "updated": data.updated(record) or None}
                  for record_id, record in sorted(records.items())],
    }


def document_schema(kind: str) -> dict[str, Any]:
    """The schema of a record's document: the envelope, and the record valid against the kind's fact schema."""
    nullable_date = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$",
                     "description": "The date the record's file last changed in git (null outside git)."}
    return {
        "$schema": DRAFT,
        "title": f"A {kind} record (API {VERSION})",
        "type": "object",
        "additionalProperties": False,
        "required": ["api", "kind", "id", "pages", "updated", "record"],
        "properties": {
            "api": {"const": VERSION, "description": "The API version."},
            "kind": {"const": kind, "description": "The record kind."},
            "id": {"type": "string", "pattern": "^[a-z0-9-]+$", "description": "The record id (its file name)."},
            "pages": {"description": "The record's page in each language (null: the kind has no pages).",
                      "oneOf": [{"type": "null"}, {"type": "object", "required": ["ko", "en"],
                                                    "additionalProperties": False,
                                                    "properties": {"ko": {"type": "string", "format": "uri"},
                                                                   "en": {"type": "string", "format": "uri"}}}]},
            "updated": nullable_date,
            "record": {"$ref": f"{kind}.schema.json",
                       "description": "The record exactly as in facts/, every claim with its citations."},
        },
    }


def index_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "title": f"The records of one kind (API {VERSION})",
        "type": "object",
        "additionalProperties": False,
        "required": ["api", "kind", "count", "items"],
        "properties": {
            "api": {"const": VERSION},
            "kind": {"enum": sorted(KINDS.values())},
            "count": {"type": "integer", "minimum": 0},
            "items": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["id", "name", "href", "updated"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    "name": {"type": "object", "required": ["ko", "en"],
                             "properties": {"ko": {"type": "string"}, "en": {"type": "string"}}},
                    "href": {"type": "string", "description": "The record's document, relative to this list."},
                    "updated": {"type": ["string", "null"]},
                }}},
        },
    }


def write_api(site: Path, data: SiteData, address: str) -> int:
    """Writes the API into site/api/v1/; returns how many record documents it wrote."""
    root = site / "api" / VERSION
    schemas = root / "schema"
    schemas.mkdir(parents=True, exist_ok=True)
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        shutil.copyfile(path, schemas / path.name)
    (schemas / "index.json").write_text(_dump(index_schema()), encoding="utf-8")
    written = 0
    for kind, folder in sorted(FOLDERS.items()):
        (schemas / f"{kind}.document.json").write_text(_dump(document_schema(kind)), encoding="utf-8")
        (root / f"{folder}.json").write_text(_dump(index_document(data, kind)), encoding="utf-8")
        (root / folder).mkdir(exist_ok=True)
        for record_id in sorted(data.records[kind]):
            document = record_document(data, kind, record_id, address)
            (root / folder / f"{record_id}.json").write_text(_dump(document), encoding="utf-8")
            written += 1
    return written
