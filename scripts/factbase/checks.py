"""How a rule module of factbase/rules/ declares what it checks: its codes (each a stable E### code, a short
name and what it checks in both languages, as the "How we check" page lists them), its scope (what the check
is given, and when it runs) and its check function. factbase/rules/__init__.py collects the declarations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from .diagnostics import Diagnostic

Check = Callable[..., Iterable[Diagnostic]]
C = TypeVar("C", bound=Check)


class Scope(Enum):
    """What a check is given, and when it runs (factbase/validation.py)."""

    LOAD = "load"  # found while a file is read (strict_yaml.py, records.py): declared here, nothing to run
    RECORD = "record"  # check(record), once per record
    BASE = "base"  # check(base), once over the whole fact base
    ARCHIVE = "archive"  # check(base, archive), only when there is an archive to check against
    BASE_OR_ARCHIVE = "base-or-archive"  # check(base, archive or None): always, with the archive when there is one
    TODAY = "today"  # check(base, today): against the date of the run
    CI = "ci"  # check(base, archive or None): only where every quote must be verified (CI=true)


@dataclass(frozen=True)
class Code:
    code: str  # E###, stable
    rule: str  # short name, shown after the code in every diagnostic
    ko: str  # what it checks, in Korean
    en: str  # and in English


@dataclass(frozen=True)
class Rule:
    scope: Scope
    codes: tuple[Code, ...]
    check: Check | None = None  # None only for Scope.LOAD


def rule(scope: Scope, *codes: Code) -> Callable[[C], C]:
    """Declares the function below as the check that reports `codes`; it is left as it is (tests call it)."""

    def declare(check: C) -> C:
        declared: Any = check
        declared.rule = Rule(scope, codes, check)
        return check

    return declare
