"""E109 number-out-of-range: every number in a record is one that every tool reading the data keeps as is.

A spreadsheet keeps 15 significant digits, and JSON readers a double: `0.1234567890123456789`, a 39-digit
amount, `1.0e300` or `1.0e-320` would each be shown or exported as another number ("1e+288T", 0.123457).
Numbers in facts are at most MAX_MAGNITUDE, at least MIN_MAGNITUDE unless zero, and have at most
MAX_DIGITS significant digits.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic

MAX_MAGNITUDE = 10**21  # a zetta-anything; the largest fact holds 7 × 10^17 (FLOP/s)
MIN_MAGNITUDE = Decimal("0.000001")
MAX_DIGITS = 15


def significant_digits(number: int | float) -> int:
    digits = Decimal(repr(number)).normalize().as_tuple().digits
    return len(digits)


def out_of_range(number: int | float) -> str | None:
    """Why `number` cannot be kept as written, or None."""
    if isinstance(number, int) and abs(number) < 10**MAX_DIGITS:
        return None  # the common case (line numbers, counts): at most 15 digits, no fraction
    magnitude = abs(Decimal(repr(number)))
    if magnitude > MAX_MAGNITUDE:
        return "is larger than 10^21"
    if 0 < magnitude < MIN_MAGNITUDE:
        return "is nearer to zero than 0.000001"
    if significant_digits(number) > MAX_DIGITS:
        return f"has more than {MAX_DIGITS} significant digits, more than a spreadsheet or a double keeps"
    return None


@rule(
    Scope.BASE,
    Code("E109", "number-out-of-range",
         ko="숫자는 10^21 이하, 0이 아니면 0.000001 이상, 유효 숫자 15자리 이하여야 한다. 스프레드시트와 JSON이 적힌 "
            "그대로 지니는 숫자만 받는다(1.0e300, 1.0e-320, 39자리 금액, 0.1234567890123456789는 오류).",
         en="A number is at most 10^21, at least 0.000001 unless zero, and has at most 15 significant digits: only "
            "numbers that spreadsheets and JSON keep as written (1.0e300, 1.0e-320, a 39-digit amount, "
            "0.1234567890123456789 are errors)."),
)
def check_magnitudes(base: FactBase) -> Iterator[Diagnostic]:
    for record in base.records:
        for path, number in record.document.numbers():
            why = out_of_range(number)
            if why:
                yield record.diagnostic(path, "E109", "number-out-of-range", f"the number {number!r} {why}",
                                        "write the number as the source gives it, rounded to 15 digits at most "
                                        "(or in a larger unit)")
