"""Every internal link and anchor of the built site resolves (scripts/check_site_links.py), and the checker
reports a broken link or anchor with its page, line, column and code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, load_script

check_site = load_script("check_site_links").check_site

PAGE = """<!doctype html>
<html><head><link rel="canonical" href="https://example.org/repo/{canonical}"></head>
<body>
<h1 id="top-heading">Page</h1>
{body}
</body></html>
"""


def write_site(root: Path, pages: dict[str, str]) -> Path:
    """A small built site: {relative path: body}; each page's canonical URL is under /repo/."""
    for relative, body in pages.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        canonical = relative.removesuffix("index.html")
        path.write_text(PAGE.format(canonical=canonical, body=body), encoding="utf-8")
    return root


def test_the_built_site_has_no_broken_link_or_anchor(built_site: Path) -> None:
    diagnostics = check_site(built_site)
    assert diagnostics == [], "\n".join(d.format_text() for d in diagnostics)


def test_links_that_resolve_are_not_reported(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "index.html": '<a href="ko/">ko</a> <a href="ko/models/a/#claims">claims</a> <a href="#top">top</a>',
        "ko/index.html": '<a href="../">root</a> <a href="models/a/">a</a> <a href="https://example.com/x">x</a>'
                         ' <a href="mailto:a@example.org">mail</a> <img src="logo.png" alt="">',
        "ko/models/a/index.html": '<h2 id="claims">Claims</h2> <a href="../../">up</a>'
                                  ' <a href="../../../ko/models/a/#top-heading">self</a>',
        "ko/404.html": '<a href="/repo/ko/models/a/#claims">a</a>',
    })
    (site / "ko" / "logo.png").write_bytes(b"png")
    assert check_site(site) == []


def test_a_link_to_a_missing_page_is_L001_at_its_tag(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ko/index.html": '<p>see\n<a href="models/gone/">gone</a></p>'})
    [diagnostic] = check_site(site)
    assert (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.code, diagnostic.rule) == \
        ("ko/index.html", 6, 1, "L001", "broken-link")
    assert diagnostic.message == "'models/gone/' points to ko/models/gone/index.html, which is not in the built site"


def test_a_missing_anchor_on_another_page_is_L002(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "en/index.html": 'x <a href="models/a/#kf-note-3">[3]</a>',
        "en/models/a/index.html": '<li id="kf-note-1">quote</li>',
    })
    [diagnostic] = check_site(site)
    assert (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.code) == ("en/index.html", 5, 3, "L002")
    assert diagnostic.message == "'models/a/#kf-note-3': en/models/a/index.html has no element with id 'kf-note-3'"


def test_a_missing_anchor_on_the_same_page_is_L002(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"en/index.html": '<sup><a href="#kf-note-9">[9]</a></sup>'})
    [diagnostic] = check_site(site)
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("L002", 5, 6)
    assert diagnostic.message == "'#kf-note-9': en/index.html has no element with id 'kf-note-9'"


def test_a_link_that_climbs_out_of_the_site_is_broken(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ko/index.html": '<a href="../../elsewhere/">out</a>'})
    [diagnostic] = check_site(site)
    assert diagnostic.code == "L001"
    assert diagnostic.message == "'../../elsewhere/' points to ../elsewhere/index.html, which is not in the built site"


def test_a_root_relative_link_is_read_against_the_published_path(tmp_path: Path) -> None:
    """The 404 page links root-relative (/repo/ko/...): outside /repo/ it cannot resolve once published."""
    site = write_site(tmp_path, {
        "ko/index.html": "home",
        "ko/404.html": '<a href="/repo/ko/">home</a>\n<a href="/ko/">wrong</a>\n<a href="/repo/ko/nope/">nope</a>',
    })
    assert [(d.line, d.code, d.message) for d in check_site(site)] == [
        (6, "L001", "'/ko/' points to ../ko/, which is not in the built site"),
        (7, "L001", "'/repo/ko/nope/' points to ko/nope/index.html, which is not in the built site"),
    ]


def test_the_command_line_prints_located_errors_and_exits_1(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ko/index.html": '<a href="gone/">gone</a>'})
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_site_links.py"), str(site)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "ko/index.html:5:1: L001 broken-link: 'gone/' points to ko/gone/index.html, which is not in the built site",
        "    fix: fix the link, or generate the page it names",
    ]
    assert result.stderr.strip() == "1 page, 1 broken link"
