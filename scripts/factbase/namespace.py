"""One namespace for record ids, and the names the site keeps for itself.

Records link to each other by id alone (`developer: lg-ai-research`, `source: news-a`), so an id names one
record whatever its kind: a model with an organisation's id would take over every link to it. The site
also builds folders, pages and anchors from names of its own; an id may not be one of them:

- a generated page or folder of either language (`index`, `404`, `page-2`, the list pages, the asset,
  search-index and download folders);
- a prefix of the anchors the site generates (`kf-note-1`, `claim-parameters`, `year-2021`).

Anchors made from record ids carry their kind as a prefix (`event-<id>`, `partnership-<id>`), so no
record id can be the same as an anchor the site makes itself; tests/test_site_html.py checks that no
built page has an `id` attribute twice.
"""

from __future__ import annotations

import re

RESERVED_IDS = frozenset({
    "index", "404", "search", "sitemap", "feed", "api", "data", "assets", "pagefind", "javascripts",
    "stylesheets", "downloads", "ko", "en", "models", "organizations", "sources", "events", "partnerships",
    "timeline", "disputed", "coverage", "reference", "how-we-check", "facts", "claims", "rules",
})
# Prefixes of the anchors and pages the site generates itself: a record id may not start with one.
RESERVED_PREFIXES = ("kf-", "claim-", "year-", "coverage-", "page-")
# Anchors made from record ids: the record's kind, then its id (`event-2021-exaone-unveiled`). No anchor the
# site makes itself starts so, and a record id is never an anchor on its own: an id may start with them.
RECORD_ANCHOR_PREFIXES = {"event": "event-", "partnership": "partnership-"}
_PAGE_NUMBER = re.compile(r"page-[0-9]+")


def reserved_because(record_id: str) -> str | None:
    """Why the site keeps `record_id` for itself, or None."""
    if record_id in RESERVED_IDS:
        return f"{record_id!r} is the name of a page or folder the site generates"
    if _PAGE_NUMBER.fullmatch(record_id):
        return f"{record_id!r} is the name of a numbered list page"
    prefix = next((prefix for prefix in RESERVED_PREFIXES if record_id.startswith(prefix)), None)
    if prefix:
        return f"{record_id!r} starts with {prefix!r}, a prefix of the site's own anchors and pages"
    return None
