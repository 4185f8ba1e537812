"""Runs every check over a set of fact files and collects the diagnostics."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .archive import Archive
from .base import FactBase
from .checks import Rule, Scope
from .diagnostics import Diagnostic
from .records import find_fact_files, load_record
from .rules import registry
from .rules.quotes import QuoteCount, quote_count


@dataclass
class Report:
    base: FactBase
    diagnostics: list[Diagnostic] = field(default_factory=list)
    quotes: QuoteCount = field(default_factory=QuoteCount)
    archive: Archive | None = None

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def display_path(path: Path, working_directory: Path | None = None) -> str:
    """Paths in messages are relative to the working directory where possible (a link is named as itself,
    never by its target). `working_directory`: Path.cwd().resolve(), when the caller names many paths."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(working_directory or Path.cwd().resolve()))
    except ValueError:
        return str(path)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Loading builds only acyclic values (mappings, lists, strings, positions): the cycle collector finds
    nothing to free, but its passes over an ever larger heap took a fifth of the time of loading, and made
    the checks after it slower the more records there were. Whatever cycles the checks leave are freed by
    the collector's next pass, after validation."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_fact_base(paths: list[Path]) -> tuple[FactBase, list[Diagnostic]]:
    base, diagnostics = FactBase(), []
    working_directory = Path.cwd().resolve()
    with _without_cycle_collection():
        for path in find_fact_files(paths):
            record, found = load_record(path, display_path(path, working_directory))
            diagnostics.extend(found)
            if record is not None:
                base.records.append(record)
    return base, diagnostics


def run(rule: Rule, base: FactBase, archive: Archive | None, today: date,
        require_verified_quotes: bool = False) -> Iterator[Diagnostic]:
    """One declared rule's diagnostics: its check, given what its scope says (factbase/checks.py)."""
    if rule.check is None or (rule.scope is Scope.ARCHIVE and archive is None) or \
            (rule.scope is Scope.CI and not require_verified_quotes):
        return
    if rule.scope is Scope.RECORD:
        for record in base.records:
            yield from rule.check(record)
    elif rule.scope is Scope.BASE:
        yield from rule.check(base)
    elif rule.scope in (Scope.ARCHIVE, Scope.BASE_OR_ARCHIVE, Scope.CI):
        yield from rule.check(base, archive)
    elif rule.scope is Scope.TODAY:
        yield from rule.check(base, today)


def check(base: FactBase, archive: Archive | None, diagnostics: list[Diagnostic], today: date | None = None,
          require_verified_quotes: bool = False) -> Report:
    """Runs every rule factbase/rules/ declares over a loaded fact base (`diagnostics`: what loading found);
    with `require_verified_quotes` (CI), the rules that make an unverifiable quote an error too."""
    report = Report(base, list(diagnostics), archive=archive)
    for rule in registry():
        report.diagnostics.extend(run(rule, base, archive, today or date.today(), require_verified_quotes))
    report.diagnostics.sort()
    report.quotes = quote_count(base, archive, report.diagnostics)
    return report


def validate(paths: list[Path], archive: Archive | None, today: date | None = None,
             require_verified_quotes: bool = False) -> Report:
    """Loads the fact base and runs every rule factbase/rules/ declares."""
    with _without_cycle_collection():
        base, diagnostics = load_fact_base(paths)
        return check(base, archive, diagnostics, today, require_verified_quotes)
