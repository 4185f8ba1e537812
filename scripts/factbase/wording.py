"""Numbers and dates as each language writes them: 3000억 개 / 300B, 2022년 3월 / March 2022.

Pure functions of a value and a language (`ko`, `en`): the value types (value_types.py) and the site use them."""

from __future__ import annotations

from typing import Any

_KO_GROUPS = [(10**16, "경"), (10**12, "조"), (10**8, "억"), (10**4, "만")]
_EN_SCALES = [(10**12, "trillion", "T"), (10**9, "billion", "B"), (10**6, "million", "M")]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]

# unit -> (Korean pattern, English pattern); {n} is the number in that language's convention.
_UNITS = {
    "parameters": ("{n} 개", "{n} parameters"),
    "tokens": ("{n} 토큰", "{n} tokens"),
    "images": ("이미지 {n} 개", "{n} images"),
    "corpus-items": ("말뭉치 {n} 개", "{n} corpus items"),
    "words": ("{n} 단어", "{n} words"),
    "KRW": ("{n}원", "KRW {n}"),
    "USD": ("{n} 달러", "USD {n}"),
    "FLOP/s": ("초당 {n} 번 연산", "{n} FLOP/s"),
    "GPUs": ("GPU {n} 개", "{n} GPUs"),
    "nodes": ("노드 {n} 개", "{n} nodes"),
    "servers": ("서버 {n} 대", "{n} servers"),
    "people": ("{n} 명", "{n} people"),
    "papers": ("논문 {n} 편", "{n} papers"),
    "patents": ("특허 {n} 건", "{n} patents"),
    "downloads": ("{n} 회", "{n} downloads"),
    "percent": ("{n}%", "{n}%"),
    "months": ("{n} 개월", "{n} months"),
    "years": ("{n} 년", "{n} years"),
    "days": ("{n} 일", "{n} days"),
    "minutes": ("{n} 분", "{n} minutes"),
    "weeks": ("{n} 주", "{n} weeks"),
    "models": ("모델 {n} 개", "{n} models"),
    "organizations": ("{n} 개 기관", "{n} organisations"),
    "layers": ("{n} 개 층", "{n} layers"),
    "times": ("{n} 배", "{n} times"),
    "languages": ("{n} 개 언어", "{n} languages"),
    "exams": ("시험 {n} 개", "{n} exams"),
    "points": ("{n} 점", "{n} points"),
}
_QUALIFIERS = {
    "approximately": ("약 {q}", "about {q}"),
    "at-least": ("{q} 이상", "at least {q}"),
    "more-than": ("{q} 초과", "more than {q}"),
    "up-to": ("최대 {q}", "up to {q}"),
    "less-than": ("{q} 미만", "less than {q}"),
}


def _plain(amount: float) -> str:
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,}"


def korean_number(amount: float) -> str:
    """9경 5700조, 3000억, 61억 6650만 2400; numbers under 1억 or fractional ones as digits (32,768)."""
    if not float(amount).is_integer() or amount < 10**8:
        return _plain(amount)
    rest, parts = int(amount), []
    for size, name in _KO_GROUPS:
        if rest >= size:
            parts.append(f"{rest // size}{name}")
            rest %= size
    if rest:
        parts.append(str(rest))
    return " ".join(parts)


def english_number(amount: float, short: bool) -> str:
    """300B (short, for parameter counts) or 100 million; digits where a scale would round."""
    for size, word, letter in _EN_SCALES:
        scaled = amount / size
        if scaled >= 1 and round(scaled, 2) == scaled:
            number = f"{scaled:g}"
            return f"{number}{letter}" if short else f"{number} {word}"
    return _plain(amount)


def format_quantity(quantity: dict[str, Any], lang: str) -> str:
    amount, unit = quantity["amount"], quantity["unit"]
    if lang == "ko":
        number = korean_number(amount)
    else:
        number = english_number(amount, short=unit in ("parameters", "tokens"))
        if unit == "FLOP/s" and amount >= 10**15:
            return _qualify(f"{amount / 10**15:g} PFLOPS", quantity, lang)
    text = _UNITS[unit][0 if lang == "ko" else 1].format(n=number)
    return _qualify(text, quantity, lang)


def _qualify(text: str, quantity: dict[str, Any], lang: str) -> str:
    qualifier = quantity.get("qualifier", "exact")
    if qualifier == "exact":
        return text
    return _QUALIFIERS[qualifier][0 if lang == "ko" else 1].format(q=text)


_PERIODS = {"H1": ("상반기", "first half of"), "H2": ("하반기", "second half of"), "Q1": ("1분기", "Q1"),
            "Q2": ("2분기", "Q2"), "Q3": ("3분기", "Q3"), "Q4": ("4분기", "Q4")}


def format_date(date: str, lang: str) -> str:
    """A date shown at its own precision: 2021 / 2022-03 / 2021-12-14 never gains a day it did not have."""
    year, _, rest = date.partition("-")
    if rest in _PERIODS:
        korean, english = _PERIODS[rest]
        return f"{year}년 {korean}" if lang == "ko" else f"{english} {year}"
    parts = [int(part) for part in date.split("-")]
    if lang == "ko":
        return " ".join(f"{value}{unit}" for value, unit in zip(parts, ("년", "월", "일"), strict=False))
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def format_score(score: dict[str, Any], lang: str) -> str:
    unit = score["unit"]
    number = f"{score['score']:g}"
    if unit == "percent":
        value = f"{number}%"
    elif unit == "rank":
        value = f"{number}위" if lang == "ko" else f"#{number}"
    elif unit == "months":
        value = f"{number} 개월" if lang == "ko" else f"{number} months"
    else:
        value = f"{number}점" if lang == "ko" else f"{number} points"
    setting = f" ({score['setting']})" if score.get("setting") else ""
    return f"{score['benchmark']}{setting}: {value}"
