"""Renders view models through Jinja templates with autoescape: fact text is always escaped, never executed."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .views import Page

TEMPLATES = Path(__file__).with_name("templates")


class _Environment(jinja2.Environment):
    """View models are plain dicts: `v.text` reads the key at once (Jinja tries an attribute `text` first and
    only then the key, which made attribute lookup a tenth of the time spent rendering). No template reads
    a dict method (`items`, `get`, ...) as an attribute."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@cache
def environment() -> jinja2.Environment:
    return _Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(template: str, page: Page, **view: Any) -> str:
    """The template's HTML with blank lines removed, so Markdown keeps it as one raw HTML block."""
    html = environment().get_template(template).render(t=page.t, lang=page.lang, **view)
    return "\n".join(line for line in html.splitlines() if line.strip())
