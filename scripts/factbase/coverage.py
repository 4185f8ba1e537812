"""The coverage report: how well the fact base rests on its sources. `scripts/coverage.py` prints it; the site's
coverage page shows it (sitegen/coverage.py holds only that view).

- Per source: how many claims cite it, and how many of its quotes were verified against the archived copy.
- Per record kind and claim property: how many claims rest on a single source.
- For review (a warning, not an error): claims resting only on news articles in a record that cites an
  official source (a repository README or a press release) elsewhere: the official source may say it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .archive import Archive
from .base import FactBase
from .records import Claim, Record, iter_claims

OFFICIAL_KINDS = ("repository-readme", "press-release")
NEWS_KINDS = ("news-article",)


@dataclass
class SourceCoverage:
    source: Record
    claims: int = 0
    quotes: int = 0
    verified: int | None = None  # None: no archive to verify against


@dataclass
class PropertyCoverage:
    kind: str
    property: str
    claims: int = 0
    single_source: int = 0


@dataclass
class Review:
    claim: Claim
    news: list[str]
    official: list[str]

    @property
    def message(self) -> str:
        return (f"{self.claim.property}[{self.claim.path[-1]}] rests only on news articles "
                f"({', '.join(self.news)}); the record cites official sources ({', '.join(self.official)})")


@dataclass
class Coverage:
    sources: list[SourceCoverage] = field(default_factory=list)
    properties: list[PropertyCoverage] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    verified: bool = False  # quotes were checked against an archive


def _cited(claim: Claim) -> list[str]:
    """The ids of the sources a claim cites, each once, in order."""
    ids = (citation.get("source") for _, citation in claim.citations())
    return list(dict.fromkeys(source_id for source_id in ids if isinstance(source_id, str)))


def _quote_found(archive: Archive, source: Record, quote: Any) -> bool:
    copy = source.data.get("archive")
    text = archive.get(copy["file"]) if isinstance(copy, dict) and isinstance(copy.get("file"), str) else None
    return text is not None and isinstance(quote, str) and bool(text.lines_of(quote))


def _reviews(record: Record, kinds: dict[str, str]) -> list[Review]:
    claims = list(iter_claims(record))
    cited = [source_id for claim in claims for source_id in _cited(claim)]
    official = list(dict.fromkeys(s for s in cited if kinds.get(s) in OFFICIAL_KINDS))
    if not official:
        return []
    return [Review(claim, cited, official) for claim in claims
            if (cited := _cited(claim)) and all(kinds.get(s) in NEWS_KINDS for s in cited)]


def coverage(base: FactBase, archive: Archive | None) -> Coverage:
    sources = base.of_kind("source")
    kinds = {source_id: str(record.data.get("kind", "")) for source_id, record in sources.items()}
    per_source = {source_id: SourceCoverage(record, verified=0 if archive else None)
                  for source_id, record in sorted(sources.items())}
    per_property: dict[tuple[str, str], PropertyCoverage] = {}
    report = Coverage(list(per_source.values()), verified=archive is not None)
    for record in base.records:
        for claim in iter_claims(record):
            cited = _cited(claim)
            counted = per_property.setdefault((record.kind, claim.property),
                                              PropertyCoverage(record.kind, claim.property))
            counted.claims += 1
            counted.single_source += len(cited) == 1
            for source_id in cited:
                if source_id in per_source:
                    per_source[source_id].claims += 1
            for _, citation in claim.citations():
                named = citation.get("source")
                entry = per_source.get(named) if isinstance(named, str) else None
                if entry is None:
                    continue
                entry.quotes += 1
                if archive is not None and entry.verified is not None:
                    entry.verified += _quote_found(archive, entry.source, citation.get("quote"))
        report.reviews.extend(_reviews(record, kinds))
    report.properties = sorted(per_property.values(), key=lambda p: (p.kind, p.property))
    return report


def reviews_located(report: Coverage) -> list[tuple[str, int, int, str]]:
    """(path, line, column, message) of each claim flagged for review, for the CLI."""
    found = []
    for review in report.reviews:
        line, col = review.claim.record.document.position(review.claim.path)
        found.append((review.claim.record.path, line, col, review.message))
    return sorted(found)

