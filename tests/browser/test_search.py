"""Search, as a reader uses it: the public query set (tests/search_queries.yaml) typed key by key, Hangul
through an input method's composition events, finds the expected page first for at least 90% of the queries
and among the first three for all; a page load fetches nothing of the search, opening it fetches only the
search's own files; the keys "/", "s" and "f" open it in both languages; results say what they are."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, Request
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .support import LANGUAGES, PAGE_TYPES, ROOT, Reader, is_hangul, serious_violations

pytestmark = pytest.mark.browser

QUERY_SET = ROOT / "tests" / "search_queries.yaml"
FIRST_SHARE = 0.9
NEAR_THE_TOP = 3
# What opening search may fetch: Pagefind's engine, index and fragments, and the name shards.
SEARCH_FILES = re.compile(r"/(ko|en)/(pagefind|search-names)/")
# Chromium asks for the tab's icon on its own schedule, sometimes after the page is idle: not the page's doing.
TAB_ICON = re.compile(r"/(ko|en)/assets/images/favicon\.png$")
# Compatibility jamo of the 19 initial consonants, as an input method shows them before the vowel.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def load_queries(path: Path = QUERY_SET) -> list[dict[str, str]]:
    queries: list[dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return queries


def composition_stages(syllable: str) -> list[str]:
    """What a Korean input method shows while a syllable is typed: 각 is ㄱ, 가, 각."""
    code = ord(syllable) - 0xAC00
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    open_syllable = chr(0xAC00 + initial * 588 + vowel * 28)
    return [INITIALS[initial], open_syllable] + ([syllable] if final else [])


def type_like_a_reader(page: Page, query: str) -> None:
    """Types the query into the focused box key by key: Latin letters, digits and spaces as key presses,
    each Hangul syllable as an input-method composition, committed when the next character starts. The
    last syllable stays in composition, as it does until the reader presses another key: the search must
    not need that key."""
    cdp = page.context.new_cdp_session(page)
    pending = ""
    try:
        for character in query:
            if pending:
                cdp.send("Input.insertText", {"text": pending})  # commits the composed syllable
                pending = ""
            if "\uac00" <= character <= "\ud7a3":
                for stage in composition_stages(character):
                    cdp.send("Input.imeSetComposition", {"text": stage, "selectionStart": len(stage),
                                                         "selectionEnd": len(stage)})
                    page.wait_for_timeout(15)
                pending = character
            else:
                page.keyboard.press(character if character != " " else "Space")
                page.wait_for_timeout(15)
    finally:
        cdp.detach()


def results_for(page: Page, query: str) -> list[str]:
    """The paths of the results listed for `query`, best first, once the search has answered it."""
    try:
        page.wait_for_function("""q => document.querySelector('[data-kf-search]').getAttribute('data-kf-query') === q
            && document.querySelector('.md-search__input').value === q""", arg=query, timeout=15_000)
    except PlaywrightTimeoutError:
        shown = page.locator(".md-search-result").inner_text()
        pytest.fail(f"no answer for {query!r} after 15 s; the search shows: {shown[:300]!r}")
    links: list[str] = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    return [urlsplit(link).path for link in links]


def search(reader: Reader, query: str) -> list[str]:
    box = reader.page.locator("input.md-search__input")
    box.fill("")
    box.click()
    type_like_a_reader(reader.page, query)
    return results_for(reader.page, query)


def test_the_query_set_finds_the_expected_pages(reader: Reader) -> None:
    queries = load_queries()
    assert len(queries) >= 40
    assert {q["lang"] for q in queries} == set(LANGUAGES)
    assert any(is_hangul(c) for q in queries for c in q["query"]), "the set has Korean queries"
    ranks: list[tuple[dict[str, str], int | None, list[str]]] = []
    for lang in LANGUAGES:
        reader.open(lang)
        for query in (q for q in queries if q["lang"] == lang):
            results = search(reader, query["query"])
            expected = f"/{lang}/{query['expected']}"
            rank = results.index(expected) + 1 if expected in results else None
            ranks.append((query, rank, results[:NEAR_THE_TOP]))
    first = sum(1 for _, rank, _ in ranks if rank == 1)
    report = "\n".join(f"  [{q['lang']}] {q['query']!r}: expected {q['expected']} at {rank}; first three {top}"
                       for q, rank, top in ranks if rank != 1)
    assert all(rank is not None and rank <= NEAR_THE_TOP for _, rank, _ in ranks), \
        f"expected pages not among the first {NEAR_THE_TOP}:\n{report}"
    assert first >= FIRST_SHARE * len(ranks), f"{first} of {len(ranks)} first:\n{report}"
    assert reader.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_load_fetches_no_search_data_and_opening_search_only_the_search(reader: Reader, lang: str) -> None:
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(urlsplit(request.url).path)

    reader.page.on("request", record)
    reader.open(lang, PAGE_TYPES["model"], wait_until="networkidle")
    assert [path for path in requests if SEARCH_FILES.search(path) or "search_index" in path] == []
    loaded = len(requests)
    reader.page.keyboard.press("/")
    assert reader.page.locator("#__search").is_checked()
    query = "오픈소스" if lang == "ko" else "open source"  # one page is named by it: Pagefind ranks the rest
    type_like_a_reader(reader.page, query)
    assert results_for(reader.page, query)
    reader.page.wait_for_load_state("networkidle")
    opened = [path for path in requests[loaded:] if not TAB_ICON.search(path)]
    assert [path for path in opened if not SEARCH_FILES.search(path)] == [], "opening search fetched more"
    assert any("/pagefind/index/" in path for path in opened) and any("/search-names/" in path for path in opened)
    assert reader.problems == []


def test_names_that_fill_the_first_results_fetch_no_index_chunk_until_more_is_asked(reader: Reader) -> None:
    """"EXAONE" names more than five records: they are the first five results, found in the name shards, and
    Pagefind's index is fetched only for "more results"; the count says it is a lower bound until then."""
    requests: list[str] = []
    reader.page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    reader.open("en", PAGE_TYPES["model"], wait_until="networkidle")
    reader.page.keyboard.press("/")
    type_like_a_reader(reader.page, "EXAONE")
    first = results_for(reader.page, "EXAONE")
    reader.page.wait_for_load_state("networkidle")
    assert len(first) == 5 and first[0] == "/en/models/exaone-1-0/"
    assert not any("/pagefind/index/" in path for path in requests)
    assert "or more matching documents" in reader.page.locator(".md-search-result__meta").inner_text()
    more, shown = reader.page.locator(".kf-search-more"), 5
    while more.is_visible() and not any("/pagefind/index/" in path for path in requests):  # names run out
        more.click()
        reader.page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n"
                                      " || document.querySelector('.kf-search-more').hidden", arg=shown)
        reader.page.wait_for_load_state("networkidle")
        shown = reader.page.locator(".md-search-result__item").count()
    assert any("/pagefind/index/" in path for path in requests)
    assert reader.problems == []


