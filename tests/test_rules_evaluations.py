"""An evaluation's comparisons, worked out from its participants' cited scores: a stated one must agree
(E405), and a score must be a participant's (E406)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from claims_fixtures import check, write_base
from factbase.comparisons import stated_agrees
from test_evaluations import NEWS, QUOTE_EN_3, records

# The evaluation's `claims:` ends with its date; these follow (the first `score`'s participant on line 22).
SCORES = """\
  score:
    - value:
        participant: {first}
        benchmark: {{ko: 13개 벤치마크 평균, en: average of 13 benchmarks, rendered: en}}
        score: 72
        unit: points
      status: reported
      citations:
        - {{source: news-e, quote: "{quote}", quote_en: "{quote_en}", line: 3}}
    - value:
        participant: model-b
        benchmark: {{ko: 13개 벤치마크 평균, en: Average of 13 benchmarks, rendered: en}}
        score: 69.37
        unit: points
      status: reported
      citations:
        - {{source: news-e, quote: "{quote}", quote_en: "{quote_en}", line: 3}}
  comparison:
    - value:
        participant: model-a
        of: model-b
        benchmark: {{ko: 13개 벤치마크 평균, en: average of 13 benchmarks, rendered: en}}
        percent: {percent}
      status: reported
      citations:
        - {{source: news-e, quote: "{quote}", quote_en: "{quote_en}", line: 3}}
"""


def scored(percent: str = "104", first: str = "model-a") -> str:
    return SCORES.format(percent=percent, first=first, quote=NEWS.lines[2], quote_en=QUOTE_EN_3)


def run(tmp_path: Path, more: str) -> list:
    facts, archive = write_base(tmp_path, [NEWS], records(more=more))
    return check(facts, archive)


def test_a_stated_comparison_that_agrees_with_the_cited_scores_is_accepted(tmp_path: Path) -> None:
    assert [d.format_text() for d in run(tmp_path, scored())] == []


def test_a_stated_comparison_that_disagrees_is_a_located_error(tmp_path: Path) -> None:
    """105% is in no quote either (E305); the comparison with the scores is E405's."""
    found = [d for d in run(tmp_path, scored(percent="105")) if d.code == "E405"]
    assert [(d.code, Path(d.path).name, d.line, d.col) for d in found] == [("E405", "round-1.yaml", 42, 18)]
    assert found[0].message == "the stated 105% disagrees with the cited scores: 72 / 69.37 = 103.79%"


def test_a_comparison_without_scores_to_work_it_out_from_is_an_error(tmp_path: Path) -> None:
    comparison_only = "  comparison:" + scored().split("  comparison:", 1)[1]
    (found,) = run(tmp_path, comparison_only)
    assert (found.code, found.line, found.col) == ("E405", 22, 9)
    assert found.message == ("no cited scores of 'model-a' and 'model-b' on this benchmark to work the comparison "
                             "out from")


def test_a_score_of_a_model_that_did_not_take_part_is_a_located_error(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [NEWS], {
        **records(more=scored(first="model-c")),
        "models/model-c.yaml": records()["models/model-a.yaml"].replace("model-a", "model-c"),
    })
    found = [d for d in check(facts, archive) if d.code == "E406"]
    assert [(d.code, Path(d.path).name, d.line, d.col) for d in found] == [("E406", "round-1.yaml", 22, 22)]
    assert found[0].message == "'model-c' scored in this evaluation but is not among its participants"


@pytest.mark.parametrize(("stated", "agrees"), [("104", True), ("103", True), ("103.8", True), ("103.79", True),
                                                ("103.7", True), ("105", False), ("103.9", False), ("100", False)])
def test_stated_percentages_agree_at_their_own_precision(stated: str, agrees: bool) -> None:
    assert stated_agrees(Decimal(stated), Decimal(72) / Decimal("69.37") * 100) is agrees
