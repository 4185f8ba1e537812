"""Time: a claim cited only to sources published before what it reports is a plan (E401); a claim dated after
today is a plan (E402)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claims_fixtures import MODEL_HEADER, Source, check, located, write_base

PLAN_2021 = Source("news-2021", "2021-12-14", ["기사", "내년에 이를 6000억 개까지 늘릴 예정이다."])
REPORT_2022 = Source("news-2022", "2022-03", ["기사", "엑사원은 2022년 6000억 개로 늘었다."])
NEXT_YEAR = Source("news-2026", "2026-11-20", ["기사", "내년 1월 새 모델을 공개한다."])

EVENT = """\
id: event-a
kind: announcement
title:
  ko: 사건 A
  en: Event A
claims:
  date:
    - value: "{value}"
      status: {status}
      citations:
{citations}"""


def citation(source: Source, line: int) -> str:
    return (f"        - source: {source.id}\n          quote: {source.lines[line - 1]}\n"
            f"          quote_en: An English rendering.\n          line: {line}\n")


def run(tmp_path: Path, text: str, sources: list[Source], today: date = date(2026, 11, 23)) -> list:
    facts, archive = write_base(tmp_path, sources, {"events/event-a.yaml": text})
    return check(facts, archive, today)


def test_e401_a_date_only_sources_from_before_it_report(tmp_path: Path) -> None:
    text = EVENT.format(value="2022", status="reported", citations=citation(PLAN_2021, 2))
    found = run(tmp_path, text, [PLAN_2021])
    assert located(found) == [("E401", "event-a.yaml", 8, 14)]
    assert found[0].rule == "reported-before-it-happened"
    assert found[0].hint == ("mark it `status: planned` (a plan or forecast, with `outcome:` once known), or "
                             "cite a source published after it happened")
    assert found[0].message == ("the claim reports 2022, but every source it cites was published before "
                                "that: news-2021 (2021-12-14)")


def test_the_same_date_marked_planned_passes(tmp_path: Path) -> None:
    text = EVENT.format(value="2022", status="planned", citations=citation(PLAN_2021, 2))
    assert run(tmp_path, text, [PLAN_2021]) == []


def test_one_source_from_after_the_date_confirms_it(tmp_path: Path) -> None:
    text = EVENT.format(value="2022", status="reported",
                        citations=citation(PLAN_2021, 2) + citation(REPORT_2022, 2))
    assert run(tmp_path, text, [PLAN_2021, REPORT_2022]) == []


MODEL = MODEL_HEADER + """\
  parameters:
    - value:
        amount: 600000000000
        unit: parameters
      status: reported
      citations:
{citations}      as_of: "2022-06"
"""


def test_e401_applies_to_as_of_too(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [PLAN_2021], {"models/model-a.yaml": MODEL.format(
        citations=citation(PLAN_2021, 2))})
    found = check(facts, archive)
    assert located(found) == [("E401", "model-a.yaml", 17, 14)]
    assert found[0].message == ("the claim reports 2022-06, but every source it cites was published before "
                                "that: news-2021 (2021-12-14)")


def test_e402_a_date_after_today_must_be_planned(tmp_path: Path) -> None:
    text = EVENT.format(value="2027-01", status="reported", citations=citation(NEXT_YEAR, 2))
    found = run(tmp_path, text, [NEXT_YEAR])
    assert located(found) == [("E402", "event-a.yaml", 8, 14)]
    assert found[0].rule == "future-not-planned"
    assert found[0].hint == "mark it `status: planned`: it has not happened yet"
    assert found[0].message == ("the claim reports 2027-01, after today (2026-11-23), but its status is "
                                "'reported'")


def test_a_planned_date_after_today_passes(tmp_path: Path) -> None:
    text = EVENT.format(value="2027-01", status="planned", citations=citation(NEXT_YEAR, 2))
    assert run(tmp_path, text, [NEXT_YEAR]) == []


def test_once_the_day_has_come_it_is_no_longer_in_the_future(tmp_path: Path) -> None:
    text = EVENT.format(value="2027-01", status="reported", citations=citation(NEXT_YEAR, 2))
    # still cited only to a source from before it: no longer E402, but E401
    assert [d.code for d in run(tmp_path, text, [NEXT_YEAR], today=date(2027, 1, 1))] == ["E401"]


def test_a_source_of_the_same_month_is_not_before_a_day_in_it(tmp_path: Path) -> None:
    source = Source("news-2022-03", "2022-03", ["기사", "LG AI연구원이 22일 얼라이언스를 발족했다."])
    text = EVENT.format(value="2022-03-22", status="reported", citations=citation(source, 2))
    assert run(tmp_path, text, [source]) == []
