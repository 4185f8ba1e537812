"""Every kind of page the site generates, declared once where its view is written: the hooks, paging, links and
navigation loop over the registries below.

A record page is one page per record of a kind (/models/<id>/): its view function carries
`@record_page(kind, folder, template)`. A list page is a list split into pages of at most `size` entries
(/timeline/, /timeline/page-2/, ...; see paging.py): its view carries `@list_page(name, template, length, size,
nav)`. The hooks generate every page of a list, its first page included: the first page's heading is the
interface string `nav.<name>` and its introduction `intro.<name>` (strings.yaml), and a list with `nav` set
stands at that place of the navigation (the configurations list the hand-written pages). So a new list page is
its view (with the declaration), its template, its strings and its test.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factbase.records import Record

    from .sitedata import SiteData
    from .views import Page

RecordView = Callable[["Page", "Record"], dict[str, Any]]
ListView = Callable[["Page", int], dict[str, Any]]


@dataclass(frozen=True)
class RecordPage:
    kind: str  # the record kind (factbase.records.KINDS)
    folder: str  # its pages are <folder>/<id>/
    template: str
    view: RecordView


@dataclass(frozen=True)
class ListPage:
    name: str
    template: str
    view: ListView
    length: Callable[[SiteData], int]  # how many entries the list has
    size: int  # entries a page
    nav: int | None  # its place in the navigation (0 is the home page); None: not in the navigation
    wide: bool = False  # its table needs the width: the page hides the table of contents

    @property
    def folder(self) -> str:
        """The URL of its first page, relative to the language root."""
        return f"{self.name}/"

    @property
    def title(self) -> str:
        return f"nav.{self.name}"

    @property
    def intro(self) -> str:
        return f"intro.{self.name}"


_RECORD_PAGES: dict[str, RecordPage] = {}
_LIST_PAGES: dict[str, ListPage] = {}


@cache
def _declared() -> None:
    """Imports every module of the package once, so that every declaration has run (as factbase.rules finds
    its rules): a new page type needs no line anywhere else."""
    package = __name__.rpartition(".")[0]
    for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
        importlib.import_module(f"{package}.{module.name}")


def record_pages() -> dict[str, RecordPage]:
    """Record kind -> its page type."""
    _declared()
    return _RECORD_PAGES


def list_pages() -> dict[str, ListPage]:
    """List name -> its page type."""
    _declared()
    return _LIST_PAGES


def record_page(kind: str, folder: str, template: str) -> Callable[[RecordView], RecordView]:
    """Declares the decorated view as the page of every record of `kind`."""
    def declare(view: RecordView) -> RecordView:
        if kind in _RECORD_PAGES:
            raise ValueError(f"record kind {kind!r} has two page types")
        _RECORD_PAGES[kind] = RecordPage(kind, folder, template, view)
        return view
    return declare


def list_page(name: str, template: str, length: Callable[[SiteData], int], size: int,
              nav: int | None = None, wide: bool = False) -> Callable[[ListView], ListView]:
    """Declares the decorated view as the list page `name`."""
    def declare(view: ListView) -> ListView:
        if name in _LIST_PAGES:
            raise ValueError(f"list page {name!r} is declared twice")
        _LIST_PAGES[name] = ListPage(name, template, view, length, size, nav, wide)
        return view
    return declare
