"""Dates as spans of days, and the dates a quote mentions, relative ones resolved against its source's date.

A fact's date is written only as precisely as it is known (`2021`, `2021-H2`, `2022-Q1`, `2022-03`,
`2021-12-14`): each is the span of days it covers. A quote mentions dates absolutely (2024.12.09,
2021년 12월, December 2024, year={2021}) or relative to when it was published (14일, 지난달 27일,
지난 8월, 올 3월, 지난해 5월, 내년 상반기, 이달, last August): `mentions(text, published)` resolves each
against the source's publication span. Where the publication date is too coarse to tell (14일 in an
article dated only to March), every reading is kept.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # records.py reads value types, which read dates: the name is for annotations only
    from ..records import Record


@dataclass(frozen=True, order=True)
class Span:
    start: date
    end: date
    text: str = ""  # how it was written

    def within(self, other: Span) -> bool:
        return other.start <= self.start and self.end <= other.end

    def nested(self, other: Span) -> bool:
        """One span holds the other: 2020-12 and 2020-12-07 agree; 2020-12-07 and 2020-12-08 do not."""
        return self.within(other) or other.within(self)

    @property
    def day_precise(self) -> bool:
        return self.start == self.end


def month_span(year: int, month: int, text: str = "") -> Span | None:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if not 1 <= year <= 9999:
        return None
    return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), text)


def day_span(year: int, month: int, day: int, text: str = "") -> Span | None:
    month_of = month_span(year, month)
    if month_of is None or not 1 <= day <= month_of.end.day:
        return None
    when = month_of.start.replace(day=day)
    return Span(when, when, text)


def year_span(year: int, text: str = "") -> Span | None:
    return Span(date(year, 1, 1), date(year, 12, 31), text) if 1 <= year <= 9999 else None


def part_span(year: int, first_month: int, months: int, text: str = "") -> Span | None:
    first, last = month_span(year, first_month), month_span(year, first_month + months - 1)
    return Span(first.start, last.end, text) if first and last else None


_DATE = re.compile(r"^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$")


def parse_date(value: object) -> Span | None:
    """The span a schema date covers: `2021-H2` is 1 July to 31 December 2021. None if it is not a date
    (the schema check reports that)."""
    return _parse_date(value) if isinstance(value, str) else None


@lru_cache(maxsize=4096)
def _parse_date(value: str) -> Span | None:
    match = _DATE.match(value)
    if match is None:
        return None
    year, half, quarter, month, day = match.groups()
    if half:
        return part_span(int(year), 1 + 6 * (int(half) - 1), 6, value)
    if quarter:
        return part_span(int(year), 1 + 3 * (int(quarter) - 1), 3, value)
    if day:
        return day_span(int(year), int(month), int(day), value)
    if month:
        return month_span(int(year), int(month), value) if 1 <= int(month) <= 12 else None
    return year_span(int(year), value)


# Keys are written without spaces, in lower case (see _key).
_RELATIVE_YEARS = {"올해": 0, "올": 0, "금년": 0, "이번해": 0, "thisyear": 0, "지난해": -1, "작년": -1,
                   "전년": -1, "lastyear": -1, "재작년": -2, "내년": 1, "명년": 1, "nextyear": 1, "내후년": 2}
_RELATIVE_MONTHS = {"지난달": -1, "전월": -1, "이달": 0, "이번달": 0, "당월": 0, "다음달": 1, "lastmonth": -1,
                    "thismonth": 0, "nextmonth": 1}
_HALVES = {"상반기": 1, "하반기": 2, "firsthalf": 1, "secondhalf": 2}
_DIRECTIONS = {"지난": "past", "오는": "future", "last": "past", "next": "future"}
_MONTH_NAMES = {name: index for index, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name: index for index, name in enumerate(calendar.month_abbr) if name})
_MONTH = rf"(?-i:(?P<mname>{'|'.join(sorted(_MONTH_NAMES, key=len, reverse=True))}))\.?"


def _key(words: str) -> str:
    return re.sub(r"\s+", "", words).lower()


def _month_number(match: re.Match[str]) -> int:
    name = match.groupdict().get("mname")
    return _MONTH_NAMES[name] if name else int(match.group("m"))


def _direction(match: re.Match[str]) -> str:
    return _DIRECTIONS.get((match.groupdict().get("dir") or "").lower(), "")


def _months_of(published: Span) -> list[tuple[int, int]]:
    """The (year, month) the source appeared in; none when its date is coarser than a month."""
    first, last = (published.start.year, published.start.month), (published.end.year, published.end.month)
    return [first] if first == last else []


def _day_candidates(day: int, direction: str, published: Span, text: str) -> Iterator[Span | None]:
    """`14일`, `오는 7일`: in the month of publication, or the one before (after, for 오는) if need be."""
    for year, month in _months_of(published):
        if published.day_precise:
            today = published.start.day
            if direction == "future":
                yield day_span(year, month + (0 if day >= today else 1), day, text)
            else:
                yield day_span(year, month - (0 if day <= today else 1), day, text)
        else:
            yield day_span(year, month, day, text)
            yield day_span(year, month + (1 if direction == "future" else -1), day, text)


def _month_candidates(month: int, direction: str, published: Span, text: str) -> Iterator[Span | None]:
    """`지난 8월` (the last August before publication), `오는 3월` (the next), `3월` (this year's or last)."""
    year = published.start.year
    if direction == "past":
        if month < published.end.month:
            yield month_span(year, month, text)
        if month >= published.start.month:
            yield month_span(year - 1, month, text)
    elif direction == "future":
        if month > published.start.month:
            yield month_span(year, month, text)
        if month <= published.end.month:
            yield month_span(year + 1, month, text)
    else:
        yield month_span(year, month, text)
        if month > published.end.month:
            yield month_span(year - 1, month, text)


def _year_offset(match: re.Match[str], published: Span) -> int:
    return published.start.year + _RELATIVE_YEARS[_key(match.group("rel"))]


def _part(year: int, match: re.Match[str]) -> Span | None:
    """The half (상반기, first half) or quarter (2분기, Q2) the match names, else the whole year."""
    groups = match.groupdict()
    if groups.get("h"):
        return part_span(year, 1 + 6 * (_HALVES[_key(match.group("h"))] - 1), 6, match.group())
    if groups.get("q"):
        return part_span(year, 1 + 3 * (int(match.group("q")) - 1), 3, match.group())
    return year_span(year, match.group())


Resolver = Callable[[re.Match[str], Span | None], Iterator[Span | None]]
_PATTERNS: list[tuple[re.Pattern[str], Resolver]] = []


def _patterns(*regexes: str) -> Callable[[Resolver], Resolver]:
    """Registers the resolver for each regex, in this order (earlier patterns hide their words from later)."""
    def register(resolver: Resolver) -> Resolver:
        _PATTERNS.extend((re.compile(regex, re.IGNORECASE), resolver) for regex in regexes)
        return resolver
    return register


# Absolute dates, the most precise first.
@_patterns(r"(?<!\d)(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
           r"(?<![\d.])(?P<y>\d{4})\s?[.\-/]\s?(?P<m>\d{1,2})\s?[.\-/]\s?(?P<d>\d{1,2})(?!\.?\d)",
           rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
           rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})\b")
