"""Names the quotes must give (E310): a score's benchmark named by the quote, by the header of the quoted table
row in the archived copy, or, for a sentence of an article, by the other quotes taken from the same source."""

from __future__ import annotations

from pathlib import Path

import pytest
from claims_fixtures import MODEL_HEADER, Source, check, write_base
from factbase.archive import Archive
from factbase.rules.names import squeezed, table_header
from factbase.validation import validate

README = Source("readme-1", "2025-07-15", [
    "# Model README",  # 1
    "<table>",  # 2
    "<tr><th>Models</th> <th>MT-Bench</th> <th>GPQA Diamond (pass@1)</th></tr>",  # 3
    "<tr><td>Model A</td> <td>8.51</td> <td>66.1</td></tr>",  # 4
    "</table>",  # 5
    "| Benchmark    | Model A |",  # 6
    "|--------------|---------|",  # 7
    "| KMMLU-Redux  | 72.7    |",  # 8
    "| Tau-Bench (Airline) | 51.5 |",  # 9
], language="en", kind="repository-readme")
NEWS = Source("news-1", "2025-11-20", [
    "마이크로소프트는 ‘AI 확산 보고서’에서 모델 A를 3위로 평가했다.",  # 1
    "GPT-5의 성능이 100점이라면 모델 A는 82.4점으로 매겼다.",  # 2
])
REPORT_EN = "In its 'AI Diffusion Report', Microsoft ranked Model A third."

# `benchmark:` is on line 9, col 20.
MODEL = MODEL_HEADER + """\
  benchmark:
    - value:
        benchmark: {benchmark}
        score: {score}
        unit: {unit}
      status: reported
      citations:
        - source: {source}
          quote: "{quote}"
          line: {line}
{extra}"""


def claim(benchmark: str, score: str, source: Source, line: int, unit: str = "points", extra: str = "") -> str:
    quote = source.lines[line - 1].replace('"', '\\"')
    if source.language != "en":
        extra = "          quote_en: an English rendering\n" + extra
    return MODEL.format(benchmark=benchmark, score=score, unit=unit, source=source.id, quote=quote, line=line,
                        extra=extra)


def run(tmp_path: Path, text: str, archived: bool = True) -> list:
    facts, archive = write_base(tmp_path, [README, NEWS], {"models/model-a.yaml": text})
    if not archived:
        return validate([facts], None).diagnostics
    return check(facts, archive)


@pytest.mark.parametrize(("benchmark", "score", "line"), [
    ("KMMLU-Redux", "72.7", 8),  # named by the row
    ("kmmlu redux", "72.7", 8),  # case, spaces and punctuation aside
    ("Tau-Bench (Airline)", "51.5", 9),
    ("MT-Bench", "8.51", 4),  # by the header of the table the row stands in
    ("GPQA Diamond", "66.1", 4),  # `GPQA Diamond (pass@1)` in the header
    ("GPQA-Diamond", "66.1", 4),
])
def test_a_benchmark_named_by_its_row_or_its_table_header_is_accepted(tmp_path: Path, benchmark: str, score: str,
                                                                      line: int) -> None:
    assert run(tmp_path, claim(benchmark, score, README, line)) == []


def test_a_renamed_benchmark_is_a_located_error(tmp_path: Path) -> None:
    (found,) = run(tmp_path, claim("HumanEval", "72.7", README, 8))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E310", "model-a.yaml", 9, 20)
    assert found.message == ("the benchmark 'HumanEval' is not named by a quote, by the header of a table quoted, "
                             "or by the source's other quotes; the quote reads «| KMMLU-Redux  | 72.7    |»")
    assert "name the benchmark as the source does" in found.hint


def test_a_row_label_is_not_a_header(tmp_path: Path) -> None:
    """Renaming one row's benchmark to another row's: the header above does not name it."""
    (found,) = run(tmp_path, claim("KMMLU-Redux", "51.5", README, 9))
    assert (found.code, found.line, found.col) == ("E310", 9, 20)


def test_a_header_benchmark_not_in_the_header_is_an_error(tmp_path: Path) -> None:
    (found,) = run(tmp_path, claim("LiveBench", "8.51", README, 4))
    assert (found.code, found.line, found.col) == ("E310", 9, 20)
    assert "'LiveBench' is not named" in found.message


def test_a_table_row_is_not_checked_without_the_archive(tmp_path: Path) -> None:
    assert [d.code for d in run(tmp_path, claim("LiveBench", "8.51", README, 4), archived=False)] == []


def test_without_the_archive_a_row_that_names_another_benchmark_is_still_unchecked_but_prose_is(
        tmp_path: Path) -> None:
    text = claim("Stanford AI Index", "82.4", NEWS, 2)
    assert [(d.code, d.line, d.col) for d in run(tmp_path, text, archived=False)] == [("E310", 9, 20)]


def test_a_sentence_may_take_the_name_from_another_quote_of_the_same_source(tmp_path: Path) -> None:
    """The report is named once in the article; its figure is quoted from a later sentence. The qualifier the
    claim adds after the name is not looked for."""
    other = MODEL_HEADER.replace("model-a", "model-b").replace("모델 A", "모델 B").replace("Model A", "Model B")
    other += claim("Microsoft AI Diffusion Report", "3", NEWS, 1, unit="rank",
                   extra=f"          quote_en: \"{REPORT_EN}\"\n").split("claims:\n", 1)[1]
    other = other.replace("quote_en: an English rendering\n          ", "")
    facts, archive = write_base(tmp_path, [README, NEWS], {
        "models/model-a.yaml": claim("Microsoft AI Diffusion Report (GPT-5 = 100)", "82.4", NEWS, 2),
        "models/model-b.yaml": other,
    })
    assert [d.format_text() for d in check(facts, archive)] == []
    (found,) = check(*write_base(tmp_path / "renamed", [README, NEWS], {
        "models/model-a.yaml": claim("Stanford AI Index (GPT-5 = 100)", "82.4", NEWS, 2),
        "models/model-b.yaml": other,
    }))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E310", "model-a.yaml", 9, 20)


def test_table_headers() -> None:
    lines = [line for line in README.lines]
    assert table_header(lines, 4) == lines[2]
    assert table_header(lines, 8) == lines[5]
    assert table_header(lines, 1) == ""
    assert table_header(lines, 99) == ""
    assert squeezed("KoMT-Bench[1]") == "komtbench1" and squeezed("GPQA Diamond") == squeezed("gpqa-diamond")


def test_the_real_fact_base_names_every_benchmark() -> None:
    from conftest import ARCHIVE, ROOT
    report = validate([ROOT / "facts"], Archive(ARCHIVE) if ARCHIVE.is_dir() else None)
    assert [d.format_text() for d in report.diagnostics if d.code == "E310"] == []
