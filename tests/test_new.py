"""scripts/new.py: scaffolds schema-valid, canonical records, asks only on a terminal, never overwrites."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import WriteFact, load_script
from factbase.archive import Archive
from factbase.formatting import format_text
from factbase.validation import validate

new = load_script("new")

ARTICLE = "엑사원 공개 기사\n\nLG AI연구원은 14일 초거대 AI 모델 ‘엑사원(EXAONE)’을 공개했다.\n"
README = "# Model A\n\nWe introduce Model A, a bilingual model.\n\nModel A is a bilingual model.\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    directory = tmp_path / "archive"
    (directory / "articles").mkdir(parents=True)
    (directory / "primary").mkdir()
    (directory / "articles" / "a.txt").write_text(ARTICLE, "utf-8")
    (directory / "primary" / "a.md").write_text(README, "utf-8")
    return directory


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sources(write_fact: WriteFact, archive: Path) -> None:
    """A Korean news article and an English README, archived."""
    for source_id, kind, language, file in [("news-a", "news-article", "ko", "articles/a.txt"),
                                            ("readme-a", "repository-readme", "en", "primary/a.md")]:
        write_fact(f"sources/{source_id}.yaml", f"""\
            id: {source_id}
            kind: {kind}
            title:
              ko: 제목
              en: Title
            published:
              date: "2021-12-14"
              inferred: false
            language: {language}
            retrieved: "2026-11-22"
            archive:
              file: {file}
              sha256: {_sha(archive / file)}
            """)


def _run(facts_dir: Path, archive: Path, *argv: str) -> int:
    kind, record_id, *options = argv
    return int(new.main([kind, record_id, "--facts", str(facts_dir), "--archive", str(archive), *options]))


def test_a_source_gets_the_hash_of_its_archived_copy(facts_dir: Path, archive: Path) -> None:
    code = _run(facts_dir, archive, "source", "hankyung-2021-12-14-exaone", "--kind", "news-article",
                "--title-ko", "엑사원 공개", "--title-en", "EXAONE unveiled", "--published-date", "2021-12-14",
                "--language", "ko", "--retrieved", "2026-11-22", "--publisher-ko", "한국경제",
                "--publisher-en", "The Korea Economic Daily", "--archive-file", str(archive / "articles/a.txt"))
    assert code == 0
    written = (facts_dir / "sources" / "hankyung-2021-12-14-exaone.yaml").read_text("utf-8")
    assert written == f"""\
id: hankyung-2021-12-14-exaone
kind: news-article
title:
  ko: 엑사원 공개
  en: EXAONE unveiled
publisher:
  ko: 한국경제
  en: The Korea Economic Daily
published:
  date: "2021-12-14"
  inferred: false
language: ko
retrieved: "2026-11-22"
archive:
  file: articles/a.txt
  sha256: {_sha(archive / "articles/a.txt")}
"""
    report = validate([facts_dir], Archive(archive))
    assert [d.format_text() for d in report.diagnostics] == []


@pytest.mark.usefixtures("sources")
def test_a_model_with_a_cited_description_finds_the_quote_line(facts_dir: Path, archive: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(facts_dir, archive, "model", "model-a", "--name-ko", "모델 A", "--name-en", "Model A",
                "--kind", "model", "--aliases", "Model-A, MA", "--description-ko", "이중 언어 모델이다.",
                "--description-en", "A bilingual model.", "--source", "readme-a",
                "--quote", "Model A is a  bilingual\nmodel.")
    assert code == 0
    path = facts_dir / "models" / "model-a.yaml"
    written = path.read_text("utf-8")
    assert written == """\
id: model-a
name:
  ko: 모델 A
  en: Model A
aliases:
  - Model-A
  - MA
kind: model
claims:
  description:
    - value:
        ko: 이중 언어 모델이다.
        en: A bilingual model.
      status: confirmed
      citations:
        - source: readme-a
          quote: "Model A is a  bilingual\\nmodel."
          line: 5
