"""scripts/cite.py: adds a citation to the claim its quote supports, or a new claim, through the formatter."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import load_script
from factbase_fixtures import MODEL, diagnostics_for, make_base, sha256

cite = load_script("cite")

README = ("# Model README\n\nWe introduce Model A, a bilingual model with 7.8 billion parameters.\n\n"
          "Model A has 7.8B parameters and handles 32,768 tokens of context.\n")
# a hand-written comment, which cite.py keeps
COMMENTED_MODEL = MODEL.replace("  parameters:\n", "  # checked against the README\n  parameters:\n")


@pytest.fixture
def base(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture fact base, its README archived with a second paragraph (and the hash to match)."""
    facts, archive = make_base(tmp_path, model=COMMENTED_MODEL)
    (archive / "primary" / "a.md").write_text(README, encoding="utf-8")
    source = facts / "sources" / "readme-a.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text[:text.index("sha256: ")] + f"sha256: {sha256(README)}\n", encoding="utf-8")
    assert diagnostics_for(facts, archive) == []
    return facts, archive


def _cite(base: tuple[Path, Path], *argv: str) -> int:
    facts, archive = base
    return int(cite.main([*argv, "--facts", str(facts), "--archive", str(archive)]))


def _model(base: tuple[Path, Path]) -> str:
    return (base[0] / "models" / "model-a.yaml").read_text(encoding="utf-8")


def test_a_second_citation_goes_on_the_claim_whose_number_the_quote_states(
        base: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _cite(base, "model-a", "parameters", "--source", "readme-a", "--quote", "Model A has 7.8B parameters") == 0
    added = "        - source: readme-a\n          quote: Model A has 7.8B parameters\n          line: 5\n"
    assert _model(base) == COMMENTED_MODEL + added
    out, err = capsys.readouterr()
    assert "+        - source: readme-a\n+          quote: Model A has 7.8B parameters\n+          line: 5\n" in out
    assert err.endswith("a citation of parameters added; 0 errors in it\n")
    assert diagnostics_for(*base) == []


def test_a_new_claim_from_the_short_form_of_a_quantity(base: tuple[Path, Path]) -> None:
    assert _cite(base, str(base[0] / "models" / "model-a.yaml"), "context_length", "--source", "readme-a",
                 "--quote", "handles 32,768 tokens of context", "--value", "32768 tokens") == 0
    assert _model(base).endswith("""\
  context_length:
    - value:
        amount: 32768
        unit: tokens
      status: confirmed
      citations:
        - source: readme-a
          quote: handles 32,768 tokens of context
          line: 5
""")
    assert "# checked against the README\n  parameters:" in _model(base)
    assert diagnostics_for(*base) == []


def test_a_value_the_quote_does_not_state_is_not_written(base: tuple[Path, Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert _cite(base, "model-a", "context_length", "--source", "readme-a", "--quote",
                 "handles 32,768 tokens of context", "--value", "32000 tokens") == 1
    err = capsys.readouterr().err
    assert ("facts/models/model-a.yaml:27:17: E305 number-not-in-quote: no quote states 32,000 tokens; the quotes "
            "give «32,768»") in err
    assert err.endswith("not written: the change adds 1 error(s) (above)\n")
    assert _model(base) == COMMENTED_MODEL


def test_a_quote_the_archive_does_not_hold_shows_the_nearest_match(base: tuple[Path, Path],
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert _cite(base, "model-a", "parameters", "--source", "readme-a", "--quote", "Model A has 7.8 B parameters") == 1
    assert capsys.readouterr().err == (
        "error: the quote is not in source 'readme-a' (15 of 28 characters match: «Model A has 7.8» matches, then "
        f"the quote differs): copy the quote verbatim from {base[1] / 'primary' / 'a.md'}\n")
    assert _model(base) == COMMENTED_MODEL


def test_a_quote_that_states_none_of_the_values_is_refused(base: tuple[Path, Path],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _cite(base, "model-a", "parameters", "--source", "readme-a", "--quote", "32,768 tokens") == 1
    assert capsys.readouterr().err == (
        "error: the quote states none of the values of parameters (1: 7,800,000,000 parameters (confirmed)): "
        "correct the quote, or add the value it states as a claim with --value\n")


def test_several_candidates_without_a_terminal_exit_2_and_are_listed(base: tuple[Path, Path],
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    developer = ["model-a", "developer", "--source", "news-a", "--quote", "LG AI연구원은 14일",
                 "--quote-en", "LG AI Research on the 14th"]
    assert _cite(base, *developer[:2], "--value", "org-a", *developer[2:]) == 0
    capsys.readouterr()
    assert _cite(base, *developer) == 2
    assert capsys.readouterr().err == (
        "error: developer values are not compared with quotes, and there are 2; say which with --claim N:\n"
        "  1: org-a (reported)\n  2: org-a (reported)\n")
    assert _cite(base, *developer, "--claim", "2") == 1  # the claim just added has this very quote
    assert "claim 2 of developer already cites this quote of news-a" in capsys.readouterr().err
    assert _cite(base, *developer, "--claim", "1") == 0
    assert _model(base).count("quote: LG AI연구원은 14일\n") == 2


@pytest.mark.parametrize(("argv", "message"), [
    (["model-a", "sizes", "--source", "readme-a", "--quote", "Model A"],
     "error: 'sizes' is not a claim property of a model: one of description, developer, "),
    (["model-a", "developer", "--source", "news-a", "--quote", "LG AI연구원은"],
     "error: --quote-en is needed: source 'news-a' is not in English\n"),
    (["model-a", "parameters", "--source", "readme-a", "--quote", "7.8B", "--status", "reported"],
     "error: --status is the status of a new claim: give it with --value\n"),
    (["model-a", "parameters", "--source", "nowhere", "--quote", "7.8B"], "error: there is no source 'nowhere' in "),
])
def test_usage_errors_exit_2(base: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str],
                             message: str) -> None:
    assert _cite(base, *argv) == 2
    assert capsys.readouterr().err.startswith(message)
    assert _model(base) == COMMENTED_MODEL


def test_dry_run_writes_nothing(base: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _cite(base, "model-a", "parameters", "--source", "readme-a", "--quote", "Model A has 7.8B parameters",
                 "--dry-run") == 0
    assert "+          quote: Model A has 7.8B parameters" in capsys.readouterr().out
    assert _model(base) == COMMENTED_MODEL


def test_an_unknown_record_is_refused(base: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _cite(base, "model-b", "parameters", "--source", "readme-a", "--quote", "7.8B") == 1
    assert capsys.readouterr().err == (f"error: there is no record 'model-b' in {base[0]} "
                                       "(give its id or the path of its file)\n")


def test_on_a_terminal_it_asks_which_claim(base: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    developer = ["model-a", "developer", "--source", "news-a", "--quote-en", "LG AI Research on the 14th"]
    assert _cite(base, *developer, "--quote", "LG AI연구원은 14일", "--value", "org-a") == 0
    answers = iter(["9", "2"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert _cite(base, *developer, "--quote", "초거대 AI 모델") == 0
    assert "  1: org-a (reported)\n  2: org-a (reported)\n  one of: 1, 2\n" in capsys.readouterr().out
    assert ("quote: LG AI연구원은 14일\n          quote_en: LG AI Research on the 14th\n          line: 3\n"
            "        - source: news-a\n          quote: 초거대 AI 모델\n"
            "          quote_en: LG AI Research on the 14th\n          line: 3\n  parameters:\n") in _model(base)
