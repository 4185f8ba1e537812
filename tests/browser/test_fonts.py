"""Korean text renders in a Korean font, not as tofu boxes: on the Korean site, and where the English site
shows a Korean name. Without a Korean font (fonts-nanum) the check fails, as the second test shows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from .support import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, Reader, korean_font_problems

pytestmark = pytest.mark.browser

# fontconfig as the system has it, minus every font that covers Korean.
WITHOUT_KOREAN_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>ko</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
"""


@pytest.mark.parametrize(("lang", "kind", "selector"), [
    ("ko", "home", "article h1"),
    ("ko", "home", "article p"),
    ("ko", "model", ".kf-claims tbody th"),
    ("en", "model", '.kf-names span[lang="ko"]'),
])
def test_korean_text_renders_in_a_korean_font(reader: Reader, lang: str, kind: str, selector: str) -> None:
    reader.open(lang, PAGE_TYPES[kind])
    assert korean_font_problems(reader.page, selector) == []


def test_the_check_fails_without_a_korean_font(playwright: Playwright, site_url: str, tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(WITHOUT_KOREAN_FONTS, encoding="utf-8")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                         env={**os.environ, "FONTCONFIG_FILE": str(config)})
    try:
        page = browser.new_page()
        page.goto(f"{site_url}/ko/")
        problems = korean_font_problems(page, "article h1")
    finally:
        browser.close()
    assert len(problems) == 2
    assert "glyphs in a Korean font" in problems[0] and "install fonts-nanum" in problems[0]
    assert problems[1].endswith(": tofu")
