"""MkDocs hooks: the generated pages of page_types.py (one per record of a kind with pages, every page of each
list, the lists placed in the navigation); data downloads after the build."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from sitegen.context import FactsInvalid, build_state, page_for
from sitegen.downloads import claims_csv, facts_json
from sitegen.formatting import format_date
from sitegen.i18n import translate
from sitegen.jsonld import dataset_jsonld
from sitegen.page_types import list_pages, record_pages
from sitegen.pages import list_lengths, render_list_page, render_record_page, with_generated_headings
from sitegen.paging import page_count, page_source
from sitegen.publish import write_language_files
from sitegen.search import search_terms
from sitegen.seo import add_to_theme, configure, page_description, record_description
from sitegen.sitedata import title_of

# A generated record page holds only this front matter: mkdocs-macros leaves it alone, and
# on_page_markdown below puts the record's page in (sitegen/pages.py).
_GENERATED = "---\nrender_macros: false\n---\n"
# Where a generated page's HTML goes: Markdown gets this comment, which it passes through as it is, and the HTML
# is put there when the page is written (on_page_context), then let go (on_post_page). MkDocs reads every page
# before it writes any and keeps what it read: made earlier, the HTML of every page stayed in memory until the
# end of the build, and Python-Markdown parsed every tag of it, which took half of a 1,000-model build.
_HTML_PLACE = "<!-- kf:generated-html -->"


def on_config(config: Any) -> Any:
    config["nav"] = with_list_pages(config["nav"], config["extra"]["lang"])
    return configure(config)


def with_list_pages(nav: list[Any], lang: str) -> list[Any]:
    """The lists declared with a navigation place (page_types.list_page(nav=N)) stand at place N of the
    navigation (0 is the home page), titled in the build's language; the configuration lists the other pages."""
    placed = list(nav)
    for entry in sorted((e for e in list_pages().values() if e.nav is not None), key=lambda e: e.nav or 0):
        placed.insert(entry.nav or 0, {translate(lang, entry.title): page_source(entry.name, 1)})
    return placed


def on_page_content(html: str, page: Page, config: Any, files: Files) -> str:
    if page.file.generated_by is None:
        _describe(page, html, config)
    return html


def _describe(page: Page, html: str, config: Any) -> None:
    """A page without a description written from its record is described by its first paragraph; the right-hand
    table of contents lists the headings the generated HTML has, not only Markdown's."""
    if not page.meta.get("description"):
        page.meta["description"] = page_description(html, config["extra"]["lang"])
    page.toc = with_generated_headings(page.toc, html)


def on_files(files: Files, config: Any) -> Files:
    try:
        state = build_state(refresh=True)  # once per build: `serve` rebuilds with edited facts
    except FactsInvalid as error:
        raise PluginError(str(error)) from None
    data = state.data
    for entry in record_pages().values():
        for record_id in sorted(data.records[entry.kind]):
            # the id matched ^[a-z0-9-]+$ in validation, so it is safe in a file name
            files.append(File.generated(config, f"{entry.folder}/{record_id}.md", content=_GENERATED,
                                         inclusion=InclusionLevel.NOT_IN_NAV))
    state.list_page_files.clear()
    for name, length in list_lengths(data).items():
        for number in range(1, page_count(name, length) + 1):
            source = page_source(name, number)
            if files.get_file_from_path(source) is not None:
                raise PluginError(f"{source}: a record id or a docs page takes the name of a list page; rename it")
            state.list_page_files[source] = (name, number, page_count(name, length))
            inclusion = InclusionLevel.INCLUDED if number == 1 else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, source, content=_GENERATED, inclusion=inclusion))
    return files


def _record_of(page: Page) -> tuple[str, str] | None:
    """(kind, id) of the record whose page this generated page is, or None."""
    folder, _, rest = page.file.src_uri.partition("/")
    kinds = {entry.folder: kind for kind, entry in record_pages().items()}
    if page.file.generated_by is None or folder not in kinds:
        return None
    return kinds[folder], rest.removesuffix(".md")


