"""The validator side (factbase/, scripts/validate.py, scripts/coverage.py) never imports the site generator:
data flows from the fact base to the site, not back."""

from __future__ import annotations

import ast

from conftest import ROOT

SCRIPTS = ROOT / "scripts"
VALIDATOR_SIDE = [*sorted((SCRIPTS / "factbase").rglob("*.py")), SCRIPTS / "validate.py", SCRIPTS / "coverage.py"]


def imported(source: str) -> set[str]:
    """The top-level packages a module imports (absolute imports; relative ones stay in their package)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_validator_side_never_imports_sitegen() -> None:
    offenders = [path.relative_to(ROOT).as_posix() for path in VALIDATOR_SIDE
                 if "sitegen" in imported(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_check_sees_every_form_of_import() -> None:
    for source in ("import sitegen", "import sitegen.views as v", "from sitegen import views",
                   "from sitegen.coverage import coverage_view", "def f():\n    from sitegen import views\n"):
        assert "sitegen" in imported(source), source
    assert "sitegen" not in imported("from .coverage import coverage\nimport factbase.records\n")
