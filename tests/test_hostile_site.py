"""A site built from a hostile fact base publishes nothing unsafe; a failed build keeps the last good site.

The hostile base (tests/hostile_base.py) is valid, and every free-text field in it carries `<script>`,
event-handler attributes, a `javascript:` link, Markdown, closing tags and Jinja. The built HTML must show
all of it as text: no element or attribute of the payload, no executed template.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import load_script
from factbase.archive import Archive
from factbase.validation import validate
from hostile_base import EXECUTED_MARKERS, PAYLOAD, QUOTE_TAG, hostile_records, write_hostile_base

build_site = load_script("build_site")

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background"}
UNSAFE_SCHEMES = re.compile(r"^(javascript|data|vbscript|file):", re.IGNORECASE)
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
JSON_SCRIPT_TYPES = {"application/json", "application/ld+json"}
TAG = re.compile(r"@@([a-z0-9_.-]+)@@ ")


class PageScan(HTMLParser):
    """Every unsafe element or attribute of a page, and its text outside scripts: the text shown, and the
    text of `hidden` elements (the search terms, names respaced for the search: never shown)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.json_scripts: list[str] = []
        self.hidden_text: list[str] = []
        self._hidden_depth = 0
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []
        self._raw_depth = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"<{tag}>"
        if self._hidden_depth or "hidden" in dict(attrs):
            self._hidden_depth += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{where} has an event-handler attribute {name}={value!r}")
            cleaned = re.sub(r"[\s\x00-\x1f]", "", value or "")
            if name in URL_ATTRIBUTES and UNSAFE_SCHEMES.match(cleaned):
                self.problems.append(f"{where} links to {value!r}")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"{where} element")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag in ("script", "style"):
            self._raw_depth += 1
            self._script = dict(attrs) if tag == "script" else None
            self._script_text = []

    def handle_endtag(self, tag: str) -> None:
        if self._hidden_depth:
            self._hidden_depth -= 1
        if tag not in ("script", "style") or not self._raw_depth:
            return
        self._raw_depth -= 1
        if tag == "script" and self._script is not None:
            self._check_script(self._script, "".join(self._script_text))
        self._script = None

    def _check_script(self, attrs: dict[str, str | None], body: str) -> None:
        src, kind = attrs.get("src"), attrs.get("type")
        if src is not None:
            if re.match(r"^([a-z]+:|//)", src, re.IGNORECASE) or not src.endswith(".js"):
                self.problems.append(f"<script src={src!r}> is not one of the site's own scripts")
        elif kind in JSON_SCRIPT_TYPES:
            try:
                json.loads(body)
            except ValueError:
                self.problems.append(f"<script type={kind}> does not hold JSON: {body[:80]!r}")
            self.json_scripts.append(body)
        elif "@@" in body or "alert(" in body:
            self.problems.append(f"inline <script> holds fact text: {body[:80]!r}")

    def handle_data(self, data: str) -> None:
        if self._raw_depth:
            self._script_text.append(data)
        elif self._hidden_depth:
            self.hidden_text.append(data)
        else:
            self.text.append(data)


def scan(html: str) -> PageScan:
    scanner = PageScan()
    scanner.feed(html)
    scanner.close()
    return scanner


def broken_payloads(text: str) -> Iterator[str]:
    """Each field tag in `text` that is not followed by the whole payload, as text."""
    for match in TAG.finditer(text):
        if not text.startswith(PAYLOAD, match.end()):
            yield f"{match.group(1)}: {text[match.end():match.end() + 120]!r}"


