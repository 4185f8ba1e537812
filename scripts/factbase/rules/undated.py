"""Undated plans: E333 undated-not-planned, E334 undated-not-announced.

A plan whose source gives no date for it ("향후 …", "in the future") still needs a date to stand on the
timeline. Its date claim says `undated: true`: its value is then the date the plan was announced, the
publication date of a source it cites, and not a date the plan is for. Only a plan can be undated (its
status is `planned`), and the value must be a cited source's publication date, so that the value is stated,
not worked out (no `derived` needed: E306 finds the publication date). The site shows such a date as the
date of the announcement, with "no date given".
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from .dates import label, parse_date, publication_spans


@rule(
    Scope.BASE,
    Code("E333", "undated-not-planned",
         ko="`undated: true`(출처가 날짜를 밝히지 않은 계획, 예: ‘향후’)는 상태가 `planned`인 날짜 주장에만 쓴다.",
         en="`undated: true` (a plan its source gives no date for, such as '향후', 'in the future') is for date "
            "claims whose status is `planned`."),
    Code("E334", "undated-not-announced",
         ko="`undated: true`인 날짜 주장의 값은 계획이 발표된 날, 곧 인용한 출처의 발행일이어야 한다.",
         en="The value of an `undated: true` date claim is the day the plan was announced: the publication date "
            "of a source it cites."),
)
def check_undated(base: FactBase) -> Iterator[Diagnostic]:
    published = publication_spans(base.of_kind("source"))
    for claim in base.claims():
        if claim.data.get("undated") is not True or claim.value_type is None or not claim.value_type.is_date:
            continue  # on another claim, `undated` is a schema error (E102)
        if claim.data.get("status") != "planned":
            yield claim.record.diagnostic(
                (*claim.path, "undated"), "E333", "undated-not-planned",
                f"the claim is marked undated but its status is {claim.data.get('status')!r}",
                "an undated date is a plan's: set `status: planned`, or remove `undated: true` and give the date")
            continue
        value = parse_date(claim.data.get("value"))
        cited = {source: published[source] for _, citation in claim.citations()
                 if isinstance(source := citation.get("source"), str) and source in published}
        if value is None or any((span.start, span.end) == (value.start, value.end) for span in cited.values()):
            continue
        dates = ", ".join(f"{source} {label(span)}" for source, span in cited.items()) or "none"
        yield claim.record.diagnostic(
            (*claim.path, "value"), "E334", "undated-not-announced",
            f"an undated plan's date is the day it was announced, but {label(value)} is not the publication "
            f"date of a cited source ({dates})",
            "set the value to the publication date of the source that announces the plan")
