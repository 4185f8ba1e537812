"""Shared test set-up: the validator's package lives in scripts/, and fact files are written to temp dirs."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

# The archive of source copies: $FACTS_ARCHIVE (as `make test` passes it), else ../shared/sources.
ARCHIVE = Path(os.environ.get("FACTS_ARCHIVE") or ROOT.parent / "shared" / "sources")

WriteFact = Callable[[str, str], Path]


@pytest.fixture
def facts_dir(tmp_path: Path) -> Path:
    return tmp_path / "facts"


@pytest.fixture
def write_fact(facts_dir: Path) -> WriteFact:
    """Writes `text` (dedented) to facts/<relative path> in a temp fact base and returns the path."""

    def write(relative: str, text: str) -> Path:
        path = facts_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real fact base built once per test session (both languages), in a temp folder."""
    from build_site import build_site

    target = tmp_path_factory.mktemp("built") / "site"
    build_site(target)
    return target
