"""The history of changes to claims, read from git (sitegen/changes.py), over a temporary repository."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from sitegen.changes import claim_changes, read_history

MODEL = """\
id: m
name:
  ko: 모델
  en: Model
kind: model
claims:
  parameters:
    - value:
        amount: {amount}
        unit: parameters
      status: {status}
      citations:
{citations}
{extra}"""
CITATION = """\
        - source: {source}
          quote: q {source}
          line: 1
"""
RELEASED = """\
  released:
    - value: "2024-01-02"
      status: confirmed
      citations:
        - source: a
          quote: "2024-01-02"
          line: 2
"""


def model(amount: int, status: str, sources: list[str], extra: str = "") -> str:
    return MODEL.format(amount=amount, status=status, extra=extra,
                        citations="".join(CITATION.format(source=s) for s in sources))


def git(repo: Path, *args: str, date: str = "2026-01-01T00:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def commit(repo: Path, files: dict[str, str], day: int) -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"day {day}", date=f"2026-01-{day:02d}T12:00:00+00:00")
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repository(tmp_path: Path) -> tuple[Path, list[str]]:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commits = [
        commit(repo, {"facts/models/m.yaml": model(7800000000, "reported", ["a"])}, 1),
        commit(repo, {"facts/models/m.yaml": model(7000000000, "confirmed", ["a", "b"], RELEASED)}, 2),
        commit(repo, {"facts/models/m.yaml": model(7000000000, "confirmed", ["b"])}, 3),
        commit(repo, {"README.md": "not a fact\n"}, 4),
    ]
    return repo, commits


def summary(repo: Path) -> list[tuple[str, str, str, str, object, object, str, int]]:
    history = read_history(repo / "facts")
    return [(c.commit, c.date[:10], c.record, c.action, c.old, c.new, c.source, c.count) for c in history.changes]


def test_each_change_to_a_claim_is_listed_with_its_commit_and_date(repository: tuple[Path, list[str]]) -> None:
    repo, (first, second, third, _) = repository
    seven = {"amount": 7000000000, "unit": "parameters"}
    assert summary(repo) == [
        (third, "2026-01-03", "m", "citation_removed", None, seven, "a", 0),
        (third, "2026-01-03", "m", "removed", "2024-01-02", None, "", 0),
        (second, "2026-01-02", "m", "value", {"amount": 7800000000, "unit": "parameters"}, seven, "", 0),
        (second, "2026-01-02", "m", "status", "reported", "confirmed", "", 0),
        (second, "2026-01-02", "m", "citation_added", None, seven, "b", 0),
        (second, "2026-01-02", "m", "added", None, "2024-01-02", "", 0),
        (first, "2026-01-01", "m", "record_added", None, None, "", 1),
    ]
    history = read_history(repo / "facts")
    assert (history.in_git, history.shallow, history.truncated) == (True, False, False)
    assert [c.property for c in history.of_record[("model", "m")]][:2] == ["parameters", "released"]


def test_a_shallow_clone_shows_the_history_it_has_and_says_so(repository: tuple[Path, list[str]],
                                                              tmp_path: Path) -> None:
    repo, (_, _, third, _) = repository
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True)
    history = read_history(clone / "facts")
    # the clone's oldest commit (the third, whose parent is missing) would "add" every claim: it is left out
    assert history.shallow and history.changes == []
    clone3 = tmp_path / "clone3"
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo}", str(clone3)], check=True)
    history = read_history(clone3 / "facts")
    assert history.shallow and {c.commit for c in history.changes} == {third}


def test_at_most_max_commits_are_read(repository: tuple[Path, list[str]]) -> None:
    repo, (_, _, third, _) = repository
    history = read_history(repo / "facts", max_commits=1)
    assert history.truncated and {c.commit for c in history.changes} == {third}


def test_outside_git_nothing_is_known(tmp_path: Path) -> None:
    (tmp_path / "facts" / "models").mkdir(parents=True)
    history = read_history(tmp_path / "facts")
    assert (history.in_git, history.changes) == (False, [])


def test_claims_are_matched_by_value_before_position() -> None:
    """A claim inserted before another is one claim added, not every later claim changed."""
    def record(*amounts: int) -> dict[str, object]:
        return {"claims": {"parameters": [{"value": a, "status": "reported"} for a in amounts]}}

    assert claim_changes(record(1, 2), record(0, 1, 2)) == [{"action": "added", "property": "parameters", "new": 0}]
    assert claim_changes(record(1, 2), record(1, 3)) == [
        {"action": "value", "property": "parameters", "old": 2, "new": 3}]


def test_a_bibtex_field_keeps_balanced_braces_and_drops_the_others() -> None:
    from sitegen.history import bibtex

    kept = bibtex("k", "A {{ 7*7 }} model", "Site", "https://example.org/", "2026-01-02", "en")
    assert "  title = {A {{ 7*7 }} model}," in kept.splitlines()
    assert "  year = {2026}," in kept.splitlines()
    dropped = bibtex("k", "A } model \\end{x", "Site", "https://example.org/", "", "en")
    assert "  title = {A  model endx}," in dropped.splitlines() and "year" not in dropped
