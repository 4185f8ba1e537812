"""Record pages as a reader meets them (issue 16): the model infobox with every field, a family's value marked
as the family's, the lineage within a family, quotes of markup shown as code, numbers as written, and the
table of contents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from factbase.records import iter_claims
from sitegen.footnotes import quote_is_code
from sitegen.i18n import translate
from sitegen.pages import toc_of
from sitegen.sitedata import load_site_data
from sitegen.views import INFOBOX_FIELDS, INFOBOX_WHEN_STATED, Page, infobox_view

LANGUAGES = ("ko", "en")
MODELS = sorted(path.stem for path in (ROOT / "facts" / "models").glob("*.yaml"))


def _soup(site: Path, lang: str, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / lang / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _page(lang: str = "en") -> Page:
    return Page(data=load_site_data(ROOT / "facts"), lang=lang, root="../../", url="models/x/",
                repository="https://example.org")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_model_page_has_the_infobox_with_every_field(built_site: Path, lang: str) -> None:
    expected = [key for key in INFOBOX_FIELDS if key not in INFOBOX_WHEN_STATED]
    not_stated = translate(lang, "infobox.not_stated")
    for model_id in MODELS:
        rows = _soup(built_site, lang, f"models/{model_id}").select("#at-a-glance + table > tbody > tr")
        keys = [str(row["id"]).removeprefix("infobox-") for row in rows]
        assert [key for key in keys if key not in INFOBOX_WHEN_STATED] == expected, model_id
        for row in rows:
            cell = row.select_one("td")
            assert cell.select(".kf-value, a") or cell.select_one(".kf-infobox-text") or \
                cell.select_one(".kf-not-stated").get_text() == not_stated, f"{model_id} {row['id']}: empty"


def test_the_infobox_shows_a_family_s_value_as_the_family_s(built_site: Path) -> None:
    """EXAONE 3.0 7.8B states no licence; its family EXAONE 3.0 does: shown, marked, cited."""
    member = load_site_data(ROOT / "facts").records["model"]["exaone-3-0-7-8b"]
    assert not [c for c in iter_claims(member) if c.property == "license"]
    row = _soup(built_site, "en", "models/exaone-3-0-7-8b").find(id="infobox-license")
    assert "EXAONE AI Model License Agreement 1.1 - NC" in row.get_text()
    via = row.select_one(".kf-infobox-via")
    assert via.get_text(" ", strip=True) == f"{translate('en', 'infobox.via_family')}: EXAONE 3.0"
    assert via.select_one("a")["href"] == "../../models/exaone-3-0/"
    assert row.select("sup.kf-cite a")
    # the family's value is shown only here: its footnote links back to it
    anchor = row.select_one("li[id]")["id"]
    assert _soup(built_site, "en", "models/exaone-3-0-7-8b").select(f'a.kf-backlink[href="#{anchor}"]')


def test_a_value_the_record_states_is_never_replaced_by_its_family_s() -> None:
    page = _page()
    rows = {row["key"]: row for row in infobox_view(page, page.data.records["model"]["exaone-4-0-32b"])}
    assert rows["license"]["via"] is None and rows["license"]["values"]
    assert rows["parameters"]["via"] is None  # sizes are never taken from the family


def test_predecessor_and_successor_follow_release_dates_within_the_family() -> None:
    page = _page()
    models = page.data.records["model"]
    # EXAONE 3.5's three sizes share a release date: none is another's predecessor
    rows = {row["key"]: row for row in infobox_view(page, models["exaone-3-5-7-8b"])}
    assert rows["predecessor"]["links"] == [] and rows["predecessor"]["text"] == "none released earlier in this family"
    assert rows["successor"]["text"] == "none released later in this family"
    assert rows["successor"]["within"]["text"] == "EXAONE 3.5"
    # with the 2.4B released earlier, it precedes both others, and both succeed it
    released = next(c for c in iter_claims(models["exaone-3-5-2-4b"]) if c.property == "released")
    released.data["value"] = "2024-11"
    rows = {row["key"]: row for row in infobox_view(page, models["exaone-3-5-7-8b"])}
    assert [link["text"] for link in rows["predecessor"]["links"]] == ["EXAONE 3.5 2.4B"]
    assert rows["predecessor"]["links"][0]["date"] == "November 2024"
    rows = {row["key"]: row for row in infobox_view(page, models["exaone-3-5-2-4b"])}
    assert sorted(link["text"] for link in rows["successor"]["links"]) == ["EXAONE 3.5 32B", "EXAONE 3.5 7.8B"]
    assert rows["predecessor"]["text"] == "none released earlier in this family"
    # no family, or no release date: nothing places the model
    rows = {row["key"]: row for row in infobox_view(page, models["kogpt-6b"])}
    assert rows["predecessor"] == {**rows["predecessor"], "links": [], "text": None, "values": [], "within": None}


@pytest.mark.parametrize(("quote", "code"), [
    ("| MT-Bench          | **9.01** |", True),
    ('<td align="center"><strong>33.0</strong></td>', True),
    ('model = AutoModelForCausalLM.from_pretrained( "LGAI-EXAONE/EXAONE-3.0-7.8B-Instruct",', True),
    ("author={LG AI Research},", True),
    ("year          = {2021},", True),
    ("The model is licensed under [EXAONE AI Model License Agreement 1.1 - NC](./LICENSE)", False),
    ("현재 엑사원의 ‘파라미터(매개변수)’는 3000억 개로 국내 최고 수준이다.", False),
    ("2 < 3 and 4 > 1", False),
])
def test_quotes_of_markup_or_code_are_told_from_prose(quote: str, code: bool) -> None:
    assert quote_is_code(quote) is code


def test_markup_quotes_are_shown_as_code_with_their_section(built_site: Path) -> None:
    page = _soup(built_site, "en", "models/exaone-3-5-2-4b")
    code = [item for item in page.select(".kf-note-quotes > li") if item.select_one("code.kf-quote-code")]
    rows = [item.select_one(".kf-quote-section").get_text() for item in code if "<td>" in item.get_text()]
    assert rows and all(section.startswith("Section: ") for section in rows) and "Section: Performance" in rows
    assert not page.select("q.kf-quote code") and not [q for q in page.select("q.kf-quote") if "<td" in q.get_text()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbers_keep_their_written_form(built_site: Path, lang: str) -> None:
    """facts/models/exaone-3-5-2-4b.yaml writes LiveBench `score: 33.0`: the page shows 33.0, not 33."""
    text = _soup(built_site, lang, "models/exaone-3-5-2-4b").select_one("table.kf-claims").get_text()
    assert re.search(r"LiveBench: 33\.0", text) and not re.search(r"LiveBench: 33(?![.\d])", text)


@pytest.mark.parametrize("url", ["models/exaone-3-0", "models/kogpt", "organizations/lg-ai-research",
                                 "sources/chosun-2024-12-05-open-source-every-six-months"])
def test_the_table_of_contents_lists_a_record_page_s_headings(built_site: Path, url: str) -> None:
    page = _soup(built_site, "en", url)
    listed = [str(a["href"]) for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    headings = [f"#{h['id']}" for h in page.select("article h2[id], article h3[id]")]
    assert listed == headings and listed


def test_the_table_of_contents_nests_h3_under_h2() -> None:
    toc = toc_of('<h2 id="a">A <b>x</b></h2><p>t</p><h3 id="b">B</h3><h2 id="c">C'
                 '<a class="headerlink" href="#c">¶</a></h2><h2 data-pagefind-ignore id="d">D</h2>'
                 '<h2 data-grid="x">no id</h2>')
    assert [(link.id, link.title, [child.id for child in link.children]) for link in toc] == [
        ("a", "A x", ["b"]), ("c", "C", []), ("d", "D", [])]
