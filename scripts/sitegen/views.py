"""View models: plain dicts and lists that the Jinja templates render without computing anything."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import quote_plus, urlencode

from factbase.records import Claim, Record, iter_claims
from factbase.value_types import ValueType, claim_value_types

from .formatting import format_date, format_value, html_datetime
from .i18n import translate
from .page_types import RECORD_PAGES
from .paging import pager, take
from .sitedata import FOLDERS, SiteData, date_sort_key, title_of

SUMMARY_PROPERTIES = {
    "model": ["developer", "announced", "released", "parameters", "availability", "license", "repository", "paper"],
    "organization": ["founded", "parent_organization", "leader", "staff"],
}


@dataclass
class Page:
    """Where a view is rendered: the language, and the relative path back to the site root."""

    data: SiteData
    lang: str
    root: str  # "../../" from models/x/ to the language root
    url: str  # the page's own URL, relative to the language root
    repository: str

    def t(self, key: str) -> str:
        return translate(self.lang, key)

    def href(self, record_id: str, kind: str) -> str | None:
        entry = RECORD_PAGES.get(kind)
        if entry is None or record_id not in self.data.records[kind]:
            return None
        return f"{self.root}{entry.folder}/{record_id}/"

    def link(self, record_id: str) -> dict[str, Any]:
        """A link to the page of a record of a kind with pages (page_types.RECORD_PAGES), by id."""
        for kind in RECORD_PAGES:
            if record_id in self.data.records[kind]:
                return {"text": self.data.name(record_id, self.lang), "href": self.href(record_id, kind)}
        return {"text": record_id, "href": None}

    def record_link(self, record: Record) -> dict[str, Any]:
        """A link to a record's page, or its name alone where its kind has no pages."""
        return {"text": title_of(record, self.lang), "href": self.href(record.id, record.kind)}

    def edit_url(self, record: Record) -> str:
        return f"{self.repository}/edit/main/facts/{FOLDERS[record.kind]}/{record.id}.yaml"

    @cached_property
    def _report_link(self) -> str:
        """What every report link on the page starts with (encoded once per page, not once per value)."""
        query = urlencode({"template": "report-an-error.yml", "page": f"/{self.lang}/{self.url}"})
        return f"{self.repository}/issues/new?{query}"

    def report_url(self, claim: Claim | None, record: Record | None) -> str:
        where = f"{record.kind}/{record.id}" if record else "-"
        if claim is not None:
            where += f"#{claim.property}[{claim.path[-1]}]"
        title = f"[fact] {where if record else self.url or self.lang}"
        return f"{self._report_link}&claim={quote_plus(where)}&title={quote_plus(title)}"  # as urlencode writes


def _footnote(page: Page, number: int, citation: dict[str, Any]) -> dict[str, Any]:
    source = page.data.records["source"].get(citation["source"])
    return {
        "number": number,
        "source": page.link(citation["source"]),
        "publisher": source.data.get("publisher", {}).get(page.lang) if source else None,
        "date": format_date(source.data["published"]["date"], page.lang) if source else None,
        "quote": citation["quote"],
        "quote_lang": source.data.get("language") if source else None,
        "quote_en": citation.get("quote_en"),
        "line": citation.get("line"),
        "section": citation.get("section"),
    }


def with_footnotes(page: Page, view: dict[str, Any]) -> dict[str, Any]:
    """The page's view with its footnotes, made in one pass over `cited` (the footnoted values, in the order
    the view lists them): citations are numbered by first appearance, the same quote twice gets one number,
    and each value's `cites` gets its numbers."""
    cited: Iterable[dict[str, Any]] = view.pop("cited", [])
    numbers: dict[tuple[str, str, int], int] = {}
    footnotes = []
    for value in cited:
        value["cites"] = []
        for citation in value["citations"]:
            key = (citation["source"], citation["quote"], citation.get("line", 0))
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                footnotes.append(_footnote(page, numbers[key], citation))
            value["cites"].append(numbers[key])
    return {**view, "footnotes": footnotes}


