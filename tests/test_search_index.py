"""The search's build-time side (scripts/sitegen/search.py): the spellings a record's page is also found by,
the name shards the script looks names up in, and the index written beside each language's site."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.context import build_state
from sitegen.page_types import record_pages
from sitegen.search import (
    NAME_FOLDER,
    NAME_SHARDS,
    SIZE_WEIGHT,
    VALUE_WEIGHT,
    name_key,
    name_shards,
    name_variants,
    number_forms,
    openness_terms,
    search_terms,
    shard_of,
)


def test_names_are_also_indexed_with_and_without_spaces_between_scripts() -> None:
    assert name_variants("엑사원3.5") == ["엑사원3.5", "엑사원 3.5"]
    assert name_variants("EXAONE-3.5") == ["EXAONE-3.5", "EXAONE 3.5", "EXAONE3.5"]
    assert name_variants("LG화학") == ["LG화학", "LG 화학"]
    assert name_variants("카카오브레인") == ["카카오브레인"]


def test_quantities_are_indexed_in_korean_and_english_units() -> None:
    assert number_forms(300_000_000_000) == ["3000억", "300B", "300 billion"]
    assert number_forms(7_800_000_000) == ["78억", "7.8B", "7.8 billion"]


def test_name_keys_ignore_case_spaces_dots_and_hyphens() -> None:
    assert name_key("EXAONE-3.5") == name_key("exaone 3.5") == "exaone35"
    assert name_key("엑사원 3.5") == name_key("엑사원3.5") == "엑사원35"
    assert 0 <= shard_of("exaone35") < NAME_SHARDS and shard_of("e") == shard_of("e")


def test_every_record_is_in_the_shard_of_each_of_its_name_keys() -> None:
    shards = name_shards(build_state().data, "ko")
    kogpt = [entry for entry in shards[shard_of("kogpt")] if entry["url"] == "models/kogpt/"]
    assert kogpt and {"kogpt", "코지피티"} <= set(kogpt[0]["keys"]) and kogpt[0]["kind"] == "모델 계열"
    assert any(entry["url"] == "models/kogpt/" for entry in shards[shard_of("코지피티")])
    for number, entries in shards.items():
        assert all(any(shard_of(key) == number for key in entry["keys"]) for entry in entries)


def test_the_built_site_has_each_languages_index_and_every_name_shard(built_site: Path) -> None:
    for lang in ("ko", "en"):
        assert (built_site / lang / "pagefind" / "pagefind.js").is_file()
        assert not (built_site / lang / "search" / "search_index.json").exists(), "Material's index is gone"
        shards = sorted((built_site / lang / NAME_FOLDER).glob("*.json"))
        assert len(shards) == NAME_SHARDS
        entries = [entry for shard in shards for entry in json.loads(shard.read_text("utf-8"))]
        records = build_state().data.records
        folders = {page_type.folder for kind, page_type in record_pages().items() if records[kind]}
        assert {entry["url"].split("/")[0] for entry in entries} == folders | {"parameters"}
        page = (built_site / lang / "models" / "exaone-1-0" / "index.html").read_text("utf-8")
        assert 'id="kf-search-terms" hidden' in page
        sizes = page.split(f'<p data-pagefind-weight="{SIZE_WEIGHT}">')[1].split("</p>")[0]
        assert "3000억 · 300B · 300 billion" in sizes
        assert "data-pagefind-body" in page and "search_index" not in page


def test_a_parameter_count_weighs_more_than_other_quantities() -> None:
    """OPT 1.3B's 300B training tokens must not outrank EXAONE 1.0's 300B parameters for "300B"."""
    opt = search_terms(build_state().data, "model", "opt-1-3b", "en")
    assert f'<p data-pagefind-weight="{SIZE_WEIGHT}">1.3B' in opt.replace("13억 · ", "")
    assert f'<p data-pagefind-weight="{VALUE_WEIGHT}">3000억 · 300B · 300 billion</p>' in opt
    assert SIZE_WEIGHT > VALUE_WEIGHT


def test_the_licence_matrix_is_named_by_the_openness_terms() -> None:
    """"오픈소스" or "open weights" finds the licence matrix first, not one of the records mentioning it."""
    assert {"오픈소스", "open source", "opensource", "open weights", "openweights"} <= set(openness_terms())
    shards = name_shards(build_state().data, "en")
    matrix = [entry for entry in shards[shard_of("opensource")] if entry["url"] == "parameters/#licences"]
    assert matrix and "opensource" in matrix[0]["keys"] and matrix[0]["title"] == "Licence and openness"
    assert any(entry["url"] == "parameters/#licences" for entry in shards[shard_of("오픈소스")])
