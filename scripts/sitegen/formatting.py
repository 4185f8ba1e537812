"""Claim values and dates as the site shows them: each value type's text, with the interface strings of a
language (the formats themselves are the value types', in factbase)."""

from __future__ import annotations

from functools import partial
from typing import Any

from factbase.value_types import ValueType
from factbase.wording import format_date

from .i18n import translate

__all__ = ["format_date", "format_value", "html_datetime"]


def format_value(value_type: ValueType, value: Any, lang: str) -> str:
    """The text of a claim value (ids of other records are linked by the views, not formatted here)."""
    return value_type.text(value, lang, partial(translate, lang))


def html_datetime(date: str) -> str | None:
    """The value of <time datetime>: a year, a year and month, or a day; None for a half or a quarter
    ("2022-H1"), which HTML's time element has no syntax for (the W3C checker rejects it)."""
    return None if "H" in date or "Q" in date else date
