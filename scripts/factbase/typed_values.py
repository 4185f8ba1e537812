"""The values of a record that the schema declares as one of its shared definitions (dates, URLs, ids).

Walks a record in step with its schema (reference.SchemaNode), so a rule about every date or every URL
finds all of them, wherever the schema puts them, without a list of field names that could fall behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from .records import Record
from .reference import SchemaNode

RecordPath = tuple[str | int, ...]


@dataclass
class _Plan:
    """What a schema node means for the walk: is it the definition, else its properties and items."""

    node: SchemaNode
    definition: str

    @cached_property
    def matches(self) -> bool:
        return any(str(link.schema.get("$ref", "")).endswith(f"/$defs/{self.definition}")
                   for link in self.node.chain())

    @cached_property
    def reaches(self) -> bool:
        """Whether the definition stands here or anywhere below: a walk skips the parts of a record (its
        citations, for dates) where it cannot."""
        return self.matches or any(plan.reaches for plan in self.properties.values()) or \
            (self.items is not None and self.items.reaches)

    @cached_property
    def properties(self) -> dict[str, _Plan]:
        return {name: _Plan(sub, self.definition) for name, sub in self.node.properties().items()}

    @cached_property
    def items(self) -> _Plan | None:
        items = self.node.items()
        return _Plan(items, self.definition) if items is not None else None


@cache
def _plan(kind: str, definition: str) -> _Plan:
    return _Plan(SchemaNode.of_kind(kind), definition)


def _walk(plan: _Plan, value: Any, path: RecordPath) -> Iterator[tuple[RecordPath, Any]]:
    if plan.matches:
        yield path, value
    elif isinstance(value, dict):
        properties = plan.properties
        for key, sub in value.items():
            if key in properties and properties[key].reaches:
                yield from _walk(properties[key], sub, (*path, key))
    elif isinstance(value, list) and plan.items is not None and plan.items.reaches:
        for index, sub in enumerate(value):
            yield from _walk(plan.items, sub, (*path, index))


def typed_values(record: Record, definition: str) -> Iterator[tuple[RecordPath, Any]]:
    """(path, value) of every value in `record` whose schema is common.schema.json#/$defs/<definition>."""
    yield from _walk(_plan(record.kind, definition), record.data, ())
