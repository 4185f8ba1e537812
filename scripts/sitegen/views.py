"""View models: plain dicts and lists that the Jinja templates render without computing anything."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import quote_plus, urlencode

from factbase.archive import Archive
from factbase.comparisons import Comparison, comparisons, scores
from factbase.records import Claim, Record, iter_claims
from factbase.rules.dates import Span, parse_date
from factbase.urlpolicy import ascii_url, display_url
from factbase.value_types import ValueType, claim_value_types, rendered_name

from .formatting import format_date, format_value, html_datetime
from .i18n import translate
from .page_types import list_page, record_page, record_pages
from .paging import pager, take
from .sitedata import FOLDERS, SiteData, date_sort_key, first_value, once_per_data, title_of

SUMMARY_PROPERTIES = {
    "organization": ["founded", "parent_organization", "leader", "staff"],
}
# A model page's infobox: the same rows in the same order on every model page, each with its values or "not
# stated in the sources". `family`, `predecessor` and `successor` come from the record's family (see
# _lineage); the others are claim properties. A property the record's schema does not declare is left out
# (a new property, such as active parameters for mixture-of-experts models, appears once the schema has it).
INFOBOX_FIELDS = ("developer", "family", "predecessor", "successor", "announced", "released", "parameters",
                  "active_parameters", "context_length", "training_data", "license", "availability", "modalities",
                  "languages")
# Rows shown only where a source states them: most models have no separate active-parameter count.
INFOBOX_WHEN_STATED = {"active_parameters"}
# What a family's claim states for each of its members (who made them, on what terms, for what data and
# languages): a member that states none shows its family's, marked as the family's. Sizes, dates and context
# lengths differ between members, so they are never taken from the family.
FAMILY_WIDE = {"developer", "license", "availability", "modalities", "languages"}


@dataclass
class Page:
    """Where a view is rendered: the language, and the relative path back to the site root."""

    data: SiteData
    lang: str
    root: str  # "../../" from models/x/ to the language root
    url: str  # the page's own URL, relative to the language root
    repository: str
    site_url: str = ""  # the language's address, for links that leave the site (cite this page)
    archive: Archive | None = None  # the source copies: a quoted table row is shown with its column headings

    def t(self, key: str) -> str:
        return translate(self.lang, key)

    def href(self, record_id: str, kind: str) -> str | None:
        entry = record_pages().get(kind)
        if entry is None or record_id not in self.data.records[kind]:
            return None
        return f"{self.root}{entry.folder}/{record_id}/"

    def link(self, record_id: str) -> dict[str, Any]:
        """A link to the page of a record of a kind with pages (page_types.record_pages()), by id."""
        for kind in record_pages():
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


def external_link(url: str) -> dict[str, str]:
    """A link out of the site: to the URL's ASCII form, shown with a non-ASCII host's punycode beside it."""
    return {"text": display_url(url), "href": ascii_url(url)}


def _value_view(page: Page, value_type: ValueType, value: Any) -> dict[str, Any]:
    if value_type.names_kind is not None:
        return {**page.link(value), "external": False, "refers": []}
    if value_type.links_out:
        return {**external_link(value), "external": True, "refers": []}
    return {"text": format_value(value_type, value, page.lang), "href": None, "external": False,
            "refers": [page.link(value[field]) for field, _ in value_type.refers if value.get(field)]}


def claim_anchor(claim: Claim) -> str:
    """The id of the element that shows a claim: its permalink, unique on every page that shows it."""
    return f"c-{claim.record.id}-{claim.property}-{int(claim.path[-1]) + 1}"


def claim_value_view(page: Page, claim: Claim, footnoted: bool = True, anchor_label: str | None = None
                     ) -> dict[str, Any]:
    """A claim's value for a template, with the citations its footnotes will show (numbered by
    `with_footnotes`). `footnoted=False` where the page shows no footnotes (a list, or a source page that
    shows the quote beside the value): no citations, and no numbers. With `anchor_label`, the value is the
    claim's place on the page: it gets its permalink (`anchor`), and its footnotes link back to it under
    that label."""
    data = claim.data
    outcome = data.get("outcome")
    return {
        **_value_view(page, claim.declared_type(), claim.value_as_written()),
        "anchor": claim_anchor(claim) if anchor_label else None,
        "anchor_label": anchor_label,
        "status": data["status"],
        "status_label": page.t(f"status.{data['status']}"),
        "as_of": format_date(data["as_of"], page.lang) if data.get("as_of") else None,
        "undated": data.get("undated") is True,
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


def _sources(page: Page, claim: Claim) -> list[dict[str, Any]]:
    """The sources a claim cites, each once, with their publication dates (a dispute's table shows them)."""
    found = []
    for source_id in dict.fromkeys(citation["source"] for _, citation in claim.citations()):
        source = page.data.records["source"].get(source_id)
        found.append({"link": page.link(source_id),
                      "date": format_date(source.data["published"]["date"], page.lang) if source else None})
    return found


def claims_view(page: Page, record: Record, only: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Claims grouped by property, in schema order; each value anchored (its permalink). A property's values
    marked disputed are set apart (`disputed`, shown side by side in the dispute's table, `dispute_id`); its
    other values stay in `entries`.

    With `only`, just those properties (so that the page's footnotes cite only what it shows)."""
    order = list(claim_value_types(record.kind))
    grouped: dict[str, list[Claim]] = {}
    for claim in iter_claims(record):
        if only is None or claim.property in only:
            grouped.setdefault(claim.property, []).append(claim)
    groups = []
    for prop, claims in sorted(grouped.items(), key=lambda item: order.index(item[0])):
        label = page.t(f"property.{prop}")
        values = [(claim, claim_value_view(page, claim, anchor_label=f"{label} {n}" if len(claims) > 1 else label))
                  for n, claim in enumerate(claims, 1)]
        groups.append({
            "property": prop,
            "label": label,
            "entries": [value for claim, value in values if value["status"] != "disputed"],
            "disputed": [{**value, "sources": _sources(page, claim)}
                         for claim, value in values if value["status"] == "disputed"],
            "dispute_id": f"dispute-{record.id}-{prop}",
        })
    return groups


def disputes_of(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The properties whose sources disagree: what a page's dispute notice lists."""
    return [group for group in groups if group["disputed"]]


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
    """The values of claim groups in the order a page shows them: the disputes first (their table stands at
    the top), then the claims table."""
    return [*(value for group in groups for value in group["disputed"]),
            *(value for group in groups for value in group["entries"])]


def _events(page: Page, record_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record's timeline entries in date order, and their footnoted values (in the events' own order).
    An event's values are shown on its line, so their footnotes link back to the line."""
    entries = [timeline_entry(page, event) for event in page.data.events_of.get(record_id, [])]
    cited = [value for entry in entries for value in entry["cited"]]
    for entry in entries:
        for value in entry["cited"]:
            value["anchor"], value["anchor_label"] = f"event-{entry['id']}", f"{entry['kind_label']} ({entry['date']})"
    return sorted(entries, key=lambda entry: entry["sort"]), cited


def _row(key: str, label: str, **fields: Any) -> dict[str, Any]:
    """An infobox row: its cited `values`, or `links` to records (with their dates), or a `text`; with none, the
    sources do not state it. `via`: the family whose values these are; `within`: the family the lineage is
    ordered in; `dispute`: the link to the values' side-by-side table."""
    return {"key": key, "label": label, "values": [], "links": [], "text": None, "via": None, "within": None,
            "dispute": None, **fields}


def _release_span(record: Record) -> Span | None:
    """When a record was released, as a source states it (confirmed or reported, not a plan)."""
    for claim in iter_claims(record):
        if claim.property == "released" and claim.data.get("status") in ("confirmed", "reported"):
            return parse_date(str(claim.data["value"]))
    return None


def _lineage(page: Page, record: Record) -> tuple[dict[str, Any], dict[str, Any]]:
    """The predecessor and successor rows: within the record's family, the members released last before it
    and first after it (by the release dates the sources state; several where they share a date). Where the
    record has no family or no release date, nothing places it: "not stated in the sources"."""
    family = record.data.get("family")
    own = _release_span(record)
    rows = {key: _row(key, page.t(f"infobox.{key}")) for key in ("predecessor", "successor")}
    if not family or own is None:
        return rows["predecessor"], rows["successor"]
    dated = [(span, member) for member in page.data.members.get(family, []) if member != record.id
             for span in [_release_span(page.data.records["model"][member])] if span is not None]
    before = [(span, member) for span, member in dated if span.end < own.start]
    after = [(span, member) for span, member in dated if span.start > own.end]
    for key, found, nearest in (("predecessor", before, max(before, default=None, key=lambda item: item[0].end)),
                                ("successor", after, min(after, default=None, key=lambda item: item[0].start))):
        row = rows[key]
        row["within"] = page.link(family)
        if nearest is None:
            row["text"] = page.t(f"infobox.no_{key}")
            continue
        edge = (lambda span: span.end) if key == "predecessor" else (lambda span: span.start)
        row["links"] = [{**page.link(member), "date": format_date(span.text, page.lang)}
                        for span, member in found if edge(span) == edge(nearest[0])]
    return rows["predecessor"], rows["successor"]


def _family_row(page: Page, record: Record) -> dict[str, Any]:
    row = _row("family", page.t("infobox.family"))
    if record.data["kind"] == "family":
        members = len(page.data.members.get(record.id, []))
        row["text"] = page.t("infobox.is_family").format(n=members)
    elif record.data.get("family"):
        row["links"] = [{**page.link(record.data["family"]), "date": None}]
    return row


def _claim_row(page: Page, record: Record, prop: str) -> dict[str, Any] | None:
    """An infobox row from a claim property: its values not superseded (all, if every one is), or its family's
    for a FAMILY_WIDE property the record does not state; None for a row shown only when stated."""
    def current(claims: list[Claim]) -> list[Claim]:
        return [c for c in claims if c.data["status"] != "superseded"] or claims

    claims = current([c for c in iter_claims(record) if c.property == prop])
    label = page.t(f"property.{prop}")
    via = None
    family = page.data.records["model"].get(record.data.get("family", ""))
    if not claims and prop in FAMILY_WIDE and family is not None:
        claims = current([c for c in iter_claims(family) if c.property == prop])
        via = page.link(family.id) if claims else None
    if not claims and prop in INFOBOX_WHEN_STATED:
        return None
    # the record's own values have their place below (claims or disputes); the family's are shown only here
    values = [claim_value_view(page, c, anchor_label=label if via else None) for c in claims]
    disputed = any(value["status"] == "disputed" for value in values)
    return _row(prop, label, values=values, via=via,
                dispute=f"#dispute-{record.id}-{prop}" if disputed and not via else None)


def infobox_view(page: Page, record: Record) -> list[dict[str, Any]]:
    """The rows of a model's infobox (INFOBOX_FIELDS), each with values, links to other records, or a `text`;
    a row with none of them is "not stated in the sources"."""
    declared = claim_value_types(record.kind)
    predecessor, successor = _lineage(page, record)
    derived = {"family": _family_row(page, record), "predecessor": predecessor, "successor": successor}
    rows = []
    for key in INFOBOX_FIELDS:
        row = derived.get(key) or (_claim_row(page, record, key) if key in declared else None)
        if row is not None:
            rows.append(row)
    return rows


def comparison_view(page: Page, comparison: Comparison) -> dict[str, Any]:
    """A comparison worked out from two cited scores: `103.8% of Qwen3 235B`, and the scores it comes from."""
    mine, theirs = comparison.score.data["value"], comparison.other.data["value"]
    percent = f"{comparison.percent:.1f}"
    return {
        "participant": page.link(comparison.participant),
        "text": page.t("label.compared_to").format(percent=percent, other=page.data.name(comparison.of, page.lang)),
        "of": page.link(comparison.of),
        "detail": f"{rendered_name(mine['benchmark'], page.lang, page.t)}: {mine['score']:g} / {theirs['score']:g}",
    }


def evaluation_entry(page: Page, evaluation: Record, model_id: str) -> dict[str, Any]:
    """An evaluation as a participating model's page lists it: its link and date, the model's cited scores, and
    the comparisons with the other participants worked out from them."""
    date = first_value(evaluation, "date")
    return {
        "link": page.link(evaluation.id),
        "date": format_date(date, page.lang) if date else None,
        "scores": [claim_value_view(page, claim) for claim in scores(evaluation)
                   if claim.data["value"]["participant"] == model_id],
        "comparisons": [comparison_view(page, c) for c in comparisons(evaluation) if c.participant == model_id],
    }


@record_page("evaluation", "evaluations", "evaluation.html")
def evaluation_view(page: Page, record: Record) -> dict[str, Any]:
    claims = claims_view(page, record)
    events, events_cited = _events(page, record.id)
    data = record.data
    return {
        "record": record,
        "title": data["title"][page.lang],
        "organizer": page.link(data["organizer"]),
        "benchmarks": [rendered_name(name, page.lang, page.t) for name in data.get("benchmarks", [])],
        "participants": [page.link(model) for model in data["participants"]],
        "comparisons": [comparison_view(page, c) for c in comparisons(record)],
        "claims": claims,
        "events": events,
        "meta_links": _meta(page, record),
        "cited": _values_of(claims) + events_cited,
    }


def model_view(page: Page, record: Record) -> dict[str, Any]:
    claims = claims_view(page, record)
    evaluations = [evaluation_entry(page, e, record.id) for e in page.data.evaluations_of.get(record.id, [])]
    infobox = infobox_view(page, record)
    events, events_cited = _events(page, record.id)
    data = record.data
    return {
        "record": record,
        "name": data["name"],
        "aliases": data.get("aliases", []),
        "kind_label": page.t(f"kind.model.{data['kind']}"),
        "infobox": infobox,
        "disputes": disputes_of(claims),
        "members": [page.link(member) for member in page.data.members.get(record.id, [])],
        "claims": claims,
        "evaluations": evaluations,
        "events": events,
        "meta_links": _meta(page, record),
        "cited": [*(value for row in infobox for value in row["values"]), *_values_of(claims),
                  *(score for e in evaluations for score in e["scores"]), *events_cited],
    }


@record_page("organization", "organizations", "organization.html")
def organization_view(page: Page, record: Record) -> dict[str, Any]:
    claims = claims_view(page, record)
    relationships = [partnership_view(page, p, record.id) for p in page.data.partnerships_of.get(record.id, [])]
    for relationship in relationships:  # a relationship's values are shown on its line: footnotes link back there
        for value in [*relationship["since"], *relationship["descriptions"]]:
            value["anchor"], value["anchor_label"] = f"partnership-{relationship['id']}", relationship["relationship"]
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
        "disputes": disputes_of(claims),
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


@record_page("source", "sources", "source.html")
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
        "url": external_link(data["url"]) if data.get("url") else None,
        "language": page.t(f"language.{data['language']}"),
        "retrieved": format_date(data["retrieved"], page.lang),
        "archive": data["archive"],
        "archive_copy": page.t(f"archive_copy.{data['archive'].get('copy', 'whole')}"),
        "archive_note": data["archive"]["note"][page.lang] if data["archive"].get("note") else None,
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


def organizations_length(data: SiteData) -> int:
    return len(data.records["organization"])


@once_per_data
def _organizations_by_name(data: SiteData, lang: str) -> list[Record]:
    return sorted(data.records["organization"].values(), key=lambda r: r.data["name"][lang])


@list_page("organizations", "directory.html", organizations_length, size=150, nav=4)
def directory_view(page: Page, number: int = 1) -> dict[str, Any]:
    rows = []
    organizations = _organizations_by_name(page.data, page.lang)
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


def sources_length(data: SiteData) -> int:
    return len(data.records["source"])


@once_per_data
def _sources_by_date(data: SiteData) -> list[Record]:
    return sorted(data.records["source"].values(), key=lambda r: date_sort_key(r.data["published"]["date"]))


@list_page("sources", "sources_index.html", sources_length, size=200, nav=5)
def sources_index_view(page: Page, number: int = 1) -> dict[str, Any]:
    sources = _sources_by_date(page.data)
    return {"pager": pager("sources", number, len(sources), page.root), "sources": [{
        "link": page.link(record.id),
        "kind": page.t(f"source.{record.data['kind']}"),
        "publisher": record.data.get("publisher", {}).get(page.lang),
        "author": record.data.get("author"),
        "published": format_date(record.data["published"]["date"], page.lang),
        "inferred": record.data["published"]["inferred"],
        "url": external_link(record.data["url"]) if record.data.get("url") else None,
        "sha256": record.data["archive"]["sha256"],
        "claims": len(page.data.citing.get(record.id, [])),
    } for record in take("sources", sources, number)]}


@once_per_data
def disputed_subjects(data: SiteData) -> list[tuple[Record, str]]:
    """(record, property) for every property where at least one value is marked disputed."""
    return [(record, prop) for record in data.base.records
            for prop in dict.fromkeys(c.property for c in iter_claims(record) if c.data.get("status") == "disputed")]


def disputed_length(data: SiteData) -> int:
    return len(disputed_subjects(data))


@list_page("disputed", "disputed.html", disputed_length, size=40, nav=6)
def disputed_view(page: Page, number: int = 1) -> dict[str, Any]:
    """Every disputed property with its disputed values, side by side; page `number` of the list."""
    subjects = disputed_subjects(page.data)
    groups = []
    for record, prop in take("disputed", subjects, number):
        for group in claims_view(page, record, {prop}):
            groups.append({"record": page.record_link(record), **group})
    return {"groups": groups, "pager": pager("disputed", number, len(subjects), page.root),
            "cited": [value for group in groups for value in group["disputed"]]}
