"""Names the quotes must give: E310 name-not-in-quote.

A value's name fields (value_types.ValueType.named_fields: a score's benchmark, a result's benchmark and scope,
a list's name) must be given by the claim's citations, as E305 asks of its numbers. Names are compared
ignoring case, spaces and punctuation (`GPQA Diamond` is `GPQA-Diamond`, `KoMT-Bench` is `KoMT-Bench[1]`),
and a name in two languages is given when either language's text is. A name is given

1. by a quote or its English rendering (`<td >GPQA-Diamond</td> <td>75.4</td>` names GPQA-Diamond);
2. for a quote that is a row of a table (a Markdown `|` row, an HTML `<td>` row) whose columns are the
   benchmarks, by the table's header in the archived copy: the header cells (`<th>`, or the Markdown lines
   above the `|---|` rule) of the table the quoted line stands in, as one name or word by word with the row
   (a group header over a column header, a row under the section that introduces its table: "KoBEST" above
   a row "boolq"). Checked only with the archive;
3. for a quote in prose, word by word, by the quotes the fact base takes from the same source: an article
   names a report once ("Microsoft's AI Diffusion Report") and then quotes its figures ("GPT-5 = 100, 84.1").
   Here a qualifier the claim adds after the name (`Report (GPT-5 = 100)`, `Report: gap behind GPT-5`) is
   the claim's description of the figure, not a name, and is not looked for.

A row's own label is never read as a header: a table whose rows are the benchmarks names each one in its row.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from ..archive import Archive
from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Claim

_LETTERS = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^<>]*>")
_QUALIFIER = re.compile(r"\s*(?:\([^()]*\)|:.*)$")
_MARKDOWN_ROW = re.compile(r"^\s*\|")
_MARKDOWN_RULE = re.compile(r"^\s*\|[\s:|-]+\|\s*$")
_SHOWN = 80  # characters of a quote shown in a message


def squeezed(text: str) -> str:
    """Letters and digits only, case folded, markup tags dropped: what two spellings of one name share
    (`τ<sup>2</sup>-Bench` is `τ²-Bench`, as far as NFKC folds ² to 2)."""
    return "".join(_LETTERS.findall(unicodedata.normalize("NFKC", _TAG.sub("", text)).casefold()))


def _names(value: Any) -> list[str]:
    """A name field's texts: a string, or a name in each language (`{ko, en, rendered}`)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [value[lang] for lang in ("ko", "en") if isinstance(value.get(lang), str)]
    return []


def _quotes(citation: dict[str, Any]) -> list[str]:
    return [citation[field] for field in ("quote", "quote_en") if isinstance(citation.get(field), str)]


def _is_row(quote: str) -> bool:
    return bool(_MARKDOWN_ROW.match(quote)) or "<td" in quote.casefold()


def table_header(lines: list[str], line: int) -> str:
    """The header cells of the table that 1-based `line` of `lines` stands in ('' when it is not in one)."""
    return _table_start_and_header(lines, line - 1)[1]


def _table_start_and_header(lines: list[str], index: int) -> tuple[int | None, str]:
    if not 0 <= index < len(lines):
        return None, ""
    if _MARKDOWN_ROW.match(lines[index]):
        start = index
        while start > 0 and _MARKDOWN_ROW.match(lines[start - 1]):
            start -= 1
        rule_at = next((i for i in range(start, index) if _MARKDOWN_RULE.match(lines[i])), None)
        return (start, " ".join(lines[start:rule_at])) if rule_at is not None else (None, "")
    table = next((i for i in range(index, -1, -1) if "<table" in lines[i].casefold()), None)
    if table is None:
        return None, ""
    return table, " ".join(text for text in lines[table:index] if "<th" in text.casefold())


def table_section(lines: list[str], line: int) -> str:
    """What introduces the table that 1-based `line` stands in: the lines from the nearest heading above it to
    the table ("#### 한국어 … [KoBEST]: BoolQ, COPA, …"); '' when the line is not in a table."""
    start, _ = _table_start_and_header(lines, line - 1)
    if start is None:
        return ""
    heading = next((i for i in range(start - 1, -1, -1) if lines[i].lstrip().startswith("#")), 0)
    return " ".join(lines[heading:start])


def _words_in(name: str, text: str) -> bool:
    """Every word of a name, less a qualifier the claim adds (`Average (KMMLU, CLIcK)`), stands in `text`
    (squeezed): a name the table builds from a group header and a column header ("KoBEST" over "BoolQ")."""
    words = [squeezed(word) for word in _LETTERS.findall(_QUALIFIER.sub("", name))]
    return bool(words) and all(word in text for word in words)


