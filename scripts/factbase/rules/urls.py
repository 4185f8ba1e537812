"""E503 unsafe-url, inside the address: every URL the schema declares follows the URL policy (urlpolicy.py).

The schema refuses other schemes than http(s); this looks inside an http(s) address. E503 is declared once,
by the schema rule (rules/schema.py), which runs this beside the schema check.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..fastschema import schema_pattern
from ..records import Record
from ..schema_files import load_schema
from ..typed_values import typed_values
from ..urlpolicy import url_problem


def url_policy_diagnostics(record: Record) -> Iterator[Diagnostic]:
    http = schema_pattern(load_schema("common")["$defs"]["url"]["pattern"])
    for path, value in typed_values(record, "url"):
        problem = url_problem(value) if isinstance(value, str) and http.search(value) else None
        if problem:  # a value of another form is the schema check's
            yield record.diagnostic(path, "E503", "unsafe-url", f"{value!r} is refused: {problem}",
                                    "link to the page's public https:// address, as the browser shows it")
