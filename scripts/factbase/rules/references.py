"""E203 dangling-reference: every id a record names must be the id of a record of the right kind."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import KINDS, Record, iter_claims
from ..value_types import claim_value_types

# Fields outside `claims` that name other records: (record kind, field) -> kind named.
FIELD_REFERENCES = {
    ("model", "family"): "model",
    ("organization", "parent"): "organization",
    ("event", "models"): "model",
    ("event", "organizations"): "organization",
    ("partnership", "organizations"): "organization",
    ("partnership", "models"): "model",
    ("evaluation", "organizer"): "organization",
    ("evaluation", "participants"): "model",
}
_FOLDERS = {kind: folder for folder, kind in KINDS.items()}


@cache  # asked once per record: the answer depends only on the schema
def claim_references(kind: str) -> dict[str, str]:
    """Claim properties of `kind` whose values are ids: property -> kind named."""
    return {name: value_type.names_kind for name, value_type in claim_value_types(kind).items()
            if value_type.names_kind is not None}


def _named_ids(record: Record) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, id, kind it must be) for every reference in the record."""
    for (kind, name), target in FIELD_REFERENCES.items():
        if kind != record.kind:
            continue
        value: Any = record.data.get(name)
        if isinstance(value, str):
            yield (name,), value, target
        elif isinstance(value, list):
            yield from (((name, i), item, target) for i, item in enumerate(value) if isinstance(item, str))
    referencing = claim_references(record.kind)
    for claim in iter_claims(record):
        value = claim.data.get("value")
        if claim.property in referencing and isinstance(value, str):
            yield (*claim.path, "value"), value, referencing[claim.property]
        for field, target in claim.value_type.refers if claim.value_type and isinstance(value, dict) else ():
            if isinstance(value.get(field), str):
                yield (*claim.path, "value", field), value[field], target
        for path, citation in claim.citations():
            if isinstance(citation.get("source"), str):
                yield (*path, "source"), citation["source"], "source"
        outcome = claim.data.get("outcome")
        if isinstance(outcome, dict) and isinstance(outcome.get("record"), str):
            yield (*claim.path, "outcome", "record"), outcome["record"], "any"


@rule(
    Scope.BASE,
    Code("E203", "dangling-reference",
         ko="다른 레코드를 가리키는 id(출처, 기관, 모델, 사건)는 실제로 있어야 한다.",
         en="Every id that names another record (source, organisation, model, event) resolves."),
)
def check_references(base: FactBase) -> Iterator[Diagnostic]:
    known = {kind: base.of_kind(kind) for kind in KINDS.values()}
    for record in base.records:
        for path, target_id, kind in _named_ids(record):
            if kind == "any":
                if any(target_id in ids for ids in known.values()):
                    continue
                where = "any folder of facts/"
            elif target_id in known[kind]:
                continue
            else:
                where = f"facts/{_FOLDERS[kind]}/"
            yield record.diagnostic(path, "E203", "dangling-reference",
                                    f"{target_id!r} is not the id of a record in {where}",
                                    "fix the id, or add the record it names")
