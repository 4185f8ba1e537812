"""E205 id-taken, E206 reserved-id: one namespace for the ids of every kind (see namespace.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..diagnostics import Diagnostic
from ..namespace import reserved_because
from ..records import Record


def check_namespace(base: FactBase) -> Iterator[Diagnostic]:
    first_of_id: dict[str, Record] = {}
    for record in base.records:
        if not record.id:
            continue
        reason = reserved_because(record.id)
        if reason:
            yield record.diagnostic(("id",), "E206", "reserved-id", f"{reason}: a record cannot use it",
                                    "choose an id that names the record itself (`exaone-3-5-32b`)")
        first = first_of_id.setdefault(record.id, record)
        if first is not record and first.kind != record.kind:
            yield record.diagnostic(("id",), "E205", "id-taken",
                                    f"{record.kind} id {record.id!r} is already the id of the {first.kind} "
                                    f"{first.path}: links by id would reach either",
                                    "ids name one record across all kinds: give this record another id")
