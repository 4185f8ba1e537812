"""The archive's index (MANIFEST.yaml) is checked against the source records: E330, E331, E332."""

from __future__ import annotations

from pathlib import Path

from factbase_fixtures import ARTICLE, README, diagnostics_for, make_base, only, sha256

ENTRIES = f"""\
# the archive's index
files:
  - file: articles/a.txt
    sha256: {sha256(ARTICLE)}
    kind: "news-article"
  - file: primary/a.md
    sha256: {sha256(README)}
    kind: "repository-readme"
"""


def _with_manifest(tmp_path: Path, text: str = ENTRIES) -> tuple[Path, Path]:
    facts, archive = make_base(tmp_path)
    (archive / "MANIFEST.yaml").write_text(text, encoding="utf-8")
    return facts, archive


def test_an_index_that_lists_every_source_is_clean(tmp_path: Path) -> None:
    facts, archive = _with_manifest(tmp_path)
    assert diagnostics_for(facts, archive) == []


def test_an_archive_without_an_index_is_not_checked(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    assert not (archive / "MANIFEST.yaml").exists()
    assert diagnostics_for(facts, archive) == []


def test_e330_a_source_missing_from_the_index(tmp_path: Path) -> None:
    text = ENTRIES.replace(f"  - file: primary/a.md\n    sha256: {sha256(README)}\n    kind: \"repository-readme\"\n",
                           "")
    facts, archive = _with_manifest(tmp_path, text)
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.rule, found.line, found.col) == ("E330", "manifest-entry-missing", 12, 9)
    assert found.path.endswith("facts/sources/readme-a.yaml")
    assert found.message == f"'primary/a.md' has no entry in the archive's index {archive / 'MANIFEST.yaml'}"
    assert "new.py source ID --file PATH" in found.hint


def test_e331_an_index_entry_with_another_hash(tmp_path: Path) -> None:
    wrong = "f" * 64
    facts, archive = _with_manifest(tmp_path, ENTRIES.replace(sha256(ARTICLE), wrong))
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.rule, found.line, found.col) == ("E331", "manifest-hash-mismatch", 13, 11)
    assert found.path.endswith("facts/sources/news-a.yaml")
    assert found.message == (f"the archive's index ({archive / 'MANIFEST.yaml'}, line 4) gives 'articles/a.txt' "
                             f"the sha256 {wrong}, not the recorded {sha256(ARTICLE)}")


def test_e332_an_entry_without_a_hash_is_located_in_the_index(tmp_path: Path) -> None:
    facts, archive = _with_manifest(tmp_path, ENTRIES.replace(f"    sha256: {sha256(README)}\n", ""))
    found = diagnostics_for(facts, archive)
    assert [(d.code, d.path, d.line, d.col) for d in found] == [
        ("E332", str(archive / "MANIFEST.yaml"), 6, 5),
        ("E331", str(facts / "sources" / "readme-a.yaml"), 13, 11),  # the entry gives no sha256 to agree with
    ]
    unreadable = next(d for d in found if d.code == "E332")
    assert unreadable.message == "entry 2 of the archive's index has no text sha256"


def test_e332_an_index_that_is_not_yaml(tmp_path: Path) -> None:
    facts, archive = _with_manifest(tmp_path, "files:\n  - file: [unclosed\n")
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.rule, found.path) == ("E332", "manifest-unreadable", str(archive / "MANIFEST.yaml"))
    assert (found.line, found.col) == (3, 1)
    assert found.message.startswith("the archive's index cannot be read: E001 ")
