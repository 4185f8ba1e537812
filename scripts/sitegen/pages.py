"""The page of one model, organisation or source: its view built in Python, rendered by its template.

The hooks put the result straight into the generated page (which mkdocs-macros is told to leave alone:
`render_macros: false`), so record pages are never compiled as Jinja templates: that compile, once per
page, cost more than a tenth of the build with thousands of records. The HTML is not rendered again, so
Jinja syntax inside fact text is shown, not run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import views
from .context import BuildState, build_state
from .coverage import coverage_view
from .jsonld import model_jsonld
from .render import render


def model_page(context: views.Page, record_id: str) -> str:
    record = context.data.records["model"][record_id]
    view = views.with_footnotes(context, views.model_view(context, record))
    summary_groups = view.pop("summary")
    meta_links = view.pop("meta")
    return render("model.html", context, summary_groups=summary_groups, meta_links=meta_links,
                  jsonld=model_jsonld(context, record), **view)


def organization_page(context: views.Page, record_id: str) -> str:
    record = context.data.records["organization"][record_id]
    view = views.with_footnotes(context, views.organization_view(context, record))
    return render("organization.html", context, summary_groups=view.pop("summary"),
                  meta_links=view.pop("meta"), **view)


def source_page(context: views.Page, record_id: str) -> str:
    view = views.source_view(context, context.data.records["source"][record_id])
    return render("source.html", context, meta_links=view.pop("meta"), **view)


# record kind -> its page
RECORD_PAGES: dict[str, Callable[[views.Page, str], str]] = {
    "model": model_page, "organization": organization_page, "source": source_page,
}


def _list_page(template: str, view: Callable[[views.Page, int], dict[str, Any]]) -> Callable[[views.Page, int], str]:
    def page(context: views.Page, number: int) -> str:
        return render(template, context, **views.with_footnotes(context, view(context, number)))
    return page


# list name (paging.LISTS) -> page `number` of it
LIST_PAGES: dict[str, Callable[[views.Page, int], str]] = {
    "timeline": _list_page("timeline.html", views.timeline_view),
    "models": _list_page("models_index.html", views.models_index_view),
    "organizations": _list_page("directory.html", views.directory_view),
    "sources": _list_page("sources_index.html", views.sources_index_view),
    "disputed": _list_page("disputed.html", views.disputed_view),
    "coverage": _list_page("coverage.html", lambda context, number: coverage_view(context, build_state().coverage,
                                                                                  number)),
}


def list_lengths(state: BuildState) -> dict[str, int]:
    """How many entries each list has, to know how many pages to generate."""
    data, report = state.data, state.coverage
    return {
        "timeline": views.timeline_length(data),
        "models": len(views.top_models(data)),
        "organizations": len(data.records["organization"]),
        "sources": len(data.records["source"]),
        "disputed": len(views.disputed_subjects(data)),
        "coverage": max(len(report.sources), len(report.reviews)),
    }
