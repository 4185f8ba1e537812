"""The catalogue of bad input (tests/catalogue/cases.yaml).

Each case is laid over the small valid fact base of factbase_fixtures.py and validated: the validator must
report exactly the diagnostics the catalogue lists (code, path, line, column and words of the message), each
with a hint, in bounded time and memory. A few cases also go through the command line, which must answer
with `path:line:col: CODE` lines and exit 1, and never print a traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from factbase.archive import Archive
from factbase.diagnostics import Diagnostic, shown
from factbase.rules.safety import confusion
from factbase.strict_yaml import load_yaml
from factbase.validation import validate
from factbase_fixtures import make_base

CATALOGUE = Path(__file__).parent / "catalogue"
MANIFEST = CATALOGUE / "cases.yaml"
TIME_LIMIT = 10.0  # seconds to validate one case, generous: the slowest takes well under one
MEMORY_LIMIT = 64 * 1024 * 1024  # peak bytes allocated while validating one case (the 10 MB case included)

ORG_B = "id: org-b\nname:\n  ko: 기관 B\n  en: Org B\nsector: ai-research\ncountry: KR\nclaims: {}\n"
ORG_B_PATH = "facts/organizations/org-b.yaml"


def _ten_megabytes() -> bytes:
    head, tail = (ORG_B + "aliases: ['").encode(), b"']\n"
    return head + b"x" * (10 * 1024 * 1024 - len(head) - len(tail)) + tail


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target` (relative to the link's folder), made at test time."""

    target: str


ORG_C = ORG_B.replace("org-b", "org-c").replace("Org B", "Org C").replace("기관 B", "기관 C")
# The name of a file that tries to forge GitHub Actions workflow commands in a CI log.
FORGING_NAME = "facts/organizations/x\n::error::forged\n::stop-commands::token.yaml"

# Cases too large to keep in the repository, or made of links and names git does not carry well, made at
# test time.
GENERATORS: dict[str, Callable[[], dict[str, bytes | Link]]] = {
    "symlink-to-a-file-outside": lambda: {"outside.yaml": ORG_C.replace("org-c", "leak").encode(),
                                          "facts/organizations/leak.yaml": Link("../../outside.yaml")},
    "dangling-symlink": lambda: {"facts/organizations/gone.yaml": Link("../../nowhere.yaml")},
    "symlinked-kind-folder": lambda: {"elsewhere/org-c.yaml": ORG_C.encode(),
                                      "facts/partnerships": Link("../elsewhere")},
    "symlink-to-a-folder": lambda: {"facts/organizations/root": Link("/")},
    "file-name-with-workflow-commands": lambda: {FORGING_NAME: ORG_B.encode()},
    "one-megabyte-value": lambda: {ORG_B_PATH: ORG_B.replace("Org B", "x" * 1_000_000).encode()},
    "ten-megabytes": lambda: {ORG_B_PATH: _ten_megabytes()},
    "deep-nesting-sequences": lambda: {ORG_B_PATH: (ORG_B + "aliases: " + "[" * 10_000 + "]" * 10_000).encode()},
    "deep-nesting-mappings": lambda: {ORG_B_PATH: (ORG_B + "aliases: " + "{a: " * 10_000 + "}" * 10_000).encode()},
}

