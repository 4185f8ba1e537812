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

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from ..base import FactBase
from ..diagnostics import Diagnostic
from ..records import Claim
from .dates import Span, label, mentions, parse_date, publication_spans
from .numerals import Numeral, as_decimal, numerals, shown, values_of

_SHOWN = 8  # numbers or dates listed in a message at most


def _texts(citation: dict[str, Any]) -> Iterator[str]:
    for field in ("quote", "quote_en"):
        if isinstance(citation.get(field), str):
            yield citation[field]


def _number(claim: Claim, field: str) -> tuple[Decimal, str, tuple[str, ...]] | None:
    """The claimed number (the value's `field`), its unit, and where it stands in the claim; None if malformed
    (schema errors)."""
    value = claim.data.get("value")
    number = value.get(field) if isinstance(value, dict) else None
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    unit = value.get("unit") if isinstance(value, dict) else None
    return as_decimal(number), unit if isinstance(unit, str) else "", ("value", field)


def _number_support(claim: Claim, wanted: Decimal, unit: str) -> tuple[Numeral | None, list[Numeral]]:
    """The quote's numeral that states `wanted`, if any, and every numeral the quotes give."""
    seen: list[Numeral] = []
    for _, citation in claim.citations():
        for text in _texts(citation):
            for numeral in numerals(text):
                if wanted in values_of(numeral, unit):
                    return numeral, seen
                seen.append(numeral)
    return None, seen


def _date_support(claim: Claim, wanted: Span,
                  published: dict[str, Span]) -> tuple[str | None, list[str], list[str]]:
    """What supports the date (a quote's words or a publication date); what the quotes and sources give."""
    said: list[str] = []
    dated: list[str] = []
    for _, citation in claim.citations():
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
            f"remove `derived: true`: the {what} is checked against the quote")
    elif not derived and found is None:
        path, code, rule, message = unsupported()
        yield claim.record.diagnostic(path, code, rule, message, _NOT_SUPPORTED_HINT.format(what=what))


def _check_number(claim: Claim, number_field: str, derived: bool) -> Iterator[Diagnostic]:
    number = _number(claim, number_field)
    if number is None:
        return
    wanted, unit, field = number
    found, seen = _number_support(claim, wanted, unit)

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
    found, said, dated = _date_support(claim, wanted, published)

    def unsupported() -> tuple[tuple[str | int, ...], str, str, str]:
        quotes = f"the quotes mention {_listed(said)}" if said else "the quotes mention no date"
        sources = (f"the sources were published {_listed(dated)}" if dated
                   else "no source has a publication date")
        message = f"neither a quote nor a publication date falls within {label(wanted)}: {quotes}; {sources}"
        return (*claim.path, "value"), "E306", "date-not-supported", message

    stated = f"{found} gives {label(wanted)}" if found else None
    yield from _verdict(claim, derived, stated, "date", unsupported)


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
                "remove `derived: true`")
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
