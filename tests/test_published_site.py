"""The built site as search engines, feed readers and data users meet it: every page's language, canonical
link, hreflang alternates and description; the sitemap of both languages; robots.txt; the 404 pages; the data
package (frictionless, foreign keys checked); the JSON API against its published schemas; the Atom feeds."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from frictionless import validate
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from sitegen.changes import read_history
from sitegen.history import FEED_ENTRIES

# the address the tests' builds use: mkdocs.yml's (the Pages workflow sets SITE_URL only for the published build)
ADDRESS = os.environ.get("SITE_URL", "https://korean-ai-facts.github.io/korean-ai-facts/").rstrip("/") + "/"
LANGS = ("ko", "en")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def pages(site: Path, lang: str) -> list[str]:
    """Every page of a language by its path below the language root ("" for home)."""
    root = site / lang
    folders = (p.parent.relative_to(root).as_posix() for p in root.rglob("index.html"))
    return sorted("" if folder == "." else f"{folder}/" for folder in folders)


def head_problems(site: Path, lang: str, path: str) -> list[str]:
    """What a page's head gets wrong: language, canonical link, alternates, description, link preview."""
    html = (site / lang / path / "index.html").read_text(encoding="utf-8")
    head = BeautifulSoup(html[:html.find("</head>")], "html.parser")
    path = path.lstrip("/")
    problems = []
    if not re.search(rf'<html lang="{lang}"', html):
        problems.append("html lang")
    canonical = [link.get("href") for link in head.find_all("link", rel="canonical")]
    if canonical != [f"{ADDRESS}{lang}/{path}"]:
        problems.append(f"canonical {canonical}")
    alternates = {link.get("hreflang"): link.get("href") for link in head.find_all("link", rel="alternate")
                  if link.get("hreflang")}
    if alternates != {**{other: f"{ADDRESS}{other}/{path}" for other in LANGS}, "x-default": ADDRESS}:
        problems.append(f"alternates {alternates}")
    description = head.find("meta", attrs={"name": "description"})
    if description is None or len(description.get("content", "")) < 20:
        problems.append("description")
    for name in ("og:title", "og:description", "og:url"):
        if head.find("meta", property=name) is None:
            problems.append(name)
    if head.find("meta", attrs={"name": "twitter:card"}) is None:
        problems.append("twitter:card")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_its_language_canonical_alternates_and_description(built_site: Path, lang: str) -> None:
    paths = pages(built_site, lang)
    assert len(paths) > 100
    assert {path: problems for path in paths if (problems := head_problems(built_site, lang, path))} == {}


def test_a_page_with_a_wrong_head_is_found(built_site: Path, tmp_path: Path) -> None:
    page = tmp_path / "en" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    good = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    page.write_text(good.replace('hreflang="ko"', 'hreflang="kr"').replace('name="description"', 'name="d"'),
                    encoding="utf-8")
    problems = head_problems(tmp_path, "en", "x/")
    assert "description" in problems and any(p.startswith("canonical") for p in problems)
    assert any(p.startswith("alternates") for p in problems)


