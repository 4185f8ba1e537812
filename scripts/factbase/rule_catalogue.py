"""The catalogue of validator rules, as the "How we check" page lists them: code, short name and what each
checks in both languages, in code order, read from the rules' own declarations (factbase/rules/)."""

from __future__ import annotations

import dataclasses
from functools import cache

from .rules import registry


@cache
def rule_catalogue() -> list[dict[str, str]]:
    codes = [code for rule in registry() for code in rule.codes]
    return [dataclasses.asdict(code) for code in sorted(codes, key=lambda code: code.code)]
