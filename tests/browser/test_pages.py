"""Every page type in both languages, as a reader's browser meets it: it loads with no console error, no
failed request and nothing fetched from outside; axe-core finds no serious or critical violation; nothing
sticks out sideways at 375 px or 1280 px; the language switcher lands on the same page in the other language.
Screenshots of each page type in each language (the whole page at 1280 px, its top at 375 px) go to
test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from .support import (
    LANGUAGES,
    OTHER,
    PAGE_TYPES,
    SCREENSHOT_HEIGHT,
    SCREENSHOTS,
    WIDTHS,
    Reader,
    overflow,
    serious_violations,
)

pytestmark = pytest.mark.browser

EVERY_PAGE = [pytest.param(lang, kind, id=f"{lang}-{kind}") for lang in LANGUAGES for kind in PAGE_TYPES]


@pytest.mark.parametrize(("lang", "kind"), EVERY_PAGE)
def test_page_loads_cleanly_and_is_screenshotted(reader: Reader, lang: str, kind: str) -> None:
    reader.open(lang, PAGE_TYPES[kind], wait_until="networkidle")  # Material fetches the sitemap after the page
    page = reader.page
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1").first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = min(page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_HEIGHT)
    page.screenshot(path=SCREENSHOTS / f"{lang}-{kind}.png", full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": height})
    assert reader.problems == []


@pytest.mark.parametrize(("lang", "kind"), EVERY_PAGE)
def test_no_serious_or_critical_accessibility_violation(reader: Reader, lang: str, kind: str) -> None:
    reader.open(lang, PAGE_TYPES[kind])
    assert serious_violations(reader.page) == []


@pytest.mark.parametrize(("lang", "kind"), EVERY_PAGE)
def test_nothing_sticks_out_sideways_at_375_or_1280_px(reader: Reader, lang: str, kind: str) -> None:
    reader.open(lang, PAGE_TYPES[kind])
    found = {}
    for width in WIDTHS:
        reader.page.set_viewport_size({"width": width, "height": 800})
        found[width] = overflow(reader.page)
        if width < 1280:  # how the top of the page looks on a phone
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            reader.page.screenshot(path=SCREENSHOTS / f"{lang}-{kind}-{width}px.png")
    assert found == {width: [] for width in WIDTHS}


def test_the_reader_records_outside_requests_console_errors_and_missing_files(reader: Reader) -> None:
    reader.open("en")
    reader.page.evaluate("""async () => {
      await fetch('https://example.org/tracker.js').catch(() => null);
      await fetch('missing.css').catch(() => null);
      console.error('broken');
    }""")
    reader.page.wait_for_timeout(200)
    # The site's Content-Security-Policy refuses the outside request before it leaves, and says so.
    assert "CSP violation: connect-src refused https://example.org/tracker.js" in " ".join(reader.problems)
    assert f"HTTP 404: {reader.url('en', 'missing.css')}" in reader.problems
    assert "console error: broken" in reader.problems
    reader.page.set_content('<img src="https://example.org/pixel.png" alt="">')  # a page with no policy
    assert "request leaving the local server: https://example.org/pixel.png" in reader.problems


def test_the_reader_records_a_content_security_policy_violation(reader: Reader) -> None:
    """An inline script the build did not hash is refused, and the refusal is reported."""
    reader.open("en", PAGE_TYPES["model"])
    reader.page.evaluate("""() => { const script = document.createElement('script');
      script.textContent = 'window.injected = true'; document.body.append(script); }""")
    reader.page.wait_for_timeout(200)
    assert reader.page.evaluate("window.injected === undefined")
    assert any(problem.startswith("CSP violation: script-src-elem refused inline") for problem in reader.problems)


def test_the_overflow_check_sees_a_wide_element(reader: Reader) -> None:
    reader.page.set_viewport_size({"width": 375, "height": 800})
    reader.open("ko", PAGE_TYPES["model"])
    reader.page.evaluate("""() => { const wide = document.createElement('p'); wide.id = 'too-wide';
      wide.style.width = '600px'; wide.textContent = 'x'; document.querySelector('article').append(wide); }""")
    assert any(problem.startswith("p#too-wide spans") for problem in overflow(reader.page))


def test_the_accessibility_check_sees_a_violation(reader: Reader) -> None:
    reader.open("en", PAGE_TYPES["home"])
    reader.page.evaluate("""() => { const image = document.createElement('img'); image.src = 'data:,';
      document.querySelector('article').append(image); }""")
    assert any(" image-alt " in violation for violation in serious_violations(reader.page))


@pytest.mark.parametrize(("lang", "kind"), EVERY_PAGE)
def test_language_switcher_lands_on_the_same_page(reader: Reader, lang: str, kind: str) -> None:
    path, other = PAGE_TYPES[kind], OTHER[lang]
    reader.open(lang, path)
    page = reader.page
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    page.wait_for_url(reader.url(other, path))
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("article h1").first.is_visible()
    assert reader.problems == []