def _value_view(page: Page, value_type: ValueType, value: Any) -> dict[str, Any]:
    if value_type.names_kind is not None:
        return {**page.link(value), "external": False}
    if value_type.links_out:
        return {"text": value, "href": value, "external": True}
    return {"text": format_value(value_type, value, page.lang), "href": None, "external": False}


def claim_value_view(page: Page, claim: Claim, footnoted: bool = True) -> dict[str, Any]:
    """A claim's value for a template, with the citations its footnotes will show (numbered by
    `with_footnotes`). `footnoted=False` where the page shows no footnotes (a list, or a source page that
    shows the quote beside the value): no citations, and no numbers."""
    data = claim.data
    outcome = data.get("outcome")
    return {
        **_value_view(page, claim.declared_type(), data["value"]),
        "status": data["status"],
        "status_label": page.t(f"status.{data['status']}"),
        "as_of": format_date(data["as_of"], page.lang) if data.get("as_of") else None,
        "note": data["note"][page.lang] if data.get("note") else None,
        "outcome": {
            "label": page.t(f"outcome.{outcome['result']}"),
            "record": page.link(outcome["record"]) if outcome.get("record") else None,
            "note": outcome["note"][page.lang] if outcome.get("note") else None,
        } if outcome else None,
        "citations": [citation for _, citation in claim.citations()] if footnoted else [],
        "cites": [],  # footnote numbers, filled in by with_footnotes
        "report": page.report_url(claim, claim.record),
    }


