"""The JSON Schema files in schema/, loaded once: what the validator, its fast path and the value types read."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def schema_files() -> dict[str, Path]:
    return {path.name: path for path in sorted(SCHEMA_DIR.glob("*.schema.json"))}


@cache
def schema_registry() -> Registry:
    """Every schema file by name (`common.schema.json`), so that `$ref`s between them resolve."""
    resources = [(name, Resource.from_contents(json.loads(path.read_text("utf-8")), DRAFT202012))
                 for name, path in schema_files().items()]
    return Registry().with_resources(resources)


def load_schema(kind: str) -> dict[str, Any]:
    contents: dict[str, Any] = schema_registry().contents(f"{kind}.schema.json")
    return contents
