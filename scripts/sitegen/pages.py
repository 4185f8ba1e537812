"""The page of one model, organisation or source: its view built in Python, rendered by its template.

The hooks put the result straight into the generated page (which mkdocs-macros is told to leave alone:
`render_macros: false`), so record pages are never compiled as Jinja templates: that compile, once per
page, cost more than a tenth of the build with thousands of records. The HTML is not rendered again, so
Jinja syntax inside fact text is shown, not run.
"""

from __future__ import annotations

from collections.abc import Callable

from . import views
from .jsonld import model_jsonld
from .render import render


def model_page(context: views.Page, record_id: str) -> str:
    record = context.data.records["model"][record_id]
    view = views.model_view(context, record)
    summary_groups = view.pop("summary")
    meta_links = view.pop("meta")
    return render("model.html", context, summary_groups=summary_groups, meta_links=meta_links,
                  jsonld=model_jsonld(context, record), **view)


def organization_page(context: views.Page, record_id: str) -> str:
    view = views.organization_view(context, context.data.records["organization"][record_id])
    return render("organization.html", context, summary_groups=view.pop("summary"),
                  meta_links=view.pop("meta"), **view)


def source_page(context: views.Page, record_id: str) -> str:
    view = views.source_view(context, context.data.records["source"][record_id])
    return render("source.html", context, meta_links=view.pop("meta"), **view)


# record kind -> its page
RECORD_PAGES: dict[str, Callable[[views.Page, str], str]] = {
    "model": model_page, "organization": organization_page, "source": source_page,
}
