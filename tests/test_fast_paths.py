"""The shortcuts that keep validation and the build fast at scale (benchmarks/scale.py) change no result:
the compiled schema check never passes what jsonschema rejects, the text scan refuses exactly the characters
the loader refuses, pages cite only what they show, and the build looks at fact files once, not per page."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jsonschema
import pytest
import yaml
from conftest import ROOT, load_file
from factbase import typed_values
from factbase.archive import ARCHIVE_ENV, Archive
from factbase.fastschema import Compiler, Unsupported, fast_check
from factbase.records import iter_claims
from factbase.schema_files import schema_registry
from factbase.schemas import validator_for
from factbase.strict_yaml import _MAY_HOLD_SUSPECT, _SUSPECT, _bad_character, _Fatal, _Reader, load_yaml
from factbase.validation import load_fact_base, validate
from factbase_fixtures import make_base
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

write_base = load_file(ROOT / "benchmarks" / "synthetic.py").write_base

REAL, _ = load_fact_base([ROOT / "facts"])
KINDS = ("source", "organization", "model", "event", "partnership")


def jsonschema_errors(kind: str, data: Any) -> list[str]:
    return [error.message for error in validator_for(kind).iter_errors(data)]


def test_every_record_kind_has_a_fast_path() -> None:
    assert {kind: fast_check(kind) is not None for kind in KINDS} == dict.fromkeys(KINDS, True)


def test_the_fast_path_passes_every_real_record() -> None:
    rejected = [record.path for record in REAL.records if not fast_check(record.kind)(record.document.data)]
    assert rejected == []


# Values a mutation may put anywhere in a record: every JSON type, and strings that break patterns.
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", " ", "x", "2021-13-01", "2021-12-14", "javascript:alert(1)", "https://a.b/c", "ko",
                     "confirmed", "open-weights", "parameters", "lg-ai-research", "Bad Id", "a" * 2001]),
    st.lists(st.sampled_from(["a", "a", "text", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["ko", "en", "value", "status", "x"]), st.sampled_from(["t", 1]), max_size=2),
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


def _mutate(data: dict[str, Any], path: tuple[Any, ...], action: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    if not path:
        return data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last]["unknown_field"] = value
    elif action == "duplicate" and isinstance(parent[last], list) and parent[last]:
        parent[last].append(copy.deepcopy(parent[last][0]))
    else:
        parent[last] = value
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_fast_path_never_passes_what_jsonschema_rejects(data: st.DataObject) -> None:
    record = data.draw(st.sampled_from(REAL.records))
    paths = _paths(record.document.data)
    path = data.draw(st.sampled_from(paths))
    action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
    mutated = _mutate(record.document.data, path, action, data.draw(ODD_VALUES))
    if fast_check(record.kind)(mutated):
        assert jsonschema_errors(record.kind, mutated) == [], (path, action)


def jsonschema_errors_with(schema: dict[str, Any], registry: Any, instance: Any) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(schema, registry=registry).iter_errors(instance)]


def _compile(schema: dict[str, Any]) -> Any:
    return Compiler().compile(schema, schema_registry().resolver())


def test_additional_properties_false_sees_only_its_own_properties() -> None:
    """`additionalProperties: false` beside a `$ref` refuses the names the referenced schema declares."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/base",
              "properties": {"own": {}}, "additionalProperties": False,
              "$defs": {"base": {"properties": {"inherited": {}}}}}
    registry = schema_registry().with_contents([("test.json", schema)])
    resolver = registry.resolver(base_uri="test.json")
    check = Compiler().compile(schema, resolver)
    assert check({"own": 1}) and not check({"inherited": 1})
    assert jsonschema_errors_with(schema, registry, {"inherited": 1}) != []


def test_unevaluated_properties_false_allows_the_names_of_schemas_applied_in_place() -> None:
    check = _compile({"allOf": [{"properties": {"a": {"type": "string"}}}], "properties": {"b": {}},
                      "unevaluatedProperties": False})
    assert check({"a": "x", "b": 1})
    assert not check({"a": "x", "c": 1})
    assert not check({"a": 1})


@pytest.mark.parametrize("schema", [{"oneOf": [{}]}, {"type": "string", "format": "date"}, {"enum": [1, 2]},
                                    {"unevaluatedProperties": {"type": "string"}}, {"type": "decimal"}])
def test_a_keyword_it_does_not_check_leaves_the_schema_without_a_fast_path(schema: dict[str, Any]) -> None:
    with pytest.raises(Unsupported):
        _compile(schema)


