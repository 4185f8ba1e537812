"""Conflicts are found: two values of a one-valued property that disagree, neither disputed, superseded nor
planned, are E403; what counts as agreeing (nested dates, rounding, parent organisations) and what holds many
values is tested here, as is the disputed-facts page listing every conflict once it is marked."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from claims_fixtures import MODEL_HEADER, Source, check, located, organization_header, write_base
from conftest import ROOT
from factbase.records import iter_claims
from factbase.rules.conflicts import check_conflicts
from factbase.validation import load_fact_base
from sitegen.sitedata import load_site_data
from sitegen.views import Page, disputed_view

README = Source("readme-1", "2025-01-10", [
    "# README",
    "A 7.8B model.",
    "An 8B model.",
    "Model size 1.2B, or 1.28B precisely.",
    "The 300B model and the 340B model.",
    "Released 2024.12.09, updated 2024.12.10.",
    "| MT-Bench | 9.01 | 9.10 |",
    "more than 300 people, 350 people, at least 400 people",
], language="en", kind="repository-readme")

ORG_HEADER = organization_header("org-a") + "\n"
UNRELATED = ("org-a", "org-c")


def block(value: str, line: int, status: str = "reported", extra: str = "") -> str:
    """One claim: `- value:` then the value's lines, then status, one citation (4 lines) and `extra`."""
    quote = README.lines[line - 1].replace('"', '\\"')
    return (f"    - value:{value}\n      status: {status}\n      citations:\n        - source: readme-1\n"
            f"          quote: \"{quote}\"\n          line: {line}\n{extra}")


def amount(number: str, qualifier: str = "") -> str:
    qualified = f"\n        qualifier: {qualifier}" if qualifier else ""
    return f"\n        amount: {number}\n        unit: people{qualified}"


def params(number: str) -> str:
    return f"\n        amount: {number}\n        unit: parameters"


def run(tmp_path: Path, prop: str, *blocks: str, records: dict[str, str] | None = None,
        organizations: tuple[str, ...] = ("org-a",)) -> list:
    text = MODEL_HEADER + f"  {prop}:\n" + "".join(blocks)
    records = {"models/model-a.yaml": text, **(records or {})}
    facts, archive = write_base(tmp_path, [README], records, organizations)
    return check(facts, archive)


def test_e403_two_parameter_counts_that_disagree(tmp_path: Path) -> None:
    # header 6 lines + property line; each claim takes 8 lines: the second `- value:` is on line 16
    found = run(tmp_path, "parameters", block(params("7800000000"), 2), block(params("8000000000"), 3))
    assert located(found) == [("E403", "model-a.yaml", 17, 17)]
    assert found[0].rule == "conflicting-values"
    assert found[0].hint == ("if the sources disagree, mark both `status: disputed` and say why in `note`; "
                             "if a later value replaced the earlier one, mark the earlier `superseded`; else "
                             "correct the wrong one")
    assert found[0].message == ("parameters[1] says 8,000,000,000 parameters, but parameters[0] says "
                                "7,800,000,000 parameters; neither is marked disputed, superseded or planned")


def test_values_marked_disputed_may_disagree(tmp_path: Path) -> None:
    note = "      note:\n        ko: 출처마다 다르다.\n        en: The sources disagree.\n"
    assert run(tmp_path, "parameters", block(params("7800000000"), 2, "disputed", note),
               block(params("8000000000"), 3, "disputed", note)) == []


def test_a_rounded_and_a_precise_figure_agree(tmp_path: Path) -> None:
    assert run(tmp_path, "parameters", block(params("1200000000"), 4), block(params("1280000000"), 4)) == []


def test_e403_a_single_significant_digit_agrees_only_with_itself(tmp_path: Path) -> None:
    found = run(tmp_path, "parameters", block(params("300000000000"), 5), block(params("340000000000"), 5))
    assert located(found) == [("E403", "model-a.yaml", 17, 17)]


def test_figures_at_different_dates_are_two_facts(tmp_path: Path) -> None:
    org = (ORG_HEADER + "  staff:\n" + block(amount("300", "more-than"), 8, extra='      as_of: "2024-12"\n')
           + block(amount("400", "at-least"), 8, extra='      as_of: "2025-01"\n'))
    facts, archive = write_base(tmp_path, [README], {"organizations/org-a.yaml": org}, organizations=())
    assert check(facts, archive) == []


@pytest.mark.parametrize(("first", "second", "conflict"), [
    (amount("300", "more-than"), amount("350"), False),
    (amount("400", "at-least"), amount("350"), True),
    (amount("300", "more-than"), amount("400", "at-least"), False),
])
def test_qualifiers_bound_the_values(tmp_path: Path, first: str, second: str, conflict: bool) -> None:
    org = ORG_HEADER + "  staff:\n" + block(first, 8) + block(second, 8)
    facts, archive = write_base(tmp_path, [README], {"organizations/org-a.yaml": org}, organizations=())
    assert [d.code for d in check(facts, archive)] == (["E403"] if conflict else [])


