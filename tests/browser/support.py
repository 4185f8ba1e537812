"""What the browser tests share: the page types, a reader's tab that records every problem it meets, and
the in-page checks (overflow, accessibility, fonts)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run",
                 # no host name resolves but the local server's: a request meant elsewhere fails at once
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LANGUAGES = ("ko", "en")
OTHER = {"ko": "en", "en": "ko"}

# One page of each type, by its path under the language root (the two languages mirror each other).
PAGE_TYPES = {
    "home": "",
    "models": "models/",
    "model": "models/exaone-3-0-7-8b/",
    "family": "models/exaone-3-0/",
    "parameters": "parameters/",
    "organization": "organizations/lg-ai-research/",
    "directory": "organizations/",
    "timeline": "timeline/",
    "sources": "sources/",
    "source": "sources/chosun-2024-12-05-open-source-every-six-months/",
    "disputed": "disputed/",
    "coverage": "coverage/",
    "how-we-check": "how-we-check/",
    "reference": "reference/",
    "downloads": "downloads/",
}
# Viewport widths: a small phone and a laptop.
WIDTHS = (375, 1280)
# Full-page screenshots stop at this height (the field reference is over 100,000 px tall at 1280 px).
SCREENSHOT_HEIGHT = 10_000


# Reports each Content-Security-Policy violation (the page's policy refused a script, a style, a request).
CSP_LISTENER = """document.addEventListener('securitypolicyviolation', event => window.kfCspViolation(
  `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));"""


@dataclass
class Reader:
    """A browser tab on the local site that records console errors, failed requests, HTTP errors, any
    request meant for another host than the local server (Chromium resolves no other host name) and any
    Content-Security-Policy violation."""

    page: Page
    base: str  # http://127.0.0.1:<port>
    problems: list[str] = field(default_factory=list)

    def url(self, lang: str, path: str = "") -> str:
        return f"{self.base}/{lang}/{path}"

    def open(self, lang: str, path: str = "", wait_until: Any = "load") -> None:
        response = self.page.goto(self.url(lang, path), wait_until=wait_until)
        assert response is not None and response.ok, f"{self.url(lang, path)}: HTTP {response and response.status}"

    def watch(self) -> None:
        page = self.page
        page.expose_function("kfCspViolation", lambda text: self.problems.append(f"CSP violation: {text}"))
        page.add_init_script(CSP_LISTENER)
        page.on("request", lambda request: None if self.is_local(request.url) else self.problems.append(
            f"request leaving the local server: {request.url}"))
        page.on("console", lambda message: self.problems.append(f"console {message.type}: {message.text}")
                if message.type in ("error", "assert") else None)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", lambda request: self.problems.append(
            f"failed request: {request.url} ({request.failure})"))
        page.on("response", lambda response: self.problems.append(f"HTTP {response.status}: {response.url}")
                if response.status >= 400 else None)

    def is_local(self, url: str) -> bool:
        return url.startswith(self.base + "/") or url.startswith(("data:", "blob:", "about:"))


# Elements of the page's content that stick out of the viewport, and boxes that scroll sideways.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const found = [];
  for (const root of [document.documentElement, document.body]) {
    if (root.scrollWidth > width) found.push(`${describe(root)} is ${root.scrollWidth}px wide`);
  }
  for (const el of document.querySelectorAll('.md-content *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (box.right > width + 1 || box.left < -1) {
      found.push(`${describe(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
    } else if (/auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${describe(el)} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
  }
  return found.slice(0, 20);
}"""


def overflow(page: Page) -> list[str]:
    result: list[str] = page.evaluate(OVERFLOW_JS)
    return result


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per violation and element."""
    assert AXE.is_file(), f"{AXE} is missing: run `make browser` (npm ci installs the pinned axe-core)"
    page.evaluate(AXE.read_text("utf-8") + "\n;undefined")  # run by the test driver: the page's CSP refuses inline
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
      .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
      .flatMap(v => v.nodes.slice(0, 5).map(n => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}`))""")
    return list(violations)


def korean_font_families() -> set[str]:
    """Every font family fontconfig knows that covers Korean (every name it lists, in any language)."""
    fc_list = shutil.which("fc-list")
    assert fc_list, "fc-list is missing: install fontconfig and fonts-nanum (make browser)"
    listing = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True, check=True).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}


def is_hangul(character: str) -> bool:
    return unicodedata.name(character, "").startswith("HANGUL")


def korean_font_problems(page: Page, selector: str) -> list[str]:
    """Why the Hangul in the element at `selector` is not rendered in a Korean font (empty when it is).

    Two views: the fonts Chromium actually drew the element's glyphs with (DevTools protocol), and the width
    of Hangul next to that of characters no font has, which draw as identical tofu boxes."""
    text = page.locator(selector).first.inner_text()
    hangul = sum(1 for character in text if is_hangul(character))
    assert hangul, f"{selector} has no Hangul to check: {text!r}"
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        document = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": document, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    korean = korean_font_families()
    drawn_in_korean = sum(font["glyphCount"] for font in fonts if font["familyName"] in korean)
    problems = []
    if drawn_in_korean < hangul:
        used = ", ".join(f"{font['familyName']} ({font['glyphCount']} glyphs)" for font in fonts)
        problems.append(f"{selector}: {hangul} Hangul characters, {drawn_in_korean} glyphs in a Korean font "
                        f"(fonts used: {used}; Korean fonts installed: {sorted(korean) or 'none'}); "
                        "install fonts-nanum (make browser)")
    widths = page.evaluate("""([selector, hangul]) => {
      const context = document.createElement('canvas').getContext('2d');
      context.font = '20px ' + getComputedStyle(document.querySelector(selector)).fontFamily;
      return [context.measureText(hangul).width, context.measureText('\\u0378'.repeat(hangul.length)).width];
    }""", [selector, "한국어팩트북"])
    if abs(widths[0] - widths[1]) < 0.5:
        problems.append(f"{selector}: Hangul is as wide as missing-glyph boxes ({widths[0]:.1f}px): tofu")
    return problems