class _Given:
    """What can name a value for a claim: its quotes, the archived tables they stand in, its sources' quotes."""

    def __init__(self, base: FactBase, archive: Archive | None) -> None:
        self.base = base
        self.sources = base.of_kind("source")
        self.archive = archive
        self._lines: dict[str, list[str] | None] = {}

    @cached_property
    def said(self) -> dict[str, str]:
        """Source id -> every quote taken from it, squeezed: asked only for a name its own quote does not give."""
        said: dict[str, list[str]] = defaultdict(list)
        for claim in self.base.claims():
            for _, citation in claim.citations():
                if isinstance(citation.get("source"), str):
                    said[citation["source"]].extend(squeezed(quote) for quote in _quotes(citation))
        return {source: " ".join(quotes) for source, quotes in said.items()}

    def lines(self, source_id: Any) -> list[str] | None:
        """The archived copy of a source, line by line; None without an archive or a copy."""
        if not isinstance(source_id, str) or self.archive is None or source_id not in self.sources:
            return None
        if source_id not in self._lines:
            archived = self.sources[source_id].data.get("archive")
            file = archived.get("file") if isinstance(archived, dict) else None
            text = self.archive.get(file) if isinstance(file, str) else None
            self._lines[source_id] = text.raw.decode("utf-8", errors="replace").split("\n") if text else None
        return self._lines[source_id]

    def names(self, claim: Claim, name: str) -> bool | None:
        """Whether the citations give `name`; None when nothing could be checked (a table row, no archive)."""
        wanted = squeezed(name)
        words = [squeezed(word) for word in _LETTERS.findall(_QUALIFIER.sub("", name))]
        checked = False
        for _, citation in claim.citations():
            quotes = _quotes(citation)
            if any(wanted in squeezed(quote) for quote in quotes):
                return True
            if any(_is_row(quote) for quote in quotes):
                lines = self.lines(citation.get("source"))
                line = citation.get("line")
                if lines is None or not isinstance(line, int):
                    continue
                checked = True
                header = squeezed(table_header(lines, line))
                context = header + squeezed(table_section(lines, line)) + "".join(squeezed(q) for q in quotes)
                if wanted in header or _words_in(name, context):
                    return True
            else:
                checked = True
                pool = self.said.get(str(citation.get("source")), "")
                if words and all(word in pool for word in words):
                    return True
        return False if checked else None


def _message(claim: Claim, field: str, name: str) -> str:
    quote = next((citation["quote"] for _, citation in claim.citations() if isinstance(citation.get("quote"), str)),
                 "")
    shown = quote if len(quote) <= _SHOWN else quote[:_SHOWN] + "…"
    return (f"the {field} {name!r} is not named by a quote, by the header of a table quoted, or by the source's "
            f"other quotes; the quote reads «{shown}»")


def _check(claim: Claim, given: _Given) -> Iterator[Diagnostic]:
    value_type = claim.value_type
    value = claim.data.get("value")
    if value_type is None or not isinstance(value, dict):
        return
    for field in value_type.named_fields:
        names = _names(value.get(field))
        verdicts = [given.names(claim, name) for name in names]
        if names and False in verdicts and True not in verdicts:
            path = (*claim.path, "value", field)
            yield claim.record.diagnostic(
                path, "E310", "name-not-in-quote", _message(claim, field, names[0]),
                f"name the {field} as the source does (case, spaces and punctuation aside), or cite the words "
                "that name it")


@rule(
    Scope.BASE_OR_ARCHIVE,
    Code("E310", "name-not-in-quote",
         ko="벤치마크·순위·목록의 이름과 범위(‘오픈 웨이트 모델 중’, ‘국내’)는 인용문이 적고 있어야 한다(대소문자·"
            "공백·문장부호는 무시: ‘GPQA Diamond’와 ‘GPQA-Diamond’는 같다). 표의 한 행을 인용했다면 보관본에서 그 "
            "표의 머리글이, 기사의 한 문장을 인용했다면 같은 출처의 다른 인용문이 이름을 줄 수 있다. 인용문이 "
            "GPQA-Diamond를 적는데 HumanEval이라고 쓰면 오류다.",
         en="The name of a benchmark, ranking or list, and the scope of a rank ('among open-weight models', 'in "
            "Korea'), is given by a quote (case, spaces and punctuation aside: 'GPQA Diamond' is 'GPQA-Diamond'). "
            "For a quoted table row, the header of that table in the archived copy may name it; for a sentence of "
            "an article, the other quotes taken from the same source may. A claim saying HumanEval where the "
            "quote names GPQA-Diamond is an error."),
)
def check_names(base: FactBase, archive: Archive | None) -> Iterator[Diagnostic]:
    given = _Given(base, archive)
    for claim in base.claims():
        yield from _check(claim, given)
