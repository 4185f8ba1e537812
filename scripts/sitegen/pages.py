"""Renders the page types (page_types.py): the view built in Python, its footnotes assembled, its template.

The hooks put a record page straight into the generated page (which mkdocs-macros is told to leave alone:
`render_macros: false`), so record pages are never compiled as Jinja templates: that compile, once per
page, cost more than a tenth of the build with thousands of records. The HTML is not rendered again, so
Jinja syntax inside fact text is shown, not run.
"""

from __future__ import annotations

import re
from typing import Any

from factbase.records import Record
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from . import views
from .context import build_state
from .coverage import coverage_view
from .footnotes import with_footnotes
from .history import record_history
from .jsonld import model_jsonld
from .overview import lineage_view
from .page_types import list_page, list_pages, record_page, record_pages
from .render import render
from .sitedata import SiteData


def render_record_page(context: views.Page, kind: str, record_id: str) -> str:
    entry = record_pages()[kind]
    record = context.data.records[kind][record_id]
    view = {**entry.view(context, record), "history": record_history(context, record)}
    return render(entry.template, context, **with_footnotes(context, view))


def render_list_page(context: views.Page, name: str, number: int) -> str:
    entry = list_pages()[name]
    view = entry.view(context, number)
    return render(entry.template, context, **with_footnotes(context, view))


def list_lengths(data: SiteData) -> dict[str, int]:
    """How many entries each list has, to know how many pages to generate."""
    return {name: entry.length(data) for name, entry in list_pages().items()}


@record_page("model", "models", "model.html")
def model_page_view(context: views.Page, record: Record) -> dict[str, Any]:
    return {**views.model_view(context, record), "jsonld": model_jsonld(context, record),
            "lineage": lineage_view(context, record)}


def coverage_length(data: SiteData) -> int:
    report = build_state().coverage  # the report of the build's fact base, `data`
    return max(len(report.sources), len(report.reviews))


@list_page("coverage", "coverage.html", coverage_length, size=150, nav=8)
def coverage_page_view(context: views.Page, number: int) -> dict[str, Any]:
    """The coverage report the build made once (its state's), page `number` of it."""
    return coverage_view(context, build_state().coverage, number)


# A heading with an id, as the templates and Markdown write it: <h2 id="claims">Claims</h2>
_HEADING = re.compile(r'<h([23])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def toc_of(html: str) -> TableOfContents:
    """The table of contents of a page's HTML: its h2 headings, each with its h3s. Material builds the table
    from the Markdown's headings, and Markdown never sees a generated page's HTML (hooks.on_page_context)."""
    tokens: list[Any] = []
    for level, anchor, inner in _HEADING.findall(html):
        title = _TAG.sub("", _HEADERLINK.sub("", inner)).strip()
        token = {"level": int(level), "id": anchor, "name": title, "children": []}
        if level == "3" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return get_toc(tokens)


def with_generated_headings(toc: TableOfContents, html: str) -> TableOfContents:
    """The page's table of contents, rebuilt from its HTML where the HTML has headings that Markdown's table
    lacks (those of a generated page, or of a list a macro put on a hand-written page)."""

    def ids(links: list[AnchorLink]) -> set[str]:
        return {link.id for link in links} | {found for link in links for found in ids(link.children)}

    generated = toc_of(html)
    return generated if ids(list(generated)) - ids(list(toc)) else toc
