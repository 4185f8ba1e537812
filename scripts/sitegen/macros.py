"""mkdocs-macros entry point: the functions pages call to render the fact base.

Each function builds a view in Python and renders it through an autoescaping template; what it returns
is HTML that mkdocs-macros does not render again, so Jinja syntax inside fact text is shown, not run.
"""

from __future__ import annotations

from typing import Any

from factbase.records import KINDS
from factbase.reference import claim_fields
from factbase.reference import field_reference as schema_fields
from factbase.rule_catalogue import rule_catalogue

from sitegen import overview, views
from sitegen.context import page_for
from sitegen.i18n import translate
from sitegen.render import render


def define_env(env: Any) -> None:
    lang = env.conf["extra"]["lang"]

    def page() -> views.Page:
        return page_for(env.conf, env.page.url)

    @env.macro
    def t(key: str) -> str:
        return translate(lang, key)

    @env.macro
    def rules_table() -> str:
        return render("rules.html", page(), rules=rule_catalogue())

    @env.macro
    def field_reference() -> str:
        folders = {kind: folder for folder, kind in KINDS.items()}
        kinds = [{"kind": kind, "folder": folders[kind], "title": translate(lang, f"record.{kind}"),
                  "intro": None, "fields": fields} for kind, fields in schema_fields().items()]
        claim = {"kind": "claim", "folder": None, "title": translate(lang, "reference.claim"),
                 "intro": translate(lang, "reference.claim_intro"), "fields": claim_fields()}
        return render("reference.html", page(), kinds=[*kinds, claim])

    @env.macro
    def home() -> str:
        """The home page's first screen: the counts and the newest models (overview.home_view)."""
        return render("home.html", page(), **overview.home_view(page()))

    @env.macro
    def counts() -> dict[str, int]:
        records = page().data.records
        return {kind: len(items) for kind, items in records.items()}