"""
    assert format_text(written.encode("utf-8"), "model") == written
    assert f"wrote {path}: add sourced claims to it" in capsys.readouterr().err
    report = validate([facts_dir], Archive(archive))
    assert [d.format_text() for d in report.diagnostics] == []


@pytest.mark.usefixtures("sources")
def test_an_event_cites_its_date_and_a_korean_quote_needs_an_english_rendering(
        facts_dir: Path, archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["event", "2021-12-14-exaone", "--kind", "release", "--title-ko", "엑사원 공개",
            "--title-en", "EXAONE unveiled", "--date", "2021-12-14", "--source", "news-a",
            "--quote", "LG AI연구원은 14일"]
    assert _run(facts_dir, archive, *argv) == 2
    assert capsys.readouterr().err == ("error: missing options for a new event: --quote-en (stdin is not a "
                                       "terminal, so new.py cannot ask for them)\n")
    assert _run(facts_dir, archive, *argv, "--quote-en", "LG AI Research, on the 14th") == 0
    written = (facts_dir / "events" / "2021-12-14-exaone.yaml").read_text("utf-8")
    assert "      status: reported\n" in written  # a news article is a secondary source
    assert "          quote_en: LG AI Research, on the 14th\n          line: 3\n" in written


def test_missing_options_are_named_when_stdin_is_not_a_terminal(facts_dir: Path, archive: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(facts_dir, archive, "organization", "lg", "--name-en", "LG") == 2
    assert capsys.readouterr().err == ("error: missing options for a new organization: --name-ko, --sector, "
                                       "--country (stdin is not a terminal, so new.py cannot ask for them)\n")
    assert _run(facts_dir, archive, "partnership", "a-b") == 2
    assert capsys.readouterr().err == (
        "error: missing options for a new partnership: --organizations, --relationship, --description-ko, "
        "--description-en, --source, --quote, --status (stdin is not a terminal, so new.py cannot ask for them)\n")
    assert not facts_dir.exists()


def test_an_existing_file_is_never_overwritten(write_fact: WriteFact, facts_dir: Path, archive: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = write_fact("organizations/lg.yaml", "id: lg\n# hand-written\n")
    code = _run(facts_dir, archive, "organization", "lg", "--name-ko", "LG", "--name-en", "LG",
                "--sector", "conglomerate", "--country", "KR")
    assert code == 1
    assert capsys.readouterr().err == f"error: {path} already exists: edit it instead\n"
    assert path.read_text("utf-8") == "id: lg\n# hand-written\n"


@pytest.mark.usefixtures("sources")
def test_bad_input_is_refused_before_anything_is_written(facts_dir: Path, archive: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(facts_dir, archive, "model", "Model_A") == 2
    assert "'Model_A' is not an id" in capsys.readouterr().err
    model = ["model", "model-a", "--name-ko", "모델", "--name-en", "Model", "--kind", "model",
             "--description-ko", "설명", "--description-en", "Description", "--source", "readme-a"]
    assert _run(facts_dir, archive, *model, "--quote", "not in the README") == 1
    assert capsys.readouterr().err == (
        "error: the quote is not in source 'readme-a' (1 of 17 characters match: «n» matches, then the quote "
        f"differs): copy the quote verbatim from {archive / 'primary' / 'a.md'}\n")
    assert _run(facts_dir, archive, *model[:-1], "missing-source", "--quote", "Model A") == 1
    assert "there is no source" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:  # country is an enum: the command line offers its choices
        _run(facts_dir, archive, "organization", "lg", "--name-ko", "LG", "--name-en", "LG",
             "--sector", "conglomerate", "--country", "kr")
    assert refused.value.code == 2
    assert "argument --country: invalid choice: 'kr'" in capsys.readouterr().err
    assert _run(facts_dir, archive, "source", "s", "--kind", "paper", "--title-ko", "제목", "--title-en", "T",
                "--published-date", "2021", "--published-inferred", "maybe", "--language", "en",
                "--retrieved", "2026", "--archive-file", "primary/a.md") == 1
    assert "error: --published-inferred: answer true or false" in capsys.readouterr().err
    assert not (facts_dir / "models").exists() and not (facts_dir / "organizations").exists()


@pytest.mark.usefixtures("sources")
def test_on_a_terminal_it_asks_for_what_is_missing(facts_dir: Path, archive: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    answers: Iterator[str] = iter(["", "엑사원", "EXAONE", "wrong", "family", "모델 계열", "A model family",
                                   "readme-a"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert _run(facts_dir, archive, "model", "exaone", "--quote", "not there") == 1
    out = capsys.readouterr().out
    assert "name-ko: The name as written in Korean.\n  an answer is needed\n" in out
    assert "  one of: family, model, product\n" in out
    assert "source: The id of a record in `facts/sources/`.\n" in out
    answers = iter(["엑사원", "EXAONE", "family", "모델 계열", "A model family", "readme-a"])
    assert _run(facts_dir, archive, "model", "exaone", "--quote", "We introduce Model A") == 0
    written = (facts_dir / "models" / "exaone.yaml").read_text("utf-8")
    assert written.startswith("id: exaone\nname:\n  ko: 엑사원\n  en: EXAONE\nkind: family\nclaims:\n")
    assert "      status: confirmed\n      citations:\n        - source: readme-a\n" in written
    assert "          quote: We introduce Model A\n          line: 3\n" in written


SOURCE_OPTIONS = ["--kind", "news-article", "--title-ko", "새 기사", "--title-en", "A new article",
                  "--published-date", "2026-11-20", "--language", "ko", "--retrieved", "2026-11-29"]
INDEX = "# the archive's index\nfiles:\n  - file: articles/a.txt\n    sha256: {sha}\n"


def test_file_archives_the_copy_and_lists_it_in_the_index(facts_dir: Path, archive: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "MANIFEST.yaml").write_text(INDEX.format(sha=_sha(archive / "articles/a.txt")), "utf-8")
    copy = tmp_path / "Downloaded.TXT"
    copy.write_text("새 모델 공개 기사\n\n새 모델을 20일 공개했다.\n", "utf-8")
    assert _run(facts_dir, archive, "source", "news-2026-11-20-new-model", *SOURCE_OPTIONS, "--file", str(copy),
                "--notes-ko", "시험 기사.", "--notes-en", "A test article.") == 0
    archived = archive / "articles" / "news-2026-11-20-new-model.txt"
    assert archived.read_bytes() == copy.read_bytes()
    record = (facts_dir / "sources" / "news-2026-11-20-new-model.yaml").read_text("utf-8")
    assert f"archive:\n  file: articles/news-2026-11-20-new-model.txt\n  sha256: {_sha(copy)}\n" in record
    assert (archive / "MANIFEST.yaml").read_text("utf-8") == INDEX.format(sha=_sha(archive / "articles/a.txt")) + (
        f"  - file: articles/news-2026-11-20-new-model.txt\n    sha256: {_sha(copy)}\n"
        '    kind: "news-article"\n    language: "ko"\n    publisher_ko: null\n    publisher_en: null\n'
        '    author: null\n    published: "2026-11-20"\n    title: "새 기사"\n    url: null\n    copy: "whole"\n'
        '    notes: "A test article."\n')
    assert capsys.readouterr().err == (
        f"copied {copy} to {archived}\nadded articles/news-2026-11-20-new-model.txt to {archive / 'MANIFEST.yaml'}\n"
        f"wrote {facts_dir / 'sources' / 'news-2026-11-20-new-model.yaml'}, then run python scripts/validate.py\n")
    assert validate([facts_dir], Archive(archive)).diagnostics == []


def test_file_never_replaces_another_archived_copy(facts_dir: Path, archive: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "other.txt"
    copy.write_text("다른 기사\n", "utf-8")
    assert _run(facts_dir, archive, "source", "news-b", *SOURCE_OPTIONS, "--file", str(copy),
                "--archive-file", "articles/a.txt") == 1
    assert capsys.readouterr().err == (f"error: {archive / 'articles' / 'a.txt'} exists and is another file: "
                                       "choose another name with --archive-file\n")
    assert (archive / "articles" / "a.txt").read_text("utf-8") == ARTICLE
    assert not (facts_dir / "sources").exists()


def test_each_bilingual_option_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        new.main(["source", "x", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--title-ko VALUE In Korean: the title in the source's language and in English" in shown
    assert "--title-en VALUE In English: the title in the source's language and in English" in shown
    assert "--notes-ko VALUE In Korean: what is inferred or uncertain about this source" in shown


def test_file_into_an_archive_without_an_index_says_no_entry_was_written(facts_dir: Path, archive: Path,
                                                                         tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "readme.md"
    copy.write_text("# B\n", "utf-8")
    options = [option.replace("news-article", "repository-readme") for option in SOURCE_OPTIONS]
    assert _run(facts_dir, archive, "source", "readme-b", *options, "--file", str(copy)) == 0
    assert (archive / "primary" / "readme-b.md").read_text("utf-8") == "# B\n"
    assert not (archive / "MANIFEST.yaml").exists()
    assert f"{archive} has no MANIFEST.yaml: no index entry written\n" in capsys.readouterr().err
