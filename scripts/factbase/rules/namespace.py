"""E205 id-taken, E206 reserved-id: one namespace for the ids of every kind (see namespace.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..diagnostics import Diagnostic
from ..namespace import reserved_because
from ..records import Record


def check_namespace(base: FactBase) -> Iterator[Diagnostic]:
    by_id: dict[str, list[Record]] = {}
    for record in base.records:
        if not record.id:
            continue
        reason = reserved_because(record.id)
        if reason:
            yield record.diagnostic(("id",), "E206", "reserved-id", f"{reason}: a record cannot use it",
                                    "choose an id that names the record itself (`exaone-3-5-32b`)")
        by_id.setdefault(record.id, []).append(record)
    for records in by_id.values():
        if len({record.kind for record in records}) < 2:
            continue  # one kind: E202 duplicate-id
        for record in records:  # each is located: which one is the newcomer is not for the validator to say
            others = ", ".join(f"the {other.kind} {other.path}" for other in records
                               if other.kind != record.kind)
            yield record.diagnostic(("id",), "E205", "id-taken",
                                    f"{record.kind} id {record.id!r} is also the id of {others}: links by id "
                                    "would reach either", "ids name one record across all kinds: rename one of them")
