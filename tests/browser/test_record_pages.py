"""Record pages in a reader's browser at 375 px and 1280 px in both languages (issue 16): every model page
shows its infobox with every field (every model at 1280 px, a sample at 375 px), a footnote and its back-link
take the reader there and back, and the model, family, organisation and source pages are screenshotted at both
widths for review."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import LANGUAGES, ROOT, SCREENSHOT_HEIGHT, SCREENSHOTS, WIDTHS, Reader

pytestmark = pytest.mark.browser

MODELS = sorted(path.stem for path in (ROOT / "facts" / "models").glob("*.yaml"))
# Every model page at the widest view; at the narrower ones, where only the layout differs (the rows and their
# text are the same HTML), every eighth model and the record pages below: the whole set at every width cost
# six minutes of each test run.
MODELS_AT = {width: MODELS if width == max(WIDTHS) else MODELS[::8] for width in WIDTHS}
EVERY_VIEW = [pytest.param(lang, width, id=f"{lang}-{width}px") for lang in LANGUAGES for width in WIDTHS]
# The rows every model page shows (INFOBOX_FIELDS but the rows shown only where a source states them).
ROWS = ["developer", "family", "predecessor", "successor", "announced", "released", "parameters", "context_length",
        "training_data", "license", "availability", "modalities", "languages"]
RECORD_PAGES = {
    "model": "models/exaone-3-0-7-8b/",
    "model-benchmarks": "models/exaone-3-5-2-4b/",
    "family": "models/exaone-3-0/",
    "family-disputed": "models/kogpt/",
    "organization": "organizations/lg-ai-research/",
    "source": "sources/lg-ai-research-exaone-3-0-readme/",
}

# Each infobox row: its id, whether it is drawn, and the text of its cell.
INFOBOX_JS = """() => [...document.querySelectorAll('#at-a-glance + table > tbody > tr')].map(row => {
  const box = row.getBoundingClientRect();
  return [row.id.replace('infobox-', ''), box.width > 0 && box.height > 0, row.querySelector('td').innerText.trim()];
})"""


@pytest.mark.parametrize(("lang", "width"), EVERY_VIEW)
def test_every_model_page_shows_its_infobox_with_every_field(reader: Reader, lang: str, width: int) -> None:
    reader.page.set_viewport_size({"width": width, "height": 900})
    problems = []
    sampled = {path.split("/")[1] for path in RECORD_PAGES.values() if path.startswith("models/")}
    for model_id in sorted({*MODELS_AT[width], *sampled}):
        reader.open(lang, f"models/{model_id}/", wait_until="domcontentloaded")
        expect(reader.page.locator(".kf-infobox")).to_be_visible()
        rows = reader.page.evaluate(INFOBOX_JS)
        shown = [key for key, _, _ in rows if key in ROWS]
        if shown != ROWS:
            problems.append(f"{model_id}: rows {shown}")
        problems += [f"{model_id} {key}: {'hidden' if not drawn else 'empty'}" for key, drawn, text in rows
                     if not drawn or not text]
    assert problems == []
    # the next page's opening cuts off what the last one still loaded (the search worker): that is no problem
    assert [problem for problem in reader.problems if not problem.endswith("(net::ERR_ABORTED)")] == []


@pytest.mark.parametrize(("lang", "width"), EVERY_VIEW)
def test_a_footnote_and_its_back_link_round_trip(reader: Reader, lang: str, width: int) -> None:
    reader.page.set_viewport_size({"width": width, "height": 800})
    path = RECORD_PAGES["family"]
    reader.open(lang, path)
    page = reader.page
    claim = page.locator("table.kf-claims ul.kf-values > li[id]").last
    claim_id = claim.get_attribute("id")
    marker = claim.locator("sup.kf-cite a").first
    note_id = (marker.get_attribute("href") or "").removeprefix("#")
    assert note_id.startswith("kf-note-")
    note = page.locator(f"li#{note_id}")
    expect(note).not_to_be_in_viewport()
    marker.click()
    page.wait_for_url(f"**/{path}#{note_id}")
    expect(note).to_be_in_viewport()
    back = note.locator(f'a.kf-backlink[href="#{claim_id}"]')
    expect(back).to_have_count(1)
    back.click()
    page.wait_for_url(f"**/{path}#{claim_id}")
    assert page.evaluate("document.querySelector(':target').id") == claim_id
    expect(claim).to_be_in_viewport()
    assert reader.problems == []


@pytest.mark.parametrize(("lang", "width"), EVERY_VIEW)
def test_record_pages_are_screenshotted(reader: Reader, lang: str, width: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    reader.page.set_viewport_size({"width": width, "height": 900})
    for kind, path in RECORD_PAGES.items():
        reader.open(lang, path)
        height = min(reader.page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_HEIGHT)
        target = SCREENSHOTS / f"record-{kind}-{lang}-{width}px.png"
        reader.page.screenshot(path=target, full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
        assert target.stat().st_size > 10_000, f"{target.name}: an empty screenshot"
    assert reader.problems == []
