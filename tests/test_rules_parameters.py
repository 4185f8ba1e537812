"""Total and active parameters of a mixture-of-experts model (E404): two properties, no false conflict, and the
active count never above the total."""

from __future__ import annotations

from pathlib import Path

import pytest
from claims_fixtures import MODEL_HEADER, Source, check, write_base

NEWS = Source("news-1", "2025-12-30", [
    "K-EXAONE 공개",
    "K-EXAONE은 총 파라미터 2360억 개 가운데 230억 개만 활성화하는 전문가 혼합(MoE) 구조다.",
])
QUOTE_EN = "K-EXAONE is a mixture-of-experts model that activates only 23B of its 236B parameters."


def claims(total: str, active: str, total_status: str = "confirmed", active_qualifier: str = "") -> str:
    qualifier = f"\n        qualifier: {active_qualifier}" if active_qualifier else ""
    citation = f"""\
      citations:
        - source: news-1
          quote: "{NEWS.lines[1]}"
          quote_en: "{QUOTE_EN}"
          line: 2
"""
    # parameters' `amount:` is line 9, active_parameters' line 19
    return MODEL_HEADER + f"""\
  parameters:
    - value:
        amount: {total}
        unit: parameters
      status: {total_status}
{citation}  active_parameters:
    - value:
        amount: {active}
        unit: parameters{qualifier}
      status: confirmed
{citation}"""


def run(tmp_path: Path, text: str) -> list:
    facts, archive = write_base(tmp_path, [NEWS], {"models/k-exaone.yaml": text.replace("model-a", "k-exaone")})
    return check(facts, archive)


def test_236b_total_with_23b_active_is_expressible_and_no_conflict(tmp_path: Path) -> None:
    assert [d.format_text() for d in run(tmp_path, claims("236000000000", "23000000000"))] == []


def test_active_above_total_is_a_located_error(tmp_path: Path) -> None:
    (found,) = run(tmp_path, claims("23000000000", "236000000000"))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E404", "k-exaone.yaml", 19, 17)
    assert found.rule == "active-exceeds-total"
    assert found.message == ("active_parameters[0] says 236,000,000,000 parameters, more than the total of "
                             "parameters[0], 23,000,000,000: the active parameters are a part of the total")
    assert found.hint.startswith("swap the two")


@pytest.mark.parametrize(("status", "qualifier"), [("superseded", ""), ("planned", ""), ("confirmed", "at-least")])
def test_a_total_left_aside_or_an_unbounded_active_count_is_not_compared(tmp_path: Path, status: str,
                                                                         qualifier: str) -> None:
    found = run(tmp_path, claims("23000000000", "236000000000", status, qualifier))
    assert [d.code for d in found if d.code == "E404"] == []