# What issue 8 asks the catalogue to hold, and the cases that hold it.
ISSUE_LIST = {
    "duplicate keys": ["duplicate-key", "duplicate-key-nested"],
    "anchors, aliases and alias bombs": ["anchor-and-alias", "alias-bomb"],
    "yes/no/on/off": ["boolean-yes", "boolean-no", "boolean-on", "boolean-off"],
    "unquoted dates and times": ["unquoted-date", "unquoted-timestamp", "unquoted-time"],
    "017, 0x1F, 1:30, .inf, .nan": ["number-octal", "number-hex", "unquoted-time", "number-infinity",
                                    "number-not-a-number"],
    "tabs": ["tab"],
    "byte-order mark": ["byte-order-mark"],
    "invalid UTF-8": ["invalid-utf-8", "utf-8-encoded-surrogate"],
    "NUL and other control characters": ["nul", "escape-character", "delete-character", "c1-control-character",
                                         "control-character-as-escape", "noncharacter"],
    "an empty file": ["empty-file", "blank-file", "comments-only"],
    "several documents in one file": ["several-documents"],
    "a 10 MB file": ["ten-megabytes"],
    "a 10,000-deep nesting": ["deep-nesting-sequences", "deep-nesting-mappings"],
    "unknown fields": ["unknown-field", "misspelt-field"],
    "wrong types": ["wrong-type-number-for-text", "wrong-type-list-for-mapping"],
    "an id that differs from its file name": ["id-differs-from-file-name"],
    "the same id in two files": ["same-id-in-two-files"],
    "dangling references": ["dangling-parent", "dangling-developer", "dangling-source"],
    "a claim citing a source that does not contain its quote": ["quote-one-character-changed"],
    "whitespace or Unicode normalisation only (accepted)": ["quote-whitespace-and-nfd-differences"],
    "<script>, event handlers, Markdown/HTML in text (accepted, escaped)": ["script-in-name",
                                                                            "markdown-and-html-in-name"],
    "javascript:, data: and other non-http(s) URLs": ["url-javascript", "url-javascript-upper-case", "url-data",
                                                      "url-file", "url-ftp", "url-protocol-relative"],
    "bidirectional-control and invisible characters": ["bidi-override-in-name", "zero-width-space-in-id",
                                                        "bidi-isolate-as-escape", "line-separator"],
    "confusable look-alikes in ids and names": ["cyrillic-letter-in-id", "cyrillic-letter-in-name",
                                                "greek-letter-in-name", "styled-letter-in-name",
                                                "fullwidth-letters-in-alias", "cyrillic-letter-in-publisher"],
    "Jinja syntax in fact text (accepted, shown literally)": ["jinja-in-name"],
}
# What issue 15 (hostile contributions, round two) asks the catalogue to hold, and the cases that hold it.
# Site-level harms are tested over the built site: test_site_html.py (duplicate anchors), test_downloads.py
# (CSV cells and numbers), test_site_security.py (Content-Security-Policy); CI quotes: test_validate_cli.py;
# the link checker: test_check_links.py.
ISSUE_15_LIST = {
    "one id, two records": ["model-with-an-organization-id", "organization-with-a-source-id",
                            "organization-with-a-model-id"],
    "ids that are page or anchor names": ["reserved-id-index", "reserved-id-footnote-anchor", "reserved-id-list-page",
                                          "reserved-id-404", "reserved-id-assets", "reserved-id-claim-anchor",
                                          "reserved-id-year-anchor", "reserved-id-coverage-anchor",
                                          "record-anchor-prefix-accepted"],
    "impossible dates": ["impossible-date-and-year-zero", "impossible-dates-april-31-and-1899",
                         "impossible-date-february-29-not-leap", "impossible-retrieved-date", "date-with-line-break"],
    "symlinks, other extensions, nested folders": ["symlink-to-a-file-outside", "dangling-symlink",
                                                   "symlinked-kind-folder", "symlink-to-a-folder",
                                                   "upper-case-extension", "yml-extension",
                                                   "json-file-in-a-kind-folder", "record-in-a-nested-folder",
                                                   "file-outside-the-kind-folders"],
    "invisible characters": ["hangul-filler-3164-in-name", "hangul-filler-115f-in-name", "hangul-filler-1160-in-alias",
                             "halfwidth-hangul-filler-in-name", "tag-characters-hiding-a-sentence",
                             "arabic-letter-mark-in-name", "combining-grapheme-joiner-in-name",
                             "braille-blank-as-name", "mongolian-variation-selector-in-name",
                             "stray-variation-selector-in-name", "hangul-filler-written-as-escape",
                             "tag-character-written-as-escape", "khmer-inherent-vowel-in-name",
                             "musical-invisible-format-in-name", "private-use-character-in-name",
                             "ideographic-variation-selector-in-alias", "variation-selector-after-a-symbol",
                             "zero-width-joiner-in-korean-name", "hangul-filler-in-a-comment"],
    "whole-script confusables and look-alike spaces": ["whole-script-cyrillic-name", "whole-script-greek-alias",
                                                       "no-break-space-in-name", "ideographic-space-in-name",
                                                       "armenian-letter-in-name", "cherokee-letter-in-name",
                                                       "whole-script-cyrillic-beside-hangul"],
    "spoofed URLs": ["url-userinfo", "url-userinfo-with-password", "url-cyrillic-top-level-domain",
                     "url-mixed-script-label", "url-mixed-script-as-punycode", "url-ip-address", "url-loopback",
                     "url-ipv6-loopback", "url-integer-host", "url-localhost", "url-internal-name", "url-backslash",
                     "url-other-port", "url-korean-host-accepted", "url-percent-encoded-host",
                     "url-fullwidth-dot-host", "url-cyrillic-look-alike-host", "url-japanese-host-accepted"],
    "CI log injection and 1 MB values in messages": ["file-name-with-workflow-commands", "one-megabyte-value"],
    "values the site cannot render": ["country-unknown", "country-with-line-break", "id-with-line-break"],
    "magnitudes": ["amount-1e300", "amount-1e-320", "amount-39-digits", "amount-too-precise"],
    "family cycles": ["family-cycle-of-two", "family-of-itself", "parent-cycle-of-three"],
}
# What issue 14 asks the catalogue to hold: each new value type's wrong input.
ISSUE_14_LIST = {
    "a wrong rank": ["result-wrong-rank"],
    "a renamed benchmark": ["benchmark-renamed"],
    "active > total parameters": ["active-exceeds-total"],
    "an evaluation citing a missing model": ["evaluation-missing-participant"],
}
CLI_CASES = ["file-name-with-workflow-commands", "one-megabyte-value", "symlink-to-a-file-outside", "url-userinfo",
             "byte-order-mark", "invalid-utf-8", "nul", "noncharacter", "number-too-long", "syntax-error",
             "alias-bomb", "url-javascript", "deep-nesting-sequences"]
