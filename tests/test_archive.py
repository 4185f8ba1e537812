"""One archive resolver for every command, the build and the Makefile: --archive, else $FACTS_ARCHIVE (set but
empty: none), else ../shared/sources beside the repository when it exists, else none."""

from __future__ import annotations

from pathlib import Path

import pytest
from factbase import archive as archives
from factbase.archive import ARCHIVE_ENV, ArchivedText, archive_from
from sitegen import context


@pytest.fixture
def default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default folder, moved to a temp dir that exists; no $FACTS_ARCHIVE."""
    folder = tmp_path / "shared" / "sources"
    folder.mkdir(parents=True)
    monkeypatch.setattr(archives, "DEFAULT_ARCHIVE", folder)
    monkeypatch.delenv(ARCHIVE_ENV, raising=False)
    return folder


def directory(option: str | Path | None) -> Path | None:
    found = archive_from(option)
    return found.directory if found else None


def test_the_option_comes_first(default: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ARCHIVE_ENV, str(tmp_path / "from-env"))
    assert directory(str(tmp_path / "given")) == tmp_path / "given"
    assert directory(tmp_path / "given") == tmp_path / "given"


def test_then_the_environment(default: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ARCHIVE_ENV, str(tmp_path / "from-env"))
    assert directory(None) == tmp_path / "from-env"


def test_an_empty_environment_variable_means_none(default: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ARCHIVE_ENV, "")
    assert directory(None) is None


def test_then_the_default_beside_the_repository_when_it_exists(default: Path) -> None:
    assert directory(None) == default
    default.rmdir()
    assert directory(None) is None


def test_the_default_is_beside_the_repository_root() -> None:
    root = Path(__file__).resolve().parents[1]
    assert root.parent / "shared" / "sources" == archives.DEFAULT_ARCHIVE


def test_the_site_and_the_commands_ask_the_same_resolver() -> None:
    """No other default: the site's build state and scripts/ read it from factbase.archive."""
    assert context.archive_from is archive_from
    scripts = Path(__file__).resolve().parents[1] / "scripts"
    for command in ("validate.py", "coverage.py", "new.py"):
        text = (scripts / command).read_text(encoding="utf-8")
        assert "archive_from(" in text and "shared" not in text, command


@pytest.mark.parametrize(("text", "line", "columns"), [
    ("intro\n| Model | Size |\n|---|---|\n| KoGPT | 6B |\n", 4, ["Model", "Size"]),
    ("| Hyper<br>parameter | Value |\n|---|---|\n| n | 6 |\n", 3, ["Hyper parameter", "Value"]),
    ("| Model | Size |\n", 1, None),  # the heading row itself
    ("<table>\n<tr><th colspan=\"2\"></th></tr>\n<tr>\n<th>Models</th>\n<th>MT-Bench</th>\n</tr>\n"
     "<tr><td>EXAONE</td><td>7.81</td></tr>\n</table>\n", 7, ["Models", "MT-Bench"]),
    ("<table>\n<tr><th>A</th></tr>\n</table>\n<p>after</p>\n", 4, None),  # after the table's end
    ("plain prose\n", 1, None),
])
def test_a_table_row_s_column_headings_are_found(text: str, line: int, columns: list[str] | None) -> None:
    assert ArchivedText(text.encode()).table_header(line) == columns
