"""Fact records on disk: one YAML file per record, in a folder per kind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .strict_yaml import Document, load_yaml
from .value_types import ValueType, claim_value_types

# folder name under facts/ -> record kind (and schema file `schema/<kind>.schema.json`)
KINDS = {
    "sources": "source",
    "organizations": "organization",
    "models": "model",
    "events": "event",
    "partnerships": "partnership",
    "evaluations": "evaluation",
}


@dataclass
class Record:
    kind: str
    path: str  # as given to the validator, used in diagnostics
    document: Document

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data if isinstance(self.document.data, dict) else {}

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""

    @cached_property
    def claims(self) -> list[Claim]:
        """Each claim of the record (its mapping under `claims:`), found once: every rule and every page that
        shows the record asks for them, some fifteen times a record in a validation. Records are never changed
        after loading."""
        claims = self.data.get("claims")
        if not isinstance(claims, dict):
            return []
        types = claim_value_types(self.kind)
        return [Claim(self, ("claims", prop, index), prop, claim, types.get(prop))
                for prop, values in claims.items() if isinstance(values, list)
                for index, claim in enumerate(values) if isinstance(claim, dict)]

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    def diagnostic(self, path: tuple[str | int, ...], code: str, rule: str, message: str, hint: str = "",
                   at_key: bool = False) -> Diagnostic:
        """A diagnostic located at the node under `path` (or at its key, for a misplaced field)."""
        line, col = self.document.key_position(path) if at_key else self.document.position(path)
        return Diagnostic(self.path, line, col, code, rule, message, hint)


@dataclass
class Claim:
    record: Record
    path: tuple[str | int, ...]  # ("claims", property, index)
    property: str
    data: dict[str, Any]
    value_type: ValueType | None  # None for a property the schema does not declare (E102)

    def declared_type(self) -> ValueType:
        """The value type, where the record is known to be valid (the site): an undeclared property fails."""
        if self.value_type is None:
            raise LookupError(f"{self.record.path}: {self.property!r} is not a claim property of a {self.record.kind}")
        return self.value_type

    def value_as_written(self) -> Any:
        """The value with each number as the file writes it: a Decimal of its text, which prints 33.0 as 33.0
        (the loaded float prints 33) and computes like the number (Document.number_text)."""

        def written(node: Any, path: tuple[str | int, ...]) -> Any:
            if isinstance(node, dict):
                return {key: written(item, (*path, key)) for key, item in node.items()}
            if isinstance(node, list):
                return [written(item, (*path, index)) for index, item in enumerate(node)]
            text = self.record.document.number_text(path)
            return Decimal(text) if text is not None else node

        return written(self.data.get("value"), (*self.path, "value"))

    def citations(self) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
        citations = self.data.get("citations")
        if isinstance(citations, list):
            for index, citation in enumerate(citations):
                if isinstance(citation, dict):
                    yield (*self.path, "citations", index), citation


def iter_claims(record: Record) -> Iterator[Claim]:
    return iter(record.claims)


def kind_of(path: Path) -> str | None:
    """The record kind a file holds, from the nearest folder named after a kind."""
    return next((KINDS[parent.name] for parent in path.parents if parent.name in KINDS), None)


def find_fact_files(paths: list[Path]) -> list[Path]:
    """Every entry under the given folders that is not a plain folder (files, links, anything else), and
    the folders nested in a kind's folder: each is a fact file or an error (`file_problem`). Links are
    listed, never followed."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir() or path.is_symlink():
            found.append(path)
            continue
        for folder, subfolders, names in os.walk(path, followlinks=False):
            here = Path(folder)
            for name in sorted(subfolders):
                if (here / name).is_symlink() or here.name in KINDS or kind_of(here) is not None:
                    found.append(here / name)  # a link, or a folder nested in a kind's folder: reported
                    subfolders.remove(name)
            found.extend(here / name for name in sorted(names))
    return sorted(found)


def file_problem(path: Path) -> tuple[str, str, str, str] | None:
    """(code, rule, message, hint) if `path` is not a regular `.yaml` file directly in a kind's folder."""
    if path.is_symlink():
        target = "a missing file" if not path.exists() else "a folder" if path.is_dir() else "another file"
        return ("E207", "linked-file", f"a symbolic link to {target}: fact files are never read through links",
                "put the record itself here (a regular file), or delete the link")
    folders = ", ".join(f"facts/{folder}/" for folder in KINDS)
    if path.is_dir():
        return ("E204", "unknown-kind", f"a folder inside a kind's folder: records sit directly in one of {folders}",
                "move its records up into the kind's folder")
    if not path.is_file():
        return ("E207", "linked-file", "not a regular file", "put a regular .yaml file here, or delete this")
    if kind_of(path) is None:
        return ("E204", "unknown-kind", f"a fact file must be in one of {folders}",
                "move the file to the folder of its kind")
    if path.parent.name not in KINDS:
        return ("E204", "unknown-kind", f"a fact file sits directly in one of {folders}, not in a folder inside it",
                "move the file up into the kind's folder")
    if path.suffix != ".yaml":
        return "E204", "unknown-kind", "fact files end in `.yaml` (lower case)", f"rename it to {path.stem}.yaml"
    return None


def _read_regular(path: Path) -> bytes:
    """The bytes of `path`, refusing to follow a link that appeared since it was looked at."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as file:
        return file.read()


def load_record(path: Path, shown_as: str) -> tuple[Record | None, list[Diagnostic]]:
    problem = file_problem(path)
    kind = kind_of(path)
    if problem is not None or kind is None:
        code, rule, message, hint = problem or ("E204", "unknown-kind", "not a fact file", "")
        return None, [Diagnostic(shown_as, 1, 1, code, rule, message, hint)]
    document, diagnostics = load_yaml(_read_regular(path), shown_as)
    if document is None:
        return None, diagnostics
    return Record(kind, shown_as, document), diagnostics
