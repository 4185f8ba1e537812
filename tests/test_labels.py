"""Every value the site turns into a label is one the validator checks against the same table.

The site shows codes through interface strings (`country.KR` -> 대한민국 / South Korea). Each such field is
an `enum` in the schema, so the validator refuses a value the site could not label (`country: ZZ`, `"KR\\n"`),
and strings.yaml labels every value of the enum, so no build stops on a missing string.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from factbase.records import KINDS
from factbase.reference import fields
from factbase.schemas import claim_value_types
from sitegen.i18n import strings

# interface-string prefix -> the schema fields (kind, dotted path) whose values it labels
LABELLED_FIELDS = {
    "country": [("organization", "country")],
    "sector": [("organization", "sector")],
    "relationship": [("partnership", "relationship")],
    "source": [("source", "kind")],
    "language": [("source", "language")],
    "event": [("event", "kind")],
    "kind.model": [("model", "kind")],
    "status": [(kind, f"claims.{prop}[].status") for kind in KINDS.values() for prop in claim_value_types(kind)],
    "outcome": [(kind, f"claims.{prop}[].outcome.result") for kind in KINDS.values()
                for prop in claim_value_types(kind)],
}


def _enum(kind: str, path: str) -> tuple[str, ...] | None:
    return next((field.enum for field in fields(kind) if field.path == path), None)


@pytest.mark.parametrize("prefix", LABELLED_FIELDS)
def test_every_value_of_a_labelled_field_is_an_enum_with_a_label_for_each(prefix: str) -> None:
    table = strings()
    checked = 0
    for kind, path in LABELLED_FIELDS[prefix]:
        values = _enum(kind, path)
        if values is None and path.startswith("claims."):
            continue  # this kind's claim has no such field
        assert values, f"{kind}.{path} is not an enum: the validator would let through values the site cannot label"
        assert [v for v in values if f"{prefix}.{v}" not in table] == [], f"{kind}.{path}"
        checked += 1
    assert checked


def test_every_claim_property_and_record_kind_has_a_label() -> None:
    table = strings()
    properties = {prop for kind in KINDS.values() for prop in claim_value_types(kind)}
    assert sorted(p for p in properties if f"property.{p}" not in table) == []
    assert sorted(k for k in KINDS.values() if f"record.{k}" not in table) == []


def test_the_site_labels_only_the_fields_listed_here() -> None:
    """A new `t(f"prefix.{value}")` in the site must be added to LABELLED_FIELDS (and its field be an enum)."""
    source = "".join(path.read_text("utf-8") for path in (ROOT / "scripts" / "sitegen").glob("*.py"))
    prefixes = set(re.findall(r"""\bt\(f["']([a-z.]+)\.\{""", source))
    assert prefixes <= {*LABELLED_FIELDS, "property", "record"}, prefixes
