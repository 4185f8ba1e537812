"""The built site, read as HTML, against the harms of issue 15: a Content-Security-Policy on every page that
lists exactly the inline scripts the page runs, and a non-ASCII link host shown with its punycode."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup
from sitegen.csp import with_csp
from sitegen.views import external_link


def _policy(head: BeautifulSoup) -> str:
    first = head.find(True)
    assert first is not None and first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", \
        "the policy must come first in <head>, before anything it governs"
    return str(first["content"])


def test_every_page_has_a_policy_that_hashes_exactly_its_inline_scripts(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert soup.head is not None, page
        policy = _policy(soup.head)
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'", page
        runs = [s.string or "" for s in soup.find_all("script") if not s.get("src")
                and s.get("type", "text/javascript") in ("text/javascript", "module")]
        wanted = {f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'" for text in runs}
        sources = set(directives["script-src"].split())
        # the search engine is WebAssembly (Pagefind): compiling it is allowed, running script text is not
        assert {"'self'", "'wasm-unsafe-eval'"} <= sources, page
        assert sources - {"'self'", "'wasm-unsafe-eval'"} == wanted, page
        assert not sources & {"'unsafe-inline'", "'unsafe-eval'"}
        assert not soup.find(attrs={re.compile(r"^on"): True}), f"{page}: an inline event handler"


def test_an_inline_script_the_page_did_not_have_is_not_in_its_policy() -> None:
    page = "<html><head><title>t</title><script>var ok = 1;</script></head><body></body></html>"
    secured = with_csp(page)
    injected = secured.replace("</body>", "<script>alert(1)</script></body>")
    assert "'sha256-" in secured
    digest = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert digest not in injected.split("</head>")[0]


def test_a_non_ascii_host_is_linked_in_ascii_and_shown_with_its_punycode() -> None:
    assert external_link("https://한국.kr/news?id=1") == {"href": "https://xn--3e0b707e.kr/news?id=1",
                                                          "text": "https://한국.kr/news?id=1 (xn--3e0b707e.kr)"}
    assert external_link("https://github.com/LG-AI-EXAONE") == {"href": "https://github.com/LG-AI-EXAONE",
                                                                "text": "https://github.com/LG-AI-EXAONE"}
