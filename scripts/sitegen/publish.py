"""What the build writes beside the pages: per language, the Atom feed of changes and the data package (called
from hooks.on_post_build); at the site's root, after both languages, the sitemap, robots.txt, the 404 page and
the JSON API (called from scripts/build_site.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .api import write_api
from .context import BuildState, build_state, page_for
from .datapackage import data_package
from .history import atom_feed
from .i18n import translate
from .seo import FEED, site_address, write_root_files


def write_language_files(state: BuildState, config: Any, data_dir: Path) -> None:
    lang = config["extra"]["lang"]
    page = page_for(config, "")
    feed = atom_feed(page, state.history, site_address(config))
    (Path(config["site_dir"]) / FEED).write_text(feed, encoding="utf-8")
    for name, text in data_package(state.data, translate(lang, "site.name"), config["site_url"]).items():
        (data_dir / name).write_text(text, encoding="utf-8")


def write_root(site: Path, address: str) -> None:
    write_root_files(site, address)
    write_api(site, build_state().data, address)
