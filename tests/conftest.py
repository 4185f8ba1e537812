"""Shared test set-up: fact files are written to temp dirs; the commands of scripts/ are loaded by their path.

factbase and sitegen are installed packages (`make install`); the commands beside them are files to run.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The archive of source copies: $FACTS_ARCHIVE (as `make test` passes it), else ../shared/sources.
ARCHIVE = Path(os.environ.get("FACTS_ARCHIVE") or ROOT.parent / "shared" / "sources")

WriteFact = Callable[[str, str], Path]


def load_file(path: Path, name: str | None = None) -> ModuleType:
    """A Python file outside the installed packages (a command in scripts/, the benchmark's generator) as a
    module, loaded once by its path and named after the file unless `name` says otherwise."""
    name = name or path.stem
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_script(name: str) -> ModuleType:
    """The command scripts/<name>.py as a module."""
    return load_file(ROOT / "scripts" / f"{name}.py")


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
    target = tmp_path_factory.mktemp("built") / "site"
    load_script("build_site").build_site(target)
    return target
