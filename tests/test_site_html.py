"""The built site, read as HTML: every record has its page or entry in both languages, every claim on a
page is followed by its citation, and disputed values show all their sources."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import ROOT
from factbase.archive import normalise
from factbase.namespace import RECORD_ANCHOR_PREFIXES, RESERVED_PREFIXES
from factbase.records import Record, iter_claims
from factbase.validation import load_fact_base
from sitegen.views import claim_anchor

LANGUAGES = ("ko", "en")


@cache
def _base() -> dict[str, dict[str, Record]]:
    base, _ = load_fact_base([ROOT / "facts"])
    return {kind: base.of_kind(kind) for kind in ("source", "organization", "model", "event", "partnership")}


def _soup(site: Path, lang: str, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / lang / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_record_has_its_page_or_entry(built_site: Path, lang: str) -> None:
    records = _base()
    for kind, folder in (("model", "models"), ("organization", "organizations"), ("source", "sources")):
        missing = [i for i in records[kind] if not (built_site / lang / folder / i / "index.html").is_file()]
        assert missing == [], f"{kind} pages missing in {lang}"
    timeline = _soup(built_site, lang, "timeline")
    assert [i for i in records["event"] if timeline.find(id=f"event-{i}") is None] == []
    for partnership in records["partnership"].values():
        first = partnership.data["organizations"][0]
        page = _soup(built_site, lang, f"organizations/{first}")
        assert page.find(id=f"partnership-{partnership.id}") is not None, f"{partnership.id} not on {first}'s page"


def test_no_page_has_an_id_attribute_twice(built_site: Path) -> None:
    """Anchors made from record ids carry their kind (`event-<id>`): none can be one the site makes itself."""
    duplicated = {}
    for page in sorted(built_site.rglob("*.html")):
        ids = Counter(tag["id"] for tag in BeautifulSoup(page.read_text("utf-8"), "html.parser").find_all(id=True))
        twice = sorted(name for name, count in ids.items() if count > 1)
        if twice:
            duplicated[page.relative_to(built_site).as_posix()] = twice
    assert duplicated == {}


def test_every_anchor_made_from_a_record_id_has_a_reserved_prefix() -> None:
    """The templates' `id` attributes made from a record id start with namespace.py's record-anchor prefixes,
    none of which starts an anchor the site makes itself."""
    templates = ROOT / "scripts" / "sitegen" / "templates"
    text = "".join(p.read_text("utf-8") for p in templates.glob("*.html"))
    made = re.findall(r'\bid="([^"{]*)\{\{\s*([^}]*)\}\}', text)
    from_ids = [prefix for prefix, expression in made if re.search(r"\.id\b", expression)]
    assert sorted(from_ids) == sorted(RECORD_ANCHOR_PREFIXES.values()), made
    assert not any(prefix.startswith(RESERVED_PREFIXES) for prefix in from_ids)


def _notes(page: BeautifulSoup) -> dict[str, Tag]:
    return {li["id"]: li for li in page.select("ol.kf-notes > li")}


def _note_source(note: Tag) -> str:
    """The id of the source a footnote is about (its link to the source's page)."""
    return str(note.select_one(".kf-note-source a")["href"]).rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_claim_on_a_model_page_has_its_permalink_footnotes_and_back_links(built_site: Path, lang: str) -> None:
    """Each claim stands at its permalink; its footnote markers lead to one note per source it cites; each of
    its quotes is in its source's note, with a link back to the claim."""
    checked = 0
    for model_id, model in _base()["model"].items():
        page = _soup(built_site, lang, f"models/{model_id}")
        notes = _notes(page)
        sources = [_note_source(note) for note in notes.values()]
        assert len(sources) == len(set(sources)), f"{model_id}: a source with two footnotes"
        for claim in iter_claims(model):
            anchor = claim_anchor(claim)
            element = page.find(id=anchor)
            assert element is not None, f"{model_id}: no element for {anchor}"
            assert element.select_one(f'a.kf-permalink[href="#{anchor}"]') is not None, anchor
            note_ids = [str(a["href"]).removeprefix("#") for a in element.select("sup.kf-cite a")]
            assert len(note_ids) == len(set(note_ids)), f"{anchor}: a source marked twice"
            assert {_note_source(notes[n]) for n in note_ids} == {c["source"] for _, c in claim.citations()}, anchor
            for _, citation in claim.citations():
                quotes = [item for n in note_ids for item in notes[n].select(".kf-note-quotes > li")
                          if normalise(item.select_one(".kf-quote").get_text()) == normalise(citation["quote"])]
                assert quotes, f"{anchor}: {citation['quote']!r} is in no footnote"
                assert any(item.select_one(f'a.kf-backlink[href="#{anchor}"]') for item in quotes), anchor
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_disputes_are_set_apart_side_by_side(built_site: Path, lang: str) -> None:
    """The notice lists only the disputed properties; their table holds the disputed values (each with its
    sources), and no other value; the claims table points there instead of holding them."""
    models = _base()["model"]
    disputed = {(model.id, claim.property) for model in models.values() for claim in iter_claims(model)
                if claim.data["status"] == "disputed"}
    assert disputed, "the fact base records disputes (KoGPT's parameter count, EXAONE 3.0 'open source')"
    for model in models.values():
        page = _soup(built_site, lang, f"models/{model.id}")
        props = {prop for model_id, prop in disputed if model_id == model.id}
        section = page.select_one("section.kf-disputes")
        if not props:
            assert section is None, model.id
            continue
        assert section is not None
        listed = {str(a["href"]).removeprefix(f"#dispute-{model.id}-") for a in section.select(".kf-disputed-notice a")}
        assert listed == props, model.id
        for prop in props:
            claims = [c for c in iter_claims(model) if c.property == prop and c.data["status"] == "disputed"]
            table = page.find(id=f"dispute-{model.id}-{prop}").find_next_sibling("table")
            rows = table.select("tbody > tr")
            assert [row["id"] for row in rows] == [claim_anchor(c) for c in claims]
            for claim, row in zip(claims, rows, strict=True):
                shown = {str(a["href"]).rstrip("/").rsplit("/", 1)[-1] for a in row.select("td:nth-of-type(3) a")}
                assert shown == {c["source"] for _, c in claim.citations()}, claim_anchor(claim)
            claims_row = page.find(id=f"claim-{prop}")
            assert claims_row.select(".kf-badge-disputed") == []
            assert claims_row.select_one(f'.kf-dispute-pointer a[href="#dispute-{model.id}-{prop}"]') is not None
        assert {badge.get_text() for badge in section.select(".kf-badge")} == {
            page.select_one(".kf-disputes .kf-badge-disputed").get_text()}, "an undisputed value under the notice"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plans_are_marked_as_plans(built_site: Path, lang: str) -> None:
    model = _base()["model"]["exaone-1-0"]
    planned = [c for c in iter_claims(model) if c.data["status"] == "planned"]
    page = _soup(built_site, lang, "models/exaone-1-0")
    assert planned and len(page.select("table.kf-claims .kf-badge-planned")) == len(planned)


def test_the_language_switcher_points_at_the_same_page(built_site: Path) -> None:
    page = _soup(built_site, "ko", "models/exaone-3-5-32b")
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
    assert links == {"ko": "../../../ko/models/exaone-3-5-32b/", "en": "../../../en/models/exaone-3-5-32b/"}
    assert (built_site / "ko" / "models" / "exaone-3-5-32b" / links["en"] / "index.html").resolve().is_file()


def test_root_page_links_both_languages(built_site: Path) -> None:
    root = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["href"] for a in root.select("a[hreflang]")} == {"ko/", "en/"}


def test_no_request_leaves_the_site(built_site: Path) -> None:
    """No Google Fonts, no CDN: every script, style, font, icon and image the pages load is local."""
    remote = ("http:", "https:", "//")
    for html in built_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        loaded = [tag["src"] for tag in page.select("script[src], img[src], iframe[src]")]
        loaded += [tag["href"] for tag in page.select("link[href]") if tag.get("rel") != ["alternate"]
                   and tag.get("rel") != ["canonical"]]
        assert [url for url in loaded if url.startswith(remote)] == [], html


def test_downloads_hold_every_claim(built_site: Path) -> None:
    import csv
    import json

    records = _base()
    rows = list(csv.DictReader((built_site / "en" / "data" / "claims-wide.csv").open(encoding="utf-8")))
    assert len(rows) == sum(len(list(iter_claims(r))) for kind in records.values() for r in kind.values())
    facts = json.loads((built_site / "ko" / "data" / "facts.json").read_text(encoding="utf-8"))
    assert set(facts["model"]) == set(records["model"])
    dataset = json.loads((built_site / "en" / "data" / "dataset.jsonld").read_text(encoding="utf-8"))
    assert dataset["@type"] == "Dataset" and len(dataset["citation"]) == len(records["source"])