def _full_date(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    yield day_span(int(match.group("y")), _month_number(match), int(match.group("d")), match.group())


@_patterns(r"(?<!\d)(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월",
           r"(?<![\d.])(?P<y>\d{4})[.\-/](?P<m>\d{1,2})(?![\d.])",
           rf"\b{_MONTH},?\s+(?P<y>\d{{4}})\b")
def _year_month(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    month = _month_number(match)
    yield month_span(int(match.group("y")), month, match.group()) if 1 <= month <= 12 else None


@_patterns(r"(?<!\d)(?P<y>\d{4})\s*년\s*(?P<h>상반기|하반기)",
           r"(?<!\d)(?P<y>\d{4})\s*년\s*(?P<q>[1-4])\s*분기",
           r"\b(?P<h>first half|second half)\s+of\s+(?P<y>\d{4})\b",
           r"\bQ(?P<q>[1-4])\s+(?P<y>\d{4})\b")
def _year_part(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    yield _part(int(match.group("y")), match)


# Relative to the publication date.
_REL_YEAR = (r"(?P<rel>올해|금년|이번\s?해|지난\s?해|재작년|작년|전년|내후년|내년|명년"
             r"|올(?=\s*(?:\d|상반기|하반기))|this\s+year|last\s+year|next\s+year)")


@_patterns(_REL_YEAR + r"\s*도?\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
def _relative_year_day(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    if published:
        year, month, day = _year_offset(match, published), int(match.group("m")), int(match.group("d"))
        yield day_span(year, month, day, match.group())


@_patterns(_REL_YEAR + r"\s*도?\s*(?P<m>\d{1,2})\s*월",
           rf"\b{_MONTH}\s+(?P<rel>this\s+year|last\s+year|next\s+year)\b")
def _relative_year_month(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    if published:
        yield month_span(_year_offset(match, published), _month_number(match), match.group())


@_patterns(r"\bthe\s+(?P<h>first\s+half|second\s+half)\s+of\s+(?P<rel>this\s+year|last\s+year|next\s+year)",
           _REL_YEAR + r"\s*도?\s*(?:(?P<h>상반기|하반기)|(?P<q>[1-4])\s*분기)?")
def _relative_year(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    if published:
        yield _part(_year_offset(match, published), match)


@_patterns(r"(?P<rel>지난\s?달|전월|이달|이번\s?달|당월|다음\s?달|last\s+month|this\s+month|next\s+month)"
           r"(?:\s*(?P<d>\d{1,2})\s*일)?")
def _relative_month(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    offset = _RELATIVE_MONTHS[_key(match.group("rel"))]
    for year, month in _months_of(published) if published else []:
        if match.group("d"):
            yield day_span(year, month + offset, int(match.group("d")), match.group())
        else:
            yield month_span(year, month + offset, match.group())


@_patterns(r"(?:(?P<dir>지난|오는)\s*)?(?<![\d.])(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
           rf"\b(?:(?P<dir>last|next|this)\s+)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b")
def _month_day(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    month, day = _month_number(match), int(match.group("d"))
    if published and 1 <= month <= 12:
        for span in _month_candidates(month, _direction(match), published, match.group()):
            if span is not None:
                yield day_span(span.start.year, month, day, match.group())


@_patterns(r"(?:(?P<dir>지난|오는)\s*)?(?<![\d.])(?P<m>\d{1,2})\s*월(?!\s*\d)",
           rf"\b(?:(?P<dir>last|next|this)\s+|in\s+){_MONTH}(?!\s*\d)")
def _month(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    if published and 1 <= _month_number(match) <= 12:
        yield from _month_candidates(_month_number(match), _direction(match), published, match.group())


@_patterns(r"(?:(?P<dir>오는|지난)\s*)?(?<![\d.])(?P<d>\d{1,2})\s*일",
           r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b")
def _day(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    if published:
        direction = "future" if _direction(match) == "future" else "past"
        yield from _day_candidates(int(match.group("d")), direction, published, match.group())


@_patterns(r"(?P<h>상반기|하반기)")
def _half_of_this_year(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    if published:
        yield _part(published.start.year, match)


@_patterns(r"(?<![\d.,])(?P<y>1[89]\d\d|20\d\d)(?:\s*년)?(?![\d,]|\.\d|\s?[만억조경천백십]|[A-Za-z%])")
def _year(match: re.Match[str], published: Span | None) -> Iterator[Span | None]:
    yield year_span(int(match.group("y")), match.group())


@lru_cache(maxsize=65536)
def mentions(text: str, published: Span | None) -> tuple[Span, ...]:
    """Every date `text` mentions, relative ones resolved against `published` (unresolved without it)."""
    found: list[Span] = []
    for pattern, resolve in _PATTERNS:
        matches = list(pattern.finditer(text))
        for match in matches:
            found.extend(span for span in resolve(match, published) if span is not None)
        if matches:  # blanked, so that a later, shorter pattern does not read a part of it again
            text = pattern.sub(lambda match: " " * len(match.group()), text)
    return tuple(found)


def label(span: Span) -> str:
    """A span written as a schema date where it is one (2021, 2021-H2, 2022-Q1, 2022-03, 2021-12-14)."""
    start, end = span.start, span.end
    if start == end:
        return start.isoformat()
    whole = start.day == 1 and end == (month_span(end.year, end.month) or span).end and start.year == end.year
    months = end.month - start.month + 1
    if whole and months == 12:
        return f"{start.year}"
    if whole and months == 6 and start.month in (1, 7):
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if whole and months == 3 and start.month % 3 == 1:
        return f"{start.year}-Q{start.month // 3 + 1}"
    if whole and months == 1:
        return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}..{end.isoformat()}"


def publication_spans(sources: dict[str, Record]) -> dict[str, Span]:
    """Source id -> the span of its publication date (`published.date`), for each source that has one."""
    spans: dict[str, Span] = {}
    for source_id, source in sources.items():
        published = source.data.get("published")
        span = parse_date(published.get("date")) if isinstance(published, dict) else None
        if span is not None:
            spans[source_id] = span
    return spans
