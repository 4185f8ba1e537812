"""E209 grouping-cycle: a model's `family` and an organisation's `parent` lead up to a top, never in a circle.

The site lists a model under its family and heads the index with models that have none: in a circle
(a -> b -> a, or a -> a) no model of it is at the top, and all of them vanish from the index.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic

# record kind -> the field naming the record it is grouped under (a record of the same kind)
GROUPING_FIELDS = {"model": "family", "organization": "parent"}


@rule(
    Scope.BASE,
    Code("E209", "grouping-cycle",
         ko="모델의 family와 기관의 parent는 맨 위에서 끝나야 한다. a→b→a, a→a처럼 돌면 오류다(그 모델들이 목록에서 "
            "사라진다).",
         en="A model's family and an organisation's parent lead up to a top: a circle (a→b→a, a→a) is an error "
            "(its models vanished from the index)."),
)
def check_grouping_cycles(base: FactBase) -> Iterator[Diagnostic]:
    for kind, field in GROUPING_FIELDS.items():
        records = base.of_kind(kind)
        for record_id, record in records.items():
            chain = [record_id]
            up = record.data.get(field)
            while isinstance(up, str) and up in records and up not in chain:
                chain.append(up)
                up = records[up].data.get(field)
            if up == record_id:  # reported once per record of the circle, at its own field
                circle = " -> ".join([*chain, record_id])
                yield record.diagnostic((field,), "E209", "grouping-cycle",
                                        f"`{field}` goes round in a circle: {circle}",
                                        f"the top of the grouping has no `{field}`: remove it from one record")
