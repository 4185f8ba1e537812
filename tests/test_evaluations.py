"""Evaluations as records (facts/evaluations/): an evaluation or a programme's round, its organiser,
benchmarks and participants; checked like every record (E203 for a participant that is not a model), with
its own page in both languages, linked from each participating model's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from claims_fixtures import MODEL_HEADER, Source, check, write_base
from factbase.validation import load_fact_base
from sitegen.pages import render_record_page
from sitegen.sitedata import site_data_of
from sitegen.views import Page

NEWS = Source("news-e", "2026-01-15", [
    "독자 AI 파운데이션 모델 1차 평가 결과 발표",  # 1
    "과학기술정보통신부는 15일 독자 AI 파운데이션 모델 프로젝트의 1차 평가 결과를 발표했다.",  # 2
    "K-엑사원은 13개 벤치마크 평균 72점으로, 69.37점을 받은 큐원3 235B의 104% 수준이었다.",  # 3
])
QUOTE_EN_2 = "The Ministry of Science and ICT announced the first-round results of the programme on the 15th."
QUOTE_EN_3 = "K-EXAONE averaged 72 over 13 benchmarks, 104% of Qwen3 235B's 69.37."

# `participants:` items are on lines 10 and 11.
EVALUATION = """\
id: round-1
title:
  ko: 독자 AI 파운데이션 모델 1차 평가
  en: Sovereign AI foundation model programme, first round
organizer: org-a
benchmarks:
  - {{ko: 13개 벤치마크 평균, en: average of 13 benchmarks, rendered: en}}
participants:
  - model-a
  - {second}
claims:
  date:
    - value: "2026-01-15"
      status: confirmed
      citations:
        - source: news-e
          quote: {quote}
          quote_en: {quote_en}
          line: 2
{more}"""


def model(model_id: str, name: str) -> str:
    return MODEL_HEADER.replace("model-a", model_id).replace("모델 A", f"모델 {name}").replace(
        "Model A", f"Model {name}") + " {}\n"


def records(second: str = "model-b", more: str = "") -> dict[str, str]:
    return {
        "models/model-a.yaml": model("model-a", "A"),
        "models/model-b.yaml": model("model-b", "B"),
        "evaluations/round-1.yaml": EVALUATION.format(second=second, quote=NEWS.lines[1], quote_en=QUOTE_EN_2,
                                                      more=more),
    }


def test_an_evaluation_is_accepted(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [NEWS], records())
    assert [d.format_text() for d in check(facts, archive)] == []


def test_an_evaluation_citing_a_missing_model_is_a_located_error(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [NEWS], records(second="qwen3-235b"))
    (found,) = check(facts, archive)
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E203", "round-1.yaml", 10, 5)
    assert found.message == "'qwen3-235b' is not the id of a record in facts/models/"


def render(tmp_path: Path, kind: str, record_id: str, lang: str, more: str = "") -> str:
    facts, _ = write_base(tmp_path, [NEWS], records(more=more))
    base, diagnostics = load_fact_base([facts])
    assert diagnostics == []
    folder = {"model": "models", "evaluation": "evaluations"}[kind]
    page = Page(data=site_data_of(base), lang=lang, root="../../", url=f"{folder}/{record_id}/",
                repository="https://example.org")
    return render_record_page(page, kind, record_id)


@pytest.mark.parametrize(("lang", "words"), [
    ("ko", ["독자 AI 파운데이션 모델 1차 평가", "주관", "기관 org-a", "참가 모델", "모델 A", "모델 B",
            "13개 벤치마크 평균", "2026년 1월 15일"]),
    ("en", ["Sovereign AI foundation model programme, first round", "Organiser", "Organisation org-a",
            "Participants", "Model A", "Model B", "average of 13 benchmarks (our rendering)", "15 January 2026"]),
])
def test_the_evaluation_page_in_each_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    html = render(tmp_path, "evaluation", "round-1", lang)
    missing = [word for word in words if word not in html]
    assert missing == []
    assert 'href="../../models/model-b/"' in html


@pytest.mark.parametrize(("lang", "heading", "title"), [
    ("ko", "참가한 평가", "독자 AI 파운데이션 모델 1차 평가"),
    ("en", "Evaluations taken part in", "Sovereign AI foundation model programme, first round"),
])
def test_each_participant_links_to_the_evaluation(tmp_path: Path, lang: str, heading: str, title: str) -> None:
    html = render(tmp_path, "model", "model-b", lang)
    assert heading in html
    assert f'<a href="../../evaluations/round-1/">{title}</a> · ' in html


@pytest.mark.parametrize(("lang", "score", "comparison", "detail"), [
    ("ko", "13개 벤치마크 평균: 72점", "모델 B 대비 103.8%",
     "(13개 벤치마크 평균: 72 / 69.37; 인용된 두 점수에서 계산)"),
    ("en", "average of 13 benchmarks (our rendering): 72 points", "103.8% of Model B",
     "(average of 13 benchmarks (our rendering): 72 / 69.37; worked out from the two cited scores)"),
])
def test_a_participants_page_shows_its_cited_score_and_the_comparison_worked_out(
        tmp_path: Path, lang: str, score: str, comparison: str, detail: str) -> None:
    from test_rules_evaluations import scored
    html = render(tmp_path, "model", "model-a", lang, more=scored())
    assert score in html and comparison in html and detail in html
    assert 'class="kf-cite"' in html.split('id="evaluations"', 1)[1]  # the score is footnoted
    evaluation = render(tmp_path / "e", "evaluation", "round-1", lang, more=scored())
    assert comparison in evaluation
    assert ("모델 A 대비 96.3%" if lang == "ko" else "96.3% of Model A") in evaluation
