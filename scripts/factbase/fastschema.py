"""A fast path for schema validation: the record schemas compiled into plain Python checks.

jsonschema walks every claim through several `$ref`s and builds a new validator at each step; over thousands
of records that was most of the validator's time. `fast_check(kind)` compiles a record schema once into
nested functions that answer True only for an instance jsonschema accepts: each keyword is checked at least
as strictly as the JSON Schema specification asks (a float is not taken for an integer, `uniqueItems` and
`enum` only for strings, `unevaluatedProperties: false` allows only properties named in the schema and the
schemas it applies in place). False means "not shown valid": `check_schema` then asks jsonschema, which
reports each error at its node. A schema with a keyword this module does not know has no fast path at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from .schema_files import schema_registry

if TYPE_CHECKING:
    from referencing._core import Resolver

Check = Callable[[Any], bool]


def schema_pattern(pattern: str) -> re.Pattern[str]:
    """A schema `pattern` as ECMA-262 reads it: `$` is the very end of the text, where Python's `$` also
    matches before a final line break (`"KR\\n"` would pass `^[A-Z]{2}$`)."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


# Keywords that assert nothing (annotations) and the ones compiled below; any other keyword: no fast path.
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"})
ASSERTIONS = frozenset({"$ref", "allOf", "type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
                        "items", "minItems", "maxItems", "uniqueItems", "properties", "required",
                        "additionalProperties", "unevaluatedProperties"})


class Unsupported(Exception):
    """The schema uses a keyword, or a form of one, that the fast path does not check."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


TYPES: dict[str, Check] = {
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": _is_number,
    "boolean": lambda value: isinstance(value, bool),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "null": lambda value: value is None,
}


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop: all() over a generator costs more on this hot path
            if not check(value):
                return False
        return True

    return every


class Compiler:
    def __init__(self) -> None:
        self._compiling: set[int] = set()

    def compile(self, schema: Any, resolver: Resolver[Any]) -> Check:
        if schema is True or schema == {}:
            return lambda value: True
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        unknown = set(schema) - ANNOTATIONS - ASSERTIONS
        if unknown:
            raise Unsupported(f"keywords {sorted(unknown)}")
        if id(schema) in self._compiling:
            raise Unsupported("a recursive schema")
        self._compiling.add(id(schema))
        try:
            checks = self._in_place(schema, resolver) + self._scalar(schema) + self._array(schema, resolver)
            if any(key in schema for key in ("properties", "required", "additionalProperties",
                                             "unevaluatedProperties")):
                checks.append(self._object(schema, resolver))
        finally:
            self._compiling.discard(id(schema))
        return _all(checks) if checks else (lambda value: True)

    def _in_place(self, schema: dict[str, Any], resolver: Resolver[Any]) -> list[Check]:
        checks = []
        if "$ref" in schema:
            resolved = resolver.lookup(schema["$ref"])
            checks.append(self.compile(resolved.contents, resolved.resolver))
        checks += [self.compile(sub, resolver) for sub in schema.get("allOf", [])]
        return checks

    def _scalar(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
            if not all(name in TYPES for name in names):
                raise Unsupported(f"type {names!r}")
            tests = [TYPES[name] for name in names]
            checks.append(tests[0] if len(tests) == 1 else lambda value: any(test(value) for test in tests))
        if "enum" in schema:
            if not all(isinstance(item, str) for item in schema["enum"]):
                raise Unsupported("enum of other values than strings")
            allowed = frozenset(schema["enum"])
            checks.append(lambda value: isinstance(value, str) and value in allowed)
        if "pattern" in schema:
            search = schema_pattern(schema["pattern"]).search
            checks.append(lambda value: not isinstance(value, str) or search(value) is not None)
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        if low or high is not None:
            checks.append(lambda value: not isinstance(value, str)
                          or (len(value) >= low and (high is None or len(value) <= high)))
        if "minimum" in schema or "maximum" in schema:
            least, most = schema.get("minimum"), schema.get("maximum")
            checks.append(lambda value: not _is_number(value)
                          or ((least is None or value >= least) and (most is None or value <= most)))
        return checks

    def _array(self, schema: dict[str, Any], resolver: Resolver[Any]) -> list[Check]:
        checks: list[Check] = []
        if "items" in schema:
            item = self.compile(schema["items"], resolver)
            checks.append(lambda value: not isinstance(value, list) or all(map(item, value)))
        low, high = schema.get("minItems", 0), schema.get("maxItems")
        if low or high is not None:
            checks.append(lambda value: not isinstance(value, list)
                          or (len(value) >= low and (high is None or len(value) <= high)))
        if schema.get("uniqueItems"):
            checks.append(lambda value: not isinstance(value, list)
                          or (all(isinstance(entry, str) for entry in value) and len(set(value)) == len(value)))
        return checks

    def _object(self, schema: dict[str, Any], resolver: Resolver[Any]) -> Check:
        properties = {name: self.compile(sub, resolver) for name, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        additional = schema.get("additionalProperties")
        extra: Check | None = None
        if additional is not None and additional is not False:
            extra = self.compile(additional, resolver)
        unevaluated = schema.get("unevaluatedProperties")
        if unevaluated is not None and unevaluated is not False:
            raise Unsupported("unevaluatedProperties other than false")
        # The names an instance may hold besides `properties`: `additionalProperties: false` allows none
        # (it sees only this schema's `properties`), `unevaluatedProperties: false` those declared by the
        # schemas applied in place too; with an `additionalProperties` schema, any name it accepts.
        closed = additional is False or (unevaluated is False and extra is None)
        named = frozenset() if additional is False else self._named(schema, resolver) if closed else frozenset()

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            if any(name not in value for name in required):
                return False
            for name, entry in value.items():
                test = properties.get(name)
                if test is not None:
                    if not test(entry):
                        return False
                elif extra is not None:
                    if not extra(entry):
                        return False
                elif closed and name not in named:
                    return False
            return True

        return check

    def _named(self, schema: dict[str, Any], resolver: Resolver[Any]) -> frozenset[str]:
        """Property names `schema` and the schemas it applies in place (`$ref`, `allOf`) declare."""
        names = set(schema.get("properties", {}))
        if "$ref" in schema:
            resolved = resolver.lookup(schema["$ref"])
            names |= self._named(resolved.contents, resolved.resolver)
        for sub in schema.get("allOf", []):
            names |= self._named(sub, resolver)
        return frozenset(names)


@cache
def fast_check(kind: str) -> Check | None:
    """The compiled check for records of `kind`, or None when its schema uses a keyword not compiled here."""
    resolver = schema_registry().resolver(base_uri=f"{kind}.schema.json")
    try:
        return Compiler().compile(resolver.lookup(f"{kind}.schema.json").contents, resolver)
    except Unsupported:
        return None
