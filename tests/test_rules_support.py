"""Quotes support the value: numbers read in Korean and English conventions (E305), dates given by a quote or
the source's publication date, relative dates resolved against it (E306), and the `derived` opt-out (E307,
E308)."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from claims_fixtures import MODEL_HEADER, Source, check, located, write_base
from conftest import ROOT
from factbase.rules.dates import label, mentions, parse_date
from factbase.rules.numerals import numerals, shown
from factbase.rules.support import check_support
from factbase.validation import load_fact_base

README = Source("readme-1", "2024-12-16", [
    "# Model README",
    "2024.12.09: We release the model series including 2.4B, 7.8B, and 32B instruction-tuned models.",
    "| MT-Bench | **9.01** |",
], language="en", kind="repository-readme")
NEWS = Source("news-1", "2021-12-20", [
    "엑사원 공개",
    "LG AI연구원이 14일 초거대 AI 모델 ‘엑사원’을 공개했다.",
    "현재 엑사원의 파라미터는 3000억 개로 국내 최고 수준이다.",
])

# `value:` is on line 8; its first field on line 9.
MODEL = MODEL_HEADER + """\
  {prop}:
    - value:{value}
      status: {status}
      citations:
        - source: {source}
          quote: "{quote}"
{rest}
"""


def model(prop: str, value: str, source: Source, line: int, status: str = "confirmed",
          extra: str = "") -> str:
    rest = f"          line: {line}\n"
    if source.language != "en":
        rest += "          quote_en: an English rendering of the quote\n"
    return MODEL.format(prop=prop, value=value, status=status, source=source.id,
                        quote=source.lines[line - 1].replace('"', '\\"'), rest=rest + extra)


def parameters(amount: str, unit: str = "parameters") -> str:
    return f"\n        amount: {amount}\n        unit: {unit}"


def run(tmp_path: Path, text: str, sources: tuple[Source, ...] = (README, NEWS)) -> list:
    facts, archive = write_base(tmp_path, list(sources), {"models/model-a.yaml": text})
    return check(facts, archive)


# Numbers

def test_e305_a_number_the_quote_does_not_state_shows_both_numbers(tmp_path: Path) -> None:
    found = run(tmp_path, model("parameters", parameters("32500000000"), README, 2))
    assert located(found) == [("E305", "model-a.yaml", 9, 17)]
    assert found[0].rule == "number-not-in-quote"
    assert found[0].message == ("no quote states 32,500,000,000 parameters; the quotes give "
                                "«2.4B» = 2,400,000,000, «7.8B» = 7,800,000,000, «32B» = 32,000,000,000")
    assert found[0].hint == ("correct the number (as precisely as the quote gives it), or quote the words "
                             "that state it; if it is worked out from the quotes, set `derived: true` and "
                             "explain how in `note`")


def test_the_number_as_the_quote_gives_it_is_supported(tmp_path: Path) -> None:
    assert run(tmp_path, model("parameters", parameters("32000000000"), README, 2)) == []


def test_e305_korean_quote_with_another_number(tmp_path: Path) -> None:
    found = run(tmp_path, model("parameters", parameters("30000000000"), NEWS, 3, status="reported"))
    assert located(found) == [("E305", "model-a.yaml", 9, 17)]
    assert found[0].message == ("no quote states 30,000,000,000 parameters; "
                                "the quotes give «3000억» = 300,000,000,000")


def test_a_korean_number_matches_in_its_own_convention(tmp_path: Path) -> None:
    assert run(tmp_path, model("parameters", parameters("300000000000"), NEWS, 3, status="reported")) == []


def test_e305_a_score_not_in_the_quote(tmp_path: Path) -> None:
    score = "\n        benchmark: MT-Bench\n        score: 9.1\n        unit: points"
    found = run(tmp_path, model("benchmark", score, README, 3))
    assert located(found) == [("E305", "model-a.yaml", 10, 16)]
    assert found[0].message == "no quote states 9.1 points; the quotes give «9.01»"


def test_a_score_as_the_quote_gives_it_is_supported(tmp_path: Path) -> None:
    score = "\n        benchmark: MT-Bench\n        score: 9.01\n        unit: points"
    assert run(tmp_path, model("benchmark", score, README, 3)) == []


GOOD = [  # (the quote, the claimed amount, the unit)
    ("파라미터는 3000억 개로", "300000000000", "parameters"),
    ("3,000억 개의 파라미터를 갖췄다", "300000000000", "parameters"),
    ("1초에 9경 5700조 번 연산 처리가 가능한", "95700000000000000", "FLOP/s"),
    ("1억 달러(약 1200억 원) 이상을 투자한다", "100000000", "USD"),
    ("1억 달러(약 1200억 원) 이상을 투자한다", "120000000000", "KRW"),
    ("a 300B model", "300000000000", "parameters"),
    ("with 7.8 billion parameters", "7800000000", "parameters"),
    ("a $1.2bn investment", "1200000000", "USD"),
    ("GPT-3 (175B)", "175000000000", "parameters"),
    ("EXAONE 3.5 32B", "32000000000", "parameters"),
    ("| 6,166,502,400 |", "6166502400", "parameters"),
    ("‘엑사원 딥-32B’(매개변수 320억개)", "32000000000", "parameters"),
    ("2억5000만 개 이미지", "250000000", "images"),
    ("700PF 성능의 슈퍼컴퓨터", "700000000000000000", "FLOP/s"),
    ("long-context processing of up to 32K tokens", "32768", "tokens"),
    ("long-context processing of up to 32K tokens", "32000", "tokens"),
    ("| Model Size | 596M |", "596000000", "parameters"),
    ("pre-trained with 8T curated tokens", "8000000000000", "tokens"),
    ("정확도 56%로", "56", "percent"),
    ("a total of five papers", "5", "papers"),
    ("다운로드 수는 총 850만회를 넘기며", "8500000", "downloads"),
]
BAD = [  # (the quote, the claimed amount, the unit, what the error says the quote gives)
    ("EXAONE 3.5 32B", "32500000000", "parameters", "«3.5», «32B» = 32,000,000,000"),
    ("with 7.8 billion parameters", "7810000000", "parameters", "«7.8 billion» = 7,800,000,000"),
    ("파라미터는 3000억 개로", "30000000000", "parameters", "«3000억» = 300,000,000,000"),
    ("up to 32K tokens", "32768", "parameters", "«32K» = 32,000"),  # x 1024 only for tokens
    ("2024.12.09: We release", "2024.12", "points", "no number"),  # a date is not a number
]


@pytest.mark.parametrize(("quote", "amount", "unit"), GOOD)
def test_numbers_in_either_convention_support_the_claim(tmp_path: Path, quote: str, amount: str,
                                                        unit: str) -> None:
    source = Source("src-1", "2024-12-16", ["title", quote], language="en")
    assert run(tmp_path, model("parameters", parameters(amount, unit), source, 2), (source,)) == []


@pytest.mark.parametrize(("quote", "amount", "unit", "given"), BAD)
def test_numbers_that_differ_are_rejected(tmp_path: Path, quote: str, amount: str, unit: str,
                                          given: str) -> None:
    source = Source("src-1", "2024-12-16", ["title", quote], language="en")
    found = run(tmp_path, model("parameters", parameters(amount, unit), source, 2), (source,))
    assert [(d.code, d.line) for d in found] == [("E305", 9)]
    assert found[0].message == f"no quote states {shown(Decimal(amount))} {unit}; the quotes give {given}"


def test_numerals_are_read_once_each_at_their_scale() -> None:
    text = "1억 달러(약 1200억 원), 9경 5700조, 32B, 7.8 billion, 2,048"
    read = [(n.text, n.value) for n in numerals(text)]
    assert read == [("1억", Decimal(10**8)), ("1200억", Decimal(12 * 10**10)),
                    ("9경 5700조", Decimal(957 * 10**14)), ("32B", Decimal(32 * 10**9)),
                    ("7.8 billion", Decimal("7.8E9")), ("2,048", Decimal(2048))]


# Dates

def test_e306_a_date_neither_quoted_nor_published_lists_both(tmp_path: Path) -> None:
    found = run(tmp_path, model("released", ' "2024-12-10"', README, 2))
    assert located(found) == [("E306", "model-a.yaml", 8, 14)]
    assert found[0].rule == "date-not-supported"
    assert found[0].message == ("neither a quote nor a publication date falls within 2024-12-10: the quotes "
                                "mention «2024.12.09» = 2024-12-09; the sources were published readme-1 "
                                "2024-12-16")
    assert found[0].hint.startswith("correct the date (as precisely as the quote gives it)")


@pytest.mark.parametrize("value", ["2024-12-09", "2024-12", "2024-Q4", "2024-H2", "2024"])
def test_a_quoted_date_supports_any_date_that_holds_it(tmp_path: Path, value: str) -> None:
    assert run(tmp_path, model("released", f' "{value}"', README, 2)) == []


def test_a_relative_day_resolves_against_the_publication_date(tmp_path: Path) -> None:
    # '14일' in an article of 2021-12-20 is 14 December 2021 (the publication date itself is not within it)
    assert run(tmp_path, model("announced", ' "2021-12-14"', NEWS, 2, status="reported")) == []


def test_e306_a_relative_day_that_resolves_elsewhere(tmp_path: Path) -> None:
    found = run(tmp_path, model("announced", ' "2021-12-15"', NEWS, 2, status="reported"))
    assert located(found) == [("E306", "model-a.yaml", 8, 14)]
    assert found[0].message == ("neither a quote nor a publication date falls within 2021-12-15: the quotes "
                                "mention «14일» = 2021-12-14; the sources were published news-1 2021-12-20")


def test_the_publication_date_supports_a_date_that_holds_it(tmp_path: Path) -> None:
    assert run(tmp_path, model("announced", ' "2021-12"', NEWS, 3, status="reported")) == []


MENTIONS = [  # (text, the source's publication date, the dates it gives)
    ("2021년 12월 14일 공개", "2025-12-20", ["2021-12-14"]),
    ("2020년 12월 출범", "2025-12-20", ["2020-12"]),
    ("2024.12.09: We release", "2024-12-16", ["2024-12-09"]),
    ("14일 LG AI연구원이", "2021-12-14", ["2021-12-14"]),
    ("LG AI연구원이 22일 발족했다", "2022-03", ["2022-03-22", "2022-02-22"]),  # published on which day?
    ("오는 7일 출범 4주년을 맞는다", "2024-12-05", ["2024-12-07"]),
    ("지난달 27일 만난", "2024-12-05", ["2024-11-27"]),
    ("지난 8월 선정됐다", "2025-12-20", ["2025-08"]),
    ("지난 12월", "2025-12-20", ["2024-12"]),
    ("올 3월부터", "2024-12-05", ["2024-03"]),
    ("올해 1월 선출됐다", "2024-12-05", ["2024-01"]),
    ("지난해 5월 열린", "2022-03", ["2021-05"]),
    ("지난해 약 40배 증가한", "2025-12-20", ["2024"]),
    ("내년 상반기에는", "2021-05-17", ["2022-H1"]),
    ("올 하반기에 공개할 계획", "2021-05-17", ["2021-H2"]),
    ("당장 이달 서비스를 시작한다", "2024-12-05", ["2024-12"]),
    ("2월 22일 열린 워크숍", "2022-03", ["2022-02-22"]),
    ("released on December 9, 2024", "2025-01", ["2024-12-09"]),
    ("in December 2021", "2025-12-20", ["2021-12"]),
    ("last August", "2024-12-05", ["2024-08"]),
    ("in the second half of this year", "2021-05-17", ["2021-H2"]),
    ("year = {2021},", "2024-01-30", ["2021"]),
    ("2040억 개의 파라미터", "2022-03", []),  # a number, not a year
    ("1년 7개월이 걸렸지만", "2025-12-20", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), MENTIONS)
def test_date_mentions_resolve_against_the_publication_date(text: str, published: str,
                                                            expected: list[str]) -> None:
    span = parse_date(published)
    assert [label(m) for m in mentions(text, span)] == expected


def test_relative_dates_stay_unresolved_without_a_publication_date() -> None:
    assert mentions("지난달 27일 만난", None) == ()


# The `derived` opt-out

NOTE = "      note:\n        ko: 기념일에서 센 날짜다.\n        en: Counted back from an anniversary.\n"
DERIVED = NOTE + "      derived: true\n"


def test_e307_a_derived_value_needs_a_note(tmp_path: Path) -> None:
    found = run(tmp_path, model("announced", ' "2020-12-14"', NEWS, 2, status="reported",
                                extra="      derived: true\n"))
    assert located(found) == [("E307", "model-a.yaml", 15, 16)]
    assert found[0].rule == "derived-without-note"
    assert found[0].message == "the value is marked derived but no `note` says how it was worked out"


def test_a_derived_value_with_its_note_is_not_looked_for(tmp_path: Path) -> None:
    text = model("announced", ' "2020-12-14"', NEWS, 2, status="reported", extra=DERIVED)
    assert run(tmp_path, text) == []


def test_e308_derived_where_the_quote_states_the_value(tmp_path: Path) -> None:
    text = model("parameters", parameters("32000000000"), README, 2, extra=DERIVED)
    found = run(tmp_path, text)
    assert located(found) == [("E308", "model-a.yaml", 19, 16)]
    assert found[0].rule == "needless-derived"
    assert found[0].message == "the claim is marked derived, but a quote states 32,000,000,000 («32B»)"
    assert found[0].hint == ("remove `derived: true`, and from `note` (both languages) the words saying the number "
                             "was worked out (\"Derived, not stated\"...), keeping the rest of the note: the number "
                             "is checked against the quote")


def test_e308_derived_on_a_claim_that_is_not_a_number_or_date(tmp_path: Path) -> None:
    text = model("developer", " org-a", README, 2, extra=DERIVED)
    found = run(tmp_path, text)
    assert located(found) == [("E308", "model-a.yaml", 17, 16)]
    assert found[0].message == ("`derived` applies to numbers and dates; 'developer' values are not compared "
                                "with quotes")
    assert found[0].hint == "remove `derived: true`, and from `note` the words saying the value was worked out"


def test_no_number_or_date_in_the_real_facts_escapes_the_check() -> None:
    """Change every checked value of the real facts: each one not marked derived is then an error."""
    base, _ = load_fact_base([ROOT / "facts"])
    assert list(check_support(base)) == []
    changed = copy.deepcopy(base)
    expected = []
    for claim in changed.claims():
        value_type = claim.value_type
        value = claim.data["value"]
        if value_type is None or not value_type.quoted:
            continue
        for field in value_type.number_fields:
            value[field] = value[field] * 10 + 0.123457
        if value_type.is_date:
            claim.data["value"] = str(int(value[:4]) + 50) + value[4:]
        if claim.data.get("derived") is not True:
            expected.append((claim.record.path, claim.property, claim.path[-1]))
    found = list(check_support(changed))
    assert len(expected) > 200
    assert sorted({d.code for d in found}) == ["E305", "E306"]
    assert len(found) == len(expected)
