"""The value-type registry (factbase/value_types.py): one entry per claim definition of the schema, each able
to check, compare, show and write a value of its type; claims learn their type when they are read."""

from __future__ import annotations

import textwrap
from functools import partial
from pathlib import Path

import jsonschema
import pytest
from claims_fixtures import MODEL_HEADER, Source, check, write_base
from conftest import ROOT, WriteFact
from factbase.records import KINDS, iter_claims
from factbase.reference import SchemaNode
from factbase.schema_files import load_schema, schema_registry
from factbase.validation import load_fact_base
from factbase.value_types import VALUE_TYPES, UnknownValueType, ValueType, by_definition, claim_value_types
from sitegen.formatting import format_value
from sitegen.i18n import LANGUAGES, translate

NAMES = [value_type.name for value_type in VALUE_TYPES]


def claim_definitions() -> set[str]:
    """`...Claim` definitions of schema/common.schema.json and of each kind's schema (a type one kind uses)."""
    return {name for stem in ("common", *KINDS.values()) for name in load_schema(stem).get("$defs", {})
            if name.endswith("Claim")}


def definition_file(value_type: ValueType) -> str:
    """The schema file holding the type's claim definition."""
    (stem,) = [stem for stem in ("common", *KINDS.values())
               if value_type.definition in load_schema(stem).get("$defs", {})]
    return f"{stem}.schema.json"


def test_every_claim_definition_of_the_schema_has_exactly_one_value_type() -> None:
    definitions = claim_definitions()
    assert definitions == {value_type.definition for value_type in VALUE_TYPES}
    assert len(set(NAMES)) == len(NAMES)


def test_every_claim_property_of_every_kind_has_a_value_type() -> None:
    kinds = tuple(KINDS.values())
    for kind in kinds:
        properties = load_schema(kind)["properties"].get("claims", {}).get("properties", {})
        assert list(claim_value_types(kind)) == list(properties)
    assert {value_type.name for kind in kinds for value_type in claim_value_types(kind).values()} == set(NAMES)


@pytest.mark.parametrize("definition", ["benchmarkResultClaim", ""])
def test_a_definition_without_a_value_type_fails_loudly(definition: str) -> None:
    with pytest.raises(UnknownValueType, match=f"the claim definition '{definition}' has no value type"):
        by_definition(definition)


@pytest.mark.parametrize("value_type", VALUE_TYPES, ids=NAMES)
def test_the_sample_value_is_valid_for_its_schema_definition(value_type: ValueType) -> None:
    schema = {"$ref": f"{definition_file(value_type)}#/$defs/{value_type.definition}/properties/value"}
    validator = jsonschema.Draft202012Validator(schema, registry=schema_registry())
    assert list(validator.iter_errors(value_type.sample)) == []