def tree_hash(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The hostile fact base and the site built from it, once per session: (facts, archive, site)."""
    root = tmp_path_factory.mktemp("hostile")
    facts, archive = write_hostile_base(root)
    with pytest.MonkeyPatch.context() as patch:  # only for the build: later tests build facts/
        patch.setenv("FACTS_DIR", str(facts))
        patch.setenv("FACTS_ARCHIVE", str(archive))
        build_site.build_site(root / "site")
    return facts, archive, root / "site"


@pytest.fixture(scope="session")
def pages(hostile_site: tuple[Path, Path, Path]) -> dict[str, PageScan]:
    site = hostile_site[2]
    return {str(path.relative_to(site)): scan(path.read_text("utf-8")) for path in sorted(site.rglob("*.html"))}


def test_the_hostile_base_is_valid_so_its_text_reaches_the_pages(hostile_site: tuple[Path, Path, Path]) -> None:
    facts, archive, _ = hostile_site
    report = validate([facts], Archive(archive))
    assert [d.format_text() for d in report.diagnostics] == []
    assert report.quotes.verified > 0 and report.quotes.unverified == 0


def test_every_text_field_of_every_kind_carries_the_payload() -> None:
    fields = {match for data in hostile_records().values() for match in TAG.findall(json.dumps(data))}
    kinds = {field.split(".")[0] for field in fields - {QUOTE_TAG}}
    assert kinds == {"source", "organization", "model", "event", "partnership", "evaluation"}
    for expected in ("model.name.ko", "model.name.en", "model.aliases", "source.title.en", "source.author",
                     "source.publisher.ko", "source.notes.en", "model.claims.description.value.en",
                     "model.claims.benchmark.value.benchmark", "model.claims.parameters.note.en",
                     "event.claims.place.outcome.note.ko", "partnership.claims.description.citations.quote_en",
                     "organization.claims.leader.citations.section", QUOTE_TAG):
        assert expected in fields


def test_no_page_holds_an_injected_element_or_attribute(pages: dict[str, PageScan]) -> None:
    assert len(pages) > 20
    problems = [f"{page}: {problem}" for page, found in pages.items() for problem in found.problems]
    assert problems == []


def test_fact_text_is_shown_as_text_whole_and_unexecuted(pages: dict[str, PageScan]) -> None:
    shown: set[str] = set()
    broken: list[str] = []
    for page, found in pages.items():
        text = "".join(found.text)
        shown.update(TAG.findall(text))
        broken += [f"{page}: {problem}" for problem in broken_payloads(text)]
    assert broken == []
    # names (page titles, link texts), quotes, translations, values, notes and outcomes all reach pages
    for field in ("model.name.ko", "model.name.en", "organization.name.en", "source.title.ko", QUOTE_TAG,
                  "model.claims.description.citations.quote_en", "model.claims.description.value.en",
                  "model.claims.description.note.en", "model.claims.description.outcome.note.en",
                  "event.title.en", "partnership.claims.description.value.ko"):
        assert field in shown, f"{field} reaches no page, so the test proves nothing about it"


def test_names_become_escaped_page_titles(pages: dict[str, PageScan], hostile_site: tuple[Path, Path, Path]) -> None:
    html = (hostile_site[2] / "en" / "models" / "hostile-model" / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    assert title.group(1).startswith("@@model.name.en@@ 한국어 &lt;script&gt;alert(&#34;kf&#34;)&lt;/script&gt;")
    assert "{{ 7*7 }}" in title.group(1) and "49" not in title.group(1)
    assert "{{ 7*7 }}" in "".join(pages["en/models/hostile-model/index.html"].text)


def test_json_ld_holds_the_text_as_data(pages: dict[str, PageScan]) -> None:
    scripts = pages["en/models/hostile-model/index.html"].json_scripts
    linked = [json.loads(body) for body in scripts if "@context" in body]
    assert linked and linked[0]["name"] == f"@@model.name.en@@ {PAYLOAD}"
    assert all("</" not in body for body in scripts)  # `</script>` in a name cannot close the element


def test_the_search_terms_and_names_hold_the_text(pages: dict[str, PageScan],
                                                 hostile_site: tuple[Path, Path, Path]) -> None:
    """A page's hidden search terms hold each name as text (and respaced), and the name shards the search
    script reads hold it as JSON data (the script shows it as text, never as HTML)."""
    hidden = "".join(pages["en/models/hostile-model/index.html"].hidden_text)
    assert f"@@model.name.en@@ {PAYLOAD}" in hidden
    for lang in ("ko", "en"):
        entries = [entry for shard in sorted((hostile_site[2] / lang / "search-names").glob("*.json"))
                   for entry in json.loads(shard.read_text("utf-8"))]
        hostile = [entry for entry in entries if entry["url"] == "models/hostile-model/"]
        assert hostile and hostile[0]["title"] == f"@@model.name.{lang}@@ {PAYLOAD}"


def test_no_output_file_shows_an_executed_template(hostile_site: tuple[Path, Path, Path]) -> None:
    executed = [f"{path}: {marker}" for path in hostile_site[2].rglob("*") if path.suffix in
                (".html", ".json", ".jsonld", ".csv", ".xml")
                for marker in EXECUTED_MARKERS if marker in path.read_text("utf-8")]
    assert executed == []


def test_downloads_hold_the_text_verbatim(hostile_site: tuple[Path, Path, Path]) -> None:
    data = json.loads((hostile_site[2] / "en" / "data" / "facts.json").read_text("utf-8"))
    assert data["model"]["hostile-model"]["name"]["ko"] == f"@@model.name.ko@@ {PAYLOAD}"


def test_a_failed_build_keeps_the_last_good_site(hostile_site: tuple[Path, Path, Path],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    facts, archive, site = hostile_site
    monkeypatch.setenv("FACTS_DIR", str(facts))
    monkeypatch.setenv("FACTS_ARCHIVE", str(archive))
    before = tree_hash(site)
    built: list[str] = []
    real_build = build_site.build_language

    def fail_in_english(lang: str, site_dir: Path, config_dir: Path = build_site.ROOT) -> None:
        if lang == "en":
            raise RuntimeError("the English build failed")
        real_build(lang, site_dir, config_dir)
        built.append(lang)

    monkeypatch.setattr(build_site, "build_language", fail_in_english)
    with pytest.raises(RuntimeError, match="the English build failed"):
        build_site.build_site(site)
    assert built == ["ko"]  # half of a new site was written, somewhere
    assert tree_hash(site) == before  # ... and none of it replaced the last good one
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".")) == []
