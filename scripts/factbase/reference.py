"""Walks the JSON Schemas field by field: for the formatter's key order and the field reference page.

A schema node may combine a `$ref` with keywords of its own (a claim is `claimBase` plus a
`value`): a node's properties are its own first, then those of what it refers to, and a keyword
is looked up on the node first, then along its `$ref` chain. `$ref`s are relative to the schema
file they stand in (`common.schema.json#/$defs/id`, `#/$defs/text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .records import KINDS
from .schema_files import load_schema


@dataclass(frozen=True)
class SchemaNode:
    schema: dict[str, Any]
    file: str  # the schema file's stem (`model`, `common`): where relative $refs point

    @classmethod
    def of_kind(cls, kind: str) -> SchemaNode:
        return cls(load_schema(kind), kind)

    def chain(self) -> Iterator[SchemaNode]:
        """This node, then each node its `$ref`s lead to."""
        node: SchemaNode | None = self
        while node is not None:
            yield node
            node = node._target()

    def _target(self) -> SchemaNode | None:
        ref = self.schema.get("$ref")
        if not isinstance(ref, str):
            return None
        file, _, pointer = ref.partition("#")
        stem = file.removesuffix(".schema.json") or self.file
        target: Any = load_schema(stem)
        for part in filter(None, pointer.split("/")):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return SchemaNode(target, stem)

    def keyword(self, name: str) -> Any:
        return next((node.schema[name] for node in self.chain() if name in node.schema), None)

    def properties(self) -> dict[str, SchemaNode]:
        found: dict[str, SchemaNode] = {}
        for node in self.chain():
            for name, sub in node.schema.get("properties", {}).items():
                found.setdefault(name, SchemaNode(sub, node.file))
        return found

    def required(self) -> set[str]:
        return {name for node in self.chain() for name in node.schema.get("required", [])}

    def items(self) -> SchemaNode | None:
        for node in self.chain():
            if isinstance(node.schema.get("items"), dict):
                return SchemaNode(node.schema["items"], node.file)
        return None

    @property
    def type(self) -> str:
        kind = self.keyword("type") or ("object" if self.properties() else "any")
        items = self.items()
        return f"array of {items.type}" if kind == "array" and items is not None else str(kind)


@dataclass(frozen=True)
class Field:
    path: str  # dotted; `[]` marks the items of a list: `claims.parameters[].value.amount`
    type: str
    required: bool
    description: str
    enum: tuple[str, ...] = ()


def _fields(node: SchemaNode, prefix: str) -> Iterator[Field]:
    required = node.required()
    for name, sub in node.properties().items():
        path = f"{prefix}{name}"
        items = sub.items()
        enum = sub.keyword("enum") or (items.keyword("enum") if items else None) or ()
        yield Field(path, sub.type, name in required, str(sub.keyword("description") or "").strip(),
                    tuple(map(str, enum)))
        yield from _fields(sub, f"{path}.")
        if items is not None:
            yield from _fields(items, f"{path}[].")


def fields(kind: str) -> list[Field]:
    """Every field of a record kind, in schema order, parents before their children."""
    return list(_fields(SchemaNode.of_kind(kind), ""))


CLAIM_PATH = "claims.<property>[]."  # how the reference writes the path of a field every claim has


def _claim_base() -> SchemaNode:
    return SchemaNode(load_schema("common")["$defs"]["claimBase"], "common")


def claim_fields() -> list[Field]:
    """The fields every claim has besides its value (`claimBase`: status, citations, as_of, note...)."""
    return list(_fields(_claim_base(), CLAIM_PATH))


def field_reference() -> dict[str, list[Field]]:
    """The fields of every record kind, for the generated field reference page: a claim's own fields (its
    value) under each claim property, the fields every claim has once (claim_fields()). Listing them under
    every property repeated them some sixty times and made the page the site's heaviest."""
    shared = tuple(_claim_base().properties())
    pattern = re.compile(r"claims\.[^.\[]+\[\]\.(?:" + "|".join(map(re.escape, shared)) + r")(?:[.\[]|$)")
    return {kind: [field for field in fields(kind) if not pattern.match(field.path)] for kind in KINDS.values()}