def claims_view(page: Page, record: Record, only: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Claims grouped by property, in schema order; a property with disagreeing values says so.

    With `only`, just those properties (so that the page's footnotes cite only what it shows)."""
    order = list(claim_value_types(record.kind))
    grouped: dict[str, list[Claim]] = {}
    for claim in iter_claims(record):
        if only is None or claim.property in only:
            grouped.setdefault(claim.property, []).append(claim)
    return [{
        "property": prop,
        "label": page.t(f"property.{prop}"),
        "disputed": any(c.data.get("status") == "disputed" for c in claims),
        "entries": [claim_value_view(page, claim) for claim in claims],
    } for prop, claims in sorted(grouped.items(), key=lambda item: order.index(item[0]))]


def _summary(page: Page, record: Record, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_property = {group["property"]: group for group in claims}
    return [by_property[prop] for prop in SUMMARY_PROPERTIES.get(record.kind, []) if prop in by_property]


def _meta(page: Page, record: Record) -> dict[str, Any]:
    return {
        "updated": format_date(page.data.updated(record), page.lang) if page.data.updated(record) else None,
        "edit": page.edit_url(record),
        "report": page.report_url(None, record),
    }


def _values_of(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [value for group in groups for value in group["entries"]]


def _events(page: Page, record_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record's timeline entries in date order, and their footnoted values (in the events' own order)."""
    entries = [timeline_entry(page, event) for event in page.data.events_of.get(record_id, [])]
    return sorted(entries, key=lambda entry: entry["sort"]), [value for entry in entries for value in entry["cited"]]


def model_view(page: Page, record: Record) -> dict[str, Any]:
    claims = claims_view(page, record)
    events, events_cited = _events(page, record.id)
    data = record.data
    family = data.get("family")
    return {
        "record": record,
        "name": data["name"],
        "aliases": data.get("aliases", []),
        "kind_label": page.t(f"kind.model.{data['kind']}"),
        "family": page.link(family) if family else None,
        "members": [page.link(member) for member in page.data.members.get(record.id, [])],
        "summary_groups": _summary(page, record, claims),
        "claims": claims,
        "events": events,
        "meta_links": _meta(page, record),
        "cited": _values_of(claims) + events_cited,
    }


def organization_view(page: Page, record: Record) -> dict[str, Any]:
    claims = claims_view(page, record)
    relationships = [partnership_view(page, p, record.id) for p in page.data.partnerships_of.get(record.id, [])]
    events, events_cited = _events(page, record.id)
    data = record.data
    return {
        "record": record,
        "name": data["name"],
        "aliases": data.get("aliases", []),
        "sector": page.t(f"sector.{data['sector']}"),
        "country": page.t(f"country.{data['country']}"),
        "parent": page.link(data["parent"]) if data.get("parent") else None,
        "summary_groups": _summary(page, record, claims),
        "claims": claims,
        "relationships": relationships,
        "models": [page.link(model) for model in page.data.developed_by.get(record.id, [])],
        "events": events,
        "meta_links": _meta(page, record),
        "cited": [*_values_of(claims), *(v for r in relationships for v in [*r["since"], *r["descriptions"]]),
                  *events_cited],
    }


def partnership_view(page: Page, record: Record, seen_from: str | None = None,
                     footnoted: bool = True) -> dict[str, Any]:
    """A relationship seen from one of its organisations; `footnoted=False` on a list without footnotes."""
    organizations = record.data["organizations"]
    since = [claim_value_view(page, c, footnoted) for c in iter_claims(record) if c.property == "since"]
    descriptions = [claim_value_view(page, c, footnoted) for c in iter_claims(record) if c.property == "description"]
    return {
        "id": record.id,
        "relationship": page.t(f"relationship.{record.data['relationship']}"),
        "relationship_key": record.data["relationship"],
        "organizations": [page.link(org) for org in organizations if org != seen_from],
        "first": page.link(organizations[0]),
        "models": [page.link(model) for model in record.data.get("models", [])],
        "descriptions": descriptions,
        # a relationship only announced (every description planned) is shown as a plan, not as a fact
        "planned": bool(descriptions) and all(d["status"] == "planned" for d in descriptions),
        "since": since,
        "edit": page.edit_url(record),
    }


def source_view(page: Page, record: Record) -> dict[str, Any]:
    data = record.data
    citing = []
    for claim in page.data.citing.get(record.id, []):
        quotes = [{"quote": c.get("quote"), "quote_en": c.get("quote_en"), "line": c.get("line")}
                  for _, c in claim.citations() if c.get("source") == record.id]
        citing.append({
            "record": page.record_link(claim.record),
            "property": page.t(f"property.{claim.property}"),
            "value": claim_value_view(page, claim, footnoted=False),  # the quotes stand beside it
            "quotes": quotes,
        })
    return {
        "record": record,
        "title": data["title"],
        "kind": page.t(f"source.{data['kind']}"),
        "publisher": data.get("publisher"),
        "author": data.get("author"),
        "published": format_date(data["published"]["date"], page.lang),
        "time": data["published"].get("time"),
        "inferred": data["published"]["inferred"],
        "url": data.get("url"),
        "language": page.t(f"language.{data['language']}"),
        "retrieved": format_date(data["retrieved"], page.lang),
        "archive": data["archive"],
        "notes": data["notes"][page.lang] if data.get("notes") else None,
        "citing": citing,
        "meta_links": _meta(page, record),
    }


def timeline_entry(page: Page, event: Record, claim: Claim | None = None) -> dict[str, Any]:
    """A timeline entry from an event record, or from a model's announced/released claim."""
    if claim is None:
        dates = [c for c in iter_claims(event) if c.property == "date"]
        chosen = next((c for c in dates if c.data.get("status") != "superseded"), dates[0])
        kind = event.data["kind"]
        subjects = [page.link(i) for i in [*event.data.get("models", []), *event.data.get("organizations", [])]]
        title = event.data["title"][page.lang]
        organizations = event.data.get("organizations", [])
        descriptions = [claim_value_view(page, c) for c in iter_claims(event) if c.property != "date"]
    else:
        chosen, kind = claim, f"model-{claim.property}"
        subjects = [page.link(event.id)]
        title = event.data["name"][page.lang]
        organizations = [str(c.data.get("value")) for c in iter_claims(event) if c.property == "developer"]
        descriptions = []
    date_claim = claim_value_view(page, chosen)
    return {
        "id": f"{event.id}-{claim.property}-{claim.path[-1]}" if claim else event.id,
        "sort": (date_sort_key(chosen.data["value"]), title),
        "year": chosen.data["value"][:4],
        "date": format_date(chosen.data["value"], page.lang),
        "datetime": html_datetime(chosen.data["value"]),
        "kind": kind,
        "kind_label": page.t(f"event.{kind}"),
        "title": title,
        "subjects": subjects,
        "organizations": organizations,
        "date_claim": date_claim,
        "descriptions": descriptions,
        "cited": [*descriptions, date_claim],  # its footnoted values, in the order they were made
    }


def _other_name(record: Record, lang: str) -> str | None:
    """The name in the other language, where it differs (no "EBS / EBS")."""
    name = record.data["name"]
    return name["en" if lang == "ko" else "ko"] if name["ko"] != name["en"] else None


def directory_view(page: Page, number: int = 1) -> dict[str, Any]:
    rows = []
    organizations = sorted(page.data.records["organization"].values(), key=lambda r: r.data["name"][page.lang])
    for record in take("organizations", organizations, number):
        relationships = [partnership_view(page, p, record.id, footnoted=False)
                         for p in page.data.partnerships_of.get(record.id, [])]
        rows.append({
            "link": page.link(record.id),
            "other_name": _other_name(record, page.lang),
            "other_lang": "en" if page.lang == "ko" else "ko",
            "sector_key": record.data["sector"],
            "sector": page.t(f"sector.{record.data['sector']}"),
            "country": page.t(f"country.{record.data['country']}"),
            "relationships": relationships,
            "relationship_keys": " ".join(sorted({r["relationship_key"] for r in relationships})),
        })
    sectors = sorted({row["sector_key"] for row in rows})
    kinds = sorted({key for row in rows for key in row["relationship_keys"].split()})
    return {
        "rows": rows,
        "pager": pager("organizations", number, len(organizations), page.root),
        "filters": [
            {"label": page.t("label.filter_sector"), "attribute": "sector",
             "options": [{"id": s, "name": page.t(f"sector.{s}")} for s in sectors]},
            {"label": page.t("label.filter_relationship"), "attribute": "relationships",
             "options": [{"id": k, "name": page.t(f"relationship.{k}")} for k in kinds]},
        ],
    }


def organizations_length(data: SiteData) -> int:
    return len(data.records["organization"])


def sources_length(data: SiteData) -> int:
    return len(data.records["source"])


def sources_index_view(page: Page, number: int = 1) -> dict[str, Any]:
    sources = sorted(page.data.records["source"].values(),
                     key=lambda r: date_sort_key(r.data["published"]["date"]))
    return {"pager": pager("sources", number, len(sources), page.root), "sources": [{
        "link": page.link(record.id),
        "kind": page.t(f"source.{record.data['kind']}"),
        "publisher": record.data.get("publisher", {}).get(page.lang),
        "author": record.data.get("author"),
        "published": format_date(record.data["published"]["date"], page.lang),
        "inferred": record.data["published"]["inferred"],
        "url": record.data.get("url"),
        "sha256": record.data["archive"]["sha256"],
        "claims": len(page.data.citing.get(record.id, [])),
    } for record in take("sources", sources, number)]}


def disputed_subjects(data: SiteData) -> list[tuple[Record, str]]:
    """(record, property) for every property where at least one value is marked disputed."""
    return [(record, prop) for record in data.base.records
            for prop in dict.fromkeys(c.property for c in iter_claims(record) if c.data.get("status") == "disputed")]


def disputed_length(data: SiteData) -> int:
    return len(disputed_subjects(data))


def disputed_view(page: Page, number: int = 1) -> dict[str, Any]:
    """Every disputed property with all its values; page `number` of the list."""
    subjects = disputed_subjects(page.data)
    groups = []
    for record, prop in take("disputed", subjects, number):
        for group in claims_view(page, record, {prop}):
            groups.append({"record": page.record_link(record), **group})
    return {"groups": groups, "pager": pager("disputed", number, len(subjects), page.root),
            "cited": _values_of(groups)}