@pytest.mark.parametrize(("schema", "good", "bad"), [
    ({"type": "integer"}, 3, 3.0),  # a float is not taken for an integer (jsonschema would: stricter is safe)
    ({"type": "number", "minimum": 0}, 0.5, -1),
    ({"type": "string", "pattern": "\\S", "maxLength": 3}, " a ", "    "),
    ({"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": True}, ["a", "b"], ["a", "a"]),
    ({"enum": ["ko", "en"]}, "ko", True),
    ({"type": "object", "required": ["id"]}, {"id": 1}, {"name": 1}),
])
def test_each_keyword_is_checked(schema: dict[str, Any], good: Any, bad: Any) -> None:
    check = _compile(schema)
    assert check(good) and not check(bad)


def test_the_text_scan_refuses_exactly_the_characters_the_loader_refuses() -> None:
    """Each character on its own (a variation selector after a letter: stray) and after a symbol, where a
    variation selector chooses the symbol's presentation and is allowed."""
    refused = [code for code in range(0x110000) if _bad_character("a" + chr(code), 1)]
    scanned = [code for code in range(0x110000) if _SUSPECT.fullmatch(chr(code))]
    assert scanned == refused
    after_symbol = [code for code in scanned if not _bad_character("\u260e" + chr(code), 1)]
    assert after_symbol == [0xFE0E, 0xFE0F]


def test_the_quick_test_before_the_scan_passes_every_character_the_scan_finds() -> None:
    """The quick test (charpolicy.suspect_test) spares the scan of text that holds none of its characters: it
    must never answer "none" for a character the scan finds (it answers "some" for every character beyond the
    Basic Multilingual Plane, and for no other the scan passes)."""
    codes = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    missed = [code for code in codes if _SUSPECT.fullmatch(chr(code))
              and not _MAY_HOLD_SUSPECT("ab" + chr(code) + "c")]
    assert missed == []
    extra = [code for code in codes if not _SUSPECT.fullmatch(chr(code))
             and _MAY_HOLD_SUSPECT(chr(code))]
    assert extra == [code for code in codes if code >= 0x10000 and not _SUSPECT.fullmatch(chr(code))]
    assert 0x1F600 in extra and not any(code < 0x10000 for code in extra)  # 😀: scanned in full, then passed
    assert not _MAY_HOLD_SUSPECT("엑사원 EXAONE 3.5: 78억 개\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters='\\"', blacklist_categories=("Cs",)), max_size=12))
def test_a_double_quoted_value_without_a_backslash_holds_nothing_the_file_scan_passed(text: str) -> None:
    """The loader looks at double-quoted values again (for escapes) only in files with a backslash: without
    one, every character of the value stood raw in the file, so the file's scan has judged it already."""
    raw = f'a: "x{text}y"\n'.encode()
    reader = _Reader("x.yaml")
    try:
        decoded = reader.decode(raw)
        events = list(yaml.parse(decoded, Loader=yaml.CSafeLoader))
    except (_Fatal, yaml.YAMLError):
        return  # refused, or not YAML: nothing is built
    for event in events:
        if isinstance(event, yaml.ScalarEvent) and event.style == '"':
            reader.check_escapes(event.value, (1, 1))
    assert reader.diagnostics == []


def test_a_document_s_numbers_are_those_a_walk_of_its_data_finds() -> None:
    def walk(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], Any]]:
        if type(value) in (int, float):
            return [(path, value)]
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
        return [found for key, sub in items for found in walk(sub, (*path, key))]

    for record in REAL.records:
        assert sorted(record.document.numbers(), key=repr) == sorted(walk(record.data, ()), key=repr), record.path
    document, _ = load_yaml(b"a: {b: 1}\na: 2\nc: [1, 2.5]\nd: 3\nd: {e: 4}\n", "dup.yaml")  # E002 twice
    assert document is not None and list(document.numbers()) == [(("a", "b"), 1), (("c", 0), 1), (("c", 1), 2.5),
                                                                  (("d",), 3)]


