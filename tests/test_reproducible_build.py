"""Two builds of the same facts are byte-identical, and neither the validator nor the build touches facts/.

The two builds run as separate processes with different hash seeds, at the same time, so that neither
set ordering nor the clock can make them differ.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARCHIVE, ROOT

FACTS = ROOT / "facts"
COMPARED = (".html", ".json", ".jsonld", ".csv", ".xml", ".gz", ".txt")


def tree_hash(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    """Validates facts/ and builds the site twice; returns both sites and facts/ hashed before and after."""
    out = tmp_path_factory.mktemp("reproducible")
    before = tree_hash(FACTS)
    archive = ["--archive", str(ARCHIVE)] if ARCHIVE.is_dir() else []
    validated = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *archive],
                               capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    env = {key: value for key, value in os.environ.items() if key not in ("FACTS_DIR", "SOURCE_DATE_EPOCH")}
    builds = [subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir",
                                str(out / name)], env={**env, "PYTHONHASHSEED": seed}, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for name, seed in (("a", "1"), ("b", "2"))]
    for build in builds:
        stdout, stderr = build.communicate(timeout=600)
        assert build.returncode == 0, stdout + stderr
    return out / "a", out / "b", before, tree_hash(FACTS)


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path, dict[str, str], dict[str, str]]) -> None:
    first, second = tree_hash(two_builds[0]), tree_hash(two_builds[1])
    assert sum(name.endswith(".html") for name in first) > 100
    assert {suffix for name in first for suffix in COMPARED if name.endswith(suffix)} >= {".html", ".json", ".csv"}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_validating_and_building_leave_facts_untouched(
        two_builds: tuple[Path, Path, dict[str, str], dict[str, str]]) -> None:
    before, after = two_builds[2], two_builds[3]
    assert len(before) > 100
    assert after == before
