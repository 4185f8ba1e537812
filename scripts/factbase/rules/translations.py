"""E107 missing-english-rendering: a quote from a source not in English needs `quote_en`."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic


@rule(
    Scope.BASE,
    Code("E107", "missing-english-rendering",
         ko="영어가 아닌 출처의 인용에는 영어 번역(quote_en)이 있어야 한다.",
         en="A quote from a source not in English has an English rendering (quote_en)."),
)
def check_english_renderings(base: FactBase) -> Iterator[Diagnostic]:
    sources = base.of_kind("source")
    for claim in base.claims():
        for path, citation in claim.citations():
            source_id = citation.get("source")
            source = sources.get(source_id) if isinstance(source_id, str) else None
            if source is None or source.data.get("language") == "en" or citation.get("quote_en"):
                continue
            yield claim.record.diagnostic(
                path, "E107", "missing-english-rendering",
                f"the quote from {source.id!r} ({source.data.get('language')}) has no English rendering",
                "add `quote_en:` with an English rendering written for readers")
