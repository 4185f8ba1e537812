"""The real fact base: clean with the archive; any deleted citation or altered quote is caught, located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ARCHIVE, ROOT
from factbase.archive import Archive, quotes_must_be_verified
from factbase.records import iter_claims
from factbase.validation import load_fact_base, validate

FACTS = ROOT / "facts"
# Skipped on a contributor's machine without the archive; in CI (CI=true) it runs, and fails without it.
needs_archive = pytest.mark.skipif(not ARCHIVE.is_dir() and not quotes_must_be_verified(),
                                   reason=f"no source archive at {ARCHIVE}: quotes were NOT verified")


@needs_archive
def test_real_facts_validate_clean_with_the_archive() -> None:
    report = validate([FACTS], Archive(ARCHIVE))
    assert [d.format_text() for d in report.diagnostics] == []
    assert report.quotes.unverified == 0
    assert report.quotes.verified > 0


def test_real_facts_hold_at_least_one_source_and_one_cited_model() -> None:
    base, diagnostics = load_fact_base([FACTS])
    assert diagnostics == []
    assert base.of_kind("source")
    models = base.of_kind("model").values()
    assert any(claim.data.get("citations") for model in models for claim in iter_claims(model))


def _copy_facts(tmp_path: Path) -> Path:
    copy = tmp_path / "facts"
    shutil.copytree(FACTS, copy)
    return copy


def _without_citation_blocks(text: str, key_lines: list[int]) -> str:
    """Deletes each `citations:` block (its key line and the more-indented lines under it)."""
    lines = text.split("\n")
    for key_line in sorted(key_lines, reverse=True):
        start = key_line - 1
        indent = len(lines[start]) - len(lines[start].lstrip())
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
                                    or lines[end].lstrip().startswith("- ") and
                                    len(lines[end]) - len(lines[end].lstrip()) == indent):
            end += 1
        del lines[start:end]
    return "\n".join(lines)


def test_deleting_any_claims_citations_fails_at_that_claim(tmp_path: Path) -> None:
    copy = _copy_facts(tmp_path)
    base, _ = load_fact_base([copy])
    for record in base.records:
        key_lines = [record.document.key_position((*claim.path, "citations"))[0] for claim in iter_claims(record)]
        path = Path(record.path)
        path.write_text(_without_citation_blocks(path.read_text(encoding="utf-8"), key_lines), encoding="utf-8")
    mutated, _ = load_fact_base([copy])
    expected = {(record.path, *record.document.position(claim.path))
                for record in mutated.records for claim in iter_claims(record)}
    assert not any("citations" in claim.data for record in mutated.records for claim in iter_claims(record))
    found = {(d.path, d.line, d.col) for d in validate([copy], None).diagnostics if d.code == "E101"}
    assert expected and found == expected


def _alter_one_character(line: str, col: int) -> str:
    for index in range(col, len(line)):
        char = line[index]
        if char.isalnum():
            replacement = ("갑" if char != "갑" else "을") if ord(char) > 0x3000 else ("x" if char != "x" else "y")
            return line[:index] + replacement + line[index + 1:]
    raise AssertionError(f"no letter to change in {line!r}")


@needs_archive
def test_changing_one_character_of_any_quote_fails_at_that_quote(tmp_path: Path) -> None:
    copy = _copy_facts(tmp_path)
    base, _ = load_fact_base([copy])
    expected = set()
    for record in base.records:
        positions = [record.document.position((*path, "quote"))
                     for claim in iter_claims(record) for path, _ in claim.citations()]
        if not positions:
            continue
        path = Path(record.path)
        lines = path.read_text(encoding="utf-8").split("\n")
        for line, col in positions:
            lines[line - 1] = _alter_one_character(lines[line - 1], col)
            expected.add((record.path, line, col))
        path.write_text("\n".join(lines), encoding="utf-8")
    found = {(d.path, d.line, d.col) for d in validate([copy], Archive(ARCHIVE)).diagnostics if d.code == "E301"}
    assert expected and found == expected
