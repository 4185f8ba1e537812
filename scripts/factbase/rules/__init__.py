"""The validator's rules. Each module here holds one small rule family and declares it (factbase/checks.py):
a check function decorated with `@rule(scope, *codes)`, or, for codes the loader finds, a module-level `Rule`.
`registry()` finds every declaration by importing every module of this package: a new rule is a new module
(and its test), listed nowhere else. validation.py runs the registry; the "How we check" page lists it."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType
from typing import Any

from ..checks import Rule


def declared_in(module: ModuleType) -> list[Rule]:
    """The rules a module declares: its decorated check functions and its module-level `Rule`s."""
    found = []
    for value in vars(module).values():
        if isinstance(value, Rule):
            found.append(value)
        elif callable(value) and getattr(value, "__module__", None) == module.__name__:
            declared: Any = getattr(value, "rule", None)
            if isinstance(declared, Rule):
                found.append(declared)
    return found


@cache
def registry() -> tuple[Rule, ...]:
    """Every declared rule, in module order; a code declared twice is a programming error."""
    rules = [declared for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
             for declared in declared_in(importlib.import_module(f"{__name__}.{info.name}"))]
    codes = [code.code for declared in rules for code in declared.codes]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise ValueError(f"codes declared twice in factbase/rules/: {', '.join(twice)}")
    return tuple(rules)
