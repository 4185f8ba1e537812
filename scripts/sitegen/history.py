"""Views of what changed (sitegen/changes.py reads it from git): the changes list page, each language's Atom
feed, a record page's short history, and its "cite this page" block."""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

from factbase.records import Record
from factbase.value_types import claim_value_types

from .changes import Change, History
from .context import build_state
from .formatting import format_date, format_value
from .i18n import strings
from .page_types import list_page
from .paging import pager, take
from .sitedata import SiteData, title_of
from .views import Page

RECORD_HISTORY = 5  # changes a record page lists (the changes page has them all)
FEED_ENTRIES = 50  # commits the Atom feed lists
SHORT_HASH = 10


def changes_length(data: SiteData) -> int:
    return len(build_state().history.changes)


def _value_text(page: Page, change: Change, value: Any) -> str:
    """A value as the site writes it, where its property still has that type; else as JSON."""
    value_type = claim_value_types(change.kind).get(change.property)
    if value is None:
        return ""
    if value_type is not None:
        if value_type.names_kind is not None and isinstance(value, str):
            return page.data.name(value, page.lang)
        try:
            return format_value(value_type, value, page.lang)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # a historic value the type no longer reads
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def change_view(page: Page, change: Change) -> dict[str, Any]:
    record = page.data.records.get(change.kind, {}).get(change.record)
    label = f"property.{change.property}"
    old, new = (change.old, change.new)
    if change.action == "status":
        old, new = (page.t(f"status.{old}") if old else "", page.t(f"status.{new}") if new else "")
    else:
        old, new = _value_text(page, change, old), _value_text(page, change, new)
    return {
        "date": format_date(change.date[:10], page.lang),
        "date_value": change.date,
        "commit": change.commit[:SHORT_HASH],
        "commit_href": f"{page.repository}/commit/{change.commit}",
        "record": page.record_link(record) if record is not None else {"text": change.record, "href": None},
        "property": page.t(label) if label in strings() else change.property,
        "action": page.t(f"changes.action.{change.action}"),
        "old": old,
        "new": new,
        "source": page.link(change.source) if change.source else None,
        "count": change.count,
    }


def notice(page: Page, history: History) -> str | None:
    """What the list does not show: no git history, a shallow clone, or older commits left unread."""
    if not history.in_git:
        return page.t("changes.no_git")
    if history.shallow or history.truncated:
        since = format_date(history.oldest[:10], page.lang) if history.oldest else ""
        return f"{page.t('changes.partial')} {since}".strip()
    return None


@list_page("changes", "changes.html", changes_length, size=100, nav=11)
def changes_view(page: Page, number: int = 1) -> dict[str, Any]:
    history = build_state().history
    return {"pager": pager("changes", number, len(history.changes), page.root),
            "notice": notice(page, history), "feed": f"{page.root}changes.xml",
            "changes": [change_view(page, change) for change in take("changes", history.changes, number)]}


def record_history(page: Page, record: Record) -> dict[str, Any]:
    """A record page's short history (its latest changes) and how to cite the page."""
    history = build_state().history
    changes = history.of_record.get((record.kind, record.id), [])
    updated = page.data.updated(record)
    title = title_of(record, page.lang)
    url = f"{page.site_url}{page.url}"
    site = page.t("site.name")
    return {
        "changes": [change_view(page, change) for change in changes[:RECORD_HISTORY]],
        "more": len(changes) > RECORD_HISTORY,
        "changes_href": f"{page.root}changes/",
        "notice": notice(page, history),
        "updated": format_date(updated, page.lang) if updated else None,
        "plain": f"{site}. “{title}”. {url}" + (f" ({page.t('label.last_updated')}: {updated})" if updated else ""),
        "bibtex": bibtex(f"{record.kind}-{record.id}", title, site, url, updated, page.lang),
    }


def _braced(text: str) -> str:
    """Text for a BibTeX field: as it is where its braces balance (BibTeX keeps balanced braces in a field);
    else with its braces and backslashes, which would end or escape the field, dropped."""
    depth = 0
    for character in text:
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth < 0:
            break
    if depth == 0 and "\\" not in text:
        return text
    return "".join(character for character in text if character not in "{}\\")


def bibtex(key: str, title: str, site: str, url: str, updated: str, lang: str) -> str:
    fields = [("title", _braced(title)), ("author", f"{{{_braced(site)}}}"), ("howpublished", f"\\url{{{url}}}"),
              ("url", url), ("language", {"ko": "korean", "en": "english"}.get(lang, lang))]
    if updated:
        fields += [("year", updated[:4]), ("note", f"Facts last changed {updated}")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def atom_feed(page: Page, history: History, address: str) -> str:
    """The language's Atom feed: one entry per commit (the newest FEED_ENTRIES), listing its changes. Its
    `updated` is the newest commit's date: no build time, so a build of a commit is always the same."""
    by_commit: dict[str, list[Change]] = {}
    for change in history.changes:
        by_commit.setdefault(change.commit, []).append(change)
    feed_url = f"{address}{page.lang}/changes.xml"
    page_url = f"{address}{page.lang}/changes/"
    updated = history.changes[0].date if history.changes else "1970-01-01T00:00:00Z"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{page.lang}">',
             f"<title>{escape(page.t('changes.feed_title'))}</title>", f"<id>{escape(feed_url)}</id>",
             f'<link rel="self" href="{escape(feed_url)}"/>', f'<link rel="alternate" href="{escape(page_url)}"/>',
             f"<updated>{updated}</updated>", f"<author><name>{escape(page.t('site.name'))}</name></author>"]
    for commit, changes in list(by_commit.items())[:FEED_ENTRIES]:
        views = [change_view(page, change) for change in changes]
        items = "".join(f"<li>{_line(view)}</li>" for view in views)
        records = ", ".join(dict.fromkeys(view["record"]["text"] for view in views))
        title = f"{views[0]['date']}: {records}"
        lines += ["<entry>", f"<title>{escape(_shorten(title))}</title>", f"<id>urn:git:{commit}</id>",
                  f'<link rel="alternate" href="{escape(views[0]["commit_href"])}"/>',
                  f"<updated>{changes[0].date}</updated>",
                  f'<content type="html">{escape(f"<ul>{items}</ul>")}</content>', "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _shorten(text: str, length: int = 120) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def _line(view: dict[str, Any]) -> str:
    """One change as a line of the feed's HTML (each part escaped)."""
    parts = [view["record"]["text"], view["property"], view["action"]]
    if view["old"]:
        parts.append(f"{view['old']} →")
    if view["new"]:
        parts.append(view["new"] if view["old"] else f"→ {view['new']}")
    if view["source"]:
        parts.append(view["source"]["text"])
    if view["count"]:
        parts.append(str(view["count"]))
    return escape(" · ".join(str(part) for part in parts[:3]) + (": " + " ".join(str(p) for p in parts[3:])
                                                                    if parts[3:] else ""))