DIAGNOSTIC_LINE = re.compile(r"(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): (?P<code>E\d{3}) [a-z0-9-]+: \S.*")


def load_catalogue() -> list[dict[str, Any]]:
    document, diagnostics = load_yaml(MANIFEST.read_bytes(), str(MANIFEST))
    assert document is not None and not diagnostics, [d.format_text() for d in diagnostics]
    cases: list[dict[str, Any]] = document.data
    return cases


CASES = load_catalogue()
BY_NAME = {case["case"]: case for case in CASES}


def lay_out(case: dict[str, Any], root: Path) -> tuple[Path, Path]:
    """The fixture base under `root` with the case's files laid over it; returns (facts, archive)."""
    facts, archive = make_base(root)
    if "generate" in case:
        for relative, content in GENERATORS[case["generate"]]().items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Link):
                (root / relative).symlink_to(content.target)
            else:
                (root / relative).write_bytes(content)
    else:
        shutil.copytree(CATALOGUE / "cases" / case["case"], root, dirs_exist_ok=True)
    return facts, archive


def unmatched(expected: list[dict[str, Any]], found: list[tuple[str, str, int, int, str]]) -> list[str]:
    """What the expectations and the diagnostics (code, path, line, col, message) do not share."""
    remaining = list(found)
    problems = []
    for expect in expected:
        matches = [f for f in remaining if f[:3] == (expect["code"], expect["path"], expect["line"])
                   and f[3] == expect.get("col", f[3]) and expect["says"] in f[4]]
        wanted = expect.get("count", 1)
        if len(matches) < wanted:
            problems.append(f"expected {wanted} × {expect}, found {len(matches)}")
        for match in matches[:wanted]:
            remaining.remove(match)
    return problems + [f"unexpected {f}" for f in remaining]