def _list_page_of(page: Page) -> tuple[str, int, int] | None:
    """(list name, page number, pages) of a generated page of a list, or None."""
    return build_state().list_page_files.get(page.file.src_uri) if page.file.generated_by is not None else None


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    """A generated page is its record's page, and takes its title from the record (after mkdocs-macros ran,
    so neither is ever rendered as a template), or a page of a list; its HTML stands in a placeholder."""
    listed = _list_page_of(page)
    if listed is not None:
        name, number, total = listed
        context = page_for(config, page.url)
        entry = list_pages()[name]
        if entry.wide:
            page.meta["hide"] = ["toc"]
        if number > 1:
            page.title = page.meta["title"] = f"{context.t(entry.title)} ({number}/{total})"
            return _HTML_PLACE + "\n"
        # the first page: its heading and introduction are interface strings, edited in strings.yaml
        page.edit_url = f"{context.repository}/edit/main/scripts/sitegen/strings.yaml"
        return f"# {context.t(entry.title)}\n\n{context.t(entry.intro)}\n\n{_HTML_PLACE}\n"
    found = _record_of(page)
    if found is None:
        return markdown
    context = page_for(config, page.url)
    record = context.data.records[found[0]][found[1]]
    # Material prints the title unescaped (in <title>, the header and the search index): give it escaped HTML
    page.title = page.meta["title"] = str(escape(title_of(record, context.lang)))
    page.edit_url = context.edit_url(record)
    page.meta["description"] = record_description(context, record)
    return _HTML_PLACE + "\n"


def _generated_html(page: Page, config: Any) -> str | None:
    """The HTML of a generated page (sitegen/pages.py), or None for a written page."""
    listed = _list_page_of(page)
    if listed is not None:
        return render_list_page(page_for(config, page.url), listed[0], listed[1])
    found = _record_of(page)
    if found is None:
        return None
    context = page_for(config, page.url)
    kind, record_id = found
    return (render_record_page(context, kind, record_id) + "\n"
            + search_terms(context.data, kind, record_id, context.lang))


def on_env(env: Any, config: Any, files: Files) -> Any:
    """The theme's own templates (overrides/partials/copyright.html) translate through `kf_t`."""
    env.globals["kf_t"] = partial(translate, config["extra"]["lang"])
    add_to_theme(env, config)
    return env


def on_page_context(context: dict[str, Any], page: Page, config: Any, nav: Any) -> dict[str, Any]:
    """A generated page's HTML is made now, as the page is written. Hand-written pages and lists get the date
    of the latest fact change and a report link (see overrides/main.html)."""
    generated = _generated_html(page, config)
    if generated is not None and page.content is not None:
        page.content = page.content.replace(_HTML_PLACE, generated, 1)
        _describe(page, page.content, config)
    if page.file.generated_by is None or _list_page_of(page) is not None:
        view = page_for(config, page.url)
        updated = view.data.latest_change
        page.meta["kf_meta"] = {
            "updated": format_date(updated, view.lang) if updated else None,
            "updated_label": view.t("label.last_updated"),
            "report": view.report_url(None, None),
            "report_label": view.t("label.report"),
        }
    return context


def on_post_page(output: str, page: Page, config: Any) -> str:
    """The page is written from `output`: a generated page's HTML is let go (see _HTML_PLACE)."""
    if page.file.generated_by is not None:
        page.content = None
    return output


def on_post_build(config: Any) -> None:
    state = build_state()
    data = state.data
    lang = config["extra"]["lang"]
    out = Path(config["site_dir"]) / "data"
    out.mkdir(parents=True, exist_ok=True)
    if state.downloads is None:
        state.downloads = (facts_json(data), claims_csv(data))
    facts, claims = state.downloads
    (out / "facts.json").write_text(facts, encoding="utf-8")
    (out / "claims-wide.csv").write_text(claims, encoding="utf-8")
    dataset = dataset_jsonld(data, config["site_url"], lang, translate(lang, "site.name"),
                             translate(lang, "site.tagline"))
    write_language_files(state, config, out)
    (out / "dataset.jsonld").write_text(json.dumps(dataset, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
