"""Renders view models through Jinja templates with autoescape: fact text is always escaped, never executed."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .views import Page

TEMPLATES = Path(__file__).with_name("templates")


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(template: str, page: Page, **view: Any) -> str:
    """The template's HTML with blank lines removed, so Markdown keeps it as one raw HTML block."""
    html = environment().get_template(template).render(t=page.t, lang=page.lang, footnotes=page.notes, **view)
    return "\n".join(line for line in html.splitlines() if line.strip())
