"""Time: E401 reported-before-it-happened, E402 future-not-planned.

The date a claim reports is its value, for a date claim (a release, an event's date), or else its `as_of`.
A claim cited only to sources published before that date cannot be confirmed by them: it is a plan or a
forecast and has `status: planned` (E401). A claim reporting a date after the build date (today) has not
happened yet, whatever its sources say, and is `planned` too (E402). Dates compare as spans: a source
dated 2022-03 is not before an event of 2022-03-22.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Claim
from .dates import Span, label, parse_date, publication_spans


def reported_date(claim: Claim) -> tuple[Span, tuple[str | int, ...]] | None:
    """The date the claim reports and where it is written: a date claim's value, else its `as_of`."""
    if claim.value_type is not None and claim.value_type.is_date:
        span = parse_date(claim.data.get("value"))
        if span is not None:
            return span, (*claim.path, "value")
    span = parse_date(claim.data.get("as_of"))
    return (span, (*claim.path, "as_of")) if span is not None else None


def _sources_before(claim: Claim, reported: Span, published: dict[str, Span]) -> list[str] | None:
    """`source (date)` for each cited source, if all were published before `reported` began; else None."""
    before: list[str] = []
    for _, citation in claim.citations():
        source_id = citation.get("source")
        when = published.get(source_id) if isinstance(source_id, str) else None
        if when is None or when.end >= reported.start:
            return None
        before.append(f"{source_id} ({label(when)})")
    return list(dict.fromkeys(before)) or None


@rule(
    Scope.TODAY,
    Code("E401", "reported-before-it-happened",
         ko="주장이 보고하는 날짜(날짜 값, 없으면 as_of)보다 먼저 발행된 출처만 인용한 주장은 그 출처로 확인될 수 "
            "없다. 계획이나 전망이므로 상태가 `planned`여야 한다.",
         en="A claim cited only to sources published before the date it reports (its date value, else its as_of) "
            "cannot be confirmed by them: it is a plan or a forecast, with status `planned`."),
    Code("E402", "future-not-planned",
         ko="빌드 날짜(오늘)보다 뒤의 날짜를 보고하는 주장과 사건은 아직 일어나지 않았으므로 `planned`여야 한다.",
         en="A claim or event dated after the build date (today) has not happened yet and is `planned`."),
)
def check_time(base: FactBase, today: date) -> Iterator[Diagnostic]:
    published = publication_spans(base.of_kind("source"))
    for claim in base.claims():
        if claim.data.get("status") == "planned":
            continue
        found = reported_date(claim)
        if found is None:
            continue
        reported, path = found
        if reported.start > today:
            yield claim.record.diagnostic(
                path, "E402", "future-not-planned",
                f"the claim reports {label(reported)}, after today ({today.isoformat()}), but its status is "
                f"{claim.data.get('status')!r}",
                "mark it `status: planned`: it has not happened yet")
            continue
        before = _sources_before(claim, reported, published)
        if before:
            yield claim.record.diagnostic(
                path, "E401", "reported-before-it-happened",
                f"the claim reports {label(reported)}, but every source it cites was published before that: "
                f"{', '.join(before)}",
                "mark it `status: planned` (a plan or forecast, with `outcome:` once known), or cite a "
                "source published after it happened")
