"""JSON Schema validation of records, with errors turned into located diagnostics."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema

from .diagnostics import Diagnostic
from .fastschema import fast_check, schema_pattern
from .records import Record
from .schema_files import load_schema, schema_registry

_JSON_TYPES = {str: "string", bool: "boolean", int: "integer", float: "number", dict: "mapping", list: "list",
               type(None): "null"}


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    if validator.is_type(instance, "string") and not schema_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with `pattern` read as ECMA-262 reads it (see fastschema.schema_pattern).
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@cache
def validator_for(kind: str) -> Any:
    return _Validator(load_schema(kind), registry=schema_registry())


def _type_name(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _unexpected_names(message: str) -> list[str]:
    inside = message[message.rfind("(") + 1:] if "(" in message else ""
    return re.findall(r"'((?:[^'\\]|\\.)*)'", inside)


def _allowed_properties(schema: dict[str, Any]) -> set[str]:
    """The properties a schema allows, including those of the schema it `$ref`s (claimBase for claims)."""
    allowed = set(schema.get("properties", {}))
    if "$ref" in schema:
        target = schema_registry().resolver(base_uri="common.schema.json").lookup(schema["$ref"]).contents
        allowed |= _allowed_properties(target)
    return allowed


def _diagnostics_for(record: Record, error: jsonschema.ValidationError) -> Iterator[Diagnostic]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        required = error.validator_value if isinstance(error.validator_value, list) else []
        for name in required:
            if name in present:
                continue
            if name == "citations":
                yield record.diagnostic(path, "E101", "uncited-claim", "claim has no `citations`",
                                        "add a citation: source, quote (verbatim), quote_en, line")
            elif name in ("ko", "en") and path:
                language = "Korean" if name == "ko" else "English"
                yield record.diagnostic(path, "E106", "missing-translation",
                                        f"`{path[-1]}` has no {language} text (`{name}`)",
                                        f"add `{name}:` beside the other language")
            else:
                where = f"`{path[-1]}`" if path else "the record"
                yield record.diagnostic(path, "E103", "missing-field", f"{where} has no required field `{name}`",
                                        f"add `{name}:` (see schema/{record.kind}.schema.json)")
        return
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(_allowed_properties(schema))
        for name in _unexpected_names(error.message):
            suggestion = difflib.get_close_matches(name, allowed, n=1)
            hint = f"did you mean `{suggestion[0]}`?" if suggestion else (
                f"allowed here: {', '.join(allowed)}" if allowed else "remove it")
            yield record.diagnostic((*path, name), "E102", "unknown-field", f"unknown field `{name}`", hint,
                                    at_key=True)
        return
    if error.validator == "minItems" and path and path[-1] == "citations":
        yield record.diagnostic(path, "E101", "uncited-claim", "claim has an empty list of `citations`",
                                "add a citation: source, quote (verbatim), quote_en, line")
        return
    if error.validator == "type":
        expected = error.validator_value
        got = _type_name(error.instance)
        hint = f"write a {expected} here (see the field's description in schema/{record.kind}.schema.json)"
        if expected == "string" and not isinstance(error.instance, (dict, list)):
            hint = f'quote it: "{error.instance if error.instance is not None else ""}"'
        elif expected in ("object", "array"):
            hint = "see the field's description in the schema for its shape"
        yield record.diagnostic(path, "E104", "wrong-type", f"expected {expected}, got {got}", hint)
        return
    if error.validator == "pattern" and str(schema.get("pattern", "")).startswith("^https?://"):
        yield record.diagnostic(path, "E503", "unsafe-url", f"{error.instance!r} is not an http(s) URL",
                                "link only to http:// or https:// addresses")
        return
    description = schema.get("description", "")
    if error.validator == "enum":
        allowed = error.validator_value if isinstance(error.validator_value, list) else []
        message = f"{error.instance!r} is not one of: {', '.join(map(str, allowed))}"
    elif error.validator == "pattern":
        message = f"{error.instance!r} does not have the expected form"
    else:
        message = error.message
    yield record.diagnostic(path, "E105", "invalid-value", message, description.split(". ")[0])


def check_schema(record: Record) -> list[Diagnostic]:
    """Every schema violation in the record, each located at its node (jsonschema is asked only for a record
    that the compiled fast check does not show valid: see fastschema.py)."""
    fast = fast_check(record.kind)
    if fast is not None and fast(record.document.data):
        return []
    validator = validator_for(record.kind)
    found: list[Diagnostic] = []
    for error in validator.iter_errors(record.document.data):
        found.extend(_diagnostics_for(record, error))
    return found
