"""scripts/format.py and factbase.formatting: canonical layout, comments kept, meaning unchanged."""

from __future__ import annotations

import shutil
import string
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, WriteFact, load_script
from factbase.charpolicy import hidden_kind
from factbase.formatting import FormatError, format_data, format_text
from factbase.records import find_fact_files, kind_of
from factbase.strict_yaml import load_yaml
from hypothesis import given, settings
from hypothesis import strategies as st

format_cli = load_script("format")

MESSY = """\
# A model record. Comments survive formatting.
kind: model  # one set of weights
name:
  en: EXAONE Test
  ko: 엑사원 테스트
# The id equals the file name.
id: exaone-test
aliases: [EXAONE-T, 'yes', "2021", '3.5']
claims:
  parameters:
    - status: confirmed
      value: {unit: parameters, amount: 7800000000}
      citations:
        - line: 13  # checked against the archive
          quote: 'with 7.8 billion parameters'
          source: lg-ai-research-exaone-3-0-readme
# end of file
"""
CANONICAL = """\
# A model record. Comments survive formatting.
# The id equals the file name.
id: exaone-test
name:
  ko: 엑사원 테스트
  en: EXAONE Test
aliases:
  - EXAONE-T
  - "yes"
  - "2021"
  - "3.5"
kind: model  # one set of weights
claims:
  parameters:
    - value:
        amount: 7800000000
        unit: parameters
      status: confirmed
      citations:
        - source: lg-ai-research-exaone-3-0-readme
          quote: with 7.8 billion parameters
          line: 13  # checked against the archive
# end of file
"""


def _format(text: str, kind: str = "model") -> str:
    return format_text(text.encode("utf-8"), kind)


def _data(raw: bytes) -> object:
    document, problems = load_yaml(raw, "")
    assert document is not None and problems == []
    return document.data


def test_keys_follow_the_schema_and_comments_stay_with_their_lines() -> None:
    assert _format(MESSY) == CANONICAL


def test_formatting_twice_is_formatting_once() -> None:
    assert _format(CANONICAL) == CANONICAL


def test_claim_citation_and_bilingual_keys_in_schema_order_unknown_keys_last() -> None:
    text = """\
    claims:
      description:
        - note: {en: Note, ko: 노트}
          zeta: 2
          citations:
            - {section: S, line: 1, quote_en: E, quote: Q, source: s, extra: x}
          outcome: {result: unknown}
          as_of: "2024"
          alpha: 1
          status: reported
          value: {en: E, ko: K}
    kind: model
    custom: kept
    name: {en: Name, ko: 이름}
    id: m
    """
    assert _format(textwrap.dedent(text)) == """\
id: m
name:
  ko: 이름
  en: Name
kind: model
claims:
  description:
    - value:
        ko: K
        en: E
      status: reported
      citations:
        - source: s
          quote: Q
          quote_en: E
          line: 1
          section: S
          extra: x
      as_of: "2024"
      note:
        ko: 노트
        en: Note
      outcome:
        result: unknown
      zeta: 2
      alpha: 1
custom: kept
"""


@pytest.mark.parametrize(("value", "written"), [
    ("2021-12-14", '"2021-12-14"'),  # a date for YAML 1.1
    ("2022-03", '"2022-03"'),
    ("yes", '"yes"'), ("off", '"off"'), ("null", '"null"'), ("true", '"true"'),  # booleans and null
    ("3.5", '"3.5"'), ("017", '"017"'), ("1:30", '"1:30"'), ("1e3", '"1e3"'),  # numbers
    ("", '""'), (" padded ", '" padded "'),
    ("a: b", '"a: b"'), ("x # y", '"x # y"'), ("#x", '"#x"'), ("- x", '"- x"'), ("[x]", '"[x]"'),
    ("'quoted'", "\"'quoted'\""), ('say "hi"', 'say "hi"'), ("it's", "it's"),
    ("두 줄\n텍스트", '"두 줄\\n텍스트"'),
    ("LG AI연구원", "LG AI연구원"), ("2020-12-07-lg-ai-research-founded", "2020-12-07-lg-ai-research-founded"),
    ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d"),
])
def test_strings_are_plain_where_safe_else_double_quoted(value: str, written: str) -> None:
    text = format_data({"id": "m", "aliases": [value]}, "model")
    assert text == f"id: m\naliases:\n  - {written}\n"
    document, problems = load_yaml(text.encode("utf-8"), "m.yaml")
    assert problems == [] and document is not None and document.data["aliases"] == [value]


def test_numbers_booleans_and_long_lines_are_kept_as_they_are() -> None:
    long = "word " * 60 + "end"
    text = format_data({"published": {"inferred": False, "date": "2021"}, "id": "s", "title": {"en": long}},
                       "source")
    assert text == f'id: s\ntitle:\n  en: {long}\npublished:\n  date: "2021"\n  inferred: false\n'


