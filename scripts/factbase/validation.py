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
from .diagnostics import Diagnostic
from .records import find_fact_files, load_record
from .rules.calendar import check_calendar
from .rules.conflicts import check_conflicts
from .rules.cycles import check_grouping_cycles
from .rules.identity import check_identity
from .rules.magnitudes import check_magnitudes
from .rules.namespace import check_namespace
from .rules.quotes import QuoteCount, check_archive_files, check_quotes
from .rules.references import check_references
from .rules.safety import check_confusable_names
from .rules.support import check_support
from .rules.time import check_time
from .rules.translations import check_english_renderings
from .rules.urls import check_urls
from .schemas import check_schema


@dataclass
class Report:
    base: FactBase
    diagnostics: list[Diagnostic] = field(default_factory=list)
    quotes: QuoteCount = field(default_factory=QuoteCount)
    archive: Archive | None = None

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def display_path(path: Path) -> str:
    """Paths in messages are relative to the working directory where possible (a link is named as itself,
    never by its target)."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()))
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
    with _without_cycle_collection():
        for path in find_fact_files(paths):
            record, found = load_record(path, display_path(path))
            diagnostics.extend(found)
            if record is not None:
                base.records.append(record)
    return base, diagnostics


def validate(paths: list[Path], archive: Archive | None, today: date | None = None,
             require_verified_quotes: bool = False) -> Report:
    with _without_cycle_collection():
        base, diagnostics = load_fact_base(paths)
        report = Report(base, diagnostics, archive=archive)
        for record in base.records:
            report.diagnostics.extend(check_schema(record))
        report.diagnostics.extend(check_calendar(base))
        report.diagnostics.extend(check_magnitudes(base))
        report.diagnostics.extend(check_identity(base))
        report.diagnostics.extend(check_namespace(base))
        report.diagnostics.extend(check_grouping_cycles(base))
        report.diagnostics.extend(check_references(base))
        report.diagnostics.extend(check_confusable_names(base))
        report.diagnostics.extend(check_urls(base))
        report.diagnostics.extend(check_english_renderings(base))
        if archive is not None:
            report.diagnostics.extend(check_archive_files(base, archive))
        report.diagnostics.extend(check_quotes(base, archive, report.quotes, require_verified_quotes))
        report.diagnostics.extend(check_support(base))
        report.diagnostics.extend(check_time(base, today or date.today()))
        report.diagnostics.extend(check_conflicts(base))
        report.diagnostics.sort()
    return report
