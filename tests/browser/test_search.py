"""Search, typed as a person types it: Korean queries on the Korean site and English queries on the English
site list the expected page first or near the top, and clicking that result opens it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .support import Reader

pytestmark = pytest.mark.browser

NEAR_THE_TOP = 3
SEARCHES = [
    # (site, query typed, path the expected page starts with)
    ("ko", "엑사원", "models/exaone-"),
    ("ko", "하이퍼클로바", "models/hyperclova/"),
    ("ko", "구글", "organizations/google/"),
    ("ko", "LG화학", "organizations/lg-chem/"),
    ("ko", "네이버", "organizations/naver"),
    ("en", "EXAONE", "models/exaone-"),
    ("en", "HyperCLOVA", "models/hyperclova/"),
    ("en", "Google", "organizations/google/"),
    ("en", "Naver", "organizations/naver"),
]


def type_query(reader: Reader, query: str) -> list[str]:
    """Types the query key by key into the header's search box; the pages listed, best first."""
    page = reader.page
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    # Hangul typed by an input method ends in a composition: End makes the last keyup the search box sees.
    box.press("End")
    # Material marks each result with the query it answers (?h=...): wait for the results of the whole query.
    try:
        page.wait_for_function("""query => [...document.querySelectorAll('.md-search-result__item > a')]
            .some(link => new URL(link.href).searchParams.get('h') === query)""", arg=query.lower(), timeout=10_000)
    except PlaywrightTimeoutError:
        shown = page.locator(".md-search-result").inner_text()
        pytest.fail(f"no results for {query!r} after 10 s; the search shows: {shown[:300]!r}")
    links = page.locator(".md-search-result__item > a.md-search-result__link").evaluate_all(
        "links => links.map(link => link.href)")
    return [urlsplit(link).path for link in links]


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES, ids=[f"{s[0]}-{s[1]}" for s in SEARCHES])
def test_search_lists_the_expected_page_near_the_top_and_opens_it(reader: Reader, lang: str, query: str,
                                                                  expected: str) -> None:
    reader.open(lang)
    results = type_query(reader, query)
    prefix = f"/{lang}/{expected}"
    top = [path for path in results[:NEAR_THE_TOP] if path.startswith(prefix)]
    assert top, f"{query!r}: no {prefix}... among the first {NEAR_THE_TOP} results: {results[:10]}"
    reader.page.locator(f'.md-search-result__item > a[href*="{top[0]}"]').first.click()
    reader.page.wait_for_url(lambda url: urlsplit(url).path == top[0])
    assert reader.page.locator("article h1").first.is_visible()
    assert reader.problems == []
