"""The fact base: every loaded record, indexed by kind and id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .records import Claim, Record, iter_claims


@dataclass
class FactBase:
    records: list[Record] = field(default_factory=list)

    def of_kind(self, kind: str) -> dict[str, Record]:
        """Records of one kind by id (the first record wins where an id is duplicated)."""
        index: dict[str, Record] = {}
        for record in self.records:
            if record.kind == kind and record.id:
                index.setdefault(record.id, record)
        return index

    def claims(self) -> Iterator[Claim]:
        for record in self.records:
            yield from iter_claims(record)
