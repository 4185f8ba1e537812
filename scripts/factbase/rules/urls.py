"""E503 unsafe-url: every URL the schema declares follows the URL policy (urlpolicy.py).

The schema already refuses other schemes than http(s) (also E503); this rule looks inside the address.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import FactBase
from ..diagnostics import Diagnostic
from ..fastschema import schema_pattern
from ..schemas import load_schema
from ..typed_values import typed_values
from ..urlpolicy import url_problem


def check_urls(base: FactBase) -> Iterator[Diagnostic]:
    http = schema_pattern(load_schema("common")["$defs"]["url"]["pattern"])
    for record in base.records:
        for path, value in typed_values(record, "url"):
            problem = url_problem(value) if isinstance(value, str) and http.search(value) else None
            if problem:  # a value of another form is the schema check's
                yield record.diagnostic(path, "E503", "unsafe-url", f"{value!r} is refused: {problem}",
                                        "link to the page's public https:// address, as the browser shows it")