def test_the_walk_for_typed_values_skips_only_parts_where_the_definition_cannot_stand(tmp_path: Path) -> None:
    """typed_values() leaves out the parts of a record whose schema cannot hold the definition (citations, for
    dates): it finds what a walk of every part finds, in the real base and the synthetic one."""
    def every_part(plan: Any, value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], Any]]:
        if plan.matches:
            return [(path, value)]
        if isinstance(value, dict):
            return [found for key, sub in value.items() if key in plan.properties
                    for found in every_part(plan.properties[key], sub, (*path, key))]
        if isinstance(value, list) and plan.items is not None:
            return [found for index, sub in enumerate(value) for found in every_part(plan.items, sub, (*path, index))]
        return []

    facts, _ = write_base(30, tmp_path)
    synthetic, _ = load_fact_base([facts])
    for definition in ("date", "url", "id"):
        found = 0
        for record in [*REAL.records, *synthetic.records]:
            walked = every_part(typed_values._plan(record.kind, definition), record.data, ())
            assert list(typed_values.typed_values(record, definition)) == walked, (record.path, definition)
            found += len(walked)
        assert found > 50, definition


def test_the_synthetic_benchmark_base_is_valid_and_its_quotes_verify(tmp_path: Path) -> None:
    facts, archive = write_base(40, tmp_path)
    report = validate([facts], Archive(archive))
    assert [d.format_text() for d in report.diagnostics] == []
    assert report.quotes.unverified == 0 and report.quotes.verified > 200
    counts = {kind: sum(1 for r in report.base.records if r.kind == kind) for kind in KINDS}
    assert counts == {"model": 40, "organization": 24, "source": 6, "event": 17, "partnership": 21}


def test_the_synthetic_base_is_the_same_every_time(tmp_path: Path) -> None:
    first, _ = write_base(12, tmp_path / "a")
    second, _ = write_base(12, tmp_path / "b")
    files = sorted(path.relative_to(first) for path in first.rglob("*.yaml"))
    assert files == sorted(path.relative_to(second) for path in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_pages_of_a_build_share_one_look_at_the_fact_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen import context

    facts, archive = make_base(tmp_path)
    monkeypatch.setenv(context.FACTS_ENV, str(facts))
    monkeypatch.setenv(ARCHIVE_ENV, str(archive))
    looks: list[Path] = []
    fingerprint = context._fingerprint
    monkeypatch.setattr(context, "_fingerprint", lambda path: looks.append(path) or fingerprint(path))
    first = context.build_state(refresh=True)
    assert [context.build_state() for _ in range(50)] == [first] * 50
    assert len(looks) == 1
    (facts / "organizations" / "org-b.yaml").write_text(
        (facts / "organizations" / "org-a.yaml").read_text(encoding="utf-8").replace("org-a", "org-b"),
        encoding="utf-8")
    assert context.build_state() is first  # within a build, the data it started with
    assert "org-b" in context.build_state(refresh=True).data.records["organization"]  # the next build sees the edit


def test_every_footnote_on_a_page_is_cited_on_that_page(built_site: Path) -> None:
    """Pages list only the citations of what they show (the disputed page once listed every citation)."""
    orphans = {}
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        notes = set(re.findall(r'<li id="kf-note-(\d+)"', html))
        cited = set(re.findall(r'href="#kf-note-(\d+)"', html))
        if notes - cited:
            orphans[page.relative_to(built_site).as_posix()] = sorted(notes - cited, key=int)[:5]
    assert orphans == {}


def test_report_links_are_encoded_as_urlencode_does() -> None:
    from sitegen.context import DEFAULT_REPOSITORY
    from sitegen.sitedata import SiteData
    from sitegen.views import Page

    record = REAL.of_kind("model")["exaone-3-0"]
    claim = next(claim for claim in iter_claims(record) if claim.property == "released")
    page = Page(data=SiteData(REAL), lang="ko", root="../../", url="models/exaone 3.0/ü&x=1",
                repository=DEFAULT_REPOSITORY)
    where = "model/exaone-3-0#released[0]"
    query = urlencode({"template": "report-an-error.yml", "page": "/ko/models/exaone 3.0/ü&x=1", "claim": where,
                       "title": f"[fact] {where}"})
    assert page.report_url(claim, record) == f"{DEFAULT_REPOSITORY}/issues/new?{query}"
    query = urlencode({"template": "report-an-error.yml", "page": "/ko/models/exaone 3.0/ü&x=1", "claim": "-",
                       "title": "[fact] models/exaone 3.0/ü&x=1"})
    assert page.report_url(None, None) == f"{DEFAULT_REPOSITORY}/issues/new?{query}"


def test_templates_read_view_keys_and_still_refuse_missing_ones() -> None:
    import jinja2
    from sitegen.render import environment

    template = environment().from_string("{{ v.text }} {{ s.upper() }}")
    assert template.render(v={"text": "<b>"}, s="x") == "&lt;b&gt; X"
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ v.missing }}").render(v={"text": "a"})