def test_a_file_the_strict_loader_rejects_is_not_formatted() -> None:
    with pytest.raises(FormatError) as raised:
        _format("id: m\nkind: model\nclaims:\n  announced:\n    - value: 2021-12-14\n")
    assert [(d.code, d.line) for d in raised.value.diagnostics] == [("E004", 5)]
    with pytest.raises(FormatError) as raised:
        _format("id: a\nid: b\n")
    assert [d.code for d in raised.value.diagnostics] == ["E002"]


def test_comments_between_list_items_blank_lines_and_file_end_are_kept() -> None:
    text = "id: x\naliases:\n  # first\n  - a  # eol a\n  # before b\n  - b\n\n  - c\nkind: model\n\n# the end\n"
    assert _format(text) == text


def test_a_comment_formatting_would_lose_is_refused() -> None:
    with pytest.raises(FormatError) as raised:
        _format("id: x\nname: {ko: a,  # inside braces\n  en: b}\n")
    assert [d.format_text() for d in raised.value.diagnostics] == [
        "<text>:2:16: F001 comment-would-be-lost: formatting would lose the comment '# inside braces'\n"
        "    fix: put the comment on a line of its own in block layout (not inside `{...}` or `[...]`, "
        "not before `---`)"]


# Text a contributor may write: any printable character the character policy allows, line breaks, quotes,
# YAML indicators.
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cf"), whitelist_characters="\n")
                .filter(lambda char: hidden_kind(char) is None)
                | st.sampled_from(list(":#-'\"?!&*[]{}|>%@`, ") + list(string.digits)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=4))
def test_any_text_survives_formatting_unchanged_and_formatting_is_idempotent(texts: list[str]) -> None:
    data = {"id": "m", "aliases": texts, "name": {"en": texts[0], "ko": texts[-1]}}
    text = format_data(data, "model")
    document, problems = load_yaml(text.encode("utf-8"), "m.yaml")
    assert problems == [] and document is not None and document.data == data
    assert "'" not in {event.style for event in yaml.parse(text) if isinstance(event, yaml.ScalarEvent)}
    assert _format(text) == text


def test_the_real_facts_format_idempotently_and_mean_the_same(tmp_path: Path) -> None:
    snapshot, copy = tmp_path / "snapshot", tmp_path / "facts"  # others may be editing facts/ meanwhile
    shutil.copytree(ROOT / "facts", snapshot)
    shutil.copytree(snapshot, copy)
    assert format_cli.main([str(copy)]) == 0
    files = find_fact_files([copy])
    assert files
    for path in files:
        formatted = path.read_text("utf-8")
        original = (snapshot / path.relative_to(copy)).read_bytes()
        kind = kind_of(path)
        assert kind is not None
        assert format_text(formatted.encode("utf-8"), kind) == formatted, path
        assert _data(formatted.encode("utf-8")) == _data(original), path


def test_check_prints_a_diff_writes_nothing_and_exits_1(write_fact: WriteFact,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_fact("models/m.yaml", 'kind: model\nid: m\nname: {ko: "모델", en: M}\nclaims: {}\n')
    before = path.read_text("utf-8")
    assert format_cli.main([str(path), "--check"]) == 1
    out, err = capsys.readouterr()
    shown = str(path).lstrip("/")
    assert out == (f"--- a/{shown}\n+++ b/{shown}\n@@ -1,4 +1,6 @@\n"
                   "+id: m\n+name:\n+  ko: 모델\n+  en: M\n kind: model\n-id: m\n-name: {ko: \"모델\", en: M}\n"
                   " claims: {}\n")
    assert "1 file: 1 would be reformatted, 0 not readable" in err
    assert path.read_text("utf-8") == before

    assert format_cli.main([str(path)]) == 0
    assert path.read_text("utf-8") == "id: m\nname:\n  ko: 모델\n  en: M\nkind: model\nclaims: {}\n"
    capsys.readouterr()
    assert format_cli.main([str(path), "--check"]) == 0
    assert capsys.readouterr().out == ""


def test_unreadable_and_misplaced_files_fail_without_being_written(write_fact: WriteFact,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    broken = write_fact("events/e.yaml", "id: e\nclaims:\n  date:\n    - value: 2021-12-14\n")
    stray = write_fact("misc/x.yaml", "id: x\n")
    assert format_cli.main([str(broken), str(stray)]) == 1
    err = capsys.readouterr().err
    assert "E004 ambiguous-scalar" in err and "not formatted: fix the problems above first" in err
    assert "x.yaml: not a fact file" in err
    assert broken.read_text("utf-8") == "id: e\nclaims:\n  date:\n    - value: 2021-12-14\n"
    assert format_cli.main([str(broken.parent / "missing.yaml")]) == 2
