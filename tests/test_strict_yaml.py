"""The strict loader: each way YAML can silently mean something else is a located error."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factbase.records import Record, iter_claims
from factbase.strict_yaml import MAX_DEPTH, MAX_FILE_BYTES, load_yaml
from factbase.wording import format_score

CASES = [
    # (name, file bytes, code, line, col, words the message must contain)
    ("duplicate key", b"id: a\nname: x\nid: b\n", "E002", 3, 1, "duplicate key 'id' (first at line 1)"),
    ("anchor", b"a: &x 1\n", "E003", 1, 4, "anchor or alias 'x'"),
    ("alias", b"a: 1\nb: *x\n", "E003", 2, 4, "anchor or alias 'x'"),
    ("anchor and alias", b"a: &x [1]\nb: *x\n", "E003", 1, 4, "anchor or alias 'x'"),
    ("y", b"a: y\n", "E004", 1, 4, "'y' is read as a YAML 1.1 boolean"),
    ("yes", b"a: yes\n", "E004", 1, 4, "'yes' is read as a YAML 1.1 boolean"),
    ("off", b"a:\n  - off\n", "E004", 2, 5, "'off' is read as a YAML 1.1 boolean"),
    ("date", b"date: 2021-12-14\n", "E004", 1, 7, "'2021-12-14' is read as a date or timestamp"),
    ("time", b"t: 1:30\n", "E004", 1, 4, "'1:30' is read as a sexagesimal"),
    ("octal", b"amount: 017\n", "E004", 1, 9, "'017' is read as an octal-looking number"),
    ("hex", b"amount: 0x1F\n", "E004", 1, 9, "'0x1F' is read as a hexadecimal"),
    ("exponent without a dot", b"amount: 1e3\n", "E004", 1, 9, "'1e3' is read as a number in a form"),
    ("inf", b"amount: .inf\n", "E004", 1, 9, "'.inf' is read as an infinity"),
    ("nan", b"amount: .nan\n", "E004", 1, 9, "'.nan' is read as an infinity or not-a-number"),
    ("tag", b"a: !!python/object:os.system x\n", "E005", 1, 4, "explicit tag"),
    ("bom", b"\xef\xbb\xbfid: a\n", "E006", 1, 1, "byte-order mark"),
    ("invalid utf-8", b"id: a\nname: \xc3\x28\n", "E006", 2, 7, "invalid UTF-8 byte 0xc3"),
    ("tab", b"a:\n\t- 1\n", "E007", 2, 1, "a tab character"),
    ("nul", b"a: x\x00y\n", "E007", 1, 5, "U+0000"),
    ("escape char", b"a: x\x1by\n", "E007", 1, 5, "U+001B"),
    ("empty", b"", "E008", 1, 1, "the file holds no record"),
    ("blank", b"\n  \n", "E008", 1, 1, "the file holds no record"),
    ("two documents", b"a: 1\n---\nb: 2\n", "E009", 2, 1, "a second YAML document"),
    ("complex key", b"? [a, b]\n: 1\n", "E012", 1, 3, "a mapping key must be a plain name"),
    ("number key", b"1: x\n", "E012", 1, 1, "a mapping key must be a plain name"),
    ("bidi override", "name: abc\u202edef\n".encode(), "E013", 1, 10, "RIGHT-TO-LEFT OVERRIDE"),
    ("zero width space", "id: ex\u200baone\n".encode(), "E013", 1, 7, "ZERO WIDTH SPACE"),
    ("syntax", b"a: [1, 2\nb: 3\n", "E001", 2, 2, "expected ',' or ']'"),
]


@pytest.mark.parametrize(("name", "raw", "code", "line", "col", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_yaml_is_a_located_error(name: str, raw: bytes, code: str, line: int, col: int, words: str) -> None:
    _, diagnostics = load_yaml(raw, "facts/models/x.yaml")
    assert diagnostics, f"{name}: no error"
    first = diagnostics[0]
    assert (first.path, first.code, first.line, first.col) == ("facts/models/x.yaml", code, line, col), first
    assert words in first.message
    assert first.hint, "every error says how to fix it"


def test_file_too_large_is_refused_before_parsing() -> None:
    raw = b"a: '" + b"x" * MAX_FILE_BYTES + b"'\n"
    document, diagnostics = load_yaml(raw, "big.yaml")
    assert document is None
    assert [(d.code, d.line, d.col) for d in diagnostics] == [("E010", 1, 1)]
    assert f"at most {MAX_FILE_BYTES:,}" in diagnostics[0].message


@pytest.mark.parametrize("opener", [b"[", b"- "])
def test_deep_nesting_stops_at_the_limit(opener: bytes) -> None:
    raw = opener * 10_000 if opener == b"[" else b"".join(b"  " * i + b"- \n" for i in range(MAX_DEPTH + 10))
    document, diagnostics = load_yaml(raw, "deep.yaml")
    assert document is None
    assert [d.code for d in diagnostics] == ["E011"]
    assert f"deeper than {MAX_DEPTH} levels" in diagnostics[0].message


def test_plain_scalars_resolve_strictly() -> None:
    raw = b'a: 12\nb: -3.5\nc: true\nd: null\ne: ~\nf: text here\ng: "2021-12-14"\nh: \'yes\'\ni:\n'
    document, diagnostics = load_yaml(raw, "x.yaml")
    assert diagnostics == []
    assert document is not None
    assert document.data == {"a": 12, "b": -3.5, "c": True, "d": None, "e": None, "f": "text here",
                             "g": "2021-12-14", "h": "yes", "i": None}


def test_positions_point_at_nodes_and_keys() -> None:
    raw = b"id: a\nclaims:\n  parameters:\n    - value: 1\n      status: confirmed\n"
    document, _ = load_yaml(raw, "x.yaml")
    assert document is not None
    assert document.position(("claims", "parameters", 0)) == (4, 7)
    assert document.position(("claims", "parameters", 0, "status")) == (5, 15)
    assert document.key_position(("claims", "parameters", 0, "status")) == (5, 7)
    # a path that is not there falls back to its nearest ancestor
    assert document.position(("claims", "parameters", 0, "citations", 0)) == (4, 7)


def test_alias_bomb_is_not_expanded() -> None:
    lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [b"a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]" % ((i, i) + (i - 1,) * 9)
              for i in range(1, 10)]
    document, diagnostics = load_yaml(b"\n".join(lines) + b"\n", "bomb.yaml")
    assert document is not None
    assert {d.code for d in diagnostics} == {"E003"}
    assert len(diagnostics) == 10 + 9 * 9  # each anchor and alias once; nothing expanded
    assert document.data["a9"] == [None] * 9


def test_numbers_keep_the_form_the_file_writes() -> None:
    document, diagnostics = load_yaml(b"a:\n  - score: 33.0\n  - 61.50\nb: 6166502400\nc: '33.0'\nd: true\n", "x.yaml")
    assert diagnostics == [] and document is not None
    assert document.data["a"][0]["score"] == 33 and document.number_text(("a", 0, "score")) == "33.0"
    assert document.number_text(("a", 1)) == "61.50"
    assert document.number_text(("b",)) == "6166502400"
    assert document.number_text(("c",)) is None  # a quoted string is no number
    assert document.number_text(("d",)) is None


def test_a_claim_value_as_written_keeps_each_number_s_form() -> None:
    raw = (b"id: m\nclaims:\n  benchmark:\n    - value:\n        benchmark: LiveBench\n        score: 33.0\n"
           b"        unit: points\n      status: confirmed\n")
    document, _ = load_yaml(raw, "facts/models/m.yaml")
    assert document is not None
    claim = next(iter_claims(Record("model", "facts/models/m.yaml", document)))
    written = claim.value_as_written()
    assert written == {"benchmark": "LiveBench", "score": Decimal("33.0"), "unit": "points"}
    assert format_score(written, "en") == "LiveBench: 33.0 points"
    assert format_score(claim.data["value"], "en") == "LiveBench: 33 points"  # what the loaded float prints
