"""Property-based tests: for any input, the loader and the validator give records or located errors, never
an uncaught exception."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from factbase.archive import Archive
from factbase.diagnostics import Diagnostic
from factbase.records import KINDS
from factbase.schema_files import SCHEMA_DIR
from factbase.strict_yaml import load_yaml
from factbase.validation import validate
from factbase_fixtures import MODEL, make_base
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CODE = re.compile(r"E\d{3}")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_located(diagnostics: list[Diagnostic], path: str, raw: bytes) -> None:
    lines = len(re.split(rb"\r\n|\r|\n", raw))  # YAML's line breaks
    for found in diagnostics:
        assert found.path == path, found
        assert 1 <= found.line <= lines, found
        assert found.col >= 1, found
        assert CODE.fullmatch(found.code), found
        assert found.rule and found.message and found.hint, found


# YAML's punctuation, white space, characters the loader refuses, and words it treats specially.
YAMLISH = st.lists(st.one_of(
    st.sampled_from([":", "- ", "? ", "[", "]", "{", "}", ",", "&a", "*a", "!!str", "!x", "|", ">", "'", '"', "#",
                     "%", "@", "`", "---", "...", "\n", "\n  ", "\n    ", " ", "\t", "\\", "\\u202e", "\\x00", "\r",
                     "yes", "no", "on", "null", "~", "true", "017", "0x1F", "1:30", ".inf", ".nan", "1e3",
                     "2021-12-14", "1.0e999", "id", "name", "ko", "en", "claims", "value", "citations"]),
    st.text(max_size=5),
), max_size=40).map("".join)


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_load_or_give_located_errors(raw: bytes) -> None:
    document, diagnostics = load_yaml(raw, "facts/models/x.yaml")
    assert_located(diagnostics, "facts/models/x.yaml", raw)
    assert document is not None or diagnostics


@FAST
@given(YAMLISH)
def test_any_yamlish_text_loads_or_gives_located_errors(text: str) -> None:
    raw = text.encode("utf-8", errors="surrogatepass")
    document, diagnostics = load_yaml(raw, "facts/models/x.yaml")
    assert_located(diagnostics, "facts/models/x.yaml", raw)
    if document is not None and not diagnostics:
        assert json.loads(json.dumps(document.data)) == document.data  # plain data only


def _field_names() -> list[str]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in SCHEMA_DIR.glob("*.schema.json"):
        walk(json.loads(path.read_text("utf-8")))
    return sorted(names)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    st.text(max_size=12), st.sampled_from(["model-a", "org-a", "news-a", "readme-a", "2021-12-14",
                                                           "confirmed", "parameters", "ko", "https://x.org/"]))
KEYS = st.one_of(st.sampled_from(_field_names()), st.text(min_size=1, max_size=8))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _replaced(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[path[0]] = _replaced(node[path[0]], path[1:], value)
    return copy


MODEL_DATA = yaml.safe_load(MODEL)
MODEL_PATHS = list(_paths(MODEL_DATA))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_base(tmp_path_factory.mktemp("properties"))


def _validate_file(base: tuple[Path, Path], folder: str, raw: bytes) -> None:
    facts, archive = base
    path = facts / folder / "random.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(raw)
    try:
        report = validate([facts], Archive(archive))
    finally:
        path.unlink()
    shown = str(path)
    for found in report.diagnostics:
        if found.path != shown:  # the fixture's own files stay clean whatever the random file says
            raise AssertionError(f"a diagnostic in another file: {found.format_text()}")
    assert_located(report.diagnostics, shown, raw)


@FAST
@given(folder=st.sampled_from(sorted(KINDS)), raw=st.one_of(st.binary(max_size=200), YAMLISH.map(str.encode)))
def test_any_file_validates_or_gives_located_errors(base: tuple[Path, Path], folder: str, raw: bytes) -> None:
    _validate_file(base, folder, raw)


@FAST
@given(folder=st.sampled_from(sorted(KINDS)), record=st.dictionaries(KEYS, VALUES, max_size=8))
def test_any_structurally_random_record_gives_located_errors(base: tuple[Path, Path], folder: str,
                                                             record: dict[str, Any]) -> None:
    _validate_file(base, folder, yaml.safe_dump(record, allow_unicode=True).encode("utf-8", "surrogatepass"))


@FAST
@given(path=st.sampled_from(MODEL_PATHS), value=VALUES)
def test_a_valid_record_with_any_part_replaced_gives_located_errors(base: tuple[Path, Path], path: tuple[Any, ...],
                                                                    value: Any) -> None:
    record = _replaced(MODEL_DATA, path, value)
    _validate_file(base, "models", yaml.safe_dump(record, allow_unicode=True).encode("utf-8", "surrogatepass"))
