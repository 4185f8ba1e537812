"""Each validator rule: a bad input, and assertions on code, path, line and message."""

from __future__ import annotations

from pathlib import Path

import pytest
from factbase_fixtures import MODEL, diagnostics_for, make_base, only


def test_the_fixture_base_is_clean(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    assert diagnostics_for(facts, archive) == []


def _model_error(tmp_path: Path, old: str, new: str) -> tuple[str, int, int, str, str]:
    assert old in MODEL
    facts, archive = make_base(tmp_path, model=MODEL.replace(old, new, 1))
    found = only(diagnostics_for(facts, archive))
    assert found.path.endswith("facts/models/model-a.yaml")
    assert found.hint
    return found.code, found.line, found.col, found.rule, found.message


PARAMETERS_CITATIONS = """      citations:
        - source: readme-a
          quote: a bilingual model with 7.8 billion parameters
          line: 3
"""


def test_e101_claim_without_citations(tmp_path: Path) -> None:
    assert _model_error(tmp_path, PARAMETERS_CITATIONS, "") == (
        "E101", 16, 7, "uncited-claim", "claim has no `citations`")


def test_e101_claim_with_empty_citations(tmp_path: Path) -> None:
    assert _model_error(tmp_path, PARAMETERS_CITATIONS, "      citations: []\n") == (
        "E101", 20, 18, "uncited-claim", "claim has an empty list of `citations`")


def test_e102_unknown_field_suggests_the_close_one(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path, model=MODEL.replace("      status: confirmed", "      statuss: confirmed"))
    codes = {(d.code, d.line, d.col, d.message, d.hint) for d in diagnostics_for(facts, archive)}
    assert ("E102", 19, 7, "unknown field `statuss`", "did you mean `status`?") in codes
    assert ("E103", 16, 7, "`0` has no required field `status`",
            "add `status:` (see schema/model.schema.json)") in codes


def test_e103_missing_required_field(tmp_path: Path) -> None:
    assert _model_error(tmp_path, "kind: model\n", "") == (
        "E103", 1, 1, "missing-field", "the record has no required field `kind`")


def test_e104_wrong_type_says_to_quote(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path, model=MODEL.replace("  en: Model A", "  en: 3.5"))
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.line, found.col, found.message, found.hint) == (
        "E104", 4, 7, "expected string, got number", 'quote it: "3.5"')


def test_e105_invalid_enum_value(tmp_path: Path) -> None:
    code, line, col, _, message = _model_error(tmp_path, "status: reported", "status: rumoured")
    assert (code, line, col) == ("E105", 9, 15)
    assert message.startswith("'rumoured' is not one of: confirmed, reported, planned, disputed, superseded")


def test_e106_missing_translation(tmp_path: Path) -> None:
    assert _model_error(tmp_path, "  en: Model A\n", "") == (
        "E106", 3, 3, "missing-translation", "`name` has no English text (`en`)")


def test_e107_korean_quote_without_english_rendering(tmp_path: Path) -> None:
    old = "          quote_en: LG AI Research unveiled its hyperscale AI model EXAONE on the 14th.\n"
    assert _model_error(tmp_path, old, "") == (
        "E107", 11, 11, "missing-english-rendering",
        "the quote from 'news-a' (ko) has no English rendering")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.org/"])
def test_e503_non_http_url(tmp_path: Path, url: str) -> None:
    new = f"""  repository:
    - value: "{url}"
      status: confirmed
      citations:
        - source: readme-a
          quote: a bilingual model with 7.8 billion parameters
          line: 3
  parameters:"""
    assert _model_error(tmp_path, "  parameters:", new) == (
        "E503", 16, 14, "unsafe-url", f"{url!r} is not an http(s) URL")


def test_e201_id_differs_from_file_name(tmp_path: Path) -> None:
    assert _model_error(tmp_path, "id: model-a", "id: model-b") == (
        "E201", 1, 5, "id-mismatch", "id 'model-b' differs from the file name 'model-a'")


def test_e202_same_id_in_two_files(tmp_path: Path) -> None:
    """Files in one folder have different names, so one of the two also differs from its id (E201)."""
    facts, archive = make_base(tmp_path)
    (facts / "models" / "model-a-copy.yaml").write_text(MODEL, encoding="utf-8")
    found = diagnostics_for(facts, archive)
    assert [(d.code, Path(d.path).name, d.line, d.col) for d in found] == [
        ("E201", "model-a-copy.yaml", 1, 5), ("E202", "model-a.yaml", 1, 5)]
    assert found[1].message.startswith("model id 'model-a' is already used by ")


def test_e203_dangling_reference(tmp_path: Path) -> None:
    assert _model_error(tmp_path, "value: org-a", "value: org-b") == (
        "E203", 8, 14, "dangling-reference", "'org-b' is not the id of a record in facts/organizations/")


def test_e203_citation_of_unknown_source(tmp_path: Path) -> None:
    assert _model_error(tmp_path, "source: readme-a", "source: readme-b") == (
        "E203", 21, 19, "dangling-reference", "'readme-b' is not the id of a record in facts/sources/")


def test_e204_file_outside_the_kind_folders(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    (facts / "people").mkdir()
    (facts / "people" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.line, found.col) == ("E204", 1, 1)
    assert found.message.startswith("a fact file must be in one of facts/sources/")


def test_every_error_is_reported_not_just_the_first(tmp_path: Path) -> None:
    model = MODEL.replace("status: reported", "status: rumoured").replace("value: org-a", "value: org-b")
    facts, archive = make_base(tmp_path, model=model)
    assert [(d.code, d.line) for d in diagnostics_for(facts, archive)] == [("E203", 8), ("E105", 9)]