def test_nested_dates_agree(tmp_path: Path) -> None:
    assert run(tmp_path, "released", block(' "2024-12"', 6), block(' "2024-12-09"', 6)) == []


def test_e403_two_days(tmp_path: Path) -> None:
    found = run(tmp_path, "released", block(' "2024-12-09"', 6), block(' "2024-12-10"', 6))
    assert located(found) == [("E403", "model-a.yaml", 14, 14)]
    assert found[0].message == ("released[1] says 2024-12-10, but released[0] says 2024-12-09; "
                                "neither is marked disputed, superseded or planned")


def test_a_plan_may_differ_from_what_happened(tmp_path: Path) -> None:
    assert run(tmp_path, "released", block(' "2024-12-09"', 6, "planned"), block(' "2024-12-10"', 6)) == []


def test_an_organisation_and_its_parent_agree_as_developers(tmp_path: Path) -> None:
    parented = ("org-a", "org-b>org-a")  # org-b's parent is org-a
    assert run(tmp_path, "developer", block(" org-a", 2), block(" org-b", 2), organizations=parented) == []


def test_e403_two_unrelated_developers(tmp_path: Path) -> None:
    found = run(tmp_path, "developer", block(" org-a", 2), block(" org-c", 2), organizations=UNRELATED)
    assert located(found) == [("E403", "model-a.yaml", 14, 14)]
    assert found[0].message == ("developer[1] says org-c, but developer[0] says org-a; "
                                "neither is marked disputed, superseded or planned")


def test_properties_that_hold_many_values_are_not_compared(tmp_path: Path) -> None:
    assert run(tmp_path, "deployed_by", block(" org-a", 2), block(" org-c", 2), organizations=UNRELATED) == []


def score(value: str, setting: str) -> str:
    return (f"\n        benchmark: MT-Bench\n        score: {value}\n        unit: points"
            f"\n        setting: {setting}")


def test_e403_one_benchmark_in_one_setting_has_one_score(tmp_path: Path) -> None:
    found = run(tmp_path, "benchmark", block(score("9.01", "chat"), 7), block(score("9.10", "chat"), 7))
    assert located(found) == [("E403", "model-a.yaml", 20, 16)]
    assert found[0].message.startswith("benchmark[1] says 9.1 points, but benchmark[0] says 9.01 points;")


def test_scores_in_different_settings_are_different_facts(tmp_path: Path) -> None:
    first, second = block(score("9.01", "chat"), 7), block(score("9.10", "5-shot"), 7)
    assert run(tmp_path, "benchmark", first, second) == []


FOUNDING = """\
id: event-a
kind: founding
title:
  ko: 출범
  en: Launch
organizations:
  - org-p
  - org-a
claims:
  date:
    - value: "{date}"
      status: reported
      citations:
        - source: readme-1
          quote: "Released 2024.12.09, updated 2024.12.10."
          line: 6
"""
ORG = organization_header("org-a", parent="org-p") + "\n  founded:\n" + block(' "2024-12-09"', 6)


def test_e403_a_founding_event_disagrees_with_the_organisations_record(tmp_path: Path) -> None:
    records = {"events/event-a.yaml": FOUNDING.format(date="2024-12-10"), "organizations/org-a.yaml": ORG}
    facts, archive = write_base(tmp_path, [README], records, organizations=("org-p",))
    found = check(facts, archive)
    assert located(found) == [("E403", "event-a.yaml", 11, 14)]
    assert found[0].message == (f"date[0] says 2024-12-10, but {facts / 'organizations' / 'org-a.yaml'} "
                                "founded[0] says 2024-12-09; neither is marked disputed, superseded or "
                                "planned")


def test_a_founding_event_that_agrees_with_the_record(tmp_path: Path) -> None:
    records = {"events/event-a.yaml": FOUNDING.format(date="2024-12-09"), "organizations/org-a.yaml": ORG}
    facts, archive = write_base(tmp_path, [README], records, organizations=("org-p",))
    assert check(facts, archive) == []


def test_every_conflict_in_the_real_facts_is_listed_on_the_disputed_page() -> None:
    """Unmark the disputed values of the real facts: each conflict that appears is a group on the page."""
    base, _ = load_fact_base([ROOT / "facts"])
    unmarked = copy.deepcopy(base)
    for record in unmarked.records:
        for claim in iter_claims(record):
            if claim.data.get("status") == "disputed":
                claim.data["status"] = "reported"
    conflicts = {(Path(d.path).stem, d.message.split("[")[0]) for d in check_conflicts(unmarked)}
    assert conflicts, "the real facts hold disputed values that conflict once unmarked (KoGPT's parameters)"
    assert list(check_conflicts(base)) == []
    page = Page(data=load_site_data(ROOT / "facts"), lang="en", root="", url="disputed/", repository="")
    listed = {(group["record"]["href"].split("/")[-2] if group["record"]["href"] else "", group["property"])
              for group in disputed_view(page)["groups"]}
    assert conflicts <= listed