def _description(site: Path, lang: str, path: str) -> str:
    html = (site / lang / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert found
    return found.group(1)


def test_a_record_page_is_described_from_its_record(built_site: Path) -> None:
    assert _description(built_site, "en", "models/exaone-3-5-32b/").startswith(
        "EXAONE 3.5 32B (Model). Developer: LG AI Research; Released: 9 December 2024; Parameters: 32B")
    assert _description(built_site, "ko", "models/exaone-3-5-32b/").startswith("엑사원 3.5 32B (모델). 개발: LG")
    # a hand-written page: its first paragraph
    assert _description(built_site, "en", "sources/").startswith("Every source the site cites.")


def test_the_sitemap_lists_every_page_of_both_languages_with_alternates(built_site: Path) -> None:
    urls = ET.parse(built_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    locations = {url.find(f"{SITEMAP}loc").text for url in urls}  # type: ignore[union-attr]
    expected = {f"{ADDRESS}{lang}/{path.lstrip('/')}" for lang in LANGS for path in pages(built_site, lang)}
    assert locations == expected
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(alternates) == {"ko", "en", "x-default"}
        assert url.find(f"{SITEMAP}loc").text in alternates.values()  # type: ignore[union-attr]
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {ADDRESS}sitemap.xml" in robots.splitlines()


def test_the_404_pages_exist_in_each_language_and_at_the_root(built_site: Path) -> None:
    titles = {"ko": "페이지를 찾을 수 없습니다", "en": "Page not found"}
    for lang, title in titles.items():
        page = BeautifulSoup((built_site / lang / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert page.html and page.html.get("lang") == lang
        assert page.h1 and page.h1.get_text() == title
    root = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert {section.get("lang"): section.h1.get_text() for section in root.find_all("section")} == titles
    base = "/" + ADDRESS.split("://", 1)[1].partition("/")[2]
    assert [s.get("src") for s in root.find_all("script")] == [f"{base}not-found.js"]
    assert (built_site / "not-found.js").is_file()


def test_the_language_chooser_works_without_javascript(built_site: Path) -> None:
    root = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a.get("href") for a in root.find_all("a")} == {"ko/", "en/"}
    assert all(script.get("src") and not script.string for script in root.find_all("script"))  # no inline script
    assert (built_site / "choose-language.js").is_file()


def test_the_data_package_validates_with_foreign_keys(built_site: Path, tmp_path: Path) -> None:
    data = built_site / "en" / "data"
    report = validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["type", "rowNumber", "fieldNames", "note"])[:5]
    rows = {name: list(csv.DictReader((data / f"{name}.csv").open(encoding="utf-8")))
            for name in ("records", "claims", "citations", "sources")}
    assert len(rows["records"]) == len(list((ROOT / "facts").rglob("*.yaml")))
    assert len(rows["citations"]) > len(rows["claims"]) > 100
    # the same package with a citation of a source that does not exist fails on its foreign key
    broken = tmp_path / "data"
    shutil.copytree(data, broken)
    citations = rows["citations"]
    citations[0]["source"] = "no-such-source"
    with (broken / "citations.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(citations[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(citations)
    errors = validate(str(broken / "datapackage.json")).flatten(["type", "rowNumber", "fieldNames"])
    assert errors == [["foreign-key", 2, ["source"]]]


def _registry(schemas: Path) -> Registry:
    return Registry().with_resources((path.name, Resource.from_contents(json.loads(path.read_text("utf-8")),
                                                                        DRAFT202012))
                                     for path in schemas.glob("*.json"))


def test_every_api_document_is_valid_and_listed(built_site: Path) -> None:
    api = built_site / "api" / "v1"
    registry = _registry(api / "schema")
    index_validator = Draft202012Validator(registry.contents("index.json"), registry=registry)
    documents = 0
    for index_path in sorted(api.glob("*.json")):
        index = json.loads(index_path.read_text("utf-8"))
        index_validator.validate(index)
        kind, folder = index["kind"], index_path.stem
        validator = Draft202012Validator(registry.contents(f"{kind}.document.json"), registry=registry)
        listed = {item["href"] for item in index["items"]}
        assert listed == {f"{folder}/{path.name}" for path in (api / folder).glob("*.json")}
        assert index["count"] == len(listed) == len(list((ROOT / "facts" / folder).glob("*.yaml")))
        for href in sorted(listed):
            document: dict[str, Any] = json.loads((api / href).read_text("utf-8"))
            errors = [f"{href}: {e.json_path}: {e.message}" for e in validator.iter_errors(document)]
            assert errors == []
            documents += 1
    assert documents == len(list((ROOT / "facts").rglob("*.yaml")))
    model = json.loads((api / "models" / "exaone-3-5-32b.json").read_text("utf-8"))
    assert model["pages"]["en"] == f"{ADDRESS}en/models/exaone-3-5-32b/"
    # a document that breaks its schema is refused
    model["record"]["claims"]["parameters"][0]["status"] = "rumoured"
    validator = Draft202012Validator(registry.contents("model.document.json"), registry=registry)
    assert [e.json_path for e in validator.iter_errors(model)] == ["$.record.claims.parameters[0].status"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_atom_feed_parses_and_lists_the_latest_changes_of_facts(built_site: Path, lang: str) -> None:
    feed = ET.parse(built_site / lang / "changes.xml").getroot()
    entries = [entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")]  # type: ignore[union-attr]
    history = read_history(ROOT / "facts")
    commits = list(dict.fromkeys(change.commit for change in history.changes))
    assert entries == [f"urn:git:{commit}" for commit in commits[:FEED_ENTRIES]]
    latest = subprocess.run(["git", "log", "-3", "--format=%H", "--", "facts"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    assert entries and entries[0].removeprefix("urn:git:") in latest
    assert feed.find(f"{ATOM}updated").text == history.changes[0].date  # type: ignore[union-attr]


def test_every_record_page_has_a_history_and_a_citation(built_site: Path) -> None:
    for lang in LANGS:
        for folder in ("models", "organizations", "sources"):
            for page in (built_site / lang / folder).glob("*/index.html"):
                if page.parent.name.startswith("page-"):
                    continue
                html = page.read_text(encoding="utf-8")
                assert 'id="kf-history"' in html and 'id="kf-cite"' in html, page
                assert f"{ADDRESS}{lang}/{folder}/{page.parent.name}/" in html, page
                assert "@misc{" in html, page
