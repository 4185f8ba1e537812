"""A hostile fact base: valid records whose every free-text field carries an injection payload.

The records are generated from the JSON Schemas, so a text field added to a schema is covered without
editing this file; a string field of a form this generator does not know stops it with an error.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from factbase.records import KINDS
from factbase.rules.references import FIELD_REFERENCES, claim_references
from factbase.schema_files import SCHEMA_DIR
from factbase.value_types import claim_value_types

# Script, event handlers, a javascript: link, an iframe, Markdown links and emphasis, closing tags that try
# to leave the element they stand in (and the JSON-LD script), entity-encoded markup, and Jinja that would
# leave visible traces if it ran: `{{ 7*7 }}` -> 49, "JINJA" ~ "-RAN" -> JINJA-RAN.
PAYLOAD = (
    '한국어 <script>alert("kf")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)" onclick="alert(3)">'
    "j</a><iframe src=//e.x></iframe> [md](javascript:alert(4)) ![i](//e.x/i.png) **b** <!-- c --> </div></td>"
    "</script></title></textarea> &lt;script&gt;alert(5)&lt;/script&gt; &amp; {{ 7*7 }} {{ 'JINJA' ~ '-RAN' }}"
    " {% set x = 'SET' ~ '-RAN' %}{{ x }} {# c #} \"'` end"
)
# Markers the payload would produce only if something executed it.
EXECUTED_MARKERS = ("JINJA-RAN", "SET-RAN")
QUOTE_TAG = "quote"
ARCHIVE_FILE = "hostile/article.txt"

# (kind, id) of the hostile records; references point at one another, so every name is also a link text.
RECORDS = [("source", "hostile-source"), ("organization", "hostile-org"), ("organization", "hostile-org-2"),
           ("model", "hostile-family"), ("model", "hostile-model"), ("event", "hostile-event"),
           ("partnership", "hostile-partnership"), ("evaluation", "hostile-evaluation")]
TARGETS = {"organization": "hostile-org", "model": "hostile-family", "source": "hostile-source",
           "any": "hostile-event"}
# Fields whose value is not what the generic filler would produce.
SPECIAL: dict[tuple[str, str], dict[str, Any]] = {
    ("model", "hostile-model"): {"kind": "model", "family": "hostile-family"},
    ("model", "hostile-family"): {"kind": "family", "family": None},
    ("organization", "hostile-org"): {"parent": "hostile-org-2"},
    ("organization", "hostile-org-2"): {"parent": None},
    ("partnership", "hostile-partnership"): {"organizations": ["hostile-org", "hostile-org-2"],
                                            "models": ["hostile-model"]},
    ("event", "hostile-event"): {"models": ["hostile-model"], "organizations": ["hostile-org"]},
    ("evaluation", "hostile-evaluation"): {"participants": ["hostile-family", "hostile-model"]},
}
# Strings with a fixed form, by field name.
FORMS = {"file": ARCHIVE_FILE, "time": "14:47+09:00", "country": "KR", "date": "2021-12-14",
         "url": "https://example.org/hostile"}


def payload(tag: str) -> str:
    """The payload, introduced by a tag naming the field, so a test can tell which fields reach a page."""
    return f"@@{tag}@@ {PAYLOAD}"


def _schemas() -> dict[str, dict[str, Any]]:
    return {path.name: json.loads(path.read_text("utf-8")) for path in SCHEMA_DIR.glob("*.schema.json")}


class _Filler:
    """Builds one record of a kind: every property present, text fields set to the payload."""

    def __init__(self, kind: str, record_id: str) -> None:
        self.kind, self.record_id = kind, record_id
        self.schemas = _schemas()
        self.references = claim_references(kind)
        self.quote_line = 3

    def _deref(self, schema: dict[str, Any], base: str) -> tuple[dict[str, Any], str, str]:
        """The schema with its `$ref` chain merged in, the last definition name, and its file."""
        name = ""
        while "$ref" in schema:
            ref = schema["$ref"]
            file, _, pointer = ref.partition("#")
            base = file or base
            name = pointer.rsplit("/", 1)[-1]
            target = self.schemas[base]["$defs"][name]
            merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
            merged["properties"] = {**target.get("properties", {}), **schema.get("properties", {})}
            schema = merged
        return schema, name, base

    def fill(self, schema: dict[str, Any], path: tuple[str, ...], base: str) -> Any:
        schema, definition, base = self._deref(schema, base)
        if "enum" in schema:
            return schema["enum"][0]
        kind = schema.get("type")
        if kind == "object" or schema.get("properties"):
            return {name: self.fill(sub, (*path, name), base) for name, sub in schema["properties"].items()}
        if kind == "array":
            return [self.fill(schema["items"], path, base)]
        if kind in ("number", "integer"):
            return self.quote_line if path[-1] == "line" else 1
        if kind == "boolean":
            return False
        return self.string(definition, path)

    def string(self, definition: str, path: tuple[str, ...]) -> str:
        field = path[-1]
        if definition == "id":
            return self.reference(path)
        if field == "quote":
            return payload(QUOTE_TAG)
        if definition == "text" or field == "quote_en":
            return payload(".".join((self.kind, *path)))
        if field == "sha256":
            return "0" * 64  # replaced once the archive is written
        for key in (definition, field):
            if key in FORMS:
                return FORMS[key]
        if path[-2:] == ("languages", "value"):
            return "ko"  # ISO 639 codes
        raise ValueError(f"hostile base: no value for the string field {'.'.join(path)} of {self.kind}")

    def reference(self, path: tuple[str, ...]) -> str:
        if path == ("id",):
            return self.record_id
        if path[-1] == "source":
            return TARGETS["source"]
        if path[-1] == "record":
            return TARGETS["any"]
        value_type = claim_value_types(self.kind).get(path[1]) if path[0] == "claims" and len(path) > 3 else None
        target = FIELD_REFERENCES.get((self.kind, path[0])) or dict(value_type.refers if value_type else ()).get(
            path[-1]) or self.references.get(path[1] if len(path) > 1 else "")
        if target is None:
            raise ValueError(f"hostile base: {'.'.join(path)} of {self.kind} names no known kind")
        return TARGETS[target]

    def record(self) -> dict[str, Any]:
        file = f"{self.kind}.schema.json"
        data: dict[str, Any] = self.fill(self.schemas[file], (), file)
        for key, value in SPECIAL.get((self.kind, self.record_id), {}).items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        if self.kind == "evaluation":
            self.compare_two_participants(data["claims"])
        self.name_in_renderings(data)  # after the comparison took its benchmark from the second score
        return data

    @staticmethod
    def compare_two_participants(claims: dict[str, Any]) -> None:
        """The second participant scores too, on the same benchmark, so that the first's comparison with it is
        worked out (E405): both score 1, 100%, a figure the payload quote does not state: marked derived."""
        second = copy.deepcopy(claims["score"][0])
        second["value"]["participant"] = "hostile-model"
        claims["score"].append(second)
        comparison = claims["comparison"][0]
        comparison["value"] = {**comparison["value"], "of": "hostile-model", "percent": 100,
                               "benchmark": copy.deepcopy(second["value"]["benchmark"])}
        comparison["derived"] = True

    def name_in_renderings(self, data: dict[str, Any]) -> None:
        """A benchmark, list or scope a claim names is named by its quote (E310): the claim gets one more
        citation of the same quote for each, whose English rendering is the name (a payload itself)."""
        for prop, claims in data.get("claims", {}).items():
            value_type = claim_value_types(self.kind)[prop]
            for claim in claims:
                names = [claim["value"][field] for field in value_type.named_fields]
                texts = [name["en"] if isinstance(name, dict) else name for name in names]
                claim["citations"] += [{**claim["citations"][0], "quote_en": text} for text in texts]


def hostile_records() -> dict[tuple[str, str], dict[str, Any]]:
    return {(kind, record_id): _Filler(kind, record_id).record() for kind, record_id in RECORDS}


def write_hostile_base(root: Path) -> tuple[Path, Path]:
    """Writes the hostile fact base and its archive under `root`; returns (facts dir, archive dir)."""
    facts, archive = root / "facts", root / "archive"
    article = f"Hostile article\n\n{payload(QUOTE_TAG)}\n"
    (archive / ARCHIVE_FILE).parent.mkdir(parents=True, exist_ok=True)
    (archive / ARCHIVE_FILE).write_text(article, encoding="utf-8")
    folders = {kind: folder for folder, kind in KINDS.items()}
    for (kind, record_id), data in hostile_records().items():
        if kind == "source":
            data["archive"]["sha256"] = hashlib.sha256(article.encode("utf-8")).hexdigest()
        path = facts / folders[kind] / f"{record_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return facts, archive
