"""A page's footnotes: one per source, listing the quotes the page cites from it, each quote with links back
to the claims it supports. Made in one pass over the page's cited values (`with_footnotes`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .formatting import format_date

if TYPE_CHECKING:  # views imports this module: the name is for annotations only
    from .views import Page

# A quote that is markup or code, not prose: a Markdown table row, an HTML tag, or a line of code (an
# assignment `model = ...`, a BibTeX field `title={...},`). Shown as code, so that its markup stays visible
# and reads as what it is.
_MARKUP = (
    re.compile(r"^\s*\|"),  # | MT-Bench | **9.01** |
    re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"),  # <td align="center">33.0</td>
    re.compile(r"^\s*[A-Za-z_][\w.]*\s*=\s*\S"),  # model = AutoModelForCausalLM.from_pretrained(
)


def quote_is_code(quote: str) -> bool:
    return any(pattern.search(quote) for pattern in _MARKUP)


def _source_note(page: Page, number: int, source_id: str) -> dict[str, Any]:
    source = page.data.records["source"].get(source_id)
    return {
        "number": number,
        "source": page.link(source_id),
        "publisher": source.data.get("publisher", {}).get(page.lang) if source else None,
        "date": format_date(source.data["published"]["date"], page.lang) if source else None,
        "language": source.data.get("language") if source else None,
        "quotes": [],
    }


def _table_header(page: Page, source_id: str, line: int | None) -> list[str] | None:
    """The column headings of the table a quoted row stands in, read from the archived copy (if the site
    has the archive), so that `| 6,166,502,400 |` is read under `Hyperparameter | Value`."""
    source = page.data.records["source"].get(source_id)
    archived = page.archive.get(source.data["archive"]["file"]) if page.archive and source and line else None
    return archived.table_header(line) if archived and line else None


def _quote(page: Page, citation: dict[str, Any]) -> dict[str, Any]:
    code = quote_is_code(citation["quote"])
    return {
        "quote": citation["quote"],
        "code": code,
        "columns": _table_header(page, citation["source"], citation.get("line")) if code else None,
        "quote_en": citation.get("quote_en"),
        "line": citation.get("line"),
        "section": citation.get("section"),
        "backlinks": [],  # {"href", "label"}: each claim on the page that cites the quote
    }


def with_footnotes(page: Page, view: dict[str, Any]) -> dict[str, Any]:
    """The page's view with its footnotes, made in one pass over `cited` (the footnoted values, in the order
    the page shows them). Sources are numbered by first appearance; a value's `cites` are the numbers of its
    sources, each once; a quote cited twice is listed once. A value with an `anchor` (the id of the element
    that shows it) gets a link back from each quote it cites; one without (a copy of a value shown elsewhere on
    the page, such as an infobox entry) only points to the notes."""
    cited: Iterable[dict[str, Any]] = view.pop("cited", [])
    notes: dict[str, dict[str, Any]] = {}
    quotes: dict[tuple[str, str, int], dict[str, Any]] = {}
    for value in cited:
        value["cites"] = []
        for citation in value["citations"]:
            source = citation["source"]
            if source not in notes:
                notes[source] = _source_note(page, len(notes) + 1, source)
            key = (source, citation["quote"], citation.get("line", 0))
            if key not in quotes:
                quotes[key] = _quote(page, citation)
                notes[source]["quotes"].append(quotes[key])
            if notes[source]["number"] not in value["cites"]:
                value["cites"].append(notes[source]["number"])
            if value["anchor"]:
                backlink = {"href": f"#{value['anchor']}", "label": value["anchor_label"]}
                if backlink not in quotes[key]["backlinks"]:
                    quotes[key]["backlinks"].append(backlink)
    for note in notes.values():  # a source's quotes in the order they stand in it
        note["quotes"].sort(key=lambda quote: quote["line"] or 0)
    return {**view, "footnotes": list(notes.values())}