def relative(diagnostic: Diagnostic, root: Path) -> str:
    return Path(diagnostic.path).relative_to(root).as_posix()


@pytest.mark.parametrize("case", CASES, ids=list(BY_NAME))
def test_catalogue_case(case: dict[str, Any], tmp_path: Path) -> None:
    facts, archive = lay_out(case, tmp_path)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        report = validate([facts], Archive(archive))
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    found = [(d.code, relative(d, tmp_path), d.line, d.col, d.message) for d in report.diagnostics]
    assert unmatched(case["expect"], found) == []
    assert all(d.hint and d.line >= 1 and d.col >= 1 for d in report.diagnostics)
    assert elapsed < TIME_LIMIT, f"{case['case']} took {elapsed:.1f} s"
    assert peak < MEMORY_LIMIT, f"{case['case']} allocated {peak:,} bytes"


def test_every_case_folder_is_in_the_catalogue_and_every_case_has_its_input() -> None:
    folders = {path.name for path in (CATALOGUE / "cases").iterdir()}
    listed = {case["case"] for case in CASES if "generate" not in case}
    assert folders == listed
    assert {case["generate"] for case in CASES if "generate" in case} == set(GENERATORS)


@pytest.mark.parametrize("issue", [ISSUE_LIST, ISSUE_15_LIST], ids=["issue-8", "issue-15"])
def test_the_catalogue_holds_every_case_the_issue_lists(issue: dict[str, list[str]]) -> None:
    missing = {item: [name for name in names if name not in BY_NAME] for item, names in issue.items()}
    assert {item: names for item, names in missing.items() if names} == {}


def test_the_catalogue_holds_a_wrong_input_for_each_value_type_of_issue_14() -> None:
    assert {item: [name for name in names if name not in BY_NAME] for item, names in ISSUE_14_LIST.items()
            if any(name not in BY_NAME for name in names)} == {}
    assert all(BY_NAME[name]["expect"] for names in ISSUE_14_LIST.values() for name in names)


def test_every_loader_error_code_has_a_case() -> None:
    codes = Counter(expect["code"] for case in CASES for expect in case["expect"])
    assert {f"E{n:03d}" for n in range(1, 15)} <= set(codes)
    assert {"E102", "E104", "E201", "E202", "E203", "E301", "E503", "E504"} <= set(codes)
    assert {"E108", "E109", "E204", "E205", "E206", "E207", "E209"} <= set(codes)  # issue 15


@pytest.mark.parametrize("name", ["LG AI연구원", "Яндекс", "α-Fold", "KoGPT²", "（주）LG", "GPT-4o", "EXAONE Ⅲ"])
def test_e504_leaves_names_without_look_alikes_alone(name: str) -> None:
    """Latin beside Hangul, a word wholly in one script, a Greek letter as its own word, a superscript."""
    assert confusion(name) is None


@pytest.mark.parametrize("name", CLI_CASES)
def test_the_command_line_answers_each_case_with_located_errors(name: str, tmp_path: Path) -> None:
    case = BY_NAME[name]
    facts, archive = lay_out(case, tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(facts),
                             "--archive", str(archive)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    located = [DIAGNOSTIC_LINE.fullmatch(line) for line in lines if not line.startswith("    fix: ")]
    assert all(located), lines
    assert sum(line.startswith("    fix: ") for line in lines) == len(located)  # every error says how to fix it
    assert all(len(line) < 1000 for line in lines)  # long values are shortened
    found = [(m["code"], m["path"], int(m["line"]), int(m["col"])) for m in located if m]
    expected = [(e["code"], shown(e["path"]), e["line"], e.get("col")) for e in case["expect"] for _ in
                range(e.get("count", 1))]
    assert sorted((code, path, line) for code, path, line, _ in found) == \
        sorted((code, path, line) for code, path, line, _ in expected)
    assert {f for f in found} >= {e for e in expected if e[3] is not None}
