"""The whole fact base as JSON and CSV (one row per claim, with its citations), byte-for-byte deterministic."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

from factbase.records import iter_claims

from .sitedata import SiteData

CSV_COLUMNS = ["record_kind", "record_id", "property", "index", "value", "unit", "qualifier", "status", "as_of",
               "citation_count", "sources", "quotes", "quotes_en", "lines", "note_en"]
SEPARATOR = " || "


def facts_json(data: SiteData) -> str:
    """Every record, by kind and id, exactly as in facts/."""
    payload = {kind: {record_id: record.data for record_id, record in sorted(records.items())}
               for kind, records in sorted(data.records.items())}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# What a spreadsheet skips or folds before it looks for a formula: white space of any kind (no-break,
# ideographic), quotes, separators that some import as a cell break. The formula signs are matched after
# Unicode NFKC, so that the fullwidth ＝ and the small ﹦ count as =.
_FORMULA = re.compile(r"[\s'\";|,]*[=+\-@]")


def text_cell(text: str) -> str:
    """Text a spreadsheet could run as a formula is kept as text with a leading ': any that starts with a
    formula sign (= + - @), or with white space, quotes, `;`, `|` or `,` before one, or with a control."""
    folded = unicodedata.normalize("NFKC", text)
    if _FORMULA.match(folded) or text[:1] in ("\t", "\r", "\n"):
        return f"'{text}"
    return text


def claims_csv(data: SiteData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for kind, records in sorted(data.records.items()):
        for _, record in sorted(records.items()):
            for claim in iter_claims(record):
                citations = [c for _, c in claim.citations()]
                value, unit, qualifier = claim.declared_type().csv(claim.data["value"])
                note = claim.data.get("note")
                writer.writerow([
                    kind, record.id, claim.property, claim.path[-1], text_cell(value), unit, qualifier,
                    claim.data.get("status", ""), claim.data.get("as_of", ""), len(citations),
                    SEPARATOR.join(str(c.get("source", "")) for c in citations),
                    text_cell(SEPARATOR.join(str(c.get("quote", "")) for c in citations)),
                    text_cell(SEPARATOR.join(str(c.get("quote_en", "")) for c in citations)),
                    SEPARATOR.join(str(c.get("line", "")) for c in citations),
                    text_cell(note["en"]) if isinstance(note, dict) else "",
                ])
    return out.getvalue()
