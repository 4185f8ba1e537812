"""Renders the page types (page_types.py): the view built in Python, its footnotes assembled, its template.

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
from .history import record_history
from .jsonld import model_jsonld
from .page_types import list_page, list_pages, record_page, record_pages
from .render import render
from .sitedata import SiteData


def render_record_page(context: views.Page, kind: str, record_id: str) -> str:
    entry = record_pages()[kind]
    record = context.data.records[kind][record_id]
    view = {**entry.view(context, record), "history": record_history(context, record)}
    return render(entry.template, context, **views.with_footnotes(context, view))


def render_list_page(context: views.Page, name: str, number: int) -> str:
    entry = list_pages()[name]
    view = entry.view(context, number)
    return render(entry.template, context, **views.with_footnotes(context, view))


def list_lengths(data: SiteData) -> dict[str, int]:
    """How many entries each list has, to know how many pages to generate."""
    return {name: entry.length(data) for name, entry in list_pages().items()}


@record_page("model", "models", "model.html")
def model_page_view(context: views.Page, record: Record) -> dict[str, Any]:
    return {**views.model_view(context, record), "jsonld": model_jsonld(context, record)}


def coverage_length(data: SiteData) -> int:
    report = build_state().coverage  # the report of the build's fact base, `data`
    return max(len(report.sources), len(report.reviews))


@list_page("coverage", "coverage.html", coverage_length, size=150, nav=7)
def coverage_page_view(context: views.Page, number: int) -> dict[str, Any]:
    """The coverage report the build made once (its state's), page `number` of it."""
    return coverage_view(context, build_state().coverage, number)

