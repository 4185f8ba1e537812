"""Conflicts: E403 conflicting-values.

Two claims about the same subject and property whose values disagree are an error unless one of them is
marked `disputed`, `superseded` or `planned` (a plan may differ from what happened). Marking both values
`disputed` lists them on the disputed-facts page.

Which properties hold one value, decided per property from the schema:

- Dates (announced, released, founded, an event's date, since): one value. Dates agree when one span holds
  the other (`2020-12` and `2020-12-07`).
- Quantities (parameters, context_length, layers, vocabulary_size, training_data, downloads, staff,
  revenue, compute, papers, patents, an event's amount): one value per unit and `as_of` (a figure at
  another date, or in another unit, is another fact); a claim without `as_of` is compared with all.
  Qualifiers are respected (`more-than 300` agrees with 350), and a rounded figure agrees with a precise
  one: 1.2B and 1.28B, 2.4B and 2.41B agree (the precise value, rounded or cut to the digits of the other,
  equals it). A figure with a single significant digit (300 billion, 6) agrees only with itself.
  `investment` holds many values: an organisation commits several sums.
- Scores (benchmark, ranking): one value per benchmark, setting and unit.
- developer and parent_organization: one value, where an organisation agrees with its parent organisation
  (`parent`, or a `parent_organization` claim): a model developed by NAVER and by NAVER Clova is one fact.
- Everything else holds many values: statements in words (description, capability, architecture,
  licence, leader, other, ...), links (repository, paper), lists (modalities, languages), availability
  (each source's word for it is recorded), based_on (a model may derive from several), deployed_by.

Across records, an event of kind `founding` about one organisation (besides that organisation's parents)
must agree with that organisation's `founded`, and an event of kind `release` about one model (besides
its family) with that model's `released`. The same value recorded on two records (a family and its
member) is not a conflict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Claim, Record, iter_claims
from ..value_types import Agree, claim_value_types

EXEMPT_STATUSES = ("disputed", "superseded", "planned")
MANY_VALUED = {("organization", "investment")}
HIERARCHY_PROPERTIES = ("developer", "parent_organization")


class _Hierarchy:
    """Organisations and their parents, from `parent` and from `parent_organization` claims."""

    def __init__(self, base: FactBase) -> None:
        self.parents: dict[str, set[str]] = {}
        for record in base.of_kind("organization").values():
            found = self.parents.setdefault(record.id, set())
            if isinstance(record.data.get("parent"), str):
                found.add(record.data["parent"])
            for claim in iter_claims(record):
                value = claim.data.get("value")
                if claim.property == "parent_organization" and isinstance(value, str) \
                        and claim.data.get("status") != "planned":
                    found.add(value)
        self._ancestors: dict[str, frozenset[str]] = {}

    def ancestors(self, org: str) -> frozenset[str]:
        if org not in self._ancestors:
            self._ancestors[org] = frozenset()  # a cycle stops here
            seen: set[str] = set()
            for parent in self.parents.get(org, ()):
                seen |= {parent, *self.ancestors(parent)}
            self._ancestors[org] = frozenset(seen)
        return self._ancestors[org]

    def agree(self, a: Any, b: Any) -> bool:
        if not isinstance(a, str) or not isinstance(b, str):
            return True  # not an id: the schema check reports it
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)


def comparison(kind: str, prop: str, hierarchy: _Hierarchy) -> Agree | None:
    """How two values of `prop` are compared, or None where the property holds many values."""
    value_type = claim_value_types(kind).get(prop)
    if (kind, prop) in MANY_VALUED or value_type is None:
        return None
    if value_type.names_kind == "organization" and prop in HIERARCHY_PROPERTIES:
        return hierarchy.agree
    return value_type.agree


def _same_fact(claim: Claim) -> tuple[Any, ...]:
    """Values compared with each other share a key (quantities their unit, scores their benchmark and setting)."""
    value = claim.data.get("value")
    value = value if isinstance(value, dict) else {}
    return tuple(repr(value.get(field)) for field in claim.declared_type().same_fact)


def _where(claim: Claim) -> str:
    return f"{claim.property}[{claim.path[-1]}]"


def _counted(claim: Claim) -> bool:
    return claim.data.get("status") not in EXEMPT_STATUSES and "value" in claim.data


def _comparable(a: Claim, b: Claim) -> bool:
    """Figures at two different dates (`as_of`) are two facts."""
    x, y = a.data.get("as_of"), b.data.get("as_of")
    return x is None or y is None or x == y


def _conflict(claim: Claim, other: Claim, where: str) -> Diagnostic:
    value = claim.data["value"]
    path: tuple[str | int, ...] = (*claim.path, "value")
    field = next((f for f in claim.declared_type().number_fields if isinstance(value, dict) and f in value), None)
    if field is not None:
        path = (*path, field)  # a number is reported at the number, not at its unit
    return claim.record.diagnostic(
        path, "E403", "conflicting-values",
        f"{_where(claim)} says {claim.declared_type().shown(value)}, but {where} says "
        f"{other.declared_type().shown(other.data['value'])}; neither is marked disputed, superseded or planned",
        "if the sources disagree, mark both `status: disputed` and say why in `note`; if a later value "
        "replaced the earlier one, mark the earlier `superseded`; else correct the wrong one")


def _within_record(record: Record, hierarchy: _Hierarchy) -> Iterator[Diagnostic]:
    groups: dict[tuple[Any, ...], list[Claim]] = {}
    for claim in iter_claims(record):
        agree = comparison(record.kind, claim.property, hierarchy)
        if agree is None or not _counted(claim):
            continue
        key = (claim.property, *_same_fact(claim))
        earlier = groups.setdefault(key, [])
        for other in earlier:
            if _comparable(claim, other) and not agree(claim.data["value"], other.data["value"]):
                yield _conflict(claim, other, _where(other))
                break
        earlier.append(claim)


# Events that mirror a property of the one record they are about: event kind -> (subject kind, property).
MIRRORS = {"founding": ("organization", "founded"), "release": ("model", "released")}


def _subject(event: Record, kind: str, base: FactBase, hierarchy: _Hierarchy) -> Record | None:
    """The one organisation (model) the event is about, besides the parents (family) of the others."""
    named = event.data.get("organizations" if kind == "organization" else "models")
    records = base.of_kind(kind)
    ids = [i for i in named if isinstance(i, str) and i in records] if isinstance(named, list) else []
    if kind == "organization":
        ids = [i for i in ids if not any(i in hierarchy.ancestors(other) for other in ids)]
    else:
        ids = [i for i in ids if not any(records[other].data.get("family") == i for other in ids)]
    return records[ids[0]] if len(ids) == 1 else None


def _across_records(base: FactBase, hierarchy: _Hierarchy) -> Iterator[Diagnostic]:
    for event in base.of_kind("event").values():
        kind = event.data.get("kind")
        mirror = MIRRORS.get(kind) if isinstance(kind, str) else None
        subject = _subject(event, mirror[0], base, hierarchy) if mirror else None
        if mirror is None or subject is None:
            continue
        theirs = [c for c in iter_claims(subject) if c.property == mirror[1] and _counted(c)]
        for claim in iter_claims(event):
            agree = comparison(event.kind, claim.property, hierarchy) if claim.property == "date" else None
            if agree is None or not _counted(claim):
                continue
            other = next((c for c in theirs if not agree(claim.data["value"], c.data["value"])), None)
            if other is not None:
                yield _conflict(claim, other, f"{other.record.path} {_where(other)}")


@rule(
    Scope.BASE,
    Code("E403", "conflicting-values",
         ko="같은 대상의 같은 항목에 값이 다른 두 주장이 있으면, 어느 하나가 disputed·superseded·planned로 "
            "표시되지 않는 한 오류다. 값이 하나인 항목: 날짜, 수량(단위와 as_of마다), 점수(벤치마크·설정마다), "
            "개발 기관, 상위 기관. 설명, 역량, 링크, 공개 방식, 라이선스, 투자 등은 여러 값을 가진다. 반올림한 "
            "값과 정밀한 값(1.2B와 1.28B), 기관과 그 상위 기관, 서로 포함하는 날짜(2020-12와 2020-12-07)는 맞는 "
            "값으로 본다. 창립·공개 사건의 날짜는 그 기관·모델의 기록과도 비교한다. disputed로 표시한 값은 "
            "‘엇갈리는 사실’ 페이지에 모두 나온다.",
         en="Two claims about the same subject and property with different values are an error unless one is "
            "marked disputed, superseded or planned. One value: dates, quantities (per unit and as_of), scores "
            "(per benchmark and setting), developer, parent organisation; descriptions, capabilities, links, "
            "availability, licences, investments and the like hold many. A rounded and a precise figure (1.2B and "
            "1.28B), an organisation and its parent, and nested dates (2020-12 and 2020-12-07) agree. Founding and "
            "release events are compared with the organisation's or model's own record. Values marked disputed are "
            "all listed on the disputed-facts page."),
)
def check_conflicts(base: FactBase) -> Iterator[Diagnostic]:
    hierarchy = _Hierarchy(base)
    for record in base.records:
        yield from _within_record(record, hierarchy)
    yield from _across_records(base, hierarchy)
