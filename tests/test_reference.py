"""factbase.reference: every schema field is listed, described, typed, in schema order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from conftest import ROOT
from factbase.records import KINDS
from factbase.reference import CLAIM_PATH, Field, claim_fields, field_reference, fields


def _property_names(node: Any) -> Iterator[str]:
    """Every name under a `properties` keyword anywhere in a schema document."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield name
            yield from _property_names(sub)
        for key, sub in node.items():
            if key != "properties":
                yield from _property_names(sub)
    elif isinstance(node, list):
        for item in node:
            yield from _property_names(item)


def _leaf_names(found: list[Field]) -> set[str]:
    return {field.path.rsplit(".", 1)[-1] for field in found}


def test_every_property_of_every_schema_file_appears_in_the_reference() -> None:
    reference = field_reference()
    assert set(reference) == set(KINDS.values())
    every_kind = set().union(*(_leaf_names(found) for found in [*reference.values(), claim_fields()]))
    missing = []
    for path in sorted((ROOT / "schema").glob("*.schema.json")):
        kind = path.name.removesuffix(".schema.json")
        listed = _leaf_names(reference[kind]) if kind in reference else every_kind
        missing += [f"{path.name}: {name}" for name in _property_names(json.loads(path.read_text("utf-8")))
                    if name not in listed]
    assert missing == []


def test_every_field_has_a_description() -> None:
    undescribed = [f"{kind}: {field.path}" for kind, found in field_reference().items()
                   for field in found if not field.description]
    assert not undescribed, ("these schema fields have no description (add one in schema/, on the property "
                             "or on the definition it refers to):\n  " + "\n  ".join(undescribed))


def test_fields_carry_type_requiredness_and_enum_through_refs() -> None:
    by_path = {field.path: field for field in fields("model")}
    unit = by_path["claims.parameters[].value.unit"]
    assert (unit.type, unit.required) == ("string", True)
    assert unit.enum[:2] == ("parameters", "tokens")
    assert by_path["claims.parameters"].type == "array of object"
    assert by_path["claims.modalities[].value"].enum[:2] == ("text", "image")
    assert by_path["aliases"].type == "array of string"
    assert by_path["claims.parameters[].citations[].line"].type == "integer"
    assert by_path["claims.parameters[].status"].description.startswith("How far the claim is established.")
    source = {field.path: field for field in fields("source")}
    assert (source["publisher"].required, source["publisher.ko"].required) == (False, True)
    claim = [path.removeprefix("claims.description[].") for path in by_path
             if path.startswith("claims.description[].") and path.count(".") == 2]
    assert claim == ["value", "status", "citations", "as_of", "note", "derived", "outcome"]


def test_the_fields_every_claim_has_are_listed_once_not_under_every_property() -> None:
    """Status, citations, as_of, note... stand once in their own table; each property lists its value."""
    shared = [field.path for field in claim_fields()]
    assert f"{CLAIM_PATH}status" in shared and f"{CLAIM_PATH}citations[].quote" in shared
    model = [field.path for field in field_reference()["model"]]
    assert "claims.parameters[].value.amount" in model and "claims.parameters" in model
    assert not [path for path in model if path.startswith("claims.") and path.split("[].", 1)[-1].split(".")[0]
                .removesuffix("[]") in {"status", "citations", "as_of", "note", "outcome", "derived"}]
    assert "claims.parameters[].citations[].line" in [field.path for field in fields("model")]  # the formatter's
