"""The rule catalogue (scripts/factbase/rules.yaml) and the codes the validator emits are the same list."""

from __future__ import annotations

import re

from conftest import ROOT
from factbase.rule_catalogue import rule_catalogue


def test_every_code_the_validator_emits_is_in_the_catalogue_with_both_languages_and_in_order() -> None:
    source = "".join(path.read_text("utf-8") for path in (ROOT / "scripts" / "factbase").rglob("*.py"))
    emitted = set(re.findall(r'"(E\d{3})", "([a-z0-9-]+)"', source))
    catalogue = rule_catalogue()
    listed = {(rule["code"], rule["rule"]) for rule in catalogue}
    assert emitted - listed == set()
    assert all(rule["ko"] and rule["en"] for rule in catalogue)
    codes = [rule["code"] for rule in catalogue]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
