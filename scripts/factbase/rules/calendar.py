"""E108 impossible-date: every date the schema declares is a real day, month or year of the calendar.

The schema checks a date's form (`2021-02-31` has it); this rule checks that it exists and lies in the
years the site covers. A date that does not parse would otherwise be skipped by every rule about dates
(E306, E401, E402, E403) and shown as written ("31 February 2021", year 0).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..fastschema import schema_pattern
from ..schema_files import load_schema
from ..typed_values import typed_values
from .dates import parse_date

FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years a fact about hyperscale AI can fall in, with a wide margin


def impossible(value: str) -> str | None:
    """Why the well-formed date `value` is not a date of the calendar, or None."""
    year = int(value[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}"
    if parse_date(value) is None:
        month = int(value[5:7])
        return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"
    return None


@rule(
    Scope.BASE,
    Code("E108", "impossible-date",
         ko="날짜는 달력에 있는 날이어야 하고(2021-02-31은 오류) 연도는 1900–2100 사이여야 한다(0000은 오류). 읽히지 "
            "않는 날짜 때문에 날짜 검사가 건너뛰어지는 일은 없다.",
         en="A date exists in the calendar (2021-02-31 is an error) and its year is within 1900–2100 (0000 is an "
            "error): no date rule is skipped because a date did not parse."),
)
def check_calendar(base: FactBase) -> Iterator[Diagnostic]:
    well_formed = schema_pattern(load_schema("common")["$defs"]["date"]["pattern"])
    for record in base.records:
        for path, value in typed_values(record, "date"):
            why = impossible(value) if isinstance(value, str) and well_formed.search(value) else None
            if why:  # a value of another form is the schema check's (E105)
                yield record.diagnostic(path, "E108", "impossible-date", f"{value!r} is not a date: {why}",
                                        "write a date that exists, as precisely as the source gives it")
