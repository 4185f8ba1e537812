"""E205 id-taken, E206 reserved-id: one namespace for the ids of every kind (see namespace.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..namespace import reserved_because
from ..records import Record


@rule(
    Scope.BASE,
    Code("E205", "id-taken",
         ko="id는 종류를 가리지 않고 한 레코드만 가리킨다. 기관의 id를 쓴 모델처럼 종류가 다른 두 레코드가 같은 id를 "
            "쓰면 둘 다 오류다(id로 건 링크가 어느 쪽으로든 갈 수 있다).",
         en="An id names one record across all kinds: two records of different kinds with one id (a model with an "
            "organisation's id) are both errors, since links by id could reach either."),
    Code("E206", "reserved-id",
         ko="사이트가 스스로 만드는 페이지·폴더 이름(index, 404, page-2, assets, search, models 등)과 앵커 "
            "접두어(kf-, claim-, year-, coverage-, page-)는 id로 쓸 수 없다.",
         en="An id cannot be a name the site makes for itself: a page or folder (index, 404, page-2, assets, "
            "search, models ...) or a prefix of its anchors (kf-, claim-, year-, coverage-, page-)."),
)
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
