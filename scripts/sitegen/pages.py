"""Renders the pages of page_types.py: the entry's view built in Python, its footnotes assembled, its template.

The hooks put a record page straight into the generated page (which mkdocs-macros is told to leave alone:
`render_macros: false`), so record pages are never compiled as Jinja templates: that compile, once per
page, cost more than a tenth of the build with thousands of records. The HTML is not rendered again, so
Jinja syntax inside fact text is shown, not run.
"""

from __future__ import annotations

from typing import Any

from factbase.records import Record

from . import views
from .context import build_state
from .coverage import coverage_view
from .jsonld import model_jsonld
from .overview import lineage_view
from .page_types import LIST_PAGES, RECORD_PAGES, function
from .render import render
from .sitedata import SiteData


def record_page(context: views.Page, kind: str, record_id: str) -> str:
    entry = RECORD_PAGES[kind]
    view = function(entry.view)(context, context.data.records[kind][record_id])
    return render(entry.template, context, **views.with_footnotes(context, view))


def list_page(context: views.Page, name: str, number: int) -> str:
    entry = LIST_PAGES[name]
    view = function(entry.view)(context, number)
    return render(entry.template, context, **views.with_footnotes(context, view))


def list_lengths(data: SiteData) -> dict[str, int]:
    """How many entries each list has, to know how many pages to generate."""
    return {name: function(entry.length)(data) for name, entry in LIST_PAGES.items()}


def model_page_view(context: views.Page, record: Record) -> dict[str, Any]:
    return {**views.model_view(context, record), "jsonld": model_jsonld(context, record),
            "lineage": lineage_view(context, record)}


def coverage_page_view(context: views.Page, number: int) -> dict[str, Any]:
    """The coverage report the build made once (its state's), page `number` of it."""
    return coverage_view(context, build_state().coverage, number)


def coverage_length(data: SiteData) -> int:
    report = build_state().coverage  # the report of the build's fact base, `data`
    return max(len(report.sources), len(report.reviews))
