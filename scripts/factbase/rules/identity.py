"""E201 id-mismatch, E202 duplicate-id."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic


@rule(
    Scope.BASE,
    Code("E201", "id-mismatch",
         ko="id는 파일 이름과 같아야 한다.",
         en="The id equals the file name."),
    Code("E202", "duplicate-id",
         ko="같은 종류의 두 레코드가 같은 id를 쓸 수 없다.",
         en="Two records of one kind cannot share an id."),
)
def check_identity(base: FactBase) -> Iterator[Diagnostic]:
    first_seen: dict[tuple[str, str], str] = {}
    for record in base.records:
        if not record.id:
            continue
        if record.id != record.stem:
            yield record.diagnostic(("id",), "E201", "id-mismatch",
                                    f"id {record.id!r} differs from the file name {record.stem!r}",
                                    f"rename the file to {record.id}.yaml, or set `id: {record.stem}`")
        key = (record.kind, record.id)
        if key in first_seen:
            yield record.diagnostic(("id",), "E202", "duplicate-id",
                                    f"{record.kind} id {record.id!r} is already used by {first_seen[key]}",
                                    "give one of the two records another id")
        else:
            first_seen[key] = record.path
