"""The catalogue of validator rules (rules.yaml): code, name and what each checks, in both languages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .strict_yaml import load_yaml

CATALOGUE = Path(__file__).with_name("rules.yaml")


@cache
def rule_catalogue() -> list[dict[str, str]]:
    document, diagnostics = load_yaml(CATALOGUE.read_bytes(), str(CATALOGUE))
    if document is None or diagnostics:
        raise ValueError("\n".join(d.format_text() for d in diagnostics))
    rules: list[dict[str, str]] = document.data
    return rules
