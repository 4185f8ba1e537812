"""The timeline: one compact line per happening, in date order, grouped by year.

A happening can be stated several times: a model's announcement date by two sources at two precisions, a
plan ("second half of 2021") and its outcome (14 December 2021), the announcement and the release of the
same day, and an event record about the same release. Lines are merged when they concern the same model
and their dates nest (one span lies within the other): the line stands at its most precise current date and
keeps every claim it merged, so nothing is lost, and nothing is listed twice.

The evidence (each claim's value, status, note and quotes) sits in a closed <details> under its line, so
the page stays short and still shows every citation without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factbase.records import Claim, Record, iter_claims
from factbase.rules.dates import Span, parse_date

from .formatting import format_date, format_value, html_datetime
from .page_types import list_page
from .paging import pager, take
from .sitedata import SiteData, date_sort_key, once_per_data
from .views import Page

# Event kinds that report a model's announcement or release (or the plan of one): such an event and the
# model's own date claim are the same happening.
_MODEL_EVENT_KINDS = ("announcement", "release", "plan", "commercial-launch")
_CURRENT = ("confirmed", "reported", "disputed")


@dataclass
class Line:
    """One happening: its subjects, the claims that date it, and any event records merged into it."""

    date: str  # the most precise current date among its date claims (a plan's date if it has no other)
    model: Record | None  # the model it is about, for a model's dates
    dates: list[Claim] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)

    def span(self) -> Span | None:
        return parse_date(self.date)

    def add_date(self, claim: Claim) -> None:
        self.dates.append(claim)
        current = [c for c in self.dates if c.data.get("status") in _CURRENT]
        if current:  # the narrowest current span
            self.date = min((str(c.data["value"]) for c in current),
                            key=lambda d: _width(parse_date(d)))


def _width(span: Span | None) -> int:
    return (span.end - span.start).days if span is not None else 10**6


def _nests(a: str, b: str) -> bool:
    x, y = parse_date(a), parse_date(b)
    return x is not None and y is not None and x.nested(y)


def _event_date(event: Record) -> Claim:
    """The event's first date that is not superseded."""
    dates = [c for c in iter_claims(event) if c.property == "date"]
    return next((c for c in dates if c.data.get("status") != "superseded"), dates[0])


def _model_dates(data: SiteData) -> list[tuple[Record, Claim]]:
    """Model announcements and releases; a family member's date is left out when its family has the same one."""
    found = []
    for model in data.records["model"].values():
        family = data.records["model"].get(model.data.get("family", ""))
        for claim in iter_claims(model):
            if claim.property not in ("announced", "released") or claim.data.get("status") == "superseded":
                continue
            if family and any(c.property == claim.property and c.data.get("value") == claim.data.get("value")
                              for c in iter_claims(family)):
                continue
            found.append((model, claim))
    return found


@once_per_data
def timeline_lines(data: SiteData) -> list[Line]:
    """Every happening once, in date order."""
    lines: list[Line] = []
    by_model: dict[str, list[Line]] = {}
    # current dates first, so that a plan joins the line of what it announced
    claims = sorted(_model_dates(data), key=lambda item: item[1].data.get("status") not in _CURRENT)
    for model, claim in claims:
        value = str(claim.data["value"])
        line = next((ln for ln in by_model.get(model.id, []) if _nests(ln.date, value)), None)
        if line is None:
            line = Line(value, model)
            lines.append(line)
            by_model.setdefault(model.id, []).append(line)
        line.add_date(claim)
    for event in data.records["event"].values():
        value = str(_event_date(event).data["value"])
        line = None
        if event.data["kind"] in _MODEL_EVENT_KINDS:
            line = next((ln for m in event.data.get("models", []) for ln in by_model.get(m, [])
                         if _nests(ln.date, value)), None)
        if line is None:
            line = Line(value, None)
            lines.append(line)
        line.events.append(event)
    return sorted(lines, key=lambda ln: (date_sort_key(ln.date), _title_key(ln)))


def _title_key(line: Line) -> str:
    record = line.events[0] if line.events else line.model
    assert record is not None
    text = record.data.get("title") or record.data["name"]
    return str(text["en"])


