"""Quotes that support the value: E305 number-not-in-quote, E306 date-not-supported,
E307 derived-without-note, E308 needless-derived.

A number (a quantity's amount, a score) must stand in at least one of the claim's quotes or their English
renderings, read in either language's convention (3000억, 9경 5700조, 32B, 7.8 billion): equal to the claimed
value, exactly as the quote gives it (a quote's "32B" supports 32000000000, not 32500000000). 32K tokens
also reads as 32 x 1024.

A date must be given by a quote (2024.12.09, 2021년 12월, or a relative date such as 14일 or 지난해 5월,
resolved against the source's publication date) or by a source's publication date, within the claimed date:
a quote's 2024.12.09 supports `2024-12` and `2024-12-09`, while a quote's 2024년 12월 does not support
`2024-12-09`.

A value worked out from the quotes rather than written in them (a day counted back from an anniversary, a
rank read from the order of a list) says so with `derived: true` and explains how in `note`; the number or
date is then not looked for, and `derived: true` where a quote does state the value is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Claim
from ..value_types import ValueType
from .dates import Span, label, mentions, parse_date, publication_spans
from .numerals import Numeral, as_decimal, numerals, shown, values_of

_SHOWN = 8  # numbers or dates listed in a message at most


def _texts(citation: dict[str, Any]) -> Iterator[str]:
    for field in ("quote", "quote_en"):
        if isinstance(citation.get(field), str):
            yield citation[field]


def _number(value: Any, field: str) -> tuple[Decimal, str, tuple[str, ...]] | None:
    """The claimed number (the value's `field`), its unit, and where it stands in the claim; None if malformed
    (schema errors)."""
    number = value.get(field) if isinstance(value, dict) else None
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    unit = value.get("unit") if isinstance(value, dict) else None
    return as_decimal(number), unit if isinstance(unit, str) else "", ("value", field)


def _number_support(citations: Iterable[dict[str, Any]], wanted: Decimal,
                    unit: str) -> tuple[Numeral | None, list[Numeral]]:
    """The quote's numeral that states `wanted`, if any, and every numeral the quotes give."""
    seen: list[Numeral] = []
    for citation in citations:
        for text in _texts(citation):
            for numeral in numerals(text):
                if wanted in values_of(numeral, unit):
                    return numeral, seen
                seen.append(numeral)
    return None, seen


def _date_support(citations: Iterable[dict[str, Any]], wanted: Span,
                  published: dict[str, Span]) -> tuple[str | None, list[str], list[str]]:
    """What supports the date (a quote's words or a publication date); what the quotes and sources give."""
    said: list[str] = []
    dated: list[str] = []
    for citation in citations:
        source_id = citation.get("source")
        when = published.get(source_id) if isinstance(source_id, str) else None
        if when is not None:
            if when.within(wanted):
                return f"the publication date of {source_id!r} ({label(when)})", said, dated
            dated.append(f"{source_id} {label(when)}")
        for text in _texts(citation):
            for span in mentions(text, when):
                if span.within(wanted):
                    return f"«{span.text}» ({label(span)})", said, dated
                said.append(f"«{span.text}» = {label(span)}")
    return None, said, dated


def _cited(claim: Claim) -> list[dict[str, Any]]:
    return [citation for _, citation in claim.citations()]


def quotes_state(value_type: ValueType, value: Any, citations: list[dict[str, Any]],
                 published: dict[str, Span]) -> bool | None:
    """Whether the citations state `value` as E305 and E306 judge it (every number, and the date, found in their
    quotes or publication dates); None for a value the rules do not compare with quotes (text, an id, a list).
    cite.py asks it which claim a new quote supports."""
    if not value_type.quoted:
        return None
    if value_type.is_date:
        span = parse_date(value)
        if span is None or _date_support(citations, span, published)[0] is None:
            return False
    for field in value_type.number_fields:
        number = _number(value, field)
        if number is None or _number_support(citations, number[0], number[1])[0] is None:
            return False
    return True


def _given(numeral: Numeral) -> str:
    """«320억» = 32,000,000,000; a plain «48» is shown as it is."""
    plain = numeral.text.replace(",", "")
    if plain == str(numeral.value):
        return f"«{numeral.text}»"
    return f"«{numeral.text}» = {shown(numeral.value)}"


def _listed(items: list[str]) -> str:
    unique = list(dict.fromkeys(items))
    more = f" and {len(unique) - _SHOWN} more" if len(unique) > _SHOWN else ""
    return ", ".join(unique[:_SHOWN]) + more


_NOT_SUPPORTED_HINT = ("correct the {what} (as precisely as the quote gives it), or quote the words "
                       "that state it; if it is worked out from the quotes, set `derived: true` and explain "
                       "how in `note`")


def _verdict(claim: Claim, derived: bool, found: str | None, what: str,
             unsupported: Callable[[], tuple[tuple[str | int, ...], str, str, str]]) -> Iterator[Diagnostic]:
    """E308 where a derived value is found in the quotes after all; else the rule's error where it is not."""
    if derived and found is not None:
        yield claim.record.diagnostic(
            (*claim.path, "derived"), "E308", "needless-derived", f"the claim is marked derived, but {found}",
            f"remove `derived: true`, and from `note` (both languages) the words saying the {what} was worked out "
            f"(\"Derived, not stated\"...), keeping the rest of the note: the {what} is checked against the quote")
    elif not derived and found is None:
        path, code, rule, message = unsupported()
        yield claim.record.diagnostic(path, code, rule, message, _NOT_SUPPORTED_HINT.format(what=what))


def _check_number(claim: Claim, number_field: str, derived: bool) -> Iterator[Diagnostic]:
    number = _number(claim.data.get("value"), number_field)
    if number is None:
        return
    wanted, unit, field = number
    found, seen = _number_support(_cited(claim), wanted, unit)

    def unsupported() -> tuple[tuple[str | int, ...], str, str, str]:
        given = _listed([_given(n) for n in seen]) if seen else "no number"
        message = f"no quote states {shown(wanted)} {unit}".rstrip() + f"; the quotes give {given}"
        return (*claim.path, *field), "E305", "number-not-in-quote", message

    stated = f"a quote states {shown(wanted)} («{found.text}»)" if found else None
    yield from _verdict(claim, derived, stated, "number", unsupported)


def _check_date(claim: Claim, derived: bool, published: dict[str, Span]) -> Iterator[Diagnostic]:
    wanted = parse_date(claim.data.get("value"))
    if wanted is None:
        return
    found, said, dated = _date_support(_cited(claim), wanted, published)

    def unsupported() -> tuple[tuple[str | int, ...], str, str, str]:
        quotes = f"the quotes mention {_listed(said)}" if said else "the quotes mention no date"
        sources = (f"the sources were published {_listed(dated)}" if dated
                   else "no source has a publication date")
        message = f"neither a quote nor a publication date falls within {label(wanted)}: {quotes}; {sources}"
        return (*claim.path, "value"), "E306", "date-not-supported", message

    stated = f"{found} gives {label(wanted)}" if found else None
    yield from _verdict(claim, derived, stated, "date", unsupported)


@rule(
    Scope.BASE,
    Code("E305", "number-not-in-quote",
         ko="수량·점수 주장의 숫자는 인용문(또는 그 영어 번역)에 어느 한 언어의 표기로 적혀 있어야 한다(3000억, "
            "9경 5700조, 320억개, 32B, 7.8 billion, 6,166,502,400). 인용문이 적은 그대로의 값이어야 하며(‘32B’는 "
            "320억이지 325억이 아니다), 맞지 않으면 주장의 숫자와 인용문의 숫자를 함께 보여 준다.",
         en="The number of a quantity or score claim is written in a quote (or its English rendering) in either "
            "language's convention (3000억, 9경 5700조, 320억개, 32B, 7.8 billion, 6,166,502,400), equal to the "
            "value as the quote gives it ('32B' is 32,000,000,000, not 32,500,000,000); a mismatch shows the "
            "claimed number and the quote's numbers."),
    Code("E306", "date-not-supported",
         ko="날짜 주장은 인용문에 적힌 날짜나 출처의 발행일이 뒷받침해야 한다. ‘14일’, ‘지난달 27일’, ‘지난 8월’, "
            "‘올 3월’, ‘지난해’, ‘내년 상반기’ 같은 상대적 날짜는 출처의 발행일을 기준으로 풀며, 그 날짜가 주장한 "
            "날짜 안에 들어야 한다(‘2021년 12월’은 2021-12를 뒷받침하지만 2021-12-14는 뒷받침하지 않는다).",
         en="A date claim is supported by a date a quote gives or by a source's publication date. Relative dates "
            "('14일', '지난달 27일', '지난 8월', '올 3월', '지난해', '내년 상반기', 'last August') resolve against "
            "the source's publication date, and must fall within the claimed date ('2021년 12월' supports 2021-12, "
            "not 2021-12-14)."),
    Code("E307", "derived-without-note",
         ko="인용문에 적힌 값이 아니라 인용문에서 계산하거나 추론한 값(`derived: true`, 예: 기념일에서 거꾸로 센 "
            "날짜, 목록의 순서에서 읽은 순위)은 어떻게 얻었는지 `note`에 설명해야 한다. 그런 값은 E305·E306 "
            "검사에서 빠진다.",
         en="A value worked out from the quotes rather than written in them (`derived: true`: a day counted back "
            "from an anniversary, a rank read from the order of a list) explains in `note` how it was worked out; "
            "such values are exempt from E305 and E306."),
    Code("E308", "needless-derived",
         ko="인용문이 값을 그대로 적고 있는데 `derived: true`로 표시하면 오류다. 숫자와 날짜가 아닌 주장에도 쓸 수 "
            "없다.",
         en="`derived: true` is an error where a quote does state the value, and on claims other than numbers and "
            "dates."),
)
def check_support(base: FactBase) -> Iterator[Diagnostic]:
    published = publication_spans(base.of_kind("source"))
    for claim in base.claims():
        value_type = claim.value_type
        derived = claim.data.get("derived") is True
        if derived and (value_type is None or not value_type.quoted):
            yield claim.record.diagnostic(
                (*claim.path, "derived"), "E308", "needless-derived",
                f"`derived` applies to numbers and dates; {claim.property!r} values are not compared "
                "with quotes",
                "remove `derived: true`, and from `note` the words saying the value was worked out")
            continue
        if derived and not claim.data.get("note"):
            yield claim.record.diagnostic(
                (*claim.path, "derived"), "E307", "derived-without-note",
                "the value is marked derived but no `note` says how it was worked out",
                "add `note:` (ko and en) explaining how the value follows from the quotes")
        if value_type is None or not any(True for _ in claim.citations()):
            continue  # an undeclared property is E102's, an uncited claim E101's
        if value_type.is_date:
            yield from _check_date(claim, derived, published)
        for field in value_type.number_fields:
            yield from _check_number(claim, field, derived)
