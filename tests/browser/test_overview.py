"""The overview pages as a reader uses them, at 1280 px and 375 px in both languages: the models table sorts
by every column and filters by developer, licence and kind; the chart has one linked point per model with a
size and a date; the timeline stays short; no Korean word is split across lines."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ROOT
from factbase.records import iter_claims
from factbase.validation import load_fact_base

from .support import LANGUAGES, WIDTHS, Reader

pytestmark = pytest.mark.browser

EVERY = [pytest.param(lang, width, id=f"{lang}-{width}px") for lang in LANGUAGES for width in WIDTHS]
TIMELINE_MAX_HEIGHT = 6_000  # px at 1280 px: the timeline was 23,216 px tall before it had one line per event
CURRENT = ("confirmed", "reported", "disputed")


def _models() -> dict[str, Any]:
    base, _ = load_fact_base([ROOT / "facts"])
    return base.of_kind("model")


def _open(reader: Reader, lang: str, path: str, width: int) -> None:
    reader.page.set_viewport_size({"width": width, "height": 900})
    reader.open(lang, path)


ROWS_JS = """(column) => Array.from(document.querySelectorAll('table.kf-sortable tbody tr'))
  .filter(row => !row.hidden).map(row => row.cells[column].getAttribute('data-sort'))"""


def _sorted(values: list[str], numeric: bool, descending: bool) -> list[str]:
    filled = [v for v in values if v]
    key = (lambda v: float(v)) if numeric else (lambda v: v.casefold())
    return sorted(filled, key=key, reverse=descending) + [v for v in values if not v]


@pytest.mark.parametrize(("lang", "width"), EVERY)
def test_the_models_table_sorts_by_every_column(reader: Reader, lang: str, width: int) -> None:
    _open(reader, lang, "models/", width)
    page = reader.page
    headers = page.locator("table.kf-sortable thead th")
    assert headers.count() == 7
    for column in range(7):
        numeric = headers.nth(column).get_attribute("data-sort-type") == "number"
        button = headers.nth(column).locator("button.kf-sort")
        if width < 1280:  # the header row is hidden on phones (rows are cards); sort as a script would
            button.dispatch_event("click")
        else:
            button.click()
        ascending = page.evaluate(ROWS_JS, column)
        assert headers.nth(column).get_attribute("aria-sort") == "ascending"
        button.dispatch_event("click") if width < 1280 else button.click()
        descending = page.evaluate(ROWS_JS, column)
        assert headers.nth(column).get_attribute("aria-sort") == "descending"
        if numeric:  # numbers compare as numbers: 10B after 9B
            assert ascending == _sorted(ascending, True, False) and descending == _sorted(descending, True, True)
        else:  # text as the browser collates it: reversed, apart from empty values, which stay last
            filled = [v for v in ascending if v]
            assert [v for v in descending if v] == list(reversed(filled)) or len(set(filled)) < len(filled)
            assert ascending[len(filled):] == [""] * (len(ascending) - len(filled))
        assert len(set(ascending)) > 1, f"column {column} has nothing to sort"
    assert reader.problems == []


@pytest.mark.parametrize(("lang", "width"), EVERY)
def test_the_models_table_filters_by_developer_licence_and_kind(reader: Reader, lang: str, width: int) -> None:
    _open(reader, lang, "models/", width)
    page = reader.page
    rows = page.locator("table.kf-sortable tbody tr")
    total = rows.count()
    assert total == len(_models())  # every model, family member and product is a row, none hidden
    for attribute, value in (("developers", "lg-ai-research"), ("developers", "none"), ("kind", "family"),
                             ("licences", "licence-1")):
        page.select_option(f"select[data-filter={attribute}]", value)
        shown = page.evaluate(f"""() => Array.from(document.querySelectorAll('table.kf-sortable tbody tr'))
          .filter(row => !row.hidden).map(row => row.getAttribute('data-{attribute}').split(' '))""")
        assert 0 < len(shown) < total, (attribute, value)
        assert all(value in have for have in shown)
        count = page.locator(".kf-count").inner_text()
        assert str(len(shown)) in count and str(total) in count
        page.select_option(f"select[data-filter={attribute}]", "")
    assert page.evaluate("document.querySelectorAll('table.kf-sortable tbody tr[hidden]').length") == 0
    assert reader.problems == []


def _expected_points() -> set[str]:
    """Models whose sources give a current parameter count and a current release (else announcement) date."""
    found = set()
    for model_id, record in _models().items():
        claims = list(iter_claims(record))
        sized = any(c.property == "parameters" and c.data.get("status") in CURRENT
                    and c.data["value"].get("unit") == "parameters" for c in claims)
        dated = any(c.property in ("released", "announced") and c.data.get("status") in CURRENT for c in claims)
        if sized and dated:
            found.add(model_id)
    return found


@pytest.mark.parametrize(("lang", "width"), EVERY)
def test_the_chart_has_one_linked_point_per_model_with_a_size_and_a_date(reader: Reader, lang: str,
                                                                          width: int) -> None:
    _open(reader, lang, "parameters/", width)
    page = reader.page
    points = page.evaluate("""() => Array.from(document.querySelectorAll('figure.kf-chart svg a.kf-point')).map(a => {
      const box = a.getBoundingClientRect();
      return {href: a.getAttribute('href'), label: a.getAttribute('aria-label'), width: box.width, height: box.height,
              inside: box.left >= 0 && box.right <= document.documentElement.clientWidth};
    })""")
    hrefs = [p["href"] for p in points]
    assert len(hrefs) == len(set(hrefs))
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs} == _expected_points()
    assert all(p["width"] > 0 and p["height"] > 0 and p["inside"] and p["label"] for p in points)
    svg = page.locator("figure.kf-chart svg")
    assert svg.locator("title").first.text_content() and svg.locator("desc").first.text_content()
    assert page.locator("table.kf-chart-data tbody tr").count() == len(points)
    first = page.locator("figure.kf-chart svg a.kf-point").first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith(target.removeprefix("../"))
    assert reader.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_is_short_and_lists_each_happening_once(reader: Reader, lang: str) -> None:
    _open(reader, lang, "timeline/", 1280)
    page = reader.page
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= TIMELINE_MAX_HEIGHT, f"the timeline is {height}px tall at 1280px"
    lines = page.evaluate("""() => Array.from(document.querySelectorAll('li.kf-line')).map(li =>
      li.querySelector('.kf-line-date').innerText + ' ' + li.querySelector('strong').innerText)""")
    assert len(lines) == len(set(lines))
    years = page.locator(".kf-years a")
    assert years.count() == page.locator("h2[id^='year-']").count() > 1
    years.last.click()
    assert page.url.endswith(years.last.get_attribute("href"))
    assert reader.problems == []


# Where the text of an element wraps: for each line break inside a text node (one character drawn lower than
# the one before it), the characters on either side and the text around them. Breaks between nodes (a <br>,
# a block) are not wraps inside a word.
WRAPS_JS = """(selector) => {
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!element.getClientRects().length) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.checkVisibility()) continue;  // in a closed <details>
      const text = node.textContent;
      let previous = null;  // [character, top] of the last character drawn
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (!rects.length) continue;
        const top = rects[0].top;
        const around = text.slice(Math.max(0, i - 8), i + 8);
        if (previous && top > previous[1] + 2) found.push([previous[0], text[i], around, node.parentElement.tagName]);
        previous = [text[i], top];
      }
    }
  }
  return found;
}"""
KOREAN_TEXT = ["article > .md-typeset > p, article p", "article table.kf-table td", "article table.kf-table th",
               "article li.kf-line .kf-line-body", "article .kf-counts li"]
KOREAN_PAGES = ["", "models/", "parameters/", "timeline/", "organizations/", "how-we-check/", "models/exaone-3-5/"]


def _is_word_character(character: str) -> bool:
    return character.isalnum()


def _is_hangul(character: str) -> bool:
    return "\uac00" <= character <= "\ud7a3" or "\u1100" <= character <= "\u11ff" or "\u3130" <= character <= "\u318f"


def split_words(wraps: list[list[str]]) -> list[str]:
    """Wraps between two letters of one word, where one of them is Hangul ("대한/민국", "AI/연구원")."""
    return [f"{context} ({tag})" for before, after, context, tag in wraps
            if _is_word_character(before) and _is_word_character(after) and (_is_hangul(before) or _is_hangul(after))]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", KOREAN_PAGES)
def test_no_korean_word_is_split_across_lines(reader: Reader, path: str, width: int) -> None:
    _open(reader, "ko", path, width)
    wraps: list[list[str]] = []
    for selector in KOREAN_TEXT:
        wraps += reader.page.evaluate(WRAPS_JS, selector)
    assert wraps or width > 375, "no line wraps at all on a phone: the sample measured nothing"
    assert split_words(wraps) == []


def test_the_split_word_check_sees_a_split_word(reader: Reader) -> None:
    """Without keep-all, a narrow Korean paragraph breaks inside words, and the check says where."""
    _open(reader, "ko", "", 375)
    reader.page.evaluate("""() => { const p = document.createElement('p'); p.id = 'narrow';
      p.style.cssText = 'width: 7.3em; word-break: normal; overflow-wrap: normal';
      p.textContent = '대한민국의 초거대 인공지능 모델을 검증합니다 대한민국의 초거대 인공지능';
      document.querySelector('article').prepend(p); }""")
    assert split_words(reader.page.evaluate(WRAPS_JS, "#narrow")) != []