@pytest.mark.parametrize("value_type", VALUE_TYPES, ids=NAMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_value_type_writes_its_sample_in_both_languages(value_type: ValueType, lang: str) -> None:
    text = format_value(value_type, value_type.sample, lang)
    assert isinstance(text, str) and text.strip()


def test_values_read_in_each_language() -> None:
    expected = {
        "text": ("한국어 문장", "A statement"),
        "date": ("2021년 12월 14일", "14 December 2021"),
        "quantity": ("약 3000억 개", "about 300B parameters"),
        "modalities": ("텍스트, 이미지", "text, image"),
        "languages": ("한국어, 영어", "Korean, English"),
        "availability": ("오픈 웨이트 (가중치 공개)", "open weights"),
        "score": ("KMMLU (5-shot): 61.5%", "KMMLU (5-shot): 61.5%"),
        "url": ("https://example.org/model",) * 2,
        "result": ("오픈 웨이트 모델 지능 지수 (reasoning): 오픈 웨이트 모델 중 7위 (20개 중)",
                   "open-weights intelligence index (our rendering) (reasoning): 7th of 20 among open-weight models"),
        "membership": ("주목할 만한 AI 모델 (번역), 2025년 3월", "Notable AI Models, March 2025"),
        "participant score": ("13개 벤치마크 평균: 72점", "average of 13 benchmarks (our rendering): 72 points"),
        "comparison": ("13개 벤치마크 평균: 104%", "average of 13 benchmarks (our rendering): 104%"),
    }
    for value_type in VALUE_TYPES:
        if value_type.name in expected:
            written = tuple(value_type.text(value_type.sample, lang, partial(translate, lang)) for lang in LANGUAGES)
            assert written == expected[value_type.name], value_type.name


def test_an_interface_string_missing_for_a_value_fails_the_build() -> None:
    modalities = next(value_type for value_type in VALUE_TYPES if value_type.name == "modalities")
    with pytest.raises(KeyError, match="modality.smell"):
        format_value(modalities, ["smell"], "en")


@pytest.mark.parametrize("value_type", VALUE_TYPES, ids=NAMES)
def test_csv_cells_and_message_form(value_type: ValueType) -> None:
    cells = value_type.csv(value_type.sample)
    assert len(cells) == 3 and all(isinstance(cell, str) for cell in cells) and cells[0]
    assert value_type.shown(value_type.sample)


@pytest.mark.parametrize("value_type", [t for t in VALUE_TYPES if t.jsonld is not None],
                         ids=[t.name for t in VALUE_TYPES if t.jsonld is not None])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_schema_org_form_gives_a_property_value(value_type: ValueType, lang: str) -> None:
    assert value_type.jsonld is not None
    form = value_type.jsonld(value_type.sample, lang, partial(translate, lang))
    assert form.get("value") not in (None, "") and "@type" not in form


def test_quantity_and_score_in_schema_org_form() -> None:
    by_name = {value_type.name: value_type for value_type in VALUE_TYPES}
    quantity, score = by_name["quantity"], by_name["score"]
    assert quantity.jsonld and score.jsonld
    assert quantity.jsonld(quantity.sample, "en", partial(translate, "en")) == \
        {"value": 300000000000, "unitText": "parameters"}
    assert score.jsonld(score.sample, "ko", partial(translate, "ko")) == \
        {"name": "KMMLU", "value": 61.5, "unitText": "percent", "measurementTechnique": "5-shot"}


def test_quantity_cells_and_message() -> None:
    quantity = next(value_type for value_type in VALUE_TYPES if value_type.name == "quantity")
    assert quantity.csv(quantity.sample) == ("300000000000", "parameters", "approximately")
    assert quantity.shown(quantity.sample) == "approximately 300,000,000,000 parameters"


@pytest.mark.parametrize("value_type", [t for t in VALUE_TYPES if t.agree is not None],
                         ids=[t.name for t in VALUE_TYPES if t.agree is not None])
def test_a_compared_value_agrees_with_itself_and_its_key_fields_exist(value_type: ValueType) -> None:
    sample = value_type.sample
    assert value_type.agree(sample, sample)
    assert all(field in sample for field in value_type.same_fact)
    assert value_type.quoted  # a value compared for conflicts is looked for in the quotes too


def test_number_and_name_fields_are_fields_of_the_value_of_the_right_type() -> None:
    """A number field is a number (of the sample, where it has one) and a name field a name, in the schema."""
    for value_type in VALUE_TYPES:
        stem = definition_file(value_type).removesuffix(".schema.json")
        claim = SchemaNode(load_schema(stem)["$defs"][value_type.definition], stem)
        fields = claim.properties()["value"].properties()
        for field in value_type.number_fields:
            assert fields[field].keyword("type") in ("number", "integer"), (value_type.name, field)
            assert isinstance(value_type.sample.get(field, 0), (int, float)), value_type.name
        assert any(field in value_type.sample for field in value_type.number_fields) or not value_type.number_fields
        for field in value_type.named_fields:
            name = fields[field]
            assert name.keyword("type") == "string" or {"ko", "en"} <= set(name.properties()), (value_type.name, field)


def test_claims_know_their_value_type_from_the_moment_they_are_read() -> None:
    base, _ = load_fact_base([ROOT / "facts"])
    claims = [claim for record in base.records for claim in iter_claims(record)]
    assert len(claims) > 500
    for claim in claims:
        assert claim.value_type is claim_value_types(claim.record.kind)[claim.property]


def test_an_undeclared_property_has_no_value_type(write_fact: WriteFact, facts_dir: Path) -> None:
    write_fact("models/x.yaml", """\
        id: x
        claims:
          colour:
            - value: blue
        """)
    base, _ = load_fact_base([facts_dir])
    (claim,) = [claim for record in base.records for claim in iter_claims(record)]
    assert claim.value_type is None
    with pytest.raises(LookupError, match="'colour' is not a claim property of a model"):
        claim.declared_type()


# -- results: a place with its scope (the `result` property of a model) ----------------------------------------
RESULT_NEWS = Source("news-r", "2026-01-15", [
    "국가대표 AI 1차 평가 결과",
    "K-EXAONE은 국가대표 AI 1차 평가에서 오픈 웨이트 모델 중 20개 가운데 7위에 올랐다.",
    "K-EXAONE은 국가대표 AI 1차 평가의 13개 벤치마크 중 10개에서 1위를 차지했다.",
])


def result_model(value: str, line: int, quote_en: str) -> str:
    """A model with one `result` claim; the value's first field is on line 9."""
    return MODEL_HEADER + f"""\
  result:
    - value:
{value}      status: reported
      citations:
        - source: news-r
          quote: {RESULT_NEWS.lines[line - 1]}
          quote_en: {quote_en}
          line: {line}
"""


SEVENTH = """\
        benchmark: {ko: 국가대표 AI 1차 평가, en: national AI model evaluation, rendered: en}
        rank: 7
        of: 20
        scope: {ko: 오픈 웨이트 모델 중, en: among open-weight models}
"""
SEVENTH_EN = "K-EXAONE placed 7th of 20 among open-weight models."
FIRST_IN_TEN = """\
        benchmark: {ko: 국가대표 AI 1차 평가, en: national AI model evaluation, rendered: en}
        rank: 1
        in_benchmarks: 10
        of_benchmarks: 13
"""
FIRST_EN = "K-EXAONE came first in 10 of the 13 benchmarks of the national AI model evaluation."


@pytest.mark.parametrize(("value", "line", "quote_en"), [(SEVENTH, 2, SEVENTH_EN), (FIRST_IN_TEN, 3, FIRST_EN)])
def test_a_result_with_its_rank_and_scope_is_accepted(tmp_path: Path, value: str, line: int, quote_en: str) -> None:
    facts, archive = write_base(tmp_path, [RESULT_NEWS], {"models/model-a.yaml": result_model(value, line, quote_en)})
    assert [d.format_text() for d in check(facts, archive)] == []


def test_a_wrong_rank_is_a_located_error(tmp_path: Path) -> None:
    text = result_model(SEVENTH.replace("rank: 7", "rank: 6"), 2, SEVENTH_EN)
    (found,) = check(*write_base(tmp_path, [RESULT_NEWS], {"models/model-a.yaml": text}))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E305", "model-a.yaml", 10, 15)
    assert found.message == "no quote states 6; the quotes give «1», «20», «7»"


def test_a_scope_the_quote_does_not_give_is_a_located_error(tmp_path: Path) -> None:
    text = result_model(SEVENTH.replace("오픈 웨이트 모델 중", "국내").replace("among open-weight models", "in Korea"),
                        2, SEVENTH_EN)
    (found,) = check(*write_base(tmp_path, [RESULT_NEWS], {"models/model-a.yaml": text}))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E310", "model-a.yaml", 12, 16)
    assert found.message.startswith("the scope '국내' is not named by a quote")


def test_a_rendered_name_is_marked_as_such_and_only_in_its_language() -> None:
    result = by_definition("resultClaim")
    value = {"benchmark": {"ko": "국가대표 AI 1차 평가", "en": "national AI model evaluation", "rendered": "en"},
             "rank": 1, "in_benchmarks": 10, "of_benchmarks": 13}
    assert result.text(value, "ko", partial(translate, "ko")) == "국가대표 AI 1차 평가: 벤치마크 13개 중 10개에서 1위"
    assert result.text(value, "en", partial(translate, "en")) == \
        "national AI model evaluation (our rendering): 1st in 10 of 13 benchmarks"
    in_korea = {"benchmark": {"ko": "LMArena", "en": "LMArena"}, "rank": 1, "scope": {"ko": "국내", "en": "in Korea"},
                "score": 72, "unit": "points"}
    assert result.text(in_korea, "en", partial(translate, "en")) == "LMArena: 1st in Korea · 72 points"
    assert result.jsonld is not None
    assert result.jsonld(in_korea, "en", partial(translate, "en"))["value"] == 1


def test_results_conflict_only_within_one_benchmark_setting_and_scope() -> None:
    result = by_definition("resultClaim")
    assert result.agree is not None and result.same_fact == ("benchmark", "setting", "scope")
    assert result.agree({"rank": 7, "of": 20}, {"rank": 7})
    assert not result.agree({"rank": 7, "of": 20}, {"rank": 6, "of": 20})


# -- memberships: a model listed in a list kept by an organisation ---------------------------------------------
LIST_NEWS = Source("news-l", "2025-04-02", [
    "에포크 AI 발표",
    "엑사원은 에포크 AI의 ‘주목할 만한 AI 모델(Notable AI Models)’ 목록에 이름을 올렸다.",
])


def membership_model(listed: str, owner: str = "org-a") -> str:
    """A model with one `membership` claim; `list:` is on line 9, `owner:` on line 10."""
    return MODEL_HEADER + f"""\
  membership:
    - value:
        list: {listed}
        owner: {owner}
        date: "2025-03"
      status: reported
      citations:
        - source: news-l
          quote: {LIST_NEWS.lines[1]}
          quote_en: EXAONE was listed among Epoch AI's 'Notable AI Models'.
          line: 2
"""


NOTABLE = "{ko: 주목할 만한 AI 모델, en: Notable AI Models}"


def test_a_membership_in_a_list_is_accepted_and_shows_its_owner(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [LIST_NEWS], {"models/model-a.yaml": membership_model(NOTABLE)})
    assert [d.format_text() for d in check(facts, archive)] == []
    membership = by_definition("membershipClaim")
    value = {"list": {"ko": "주목할 만한 AI 모델", "en": "Notable AI Models"}, "owner": "org-a", "date": "2025-03"}
    assert membership.text(value, "ko", partial(translate, "ko")) == "주목할 만한 AI 모델, 2025년 3월"
    assert membership.text(value, "en", partial(translate, "en")) == "Notable AI Models, March 2025"
    assert membership.refers == (("owner", "organization"),)


def test_a_list_the_quote_does_not_name_is_a_located_error(tmp_path: Path) -> None:
    text = membership_model("{ko: 포브스 AI 50, en: Forbes AI 50}")
    (found,) = check(*write_base(tmp_path, [LIST_NEWS], {"models/model-a.yaml": text}))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E310", "model-a.yaml", 9, 15)
    assert found.message.startswith("the list '포브스 AI 50' is not named by a quote")


def test_a_list_owner_that_is_not_an_organisation_is_a_located_error(tmp_path: Path) -> None:
    text = membership_model(NOTABLE, owner="epoch-ai")
    (found,) = check(*write_base(tmp_path, [LIST_NEWS], {"models/model-a.yaml": text}))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E203", "model-a.yaml", 10, 16)
    assert found.message == "'epoch-ai' is not the id of a record in facts/organizations/"


# -- an evaluation's scores: each participant's, cited --------------------------------------------------------
QUOTE_EN = "K-EXAONE averaged 72 over 13 benchmarks, 104% of Qwen3 235B's 69.37."
EVALUATION_NEWS = Source("news-e", "2026-01-15", [
    "독자 AI 파운데이션 모델 1차 평가 결과 발표",
    "K-엑사원은 13개 벤치마크 평균 72점으로, 69.37점을 받은 큐원3 235B의 104% 수준이었다.",
])


def evaluation(score: str = "72", participant: str = "model-a") -> dict[str, str]:
    """Two models and an evaluation with one score; its `participant:` is on line 13, `score:` on line 15."""
    text = f"""\
        id: round-1
        title: {{ko: 1차 평가, en: First round}}
        organizer: org-a
        participants: [model-a, model-b]
        claims:
          date:
            - value: "2026-01-15"
              status: confirmed
              citations:
                - {{source: news-e, quote: 독자 AI 파운데이션 모델 1차 평가 결과 발표, quote_en: Results, line: 1}}
          score:
            - value:
                participant: {participant}
                benchmark: {{ko: 13개 벤치마크 평균, en: average of 13 benchmarks, rendered: en}}
                score: {score}
                unit: points
              status: reported
              citations:
                - source: news-e
                  quote: {EVALUATION_NEWS.lines[1]}
                  quote_en: K-EXAONE averaged 72 over 13 benchmarks, 104% of Qwen3 235B's 69.37.
                  line: 2
        """
    models = {f"models/{m}.yaml": MODEL_HEADER.replace("model-a", m) + " {}\n" for m in ("model-a", "model-b")}
    return {**models, "evaluations/round-1.yaml": text}


def test_a_participants_cited_score_is_accepted(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [EVALUATION_NEWS], evaluation())
    assert [d.format_text() for d in check(facts, archive)] == []


def test_a_participants_score_the_quote_does_not_state_is_a_located_error(tmp_path: Path) -> None:
    (found,) = check(*write_base(tmp_path, [EVALUATION_NEWS], evaluation(score="73")))
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E305", "round-1.yaml", 15, 16)
    assert found.message == ("no quote states 73 points; the quotes give «13», «72», «69.37», «3», "
                             "«235B» = 235,000,000,000, «104»")


def test_a_score_for_a_model_that_is_not_a_record_is_a_located_error(tmp_path: Path) -> None:
    found, not_listed = check(*write_base(tmp_path, [EVALUATION_NEWS], evaluation(participant="qwen3-235b")))
    assert (not_listed.code, not_listed.line) == ("E406", 13)  # nor is it among the participants
    assert (found.code, Path(found.path).name, found.line, found.col) == ("E203", "round-1.yaml", 13, 22)
    assert found.message == "'qwen3-235b' is not the id of a record in facts/models/"


COMPARISON = """\
            - value:
                participant: model-b
                benchmark: {{ko: 13개 벤치마크 평균, en: average of 13 benchmarks, rendered: en}}
                score: 69.37
                unit: points
              status: reported
              citations:
                - {{source: news-e, quote: "{quote}", quote_en: "{quote_en}", line: 2}}
          comparison:
            - value:
                participant: model-a
                of: {of}
                benchmark: {{ko: 13개 벤치마크 평균, en: average of 13 benchmarks, rendered: en}}
                percent: {percent}
              status: reported
              citations:
                - source: news-e
                  quote: {quote}
                  quote_en: {quote_en}
                  line: 2
"""


def with_comparison(percent: str = "104", of: str = "model-b") -> dict[str, str]:
    """The evaluation above with model-b's score and a comparison; its `of:` is on line 34, `percent:` on 36."""
    files = evaluation()
    more = COMPARISON.format(percent=percent, of=of, quote=EVALUATION_NEWS.lines[1], quote_en=QUOTE_EN)
    files["evaluations/round-1.yaml"] = textwrap.dedent(files["evaluations/round-1.yaml"]) + textwrap.indent(
        textwrap.dedent(more), "  ")
    return files


def test_a_stated_comparison_is_checked_against_its_quote_and_names_both_models(tmp_path: Path) -> None:
    facts, archive = write_base(tmp_path, [EVALUATION_NEWS], with_comparison())
    assert [d.format_text() for d in check(facts, archive)] == []
    found = check(*write_base(tmp_path / "a", [EVALUATION_NEWS], with_comparison(percent="105")))
    assert [(d.code, Path(d.path).name, d.line, d.col) for d in found] == [
        ("E305", "round-1.yaml", 36, 18), ("E405", "round-1.yaml", 36, 18)]  # in no quote, nor worked out
    found = [d for d in check(*write_base(tmp_path / "b", [EVALUATION_NEWS], with_comparison(of="qwen3-235b")))]
    assert [(d.code, d.line, d.col, d.message) for d in found if d.code == "E203"] == \
        [("E203", 34, 13, "'qwen3-235b' is not the id of a record in facts/models/")]
