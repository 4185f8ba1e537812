"""Every kind of page the site generates, declared once: the hooks, the macros, paging and links loop over it.

A record page is one page per record of a kind (/models/<id>/); a list page is a list split into pages of
at most `size` entries (/timeline/, /timeline/page-2/, ...; see paging.py). Its first page is a hand-written
page in docs/<lang>/ (its introduction, in the nav) that calls `{{ list_page("<name>") }}`; the hooks generate
the later pages only when the list needs them.

Views are named "module.function" within sitegen and looked up when a page is rendered, so that this table
sits below the views (which read folders and page sizes from it) without an import cycle.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RecordPage:
    kind: str  # the record kind (factbase.records.KINDS)
    folder: str  # its pages are <folder>/<id>/
    template: str
    view: str  # function(page: views.Page, record) -> the template's variables


@dataclass(frozen=True)
class ListPage:
    name: str  # what a docs page passes to list_page()
    folder: str  # the URL of its first page, relative to the language root
    template: str
    view: str  # function(page: views.Page, number) -> the template's variables for page `number`
    length: str  # function(data: sitedata.SiteData) -> how many entries the list has
    size: int  # entries a page
    title: str  # interface string (strings.yaml) of its title


RECORD_PAGES = {page.kind: page for page in [
    RecordPage("model", "models", "model.html", "pages.model_page_view"),
    RecordPage("organization", "organizations", "organization.html", "views.organization_view"),
    RecordPage("source", "sources", "source.html", "views.source_view"),
]}

LIST_PAGES = {page.name: page for page in [
    ListPage("timeline", "timeline/", "timeline.html", "timeline.timeline_view", "timeline.timeline_length", 100,
             "nav.timeline"),
    ListPage("models", "models/", "models_table.html", "overview.models_table_view", "overview.models_length", 150,
             "nav.models"),
    ListPage("chart", "parameters/", "parameters.html", "overview.chart_view", "overview.chart_length", 1,
             "nav.parameters"),
    ListPage("organizations", "organizations/", "directory.html", "views.directory_view",
             "views.organizations_length", 150, "nav.organizations"),
    ListPage("sources", "sources/", "sources_index.html", "views.sources_index_view", "views.sources_length", 200,
             "nav.sources"),
    ListPage("disputed", "disputed/", "disputed.html", "views.disputed_view", "views.disputed_length", 40,
             "nav.disputed"),
    ListPage("coverage", "coverage/", "coverage.html", "pages.coverage_page_view", "pages.coverage_length",
             150, "nav.coverage"),
]}


def function(name: str) -> Callable[..., Any]:
    """The function a table entry names ("module.function" within sitegen)."""
    module, _, attribute = name.rpartition(".")
    found: Callable[..., Any] = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
    return found