def timeline_length(data: SiteData) -> int:
    return len(timeline_lines(data))


def _evidence(page: Page, claim: Claim, label: str) -> dict[str, Any]:
    """A claim with its quotes, for the line's <details>."""
    data = claim.data
    sources = page.data.records["source"]
    return {
        "label": label,
        "text": format_value(claim.declared_type(), data["value"], page.lang),
        "status": data["status"],
        "status_label": page.t(f"status.{data['status']}"),
        "note": data["note"][page.lang] if data.get("note") else None,
        "quotes": [{
            "source": page.link(citation["source"]),
            "quote": citation["quote"],
            "quote_lang": sources[citation["source"]].data.get("language") if citation["source"] in sources else None,
            "quote_en": citation.get("quote_en"),
            "line": citation.get("line"),
        } for _, citation in claim.citations()],
    }


def line_view(page: Page, line: Line) -> dict[str, Any]:
    kinds = [f"model-{c.property}" for c in line.dates if c.data.get("status") in _CURRENT]
    if line.dates and not kinds:
        kinds = ["plan"]
    kinds += [event.data["kind"] for event in line.events]
    subjects: list[str] = []
    organizations: list[str] = []
    evidence = []
    for claim in line.dates:
        evidence.append(_evidence(page, claim, page.t(f"property.{claim.property}")))
        organizations += [str(c.data["value"]) for c in iter_claims(claim.record) if c.property == "developer"]
    for event in line.events:
        subjects += [*event.data.get("models", []), *event.data.get("organizations", [])]
        organizations += event.data.get("organizations", [])
        for claim in iter_claims(event):
            evidence.append(_evidence(page, claim, page.t(f"property.{claim.property}")))
    shown = [c for c in line.dates if c.data.get("status") in _CURRENT] or line.dates
    statuses = [c.data["status"] for c in shown] or [_event_date(e).data["status"] for e in line.events]
    first = line.events[0] if line.events else None
    if first is None and line.model is not None:  # a model's own dates: its name is the title, and the link
        title = page.link(line.model.id)
    else:
        assert first is not None
        title = {"text": first.data["title"][page.lang], "href": None}
        subjects = [*([line.model.id] if line.model else []), *subjects]
    return {
        # anchors carry their kind, so that no record id can be an anchor the site makes itself (issue 15)
        "ids": [*([f"model-{line.model.id}-{line.dates[0].property}"] if line.model else []),
                *(f"event-{event.id}" for event in line.events)],
        "year": line.date[:4],
        "date": format_date(line.date, page.lang),
        "datetime": html_datetime(line.date),
        "kinds": " ".join(dict.fromkeys(kinds)),
        "kind_labels": [page.t(f"event.{kind}") for kind in dict.fromkeys(kinds)],
        "title": title,
        "subjects": [page.link(s) for s in dict.fromkeys(subjects) if s != ""],
        "organizations": sorted(set(organizations)),
        "status": statuses[0],
        "status_label": page.t(f"status.{statuses[0]}"),
        "evidence": evidence,
    }


@list_page("timeline", "timeline.html", timeline_length, size=100, nav=3)
def timeline_view(page: Page, number: int = 1) -> dict[str, Any]:
    """Page `number` of the timeline (see paging.py), with a jump link to each of its years."""
    lines = timeline_lines(page.data)
    entries = [line_view(page, line) for line in take("timeline", lines, number)]
    years: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        years.setdefault(entry["year"], []).append(entry)
    organizations = sorted({org for entry in entries for org in entry["organizations"]},
                           key=lambda org: page.data.name(org, page.lang))
    kinds = sorted({kind for entry in entries for kind in entry["kinds"].split()})
    return {
        "years": [{"year": year, "entries": items} for year, items in years.items()],
        "pager": pager("timeline", number, len(lines), page.root),
        "filters": [
            {"label": page.t("label.filter_org"), "attribute": "orgs",
             "options": [{"id": org, "name": page.data.name(org, page.lang)} for org in organizations]},
            {"label": page.t("label.filter_kind"), "attribute": "kinds",
             "options": [{"id": kind, "name": page.t(f"event.{kind}")} for kind in kinds]},
        ],
    }
