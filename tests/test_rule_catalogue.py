"""The validator's codes are the same set in three places: the codes the source reports (every "E###" string in
factbase/ outside the rules' declarations), the codes the rules declare (factbase/rules/), and the codes the
"How we check" page lists. A code reported but not declared, declared but never reported, or missing from the
page fails here."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from factbase import rules
from factbase.checks import Scope
from factbase.rule_catalogue import rule_catalogue
from factbase.rules import declared_in, registry
from factbase.validation import load_fact_base
from sitegen.render import render
from sitegen.sitedata import site_data_of
from sitegen.views import Page

FACTBASE = ROOT / "scripts" / "factbase"
CODE = re.compile(r"E\d{3}")


def reported_codes(source: str) -> set[str]:
    """The E### strings of a module, except the first argument of a `Code(...)` declaration."""
    tree = ast.parse(source)
    declared = {id(node.args[0]) for node in ast.walk(tree) if isinstance(node, ast.Call) and node.args
                and isinstance(node.func, ast.Name) and node.func.id == "Code"}
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and CODE.fullmatch(node.value) and id(node) not in declared}


def codes_in_source() -> set[str]:
    return set().union(*(reported_codes(path.read_text(encoding="utf-8")) for path in FACTBASE.rglob("*.py")))


def codes_declared() -> set[str]:
    return {code.code for rule in registry() for code in rule.codes}


def codes_on_the_page(lang: str) -> set[str]:
    base, _ = load_fact_base([ROOT / "facts" / "sources"])
    page = Page(data=site_data_of(base), lang=lang, root="", url="how-we-check/", repository="https://example.org")
    html = render("rules.html", page, rules=rule_catalogue())
    return set(re.findall(r"<td><code>(E\d{3})</code></td>", html))


def out_of_step(places: dict[str, set[str]]) -> dict[str, list[str]]:
    """For each place, the codes the other places have and it lacks."""
    every = set().union(*places.values())
    return {place: sorted(every - codes) for place, codes in places.items() if every - codes}


def places() -> dict[str, set[str]]:
    return {"source": codes_in_source(), "declared": codes_declared(),
            "page (ko)": codes_on_the_page("ko"), "page (en)": codes_on_the_page("en")}


def test_the_source_the_declarations_and_the_page_have_the_same_codes() -> None:
    found = places()
    assert out_of_step(found) == {}
    assert len(found["declared"]) >= 38


@pytest.mark.parametrize("place", ["source", "declared", "page (ko)", "page (en)"])
def test_a_code_missing_from_one_place_fails(place: str) -> None:
    found = places()
    found[place] = found[place] - {"E305"}
    assert out_of_step(found) == {place: ["E305"]}


def test_codes_in_declarations_are_not_counted_as_reported() -> None:
    source = ('@rule(Scope.BASE, Code("E999", "x", ko="E998 in text", en="e"))\n'
              'def check(base):\n    yield record.diagnostic((), "E997", "y", "m")\n')
    assert reported_codes(source) == {"E997"}


def test_every_check_function_in_the_rules_is_declared() -> None:
    """A check_* function left undeclared would never run: validation runs only the registry."""
    declared = {id(rule.check) for rule in registry()}
    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"factbase.rules.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("check_") and function.__module__ == module.__name__:
                assert id(function) in declared, f"factbase/rules/{info.name}.py: {name} is not declared"
        assert all(rule.check is None or rule.scope is not Scope.LOAD for rule in declared_in(module))


def test_a_new_rule_module_is_found_without_listing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module added to factbase/rules/ is in the registry: nothing else names it."""
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "zz_example.py").write_text(
        "from factbase.checks import Code, Scope, rule\n\n\n"
        '@rule(Scope.BASE, Code("E999", "example", ko="예", en="example"))\n'
        "def check_example(base):\n    return []\n", encoding="utf-8")
    monkeypatch.setattr(rules, "__path__", [*rules.__path__, str(extra)])
    rules.registry.cache_clear()
    try:
        assert "E999" in {code.code for rule in rules.registry() for code in rule.codes}
    finally:
        sys.modules.pop("factbase.rules.zz_example", None)
        rules.registry.cache_clear()
