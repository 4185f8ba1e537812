"""Numbers as quotes write them, in Korean and English conventions: 3000억, 3,000억 개, 9경 5700조, 2억5000만,
1억 달러, 300B, 7.8 billion, $1.2bn, 596M, 8T, 32K, 700PF, 95.7 PFLOPS, 6,166,502,400, 56%, five.

`numerals(text)` finds each number once, as a `Numeral`: the words it was read from and its value as an exact
`Decimal` (so 7.8 billion is 7800000000, not 7799999999.999999). A number written with a scale (320억,
32B, 7.8 billion) counts only at that scale: "32B" is 32000000000, never 32.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"

# Korean: 만 억 조 경 (10^4, 10^8, 10^12, 10^16), with 십 백 천 inside a group: 2억5000만, 5천만, 9경 5700조.
_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_LARGE = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
_KO_PART = rf"(?:{_DIGITS})\s?[십백천]?[만억조경]|(?:{_DIGITS})\s?[십백천]"
_KO_NUMBER = re.compile(rf"(?<![\d.,])(?:{_KO_PART})(?:\s?(?:{_KO_PART}))*")
_KO_PART_RE = re.compile(rf"({_DIGITS})\s?([십백천]?)([만억조경]?)")

# English: scale words, SI suffixes (32B, 596M, 8T, 32K) and FLOP/s prefixes (700PF, 95.7 PFLOPS).
_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                "quadrillion": 10**15, "mn": 10**6, "bn": 10**9}
_SUFFIXES = {"k": 10**3, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
_FLOPS_PREFIXES = {"k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18}
_EN_NUMBER = re.compile(
    rf"(?<![\d.,])(?P<digits>{_DIGITS})(?:"
    rf"\s?(?P<prefix>[kKMGTPE])(?:FLOPS|FLOP/s|F)(?![A-Za-z])"
    rf"|\s?(?P<word>(?i:{'|'.join(_SCALE_WORDS)}))(?![A-Za-z])"
    rf"|(?P<suffix>[kKMBT])(?![A-Za-z])"
    rf")?"
)
_CARDINALS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
              "twenty")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_WORDS = {word: index for index, word in enumerate(_CARDINALS)}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100})
_WORDS.update({word: index + 1 for index, word in enumerate(_ORDINALS)})
_WORD_NUMBER = re.compile(rf"\b({'|'.join(_WORDS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Numeral:
    text: str  # as written in the quote
    value: Decimal
    binary_k: bool = False  # written with a K suffix: 32K tokens may also mean 32 x 1024


def _decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None


def _korean(match: re.Match[str]) -> list[Numeral]:
    """One or more numbers: parts in falling order of their large unit make one number (9경 5700조)."""
    found: list[Numeral] = []
    total, start, last_unit = Decimal(0), match.start(), 10**20
    for part in _KO_PART_RE.finditer(match.group()):
        value = _decimal(part.group(1))
        if value is None:
            continue
        large = _KO_LARGE.get(part.group(3), 1)
        if large >= last_unit and total:  # not falling: a new number begins (1억 2억)
            found.append(Numeral(match.string[start:match.start() + part.start()].strip(), total))
            total, start = Decimal(0), match.start() + part.start()
        total += value * _KO_SMALL.get(part.group(2), 1) * large
        last_unit = large if large > 1 else last_unit
    found.append(Numeral(match.string[start:match.end()].strip(), total))
    return found


def _english(match: re.Match[str]) -> Numeral | None:
    value = _decimal(match.group("digits"))
    if value is None:
        return None
    if match.group("prefix"):
        return Numeral(match.group(), value * _FLOPS_PREFIXES[match.group("prefix")])
    if match.group("word"):
        return Numeral(match.group(), value * _SCALE_WORDS[match.group("word").lower()])
    if match.group("suffix"):
        suffix = match.group("suffix")
        return Numeral(match.group(), value * _SUFFIXES[suffix], binary_k=suffix in "kK")
    return Numeral(match.group(), value)


# Dates written with dots, dashes or slashes (2024.12.09) are dates, not the numbers 2024.12 and 9.
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{4}\s?([.\-/])\s?\d{1,2}\s?\1\s?\d{1,2}(?!\.?\d)")


@lru_cache(maxsize=65536)
def numerals(text: str) -> tuple[Numeral, ...]:
    """Every number written in `text`, each read once, in the order they appear (dates left out)."""
    found: list[tuple[int, Numeral]] = []
    text = _DOTTED_DATE.sub(lambda match: " " * len(match.group()), text)
    taken = [False] * len(text)
    for match in _KO_NUMBER.finditer(text):
        found.extend((match.start(), numeral) for numeral in _korean(match))
        taken[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _EN_NUMBER.finditer(text):
        if taken[match.start()]:
            continue
        numeral = _english(match)
        if numeral is not None:
            found.append((match.start(), numeral))
    for match in _WORD_NUMBER.finditer(text):
        found.append((match.start(), Numeral(match.group(), Decimal(_WORDS[match.group().lower()]))))
    return tuple(numeral for _, numeral in sorted(found, key=lambda item: item[0]))


def values_of(numeral: Numeral, unit: str) -> tuple[Decimal, ...]:
    """The values a numeral may stand for in `unit`: 32K tokens is 32000 or 32768 (32 x 1024)."""
    if numeral.binary_k and unit == "tokens":
        return numeral.value, numeral.value / 1000 * 1024
    return (numeral.value,)


def as_decimal(number: int | float) -> Decimal:
    """A YAML number as the decimal it was written as (8.51 stays 8.51)."""
    return Decimal(str(number)) if isinstance(number, float) else Decimal(number)


def shown(value: Decimal) -> str:
    """A number for a message: digits grouped, no exponent (32,500,000,000; 8.51)."""
    normal = value.normalize()
    if not normal.is_finite():
        return str(normal)
    if normal == normal.to_integral_value():
        return f"{int(normal):,}"
    return f"{normal:,f}"
