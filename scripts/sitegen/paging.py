"""Lists longer than one page are split into numbered pages (/timeline/, /timeline/page-2/, ...).

A page that lists every record of a kind grows with the fact base: at 1,000 models the timeline alone
weighed 2.5 MB. Each list (page_types.list_pages()) shows at most `size` entries a page; the hooks generate its
first page and the others only when needed, so a small fact base keeps one page per list.
"""

from __future__ import annotations

import math
from typing import Any, TypeVar

from .page_types import list_pages, record_pages

T = TypeVar("T")


def page_count(name: str, length: int) -> int:
    return max(1, math.ceil(length / list_pages()[name].size))


def page_url(name: str, number: int) -> str:
    base = list_pages()[name].folder
    return base if number == 1 else f"{base}page-{number}/"


def page_source(name: str, number: int) -> str:
    """The generated Markdown file of page `number`: the first is <name>.md, or <name>/index.md where record
    pages share the folder (models/), so that either way its URL is <name>/."""
    if number > 1:
        return f"{list_pages()[name].folder}page-{number}.md"
    shares_folder = any(entry.folder == name for entry in record_pages().values())
    return f"{name}/index.md" if shares_folder else f"{name}.md"


def take(name: str, items: list[T], number: int) -> list[T]:
    size = list_pages()[name].size
    return items[(number - 1) * size: number * size]


def pager(name: str, number: int, length: int, root: str) -> dict[str, Any]:
    """Links to every page of the list; `total` 1 means the template shows no pager."""
    total = page_count(name, length)
    return {"number": number, "total": total,
            "links": [{"number": n, "href": f"{root}{page_url(name, n)}", "current": n == number}
                      for n in range(1, total + 1)]}
