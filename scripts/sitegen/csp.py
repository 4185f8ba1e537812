"""A Content-Security-Policy on every page, as a `<meta>` tag: the site loads nothing from anywhere else and
runs no script it did not ship.

- `default-src 'self'`: scripts, styles, fonts, the search index and its worker come from the site itself;
- an inline script runs only if its SHA-256 is listed. Material's theme writes small inline scripts whose
  text differs from page to page (`__md_scope=new URL("../..", location)`), so each page's policy lists the
  hashes of the inline scripts of the rendered page (`with_csp`). Fact text is escaped by the templates, so
  no script comes from it; a script added to a page later (by an extension, in the browser) is refused, as
  are `on...=` attributes and `javascript:` links, which are never hashed;
- `img-src 'self' data:`: Material draws its icons as `data:` SVGs in its stylesheet;
- `style-src 'self' 'unsafe-inline'`: Material's scripts set `style` attributes (the header, the sidebar
  height) and no style can run code;
- `'wasm-unsafe-eval'`: the search engine (Pagefind, served from the site's own `pagefind/` folder) is
  WebAssembly, which a browser compiles only with this grant; it allows no `eval` of script text;
- `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`.

This file is also an MkDocs hook module (mkdocs.yml `hooks:`): it needs nothing but the standard library.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

# An inline <script> a browser runs: no `src`, and no `type` or a JavaScript one (JSON and JSON-LD blocks
# are data: they are never run, and need no hash).
_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_RUNS = re.compile(r"""\btype\s*=\s*["']?(?!(?:text/javascript|module|application/javascript)\b)""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
CSP_META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def inline_script_hashes(html: str) -> list[str]:
    """`'sha256-...'` of each inline script the page runs, in the form CSP lists them."""
    hashes = set()
    for script in _SCRIPT.finditer(html):
        attributes = script.group("attributes")
        if re.search(r"\bsrc\s*=", attributes, re.I) or _RUNS.search(attributes):
            continue
        digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


def policy(html: str) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)])
    return (f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'")


def with_csp(html: str) -> str:
    """The page with its policy as the first element of `<head>`, before anything it governs."""
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("a page without <head>: no Content-Security-Policy can be set")
    meta = CSP_META.format(policy=policy(html))
    return html[:head.end()] + meta + html[head.end():]


def on_post_page(output: str, page: Any, config: Any) -> str:
    return with_csp(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """404.html and the other theme templates that are pages of their own."""
    return with_csp(output_content) if template_name.endswith(".html") else output_content
