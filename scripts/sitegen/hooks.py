"""MkDocs hooks: one generated page per model, organisation and source; data downloads after the build."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from sitegen.context import FactsInvalid, page_for, site_data  # noqa: E402
from sitegen.downloads import claims_csv, facts_json  # noqa: E402
from sitegen.formatting import format_date  # noqa: E402
from sitegen.i18n import translate  # noqa: E402
from sitegen.jsonld import dataset_jsonld  # noqa: E402
from sitegen.pages import LIST_PAGES, RECORD_PAGES, list_lengths  # noqa: E402
from sitegen.paging import LISTS, page_count, page_source  # noqa: E402
from sitegen.search import search_terms  # noqa: E402
from sitegen.sitedata import PAGE_FOLDERS, SiteData  # noqa: E402

# A generated record page holds only this front matter: mkdocs-macros leaves it alone, and
# on_page_markdown below puts the record's page in (sitegen/pages.py).
_GENERATED = "---\nrender_macros: false\n---\n"


def on_files(files: Files, config: Any) -> Files:
    try:
        data = site_data(refresh=True)  # once per build: `serve` rebuilds with edited facts
    except FactsInvalid as error:
        raise PluginError(str(error)) from None
    for kind, folder in PAGE_FOLDERS.items():
        for record_id in sorted(data.records[kind]):
            # the id matched ^[a-z0-9-]+$ in validation, so it is safe in a file name
            files.append(File.generated(config, f"{folder}/{record_id}.md", content=_GENERATED,
                                         inclusion=InclusionLevel.NOT_IN_NAV))
    _continued.clear()
    for name, length in list_lengths(data).items():
        for number in range(2, page_count(name, length) + 1):
            source = page_source(name, number)
            if files.get_file_from_path(source) is not None:
                raise PluginError(f"{source}: a record id takes the name of a list page; rename the record")
            _continued[source] = (name, number, page_count(name, length))
            files.append(File.generated(config, source, content=_GENERATED, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


# Pages 2 and later of the long lists: generated file -> (list name, page number, pages in all).
_continued: dict[str, tuple[str, int, int]] = {}


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    """A generated page is its record's page, and takes its title from the record (after mkdocs-macros ran,
    so neither is ever rendered as a template), or a later page of a long list."""
    if page.file.generated_by is not None and page.file.src_uri in _continued:
        name, number, total = _continued[page.file.src_uri]
        context = page_for(config, page.url)
        page.title = page.meta["title"] = f"{context.t(LISTS[name].title)} ({number}/{total})"
        return LIST_PAGES[name](context, number) + "\n"
    folder, _, rest = page.file.src_uri.partition("/")
    kinds = {f: k for k, f in PAGE_FOLDERS.items()}
    if page.file.generated_by is None or folder not in kinds:
        return markdown
    record_id = rest.removesuffix(".md")
    context = page_for(config, page.url)
    record = context.data.records[kinds[folder]][record_id]
    # Material prints the title unescaped (in <title>, the header and the search index): give it escaped HTML
    page.title = page.meta["title"] = str(escape(context.data.name(record_id, context.lang)))
    page.edit_url = context.edit_url(record)
    return (RECORD_PAGES[kinds[folder]](context, record_id) + "\n"
            + search_terms(context.data, kinds[folder], record_id, context.lang) + "\n")


def on_page_context(context: dict[str, Any], page: Page, config: Any, nav: Any) -> dict[str, Any]:
    """Hand-written pages get the date of the latest fact change and a report link (see overrides/main.html)."""
    if page.file.generated_by is None or page.file.src_uri in _continued:
        view = page_for(config, page.url)
        updated = max(view.data.last_changed.values(), default="")
        page.meta["kf_meta"] = {
            "updated": format_date(updated, view.lang) if updated else None,
            "updated_label": view.t("label.last_updated"),
            "report": view.report_url(None, None),
            "report_label": view.t("label.report"),
        }
    return context


# The downloads of the last fact base, made once for both languages: (data, facts.json, claims.csv).
_downloads: list[tuple[SiteData, str, str]] = []


def on_post_build(config: Any) -> None:
    data = site_data()
    lang = config["extra"]["lang"]
    out = Path(config["site_dir"]) / "data"
    out.mkdir(parents=True, exist_ok=True)
    if not _downloads or _downloads[0][0] is not data:
        _downloads[:] = [(data, facts_json(data), claims_csv(data))]
    _, facts, claims = _downloads[0]
    (out / "facts.json").write_text(facts, encoding="utf-8")
    (out / "claims.csv").write_text(claims, encoding="utf-8")
    dataset = dataset_jsonld(data, config["site_url"], lang, translate(lang, "site.name"),
                             translate(lang, "site.tagline"))
    (out / "dataset.jsonld").write_text(json.dumps(dataset, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
