"""Quotes against the archive: E301 quote-not-in-source, E302 quote-line-mismatch,
E303 archive-file-missing, E304 archive-hash-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..archive import Archive, ArchivedText, normalise
from ..base import FactBase
from ..checks import Code, Scope, rule
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


def not_in_source(text: ArchivedText, quote: str, source_id: str) -> str:
    """What E301 says of a quote the archived copy does not hold: how much of it matches, up to where."""
    prefix = _matching_prefix(text, quote)
    shown = f"«{prefix[-40:]}» matches, then the quote differs" if prefix else "no part matches"
    return (f"the quote is not in source {source_id!r} ({len(prefix)} of {len(normalise(quote))} "
            f"characters match: {shown})")


def archived(archive: Archive, source: Record) -> ArchivedText | None:
    archived = source.data.get("archive")
    file = archived.get("file") if isinstance(archived, dict) else None
    return archive.get(file) if isinstance(file, str) else None


Checkable = tuple[Claim, tuple[str | int, ...], dict[str, Any], Record, ArchivedText]


def _checked(base: FactBase, archive: Archive | None) -> Iterator[Checkable]:
    """(claim, citation path, citation, source, archived text) of each quote the archive can verify: its source
    is known, archived, and the quote is text."""
    sources = base.of_kind("source")
    for claim in base.claims():
        for path, citation in claim.citations():
            source_id = citation.get("source")
            source = sources.get(source_id) if isinstance(source_id, str) else None
            text = archived(archive, source) if archive and source else None
            if source is not None and text is not None and isinstance(citation.get("quote"), str):
                yield claim, path, citation, source, text


def quote_count(base: FactBase, archive: Archive | None, diagnostics: list[Diagnostic]) -> QuoteCount:
    """Quotes verified (checked against the archive and found: not E301) and quotes the archive could not
    check (no archive, no such source, or no archived copy of it)."""
    checked = sum(1 for _ in _checked(base, archive))
    cited = sum(1 for claim in base.claims() for _ in claim.citations())
    return QuoteCount(verified=checked - sum(d.code == "E301" for d in diagnostics), unverified=cited - checked)


@rule(
    Scope.ARCHIVE,
    Code("E303", "archive-file-missing",
         ko="출처의 보관본이 보관 폴더에 있어야 한다.",
         en="Each source's archived copy is in the archive folder."),
    Code("E304", "archive-hash-mismatch",
         ko="보관본의 SHA-256이 기록된 값과 같아야 한다. 보관본이 바뀌면 어느 출처인지 알려 준다.",
         en="The archived copy's SHA-256 matches the recorded one; a changed copy is named."),
)
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


@rule(
    Scope.ARCHIVE,
    Code("E301", "quote-not-in-source",
         ko="인용문은 보관된 출처 본문에 그대로 있어야 한다(유니코드 NFC와 공백 정규화 후 비교). 한 글자만 달라도 "
            "오류다.",
         en="The quote stands verbatim in the archived source (compared after Unicode NFC and whitespace "
            "normalisation); one changed character is an error."),
    Code("E302", "quote-line-mismatch",
         ko="인용의 줄 번호는 보관본에서 인용이 시작되는 줄이어야 한다.",
         en="A citation's line is the line of the archived copy where the quote starts."),
)
def check_quotes(base: FactBase, archive: Archive) -> Iterator[Diagnostic]:
    for claim, path, citation, source, text in _checked(base, archive):
        quote = citation["quote"]
        lines = text.lines_of(quote)
        if not lines:
            yield claim.record.diagnostic(
                (*path, "quote"), "E301", "quote-not-in-source", not_in_source(text, quote, source.id),
                "copy the quote verbatim from the archived source")
            continue
        if citation.get("line") not in lines:
            where = ", ".join(map(str, lines))
            yield claim.record.diagnostic(
                (*path, "line"), "E302", "quote-line-mismatch",
                f"the quote starts on line {where} of the source, not line {citation.get('line')}",
                f"set `line: {lines[0]}`")

