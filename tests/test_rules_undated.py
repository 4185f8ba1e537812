"""An undated plan ("향후 …"): its date is the day it was announced, `undated: true`, status planned (E333, E334)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factbase.diagnostics import Diagnostic
from factbase_fixtures import diagnostics_for, make_base, only

PLAN = """\
id: plan-a
kind: plan
title:
  ko: 모델 A 공개 계획
  en: Plan to release Model A
claims:
  date:
    - value: "{date}"
      status: {status}
      undated: true
      citations:
        - source: news-a
          quote: 현재 엑사원의 파라미터는 3000억 개로
          quote_en: EXAONE currently has 300 billion parameters
          line: 4
"""


def _diagnostics(tmp_path: Path, date: str = "2021-12-14", status: str = "planned") -> list[Diagnostic]:
    facts, archive = make_base(tmp_path)
    (facts / "events").mkdir()
    (facts / "events" / "plan-a.yaml").write_text(PLAN.format(date=date, status=status), encoding="utf-8")
    return diagnostics_for(facts, archive)


def test_an_undated_plan_on_the_day_it_was_announced_needs_no_derived(tmp_path: Path) -> None:
    assert _diagnostics(tmp_path) == []


@pytest.mark.parametrize("status", ["confirmed", "reported"])
def test_e333_only_a_plan_is_undated(tmp_path: Path, status: str) -> None:
    found = only(_diagnostics(tmp_path, status=status))
    assert (found.code, found.rule, found.line, found.col) == ("E333", "undated-not-planned", 10, 16)
    assert found.path.endswith("facts/events/plan-a.yaml")
    assert found.message == f"the claim is marked undated but its status is {status!r}"


def test_e334_an_undated_date_is_the_publication_date(tmp_path: Path) -> None:
    found = only(_diagnostics(tmp_path, date="2021-12"))  # the month holds the publication date: E306 is content
    assert (found.code, found.rule, found.line, found.col) == ("E334", "undated-not-announced", 8, 14)
    assert found.path.endswith("facts/events/plan-a.yaml")
    assert found.message == ("an undated plan's date is the day it was announced, but 2021-12 is not the "
                             "publication date of a cited source (news-a 2021-12-14)")


def test_undated_belongs_to_date_claims_only(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    model = facts / "models" / "model-a.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace("      status: reported\n",
                                                               "      status: reported\n      undated: true\n"),
                     encoding="utf-8")
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.line, found.col) == ("E102", 10, 7)
    assert "unknown field `undated`" in found.message
