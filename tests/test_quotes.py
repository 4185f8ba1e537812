"""Quotes are checked against the archived copies of their sources."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from factbase.archive import Archive
from factbase.validation import validate
from factbase_fixtures import ARTICLE, MODEL, diagnostics_for, make_base, only

KO_QUOTE = "LG AI연구원은 14일 초거대 AI 모델 ‘엑사원(EXAONE)’을 공개했다."


def test_e301_one_changed_character_is_rejected(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path, model=MODEL.replace("14일", "15일"))
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.rule, found.line, found.col) == ("E301", "quote-not-in-source", 12, 18)
    assert found.message == ("the quote is not in source 'news-a' (11 of 44 characters match: "
                             "«LG AI연구원은 1» matches, then the quote differs)")


def test_whitespace_and_unicode_normalisation_differences_are_accepted(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", KO_QUOTE)
    assert decomposed != KO_QUOTE
    model = MODEL.replace(KO_QUOTE, decomposed.replace(" ", "   ", 2))
    facts, archive = make_base(tmp_path, model=model)
    assert diagnostics_for(facts, archive) == []


def test_a_quote_across_a_line_break_is_found(tmp_path: Path) -> None:
    article = ARTICLE.replace("초거대 AI 모델", "초거대 AI\n모델")
    model = MODEL.replace("line: 3\n  parameters", "line: 3\n  parameters")
    facts, archive = make_base(tmp_path, model=model, article=article)
    # the archive changed, so its hash no longer matches: that is reported, the quote itself is found
    assert [d.code for d in diagnostics_for(facts, archive)] == ["E304"]


def test_e302_wrong_line(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path, model=MODEL.replace("line: 3\n  parameters", "line: 4\n  parameters"))
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.line, found.col) == ("E302", 14, 17)
    assert found.message == "the quote starts on line 3 of the source, not line 4"
    assert found.hint == "set `line: 3`"


def test_e303_archived_copy_missing(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    (archive / "primary" / "a.md").unlink()
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.line, found.col) == ("E303", 12, 9)
    assert found.path.endswith("facts/sources/readme-a.yaml")
    assert found.message == f"'primary/a.md' is not in the archive {archive}"


def test_e304_changed_archive_names_the_source(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    path = archive / "articles" / "a.txt"
    path.write_text(path.read_text(encoding="utf-8") + "추가된 문장.\n", encoding="utf-8")
    found = only(diagnostics_for(facts, archive))
    assert (found.code, found.line, found.col) == ("E304", 13, 11)
    assert found.message.startswith("the archived copy of source 'news-a' has sha256 ")


def test_an_archive_path_cannot_leave_the_archive(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    source = facts / "sources" / "news-a.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("articles/a.txt", "../facts/x.txt"),
                      encoding="utf-8")
    codes = [(d.code, d.line) for d in diagnostics_for(facts, archive)]
    assert ("E105", 12) in codes  # the path pattern forbids `..`


def test_without_an_archive_nothing_is_claimed_verified(tmp_path: Path) -> None:
    facts, _ = make_base(tmp_path, model=MODEL.replace("14일", "15일"))
    report = validate([facts], None)
    assert report.diagnostics == []
    assert (report.quotes.verified, report.quotes.unverified) == (0, 2)


def test_counts_of_verified_quotes(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    report = validate([facts], Archive(archive))
    assert (report.quotes.verified, report.quotes.unverified) == (2, 0)
