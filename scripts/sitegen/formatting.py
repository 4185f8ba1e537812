"""Claim values and dates as the site shows them: each value type's text, with the interface strings of a
language (the formats themselves are the value types', in factbase)."""

from __future__ import annotations

from functools import partial
from typing import Any

from factbase.value_types import ValueType
from factbase.wording import format_date

from .i18n import translate

__all__ = ["format_date", "format_value"]


def format_value(value_type: ValueType, value: Any, lang: str) -> str:
    """The text of a claim value (ids of other records are linked by the views, not formatted here)."""
    return value_type.text(value, lang, partial(translate, lang))
