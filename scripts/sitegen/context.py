"""The site's view of the fact base for one build: validated, loaded once, shared by hooks and macros."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from factbase.archive import archive_from
from factbase.validation import validate

from .sitedata import ROOT, SiteData, site_data_of
from .views import Page

FACTS_ENV = "FACTS_DIR"  # builds another fact base (tests, benchmarks); default facts/
DEFAULT_REPOSITORY = "https://github.com/korean-ai-facts/korean-ai-facts"

_cache: dict[str, tuple[tuple[float, int], SiteData]] = {}


def _fingerprint(facts: Path) -> tuple[float, int]:
    files = list(facts.rglob("*.yaml"))
    return max((f.stat().st_mtime for f in files), default=0.0), len(files)


class FactsInvalid(Exception):
    pass


def facts_dir() -> Path:
    return Path(os.environ.get(FACTS_ENV) or ROOT / "facts")


def site_data(refresh: bool = False) -> SiteData:
    """The validated fact base, loaded once. With `refresh` (at the start of every build, so that `serve`
    picks up edits) it is loaded again if a fact file changed since. Pages within a build share what the
    build started with: looking at every fact file's time for every page made the build quadratic."""
    facts = facts_dir()
    key = str(facts)
    cached = _cache.get(key)
    if cached and not refresh:
        return cached[1]
    fingerprint = _fingerprint(facts)
    if cached and cached[0] == fingerprint:
        return cached[1]
    report = validate([facts], archive_from(None))
    if report.diagnostics:
        shown = "\n".join(d.format_text() for d in report.diagnostics[:50])
        raise FactsInvalid(f"the fact base has {len(report.diagnostics)} errors; the site is not built:\n{shown}")
    data = site_data_of(report.base)  # the records validation loaded: no second reading of every file
    _cache[key] = (fingerprint, data)
    return data


def page_for(config: Any, page_url: str) -> Page:
    """A Page view context for the page at `page_url` (relative to the language root)."""
    depth = page_url.count("/")
    return Page(
        data=site_data(),
        lang=config["extra"]["lang"],
        root="../" * depth,
        url=page_url,
        repository=config["extra"].get("repository") or DEFAULT_REPOSITORY,
    )