@pytest.mark.parametrize("key", ["/", "s", "f"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_keyboard_shortcut_opens_search_and_escape_closes_it(reader: Reader, lang: str, key: str) -> None:
    reader.open(lang, PAGE_TYPES["organization"])
    reader.page.keyboard.press(key)
    assert reader.page.locator("#__search").is_checked()
    assert reader.page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert reader.page.locator(".md-search__input").input_value() == "", f"{key!r} was typed into the box"
    reader.page.keyboard.press("Escape")
    assert not reader.page.locator("#__search").is_checked()
    assert reader.problems == []


@pytest.mark.parametrize(("lang", "query", "label"),
                         [("ko", "3000억", "파라미터"), ("en", "300 billion", "Parameters")])
def test_results_say_what_they_are(reader: Reader, lang: str, query: str, label: str) -> None:
    reader.open(lang)
    results = search(reader, query)
    assert results and results[0] == f"/{lang}/models/exaone-1-0/"
    first = reader.page.locator(".md-search-result__item").first
    heading = first.locator("h1").inner_text()
    assert heading.split()[0] in ("모델", "Model") and ("엑사원 1.0" in heading or "EXAONE 1.0" in heading)
    shown = first.locator("p").inner_text()
    assert shown.startswith(f"{label}"), f"not label: value: {shown!r}"
    assert ":" in shown and first.locator("mark").count() >= 1
    every = reader.page.locator(".md-search-result").inner_text()
    assert not re.search(r"\[\d+\]", every), f"footnote markers in the results: {every[:300]!r}"
    assert serious_violations(reader.page) == []
    assert reader.problems == []


def test_a_result_opens_its_page(reader: Reader) -> None:
    reader.open("en", PAGE_TYPES["source"])
    results = search(reader, "HyperCLOVA")
    assert results[0] == "/en/models/hyperclova/"
    reader.page.keyboard.press("Enter")
    reader.page.wait_for_url(lambda url: urlsplit(url).path == results[0])
    assert reader.page.locator("article h1").first.inner_text() == "HyperCLOVA"
    assert not reader.page.locator("#__search").is_checked()
    assert reader.problems == []


def test_composition_stages_are_those_of_a_korean_input_method() -> None:
    assert composition_stages("각") == ["ㄱ", "가", "각"]
    assert [composition_stages(c) for c in "엑사원"] == [["ㅇ", "에", "엑"], ["ㅅ", "사"], ["ㅇ", "워", "원"]]


def test_five_results_at_first_and_more_on_request(reader: Reader) -> None:
    reader.open("en")
    assert len(search(reader, "EXAONE")) == 5
    more = reader.page.locator(".kf-search-more")
    assert more.is_visible()
    more.click()
    reader.page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 5")
    links = reader.page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    assert len(links) == len(set(links)), "a result listed twice"
    assert reader.problems == []
