"""The state of one build: the fact base validated and loaded once, and what the build makes from it once,
shared by hooks and macros through `build_state()`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from factbase.archive import Archive, archive_from
from factbase.coverage import Coverage, coverage
from factbase.validation import validate

from .changes import History, read_history
from .sitedata import ROOT, SiteData, site_data_of
from .views import Page

FACTS_ENV = "FACTS_DIR"  # builds another fact base (tests, benchmarks); default facts/
DEFAULT_REPOSITORY = "https://github.com/korean-ai-facts/korean-ai-facts"


@dataclass
class BuildState:
    """What a build computes once; both language builds in one process share it while the facts are unchanged."""

    facts: Path
    fingerprint: tuple[float, int]
    data: SiteData
    # every page of the lists: generated file -> (page_types.list_pages() name, page number, pages)
    list_page_files: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    # facts.json and claims.csv, made once for both languages
    downloads: tuple[str, str] | None = None

    @cached_property
    def archive(self) -> Archive | None:
        """The site's archive of source copies (factbase/archive.py finds it), if there is one."""
        return archive_from(None)

    @cached_property
    def coverage(self) -> Coverage:
        """The coverage report against the site's archive (its pages and the hooks ask)."""
        return coverage(self.data.base, self.archive)

    @cached_property
    def history(self) -> History:
        """What changed in the facts, claim by claim, from their git history (the changes page and feeds)."""
        return read_history(self.facts)


_state: list[BuildState] = []  # the current build's state: at most one


def _fingerprint(facts: Path) -> tuple[float, int]:
    files = list(facts.rglob("*.yaml"))
    return max((f.stat().st_mtime for f in files), default=0.0), len(files)


class FactsInvalid(Exception):
    pass


def facts_dir() -> Path:
    return Path(os.environ.get(FACTS_ENV) or ROOT / "facts")


def build_state(refresh: bool = False) -> BuildState:
    """The build's state, its fact base validated once. With `refresh` (at the start of every build, so that
    `serve` picks up edits) the facts are loaded again, in a new state, if a fact file changed since. Pages
    within a build share what the build started with: looking at every fact file's time for every page made
    the build quadratic."""
    facts = facts_dir()
    current = _state[0] if _state and _state[0].facts == facts else None
    if current and not refresh:
        return current
    fingerprint = _fingerprint(facts)
    if current and current.fingerprint == fingerprint:
        return current
    report = validate([facts], archive_from(None))
    if report.diagnostics:
        shown = "\n".join(d.format_text() for d in report.diagnostics[:50])
        raise FactsInvalid(f"the fact base has {len(report.diagnostics)} errors; the site is not built:\n{shown}")
    # the records validation loaded: no second reading of every file
    _state[:] = [BuildState(facts, fingerprint, site_data_of(report.base))]
    return _state[0]


def page_for(config: Any, page_url: str) -> Page:
    """A Page view context for the page at `page_url` (relative to the language root)."""
    depth = page_url.count("/")
    return Page(
        data=build_state().data,
        lang=config["extra"]["lang"],
        root="../" * depth,
        url=page_url,
        repository=config["extra"].get("repository") or DEFAULT_REPOSITORY,
        site_url=config["site_url"] or "",
        archive=build_state().archive,
    )
