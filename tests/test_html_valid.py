"""The built pages are valid HTML: the W3C Nu HTML checker (vnu-jar, pinned in package.json; Debian's Java)
reads one page of every page type in both languages and reports no error in the project's own markup.

Material for MkDocs writes a little markup the checker rejects and the project cannot change without
forking the theme; those errors are listed in ALLOWED, each with the reason, and nothing else is let through.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from sitegen.page_types import list_pages, record_pages
from sitegen.sitedata import load_site_data

pytestmark = pytest.mark.vnu

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class Allowed:
    message: str  # a regular expression the checker's message matches
    extract: str  # and one the quoted markup matches
    reason: str


ALLOWED = [
    Allowed(r"^Attribute “autocomplete” is only allowed when the input type is",
            r'type="checkbox"[^>]*autocomplete="off"',
            "Material's drawer and search toggles (<input type=checkbox autocomplete=off>, in its base.html) keep "
            "Firefox from restoring their state; the attribute is not allowed on checkboxes."),
    Allowed(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
            r'for="__toc"',
            "Material's table-of-contents title (<label for=__toc>, in its toc.html) points at a checkbox that its "
            "primary navigation draws only for a page listed in nav; record pages are kept out of nav (O(N²) "
            "otherwise) and get their table of contents from the hooks."),
]


def page_paths() -> list[str]:
    """One page of every page type, by its path under the language root: the home page and each hand-written
    page, each list's first page (page_types.list_pages()), and the first record of each kind with pages."""
    data = load_site_data(ROOT / "facts")
    paths = {""}
    for source in (ROOT / "docs" / "en").rglob("*.md"):
        relative = source.relative_to(ROOT / "docs" / "en").with_suffix("").as_posix()
        paths.add("" if relative == "index" else relative.removesuffix("index").rstrip("/") + "/")
    paths.update(entry.folder for entry in list_pages().values())
    for entry in record_pages().values():
        ids = sorted(data.records[entry.kind])
        if ids:  # a kind facts/ has no record of yet (evaluations) has no page to check
            paths.add(f"{entry.folder}/{ids[0]}/")
    # a family's page has the lineage table; a source page lists the claims citing it
    paths.update({"models/exaone-3-5/", "sources/kakao-brain-kogpt-readme/"})
    return sorted(paths)


def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.skip("java is missing: `make browser` installs Debian's default-jre-headless (make test does)")
    assert VNU.is_file(), f"{VNU} is missing: run `make browser` (npm ci installs the pinned vnu-jar)"
    return found


def check(files: list[Path]) -> list[dict[str, str]]:
    """The checker's errors for these files (messages of type "error", and fatal ones)."""
    result = subprocess.run([java(), "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]


def is_allowed(message: dict[str, str]) -> bool:
    return any(re.search(a.message, message.get("message", "")) and re.search(a.extract, message.get("extract", ""))
               for a in ALLOWED)


def test_every_page_type_is_valid_html(built_site: Path) -> None:
    files = [built_site / lang / path / "index.html" for lang in LANGUAGES for path in page_paths()]
    assert [f for f in files if not f.is_file()] == []
    errors = [f"{Path(m['url'].removeprefix('file:')).relative_to(built_site.resolve()) if 'url' in m else '?'}:"
              f"{m.get('lastLine')}: "
              f"{m['message']} [{m.get('extract', '').strip()[:120]}]"
              for m in check(files) if not is_allowed(m)]
    assert errors == []


def test_the_checker_reports_an_error_in_the_projects_markup(tmp_path: Path) -> None:
    """A half-year in <time datetime> (what the timeline wrote before) is an error, and is not allowed."""
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html lang="en"><head><title>t</title></head><body>'
                    '<input type="checkbox" autocomplete="off">'
                    '<p><time datetime="2022-H1">first half of 2022</time></p></body></html>', encoding="utf-8")
    errors = check([page])
    assert [m for m in errors if not is_allowed(m)] != []
    assert any("datetime" in m["message"] and "2022-H1" in m.get("extract", "") for m in errors)
    assert any(is_allowed(m) for m in errors)  # Material's checkbox error is recognised, and only that one
