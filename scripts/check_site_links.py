#!/usr/bin/env python3
"""Check the built site: every internal link and anchor resolves. `python scripts/check_site_links.py [SITE]`.

Reads every HTML file under the site folder (default site/), follows each `href` and `src` that stays inside
the site, and reports a link to a file that is not there (L001 broken-link) or to an `#anchor` that the target
page does not define (L002 broken-anchor), as `path:line:col: CODE rule: message`. External links are not
followed. Exit 0 when every link resolves, 1 otherwise, 2 when the folder does not exist.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from factbase.diagnostics import Diagnostic

ROOT = Path(__file__).resolve().parents[1]
# Attributes that load or link another URL.
LINK_ATTRIBUTES = {"href", "src"}
# Fragments every HTML page has without an element of that id (the HTML spec scrolls to the top).
IMPLICIT_ANCHORS = {"", "top"}


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    col: int  # 1-based, where the tag starts


@dataclass
class ParsedPage:
    anchors: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    canonical: str | None = None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        if tag == "link" and ("rel", "canonical") in attrs:
            self.page.canonical = dict(attrs).get("href")
            return
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.anchors.add(value)
            elif name in LINK_ATTRIBUTES:
                self.page.links.append(Link(value.strip(), line, offset + 1))


@cache
def parse_page(path: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def _internal_target(page: str, url: str, base_path: str) -> tuple[str, str] | None:
    """(site-relative path, fragment) that `url` on `page` points to; None for a URL outside the site.

    A root-relative URL (`/repo/en/x/`) is read against `base_path`, the URL path the site is served at.
    The returned path starts with `../` when the link leaves the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # http:, https:, mailto:, data:, //host/...: not part of this site
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment  # "#anchor" on the page itself
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return "../" + path.lstrip("/"), fragment
        base, path = "", path[len(base_path):]
    else:
        base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".":
        joined = "index.html"
    elif path.endswith("/"):
        joined += "/index.html"
    return joined, fragment


def _resolve(site: Path, relative: str) -> Path | None:
    """The file a site-relative path serves, as a static server does (a folder serves its index.html)."""
    if relative.startswith("../") or relative == "..":
        return None
    target = site / relative
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def served_at(site: Path) -> str:
    """The URL path the site is published under (`/repo/`), read from the first page's canonical link.

    Pages that must work at any depth (the 404 page) link root-relative, through this path."""
    for path in sorted(site.rglob("*.html")):
        canonical = parse_page(path).canonical
        if canonical is None:
            continue
        page_dir = path.parent.relative_to(site).as_posix()
        served = urlsplit(canonical).path
        suffix = "" if page_dir == "." else page_dir + "/"
        if served.endswith(suffix):
            return served[:len(served) - len(suffix)] or "/"
    return "/"


def check_page(site: Path, page: str, base_path: str = "/") -> list[Diagnostic]:
    """L001/L002 for every internal link on one page (`page` is relative to `site`, with `/`)."""
    found = []
    for link in parse_page(site / page).links:
        target = _internal_target(page, link.url, base_path)
        if target is None:
            continue
        relative, fragment = target
        resolved = _resolve(site, relative)
        if resolved is None:
            found.append(Diagnostic(
                page, link.line, link.col, "L001", "broken-link",
                f"{link.url!r} points to {relative}, which is not in the built site",
                "fix the link, or generate the page it names"))
        elif fragment not in IMPLICIT_ANCHORS and resolved.suffix == ".html" \
                and fragment not in parse_page(resolved).anchors:
            found.append(Diagnostic(
                page, link.line, link.col, "L002", "broken-anchor",
                f"{link.url!r}: {resolved.relative_to(site).as_posix()} has no element with id {fragment!r}",
                "link to an id the page defines, or add that id"))
    return found


def check_site(site: Path) -> list[Diagnostic]:
    """Every broken internal link and anchor in the built site, sorted by page and position."""
    parse_page.cache_clear()
    base_path = served_at(site)
    found: list[Diagnostic] = []
    for path in sorted(site.rglob("*.html")):
        found.extend(check_page(site, path.relative_to(site).as_posix(), base_path))
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"error: {args.site} is not a folder; build the site first (make build)", file=sys.stderr)
        return 2
    diagnostics = check_site(args.site)
    for diagnostic in diagnostics:
        print(diagnostic.format_text())
    pages = sum(1 for _ in args.site.rglob("*.html"))
    broken = len(diagnostics)
    print(f"{pages} page{'s' if pages != 1 else ''}, {broken} broken link{'s' if broken != 1 else ''}",
          file=sys.stderr)
    return 1 if diagnostics else 0


if __name__ == "__main__":
    sys.exit(main())
