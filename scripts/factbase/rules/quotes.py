"""Quotes against the archive: E301 quote-not-in-source, E302 quote-line-mismatch,
E303 archive-file-missing, E304 archive-hash-mismatch, E309 quote-unverified.

Without the archive (or without a source's archived copy) a quote cannot be verified: a contributor's run
says so and counts them; in CI (`CI=true`, see archive.quotes_must_be_verified) each is an error, E309, so
that no invented quote passes a public check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..archive import Archive, ArchivedText, normalise
from ..base import FactBase
from ..diagnostics import Diagnostic
from ..records import Claim, Record


@dataclass
class QuoteCount:
    verified: int = 0
    unverified: int = 0


def _matching_prefix(text: ArchivedText, quote: str) -> str:
    """The longest start of the (normalised) quote that the source contains."""
    needle = normalise(quote)
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in text.normalised:
            low = middle
        else:
            high = middle - 1
    return needle[:low]


def _archived(archive: Archive, source: Record) -> ArchivedText | None:
    archived = source.data.get("archive")
    file = archived.get("file") if isinstance(archived, dict) else None
    return archive.get(file) if isinstance(file, str) else None


def check_archive_files(base: FactBase, archive: Archive) -> Iterator[Diagnostic]:
    for source in base.of_kind("source").values():
        archived = source.data.get("archive")
        if not isinstance(archived, dict) or not isinstance(archived.get("file"), str):
            continue
        text = archive.get(archived["file"])
        if text is None:
            yield source.diagnostic(("archive", "file"), "E303", "archive-file-missing",
                                    f"{archived['file']!r} is not in the archive {archive.directory}",
                                    "archive the source there, or fix the path")
        elif text.sha256 != archived.get("sha256"):
            yield source.diagnostic(("archive", "sha256"), "E304", "archive-hash-mismatch",
                                    f"the archived copy of source {source.id!r} has sha256 {text.sha256}, "
                                    f"not the recorded {archived.get('sha256')}",
                                    "the copy changed: re-check every quote, then record the new hash")


def _unverified(claim: Claim, path: tuple[str | int, ...], archive: Archive | None, source: Record) -> Diagnostic:
    why = "no archive was given" if archive is None else \
        f"the archived copy of source {source.id!r} is not in {archive.directory}"
    return claim.record.diagnostic((*path, "quote"), "E309", "quote-unverified",
                                   f"the quote cannot be verified: {why}; CI verifies every quote",
                                   "run with the archive (--archive DIR or $FACTS_ARCHIVE), holding every source")


def check_quotes(base: FactBase, archive: Archive | None, count: QuoteCount,
                 require_verified: bool = False) -> Iterator[Diagnostic]:
    """Each quote against its source's archived copy; with `require_verified`, a quote that cannot be
    checked is an error too."""
    sources = base.of_kind("source")
    for claim in base.claims():
        for path, citation in claim.citations():
            quote, source_id = citation.get("quote"), citation.get("source")
            source = sources.get(source_id) if isinstance(source_id, str) else None
            text = _archived(archive, source) if archive and source else None
            if source is None or text is None or not isinstance(quote, str):
                count.unverified += 1
                if require_verified and source is not None and isinstance(quote, str):
                    yield _unverified(claim, path, archive, source)  # a missing source is E203's
                continue
            lines = text.lines_of(quote)
            if not lines:
                prefix = _matching_prefix(text, quote)
                shown = f"«{prefix[-40:]}» matches, then the quote differs" if prefix else "no part matches"
                yield claim.record.diagnostic(
                    (*path, "quote"), "E301", "quote-not-in-source",
                    f"the quote is not in source {source.id!r} ({len(prefix)} of {len(normalise(quote))} "
                    f"characters match: {shown})",
                    "copy the quote verbatim from the archived source")
                continue
            count.verified += 1
            if citation.get("line") not in lines:
                where = ", ".join(map(str, lines))
                yield claim.record.diagnostic(
                    (*path, "line"), "E302", "quote-line-mismatch",
                    f"the quote starts on line {where} of the source, not line {citation.get('line')}",
                    f"set `line: {lines[0]}`")
