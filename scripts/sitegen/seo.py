"""How the site is found in both languages: each language's address from the one site address in mkdocs.yml,
every page's canonical link, `hreflang` alternates and description, and the files at the site's root (one
sitemap of both languages, robots.txt, the 404 page that picks its language by the path)."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from factbase.records import Record, iter_claims

from .i18n import LANGUAGES, translate
from .sitedata import title_of
from .views import SUMMARY_PROPERTIES, Page, claim_value_view

DESCRIPTION_LENGTH = 200  # characters; search engines show about this many
DESCRIBED_VALUES = 4  # summary properties a record page's description names
# The properties a description names, in this order: a model's as its infobox leads, an organisation's summary.
DESCRIBED_PROPERTIES = {"model": ["developer", "announced", "released", "parameters", "license"], **SUMMARY_PROPERTIES}
SCRIPTS = ("choose-language.js", "not-found.js")  # in templates/, copied to the site's root
FEED = "changes.xml"  # each language's Atom feed of what changed (sitegen/history.py)
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)


def site_address(config: Any) -> str:
    """The address of the site's root (both languages sit below it), ending in a slash."""
    return str(config["extra"]["site_address"]).rstrip("/") + "/"


def configure(config: Any) -> Any:
    """Each language's site_url is the site address and its language; the repository is mkdocs.yml's repo_url.
    Both are set in mkdocs.yml only (or by SITE_URL and SITE_REPOSITORY, as the Pages workflow does)."""
    config["site_url"] = f"{site_address(config)}{config['extra']['lang']}/"
    config["extra"]["repository"] = str(config["repo_url"]).rstrip("/")
    return config


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def record_description(page: Page, record: Record) -> str:
    """A record's description for search engines and link previews, written from the record: its name, its
    kind, and the first values of its summary properties (a model's developer, dates and size)."""
    title = title_of(record, page.lang)
    kind = translate(page.lang, f"record.{record.kind}")
    parts = []
    shown = set(DESCRIBED_PROPERTIES.get(record.kind, []))
    for claim in iter_claims(record):
        if claim.property in shown and claim.data.get("status") != "superseded":
            shown.discard(claim.property)
            parts.append(f"{page.t(f'property.{claim.property}')}: {claim_value_view(page, claim, False)['text']}")
        if len(parts) == DESCRIBED_VALUES:
            break
    if not parts:
        for field_name in ("publisher", "description"):
            text = record.data.get(field_name)
            if isinstance(text, dict):
                parts.append(str(text[page.lang]))
        date = record.data.get("published", {}).get("date") if isinstance(record.data.get("published"), dict) \
            else None
        if date:
            parts.append(f"{page.t('label.published')}: {date}")
    suffix = translate(page.lang, "seo.cited")
    # not shortened: fact text is shown whole or not at all
    return f"{title} ({kind}). {'; '.join(parts)}{'. ' if parts else ''}{suffix}"


def page_description(html: str, lang: str) -> str:
    """A hand-written page's description: its first paragraph with text, else the site's tagline."""
    for paragraph in _PARAGRAPH.findall(html):
        text = unescape(_TAG.sub("", paragraph)).strip()
        if len(text) > 20:
            return _shorten(text)
    return translate(lang, "site.tagline")


def head(page: Any, config: Any) -> dict[str, Any]:
    """What overrides/partials/seo.html writes into a page's head: canonical link, alternates, Open Graph. A
    page that is not one of the site's (the 404 page) has no canonical link and no alternates."""
    lang = config["extra"]["lang"]
    address = site_address(config)
    found = page is not None and page.url is not None
    title = (page.meta.get("title") or page.title) if found else None
    return {
        "canonical": f"{address}{lang}/{page.url}" if found else None,
        "alternates": [{"lang": other, "href": f"{address}{other}/{page.url}"} for other in LANGUAGES] if found else [],
        "x_default": address,
        "feed": f"{address}{lang}/{FEED}",
        "feed_title": translate(lang, "changes.feed_title"),
        "description": (page.meta.get("description") if found else None) or translate(lang, "site.tagline"),
        "title": _TAG.sub("", unescape(str(title))) if title else translate(lang, "site.name"),
        "site_name": translate(lang, "site.name"),
        "locale": translate(lang, "seo.locale"),
        "other_locales": [translate(other, "seo.locale") for other in LANGUAGES if other != lang],
        "type": "article" if found and page.file.generated_by is not None else "website",
    }


def add_to_theme(env: Any, config: Any) -> None:
    """The theme's templates call kf_head(page) (partials/seo.html) and kf_t(key) (an interface string)."""
    lang = config["extra"]["lang"]
    env.globals["kf_head"] = lambda page: head(page, config)
    env.globals["kf_t"] = lambda key: translate(lang, key)


# -- the files at the site's root, beside ko/ and en/ ----------------------------------------------------------

def page_paths(site: Path, lang: str) -> list[str]:
    """Every page of a built language, as its URL below the language root ("" for the home page)."""
    root = site / lang
    return sorted(path.parent.relative_to(root).as_posix().removeprefix(".") + ("/" if path.parent != root else "")
                  for path in root.rglob("index.html"))


def sitemap_xml(site: Path, address: str) -> str:
    """One sitemap of both languages: every page, each with its alternates in both languages and x-default."""
    paths = sorted(set.intersection(*(set(page_paths(site, lang)) for lang in LANGUAGES)))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in paths:
        hrefs = {lang: xml_escape(f"{address}{lang}/{path}") for lang in LANGUAGES}
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
                        for lang, href in hrefs.items())
        links += f'<xhtml:link rel="alternate" hreflang="x-default" href="{xml_escape(address)}"/>'
        lines += [f"<url><loc>{xml_escape(f'{address}{lang}/{path}')}</loc>{links}</url>" for lang in LANGUAGES]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(address: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {address}sitemap.xml\n"


def write_root_files(site: Path, address: str) -> None:
    """The sitemap, robots.txt, the root 404 page and the scripts of the root pages (external files: the
    pages carry no inline script)."""
    from .csp import with_csp
    from .render import TEMPLATES, environment

    (site / "sitemap.xml").write_text(sitemap_xml(site, address), encoding="utf-8")
    (site / "robots.txt").write_text(robots_txt(address), encoding="utf-8")
    base = "/" + address.split("://", 1)[-1].partition("/")[2]
    html = environment().get_template("root_404.html").render(
        base=base, texts={lang: {key: translate(lang, f"notfound.{key}") for key in ("title", "text", "home")}
                          for lang in LANGUAGES})
    (site / "404.html").write_text(with_csp(html), encoding="utf-8")
    for script in SCRIPTS:
        shutil.copyfile(TEMPLATES / script, site / script)
