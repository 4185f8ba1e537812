"""What readers do on a page: filter the timeline and the partner directory, and open a footnote citation
to read its quote."""

from __future__ import annotations

from typing import Any

import pytest
from factbase.archive import normalise
from factbase.records import iter_claims, load_record
from playwright.sync_api import expect

from .support import LANGUAGES, PAGE_TYPES, ROOT, Reader

pytestmark = pytest.mark.browser

# Each filterable page and the items its filters hide or show.
FILTERED = {"timeline": ".kf-event", "directory": ".kf-row"}

# For every item: the values it has for each filter, and whether the browser renders it.
ITEMS_JS = """selector => {
  const filters = [...document.querySelectorAll('select[data-filter]')].map(select => select.dataset.filter);
  return [...document.querySelectorAll(selector)].map(item => ({
    values: Object.fromEntries(filters.map(f => [f, (item.getAttribute('data-' + f) || '').split(' ')])),
    shown: item.getClientRects().length > 0,
  }));
}"""
# Every year heading of the timeline, and whether it and any event under it are rendered.
YEARS_JS = """() => [...document.querySelectorAll("h2[id^='year-']")].map(heading => ({
  year: heading.id,
  shown: heading.getClientRects().length > 0,
  events: [...heading.nextElementSibling.querySelectorAll('.kf-event')].some(e => e.getClientRects().length > 0),
}))"""


def filters(reader: Reader) -> dict[str, list[str]]:
    """Each filter's name and the values it offers (the empty 'all' option left out)."""
    found: dict[str, list[str]] = reader.page.locator("select[data-filter]").evaluate_all(
        """selects => Object.fromEntries(selects.map(select => [select.dataset.filter,
             [...select.options].map(option => option.value).filter(Boolean)]))""")
    return found


def choose(reader: Reader, kind: str, chosen: dict[str, str]) -> list[dict[str, Any]]:
    """Selects a value in each filter (others back to 'all'); the items as the reader then sees them."""
    for name in filters(reader):
        reader.page.locator(f'select[data-filter="{name}"]').select_option(chosen.get(name, ""))
    items: list[dict[str, Any]] = reader.page.evaluate(ITEMS_JS, FILTERED[kind])
    return items


def wrongly_shown(items: list[dict[str, Any]], chosen: dict[str, str]) -> list[dict[str, Any]]:
    """Items shown that do not match every chosen value, or hidden that do."""
    return [item for item in items
            if item["shown"] != all(value in item["values"][name] for name, value in chosen.items())]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", FILTERED)
def test_each_filter_value_shows_exactly_the_matching_items(reader: Reader, lang: str, kind: str) -> None:
    reader.open(lang, PAGE_TYPES[kind])
    everything = choose(reader, kind, {})
    assert everything and all(item["shown"] for item in everything)
    hidden_any = False
    for name, values in filters(reader).items():
        assert values, f"the {name} filter offers nothing to choose"
        for value in values:
            items = choose(reader, kind, {name: value})
            assert wrongly_shown(items, {name: value}) == [], f"{name}={value}"
            assert any(item["shown"] for item in items), f"{name}={value} hides everything"
            hidden_any = hidden_any or not all(item["shown"] for item in items)
    assert hidden_any, "no filter value hides anything"
    assert all(item["shown"] for item in choose(reader, kind, {})), "choosing 'all' again shows everything"
    assert reader.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", FILTERED)
def test_two_filters_together_show_only_items_matching_both(reader: Reader, lang: str, kind: str) -> None:
    reader.open(lang, PAGE_TYPES[kind])
    items = choose(reader, kind, {})
    first, second = list(filters(reader))
    # the pair of values that the most items share, so that the combination shows something
    pairs = [(a, b) for item in items for a in item["values"][first] for b in item["values"][second] if a and b]
    a, b = max(set(pairs), key=pairs.count)
    chosen = {first: a, second: b}
    items = choose(reader, kind, chosen)
    assert wrongly_shown(items, chosen) == []
    assert 0 < sum(item["shown"] for item in items) < len(items)


def test_the_filter_check_notices_a_filter_that_does_nothing(reader: Reader) -> None:
    reader.open("en", PAGE_TYPES["directory"])
    # a copy of each select without its change listener: choosing a value then hides nothing
    reader.page.evaluate("""() => document.querySelectorAll('select[data-filter]')
        .forEach(select => select.replaceWith(select.cloneNode(true)))""")
    name, values = next(iter(filters(reader).items()))
    assert wrongly_shown(choose(reader, "directory", {name: values[0]}), {name: values[0]}) != []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_years_without_a_shown_event_are_hidden(reader: Reader, lang: str) -> None:
    reader.open(lang, PAGE_TYPES["timeline"])
    hidden_years = 0
    for organization in filters(reader)["orgs"]:
        choose(reader, "timeline", {"orgs": organization})
        years = reader.page.evaluate(YEARS_JS)
        assert [year for year in years if year["shown"] != year["events"]] == [], organization
        hidden_years += sum(not year["shown"] for year in years)
    assert hidden_years, "no organisation's events leave a year out"


def quotes_of(model_id: str) -> dict[str, dict[str, Any]]:
    """Every citation of a model record, by its quote (normalised as the validator compares quotes)."""
    path = ROOT / "facts" / "models" / f"{model_id}.yaml"
    record, diagnostics = load_record(path, str(path))
    assert record is not None, diagnostics
    return {normalise(citation["quote"]): citation
            for claim in iter_claims(record) for _, citation in claim.citations()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_footnote_citation_opens_and_shows_its_quote(reader: Reader, lang: str) -> None:
    path = PAGE_TYPES["model"]
    reader.open(lang, path)
    page = reader.page
    citation_link = page.locator("table.kf-claims sup.kf-cite a").last
    target = citation_link.get_attribute("href") or ""
    assert target.startswith("#kf-note-")
    note = page.locator(f"li{target}")
    expect(note).not_to_be_in_viewport()
    citation_link.click()
    page.wait_for_url(f"**/{path}{target}")
    assert page.evaluate("document.querySelector(':target').id") == target[1:]
    expect(note).to_be_in_viewport()
    quote = note.locator("blockquote.kf-quote")
    expect(quote).to_be_visible()
    citations = quotes_of(path.split("/")[1])
    shown = normalise(quote.inner_text())
    assert shown in citations, f"the note shows {shown!r}, which is no quote of the record"
    if citations[shown].get("quote_en"):
        expect(note.locator(".kf-quote-en")).to_contain_text(citations[shown]["quote_en"])
    assert reader.problems == []
