"""Every name the site shows from the schema (claim properties, record kinds and the enumerated values it
labels) has an interface label in both languages in sitegen/strings.yaml. The names are read from
schema/*.schema.json, so a property or value added to the schema without its label fails here, not in a build
that happens to meet it."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from conftest import ROOT
from sitegen.i18n import LANGUAGES, strings

SCHEMAS = ROOT / "schema"
# Interface-string prefix -> (schema, path to an enum) for each enumerated value the site labels.
ENUM_LABELS = {
    "country": ("organization", ("properties", "country")),  # an enum: `country: ZZ` is a validator error
    "kind.model": ("model", ("properties", "kind")),
    "sector": ("organization", ("properties", "sector")),
    "relationship": ("partnership", ("properties", "relationship")),
    "source": ("source", ("properties", "kind")),
    "archive_copy": ("source", ("properties", "archive", "properties", "copy")),
    "event": ("event", ("properties", "kind")),
    "language": ("common", ("$defs", "language")),
    "status": ("common", ("$defs", "status")),
    "outcome": ("common", ("$defs", "outcome", "properties", "result")),
    "modality": ("common", ("$defs", "modalitiesClaim", "properties", "value", "items")),
    "availability": ("model", ("properties", "claims", "properties", "availability", "items", "properties", "value")),
}


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


def record_kinds() -> list[str]:
    return sorted(path.name.removesuffix(".schema.json") for path in SCHEMAS.glob("*.schema.json")
                  if path.name != "common.schema.json")


def walk(name: str, path: tuple[str, ...]) -> Any:
    """The node at `path` in schema `name`, following a `$ref` wherever the next step is not written inline."""
    node = schema(name)
    for step in path:
        while step not in node and "$ref" in node:
            file, _, pointer = node["$ref"].partition("#")
            name = file.removesuffix(".schema.json") or name
            node = schema(name)
            for part in pointer.strip("/").split("/"):
                node = node[part]
        node = node[step]
    return node


def labelled_names() -> set[str]:
    """The interface-string keys the schema asks for."""
    keys = {f"record.{kind}" for kind in record_kinds()}
    keys |= {f"property.{name}" for kind in record_kinds()
             for name in schema(kind)["properties"].get("claims", {}).get("properties", {})}
    for prefix, (name, path) in ENUM_LABELS.items():
        keys |= {f"{prefix}.{value}" for value in walk(name, path)["enum"]}
    return keys


def missing_labels(table: dict[str, Any], wanted: set[str]) -> list[str]:
    """`key (language)` for each wanted key without a text in a language."""
    return sorted(f"{key} ({lang})" for key in wanted for lang in LANGUAGES
                  if not isinstance(table.get(key), dict) or not table[key].get(lang))


def test_every_schema_name_the_site_shows_has_a_label_in_both_languages() -> None:
    assert missing_labels(strings(), labelled_names()) == []


def test_the_names_come_from_the_schema() -> None:
    wanted = labelled_names()
    assert {"property.parameters", "property.founded", "property.since", "record.partnership", "status.planned",
            "outcome.not-delivered", "modality.image", "availability.open-weights", "source.press-release",
            "event.founding", "sector.finance", "relationship.investor", "kind.model.family",
            "language.en", "country.KR"} <= wanted
    assert len([key for key in wanted if key.startswith("property.")]) >= 30


def test_references_are_followed() -> None:
    assert walk("source", ("properties", "language", "enum")) == ["ko", "en"]  # a $ref to common's language


def test_a_missing_label_or_language_fails() -> None:
    table = {key: dict(texts) for key, texts in strings().items()}
    del table["property.parameters"]
    del table["status.planned"]["en"]
    table["modality.image"]["ko"] = ""
    assert missing_labels(table, labelled_names()) == [
        "modality.image (ko)", "property.parameters (en)", "property.parameters (ko)", "status.planned (en)"]


def test_every_value_the_site_labels_is_an_enum_listed_here() -> None:
    """A value the site shows through a label must be an enum the validator checks (issue 15: `country: ZZ`
    passed the validator and stopped the build). A new `t(f"prefix.{value}")` in the site needs its enum
    in ENUM_LABELS."""
    source = "".join(path.read_text("utf-8") for path in (ROOT / "scripts" / "sitegen").rglob("*.py"))
    prefixes = set(re.findall(r"""\bt\(f["']([a-z.]+)\.\{""", source))
    assert prefixes and prefixes <= {*ENUM_LABELS, *SITE_CHOSEN, "property", "record"}, prefixes


# Labels whose key the site's own code chooses from a fixed set, never from a fact value: a change's kind
# (history.py), a model's release stage and the home page's counts (overview.py), the infobox's rows (views.py).
SITE_CHOSEN = {"changes.action", "stage", "count", "infobox"}
