"""E309 quote-unverified: in CI every quote is verified against the archive, or the run fails.

On a contributor's machine a quote that cannot be verified (no archive, or no archived copy of its source)
is counted and said so in the summary line. Where `CI=true` (archive.quotes_must_be_verified: GitHub Actions
and .ci/run set it) each is an error, so that no invented quote passes a public check."""

from __future__ import annotations

from collections.abc import Iterator

from ..archive import Archive
from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from .quotes import archived


@rule(
    Scope.CI,
    Code("E309", "quote-unverified",
         ko="CI(CI=true)에서는 모든 인용문을 보관본과 대조해야 한다. 보관 폴더가 없거나 출처의 보관본이 없어 대조할 "
            "수 없는 인용문은 오류다.",
         en="In CI (CI=true) every quote is verified against the archive: a quote that cannot be (no archive, or "
            "no archived copy of its source) is an error."),
)
def check_unverified_quotes(base: FactBase, archive: Archive | None) -> Iterator[Diagnostic]:
    sources = base.of_kind("source")
    for claim in base.claims():
        for path, citation in claim.citations():
            source_id = citation.get("source")
            source = sources.get(source_id) if isinstance(source_id, str) else None
            if source is None or not isinstance(citation.get("quote"), str):
                continue  # a missing source is E203's, a missing quote the schema's
            if archive is not None and archived(archive, source) is not None:
                continue
            why = "no archive was given" if archive is None else \
                f"the archived copy of source {source.id!r} is not in {archive.directory}"
            yield claim.record.diagnostic((*path, "quote"), "E309", "quote-unverified",
                                          f"the quote cannot be verified: {why}; CI verifies every quote",
                                          "run with the archive (--archive DIR or $FACTS_ARCHIVE), holding every "
                                          "source")
