"""The validator's command line: exit codes, text and GitHub formats, what it says about the archive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from factbase_fixtures import MODEL, make_base


def run(*args: str, ci: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *args],
                          capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "FACTS_ARCHIVE": "",  # no archive unless --archive
                               **({"CI": "true"} if ci else {})})


def test_clean_base_exits_0_and_counts_verified_quotes(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    result = run(str(facts), "--archive", str(archive))
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.strip() == f"4 records, 0 errors; 2 quotes verified against {archive}"


def test_without_an_archive_it_says_quotes_were_not_verified(tmp_path: Path) -> None:
    facts, _ = make_base(tmp_path)
    result = run(str(facts))
    assert result.returncode == 0
    assert "2 quotes NOT verified: no archive given" in result.stderr


def test_in_ci_a_quote_that_cannot_be_verified_is_an_error(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path)
    without = run(str(facts), ci=True)
    assert without.returncode == 1
    assert without.stdout.count(": E309 quote-unverified: the quote cannot be verified: no archive was given") == 2
    (archive / "primary" / "a.md").unlink()
    missing_copy = run(str(facts), "--archive", str(archive), ci=True)
    assert missing_copy.returncode == 1
    assert "model-a.yaml:22:18: E309 quote-unverified: the quote cannot be verified: the archived copy of " \
           "source 'readme-a' is not in" in missing_copy.stdout
    assert run(str(facts), "--archive", str(archive)).stdout.count("E309") == 0  # outside CI: counted, not failed


def test_errors_exit_1_with_path_line_col_code(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path, model=MODEL.replace("14일", "15일"))
    result = run(str(facts), "--archive", str(archive))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.endswith("facts/models/model-a.yaml:12:18: E301 quote-not-in-source: the quote is not in "
                          "source 'news-a' (11 of 44 characters match: «LG AI연구원은 1» matches, then the "
                          "quote differs)")
    assert result.stdout.splitlines()[1] == "    fix: copy the quote verbatim from the archived source"
    assert "1 error;" in result.stderr
    assert "Traceback" not in result.stderr


def test_github_format_emits_annotations(tmp_path: Path) -> None:
    facts, archive = make_base(tmp_path, model=MODEL.replace("status: reported", "status: rumoured"))
    result = run(str(facts), "--archive", str(archive), "--format", "github")
    assert result.returncode == 1
    line = result.stdout.strip()
    assert line.startswith("::error file=")
    assert "facts/models/model-a.yaml,line=9,col=15,title=E105 invalid-value::E105 invalid-value: " in line


def test_missing_archive_folder_is_a_usage_error(tmp_path: Path) -> None:
    facts, _ = make_base(tmp_path)
    result = run(str(facts), "--archive", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
