"""The site's coverage page: the view of the coverage report (factbase/coverage.py) that the template gets."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from factbase.coverage import Coverage, PropertyCoverage

from .paging import pager, take
from .views import Page, claim_value_view


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def coverage_view(page: Page, report: Coverage, number: int = 1) -> dict[str, Any]:
    """The report; its two long tables (sources, claims for review) are split into pages together."""
    by_kind: dict[str, list[PropertyCoverage]] = defaultdict(list)
    for entry in report.properties:
        by_kind[entry.kind].append(entry)
    return {
        "verified": report.verified,
        "sources": [{
            "link": page.link(entry.source.id),
            "kind": page.t(f"source.{entry.source.data.get('kind')}"),
            "claims": entry.claims,
            "quotes": entry.quotes,
            "verified": entry.verified,
        } for entry in take("coverage", report.sources, number)],
        "properties": [{
            "kind": page.t(f"record.{entry.kind}"),
            "property": page.t(f"property.{entry.property}"),
            "claims": entry.claims,
            "single_source": entry.single_source,
            "share": _share(entry.single_source, entry.claims),
        } for entry in report.properties],
        "single_total": sum(e.single_source for e in report.properties),
        "claims_total": sum(e.claims for e in report.properties),
        "reviews": [{
            "record": page.record_link(review.claim.record),
            "property": page.t(f"property.{review.claim.property}"),
            "value": claim_value_view(page, review.claim, footnoted=False),
            "news": [page.link(s) for s in review.news],
            "official": [page.link(s) for s in review.official],
        } for review in take("coverage", report.reviews, number)],
        "review_count": len(report.reviews),
        "first_page": number == 1,
        "pager": pager("coverage", number, max(len(report.sources), len(report.reviews)), page.root),
    }
