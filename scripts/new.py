#!/usr/bin/env python3
"""Scaffold a new fact record: `python scripts/new.py KIND ID [--field value ...]`.

KIND is source, model, organization, event or partnership; the record is written to
facts/<folder>/<ID>.yaml, canonically formatted and valid against the schema. The options are
the record's fields (`--name-ko`, `--title-en`, `--published-date`, ...; see `new.py KIND --help`).
Whatever is required and not given is asked for on the terminal; without a terminal, new.py
fails and names the missing options. It never overwrites a file.

A source's copy is archived with `--file PATH`: new.py copies it into the archive folder (as
`--archive-file`, by default `articles/<ID>.txt` for news and `primary/<ID>.<ext>` for the rest),
computes its sha256 and appends its entry to the archive's `MANIFEST.yaml`. Without `--file`,
`--archive-file` names a copy already in the archive. Events and partnerships need a first cited
claim (an event's date, a partnership's description), and a model or organisation may have one
(its description): give `--source ID --quote TEXT` and the quote's line is found in the source's archived copy.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factbase.archive import ARCHIVE_DEFAULT_HELP, ARCHIVE_ENV, Archive, archive_from
from factbase.authoring import (
    Refusal,
    archive_copy,
    conventional_archive_file,
    default_status,
    manifest_entry,
    quote_lines,
    read_source,
    sha256_of,
)
from factbase.formatting import FormatError, format_data
from factbase.records import KINDS, Record
from factbase.reference import Field, SchemaNode, fields
from factbase.schemas import check_schema
from factbase.strict_yaml import load_yaml
from factbase.validation import display_path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {kind: folder for folder, kind in KINDS.items()}
# The claim each kind is scaffolded with (when required by the schema, or when its options are given).
CLAIM = {"model": "description", "organization": "description", "event": "date", "partnership": "description"}
# ... and the claim fields it takes, in the order they are asked for (the status defaults from the source).
CITATION_FIELDS = ("citations[].source", "citations[].quote", "citations[].quote_en", "status")
COMPUTED = {"id", "archive.sha256"}
DEFAULTS: dict[str, Any] = {"published.inferred": False}
_LANGUAGE_OF = {"ko": "In Korean", "en": "In English"}  # what a bilingual option's last word says
_TRUE, _FALSE = {"true", "yes", "y"}, {"false", "no", "n"}


@dataclass(frozen=True)
class Option:
    field: Field
    flag: str  # --name-ko
    in_claim: bool

    @property
    def parse_list(self) -> bool:
        return self.field.type.startswith("array")

    def parse(self, text: str) -> Any:
        text = text.strip()
        if self.field.type == "boolean":
            if text.lower() not in _TRUE | _FALSE:
                raise ValueError("answer true or false")
            return text.lower() in _TRUE
        if not text:
            raise ValueError("an answer is needed")
        if self.parse_list:
            return [item.strip() for item in text.split(",") if item.strip()]
        if self.field.enum and text not in self.field.enum:
            raise ValueError(f"one of: {', '.join(self.field.enum)}")
        return text


def options_for(kind: str) -> list[Option]:
    """The fields new.py takes as options: leaves outside `claims`, and the scaffolded claim's."""
    claim = CLAIM.get(kind)
    prefix = f"claims.{claim}[]."
    found: list[tuple[int, Option]] = []
    for field in fields(kind):
        if field.type in ("object", "array of object") or field.path in COMPUTED:
            continue
        name, in_claim, rank = field.path, field.path.startswith("claims."), 0
        if in_claim:
            rest = field.path.removeprefix(prefix)
            wanted = rest.startswith("value") or rest in CITATION_FIELDS
            if claim is None or rest == field.path or not wanted:
                continue
            name = claim + rest.removeprefix("value") if rest.startswith("value") else rest.split(".")[-1]
            rank = 1 + CITATION_FIELDS.index(rest) if rest in CITATION_FIELDS else 0
        found.append((rank, Option(field, "--" + re.sub(r"[._\[\]]+", "-", name).strip("-"), in_claim)))
    return [option for _rank, option in sorted(found, key=lambda ranked: ranked[0])]


def _put(record: dict[str, Any], path: str, value: Any) -> None:
    """Sets a field by its dotted path; `name[]` is a list holding one mapping."""
    *parents, last = path.split(".")
    target = record
    for part in parents:
        target = target.setdefault(part[:-2], [{}])[0] if part.endswith("[]") else target.setdefault(part, {})
    target[last] = value


class Scaffold:
    def __init__(self, kind: str, facts: Path, archive: Archive | None, copy: Path | None = None) -> None:
        self.kind, self.facts, self.archive, self.copy = kind, facts, archive, copy
        self.options = options_for(kind)
        self.by_path = {field.path: field for field in fields(kind)}
        self.values: dict[str, Any] = {}
        self._sources: dict[str, Record] = {}

    @property
    def claim_prefix(self) -> str:
        return f"claims.{CLAIM.get(self.kind)}[]."

    def claim_wanted(self) -> bool:
        claim_field = self.by_path.get(self.claim_prefix.removesuffix("[]."))
        given = any(path.startswith(self.claim_prefix) for path in self.values)
        return given or bool(claim_field and claim_field.required)

    def source(self) -> Record | None:
        """The source record the claim cites, once its id is known."""
        source_id = self.values.get(f"{self.claim_prefix}citations[].source")
        if not isinstance(source_id, str):
            return None
        if source_id not in self._sources:
            self._sources[source_id] = read_source(self.facts, source_id)
        return self._sources[source_id]

    def _present(self, path: str) -> bool:
        """Whether the object at `path` will be in the record (so its required fields are needed)."""
        if not path:
            return True
        field = self.by_path[path]
        parent = path.rpartition(".")[0]
        return any(given.startswith(f"{path}.") for given in self.values) or (
            field.required and self._present(parent))

    def needed(self, option: Option) -> bool:
        if option.field.path == "archive.file" and self.copy is not None:
            return False  # named after the id unless given
        if option.in_claim:
            if option.field.path.endswith(".quote_en"):
                source = self.source() if self.claim_wanted() else None
                return source is not None and source.data.get("language") != "en"
            return self.claim_wanted() and option.field.required
        return option.field.required and self._present(option.field.path.rpartition(".")[0])

    def defaults(self) -> dict[str, Any]:
        found = dict(DEFAULTS)
        status = default_status(self.source() if self.claim_wanted() else None)
        if status:
            found[f"{self.claim_prefix}status"] = status
        return found

    def missing(self) -> list[Option]:
        for path, value in self.defaults().items():
            if path in self.by_path:
                self.values.setdefault(path, value)
        return [option for option in self.options
                if option.field.path not in self.values and self.needed(option)]

    def archive_folder(self) -> Archive:
        if self.archive is None:
            raise Refusal(f"no archive folder ({ARCHIVE_DEFAULT_HELP}): use --archive DIR or ${ARCHIVE_ENV}")
        return self.archive

    def archived_line(self) -> int:
        source = self.source()
        assert source is not None  # a claim is wanted, so its source is given
        lines = quote_lines(self.archive_folder(), source, self.values[f"{self.claim_prefix}citations[].quote"])
        if len(lines) > 1:
            print(f"note: the quote occurs on lines {', '.join(map(str, lines))} of the archived copy; "
                  f"line {lines[0]} is recorded", file=sys.stderr)
        return lines[0]

    def archived_copy(self, given: str) -> tuple[str, str]:
        """`given` as a path inside the archive folder (it may be a path to a file in it), and its sha256."""
        archive = self.archive_folder()
        directory = archive.directory.resolve()
        path = Path(given).resolve()
        inside = path.relative_to(directory).as_posix() if directory in path.parents else given
        text = archive.get(inside)
        if text is None:
            raise Refusal(f"{given} is not a file in the archive folder {archive.directory}: "
                          f"archive the source there first (or use --archive DIR or ${ARCHIVE_ENV})")
        return inside, text.sha256

    def record(self, record_id: str) -> dict[str, Any]:
        record: dict[str, Any] = {"id": record_id}
        for path, value in self.values.items():
            _put(record, path, value)
        if self.kind == "source" and self.copy is not None:
            archived = record.setdefault("archive", {})
            archived.setdefault("file", conventional_archive_file(record_id, record["kind"], self.copy))
            archived["sha256"] = sha256_of(self.copy)
        elif self.kind == "source":
            archived = record["archive"]
            archived["file"], archived["sha256"] = self.archived_copy(archived["file"])
        if "claims" in self.by_path:
            record.setdefault("claims", {})
        if self.claim_wanted():
            _put(record, f"{self.claim_prefix}citations[].line", self.archived_line())
        return record


def _ask(option: Option) -> Any:
    field = option.field
    choices = f" [{', '.join(field.enum)}]" if field.enum else ""
    hint = " (comma-separated)" if option.parse_list else ""
    print(f"{option.flag.removeprefix('--')}: {field.description}{choices}{hint}")
    while True:
        try:
            return option.parse(input("> "))
        except ValueError as problem:
            print(f"  {problem}")


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".")


def _help(kind: str | None, field: Field) -> str:
    """A field's help; a text in one language (`title.ko`) is named by its parent (`title`) and its language."""
    parent, _, language = field.path.rpartition(".")
    if language not in _LANGUAGE_OF or kind is None:
        return _first_sentence(field.description)
    parent = parent.removesuffix("[].value")  # a claim's text: named by its property (`claims.description`)
    described = next((f.description for f in fields(kind) if f.path == parent), field.description)
    sentence = _first_sentence(described)
    return f"{_LANGUAGE_OF[language]}: {sentence[:1].lower() + sentence[1:]}"


def _parser(kind: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record_kind", metavar="KIND", choices=list(FOLDERS), help=", ".join(FOLDERS))
    parser.add_argument("id", help="the record id, also the file name: lowercase words joined by hyphens")
    parser.add_argument("--facts", type=Path, default=ROOT / "facts",
                        help="the facts folder (default: facts/)")
    parser.add_argument("--archive", type=Path, help=f"the archive folder ({ARCHIVE_DEFAULT_HELP})")
    for option in options_for(kind) if kind in FOLDERS else []:
        field = option.field
        choices = list(field.enum) if field.enum and not option.parse_list else None
        listed = f" ({', '.join(choices)})" if choices else " (comma-separated)" if option.parse_list else ""
        if field.path in DEFAULTS:
            listed += f" (default: {str(DEFAULTS[field.path]).lower()})"
        parser.add_argument(option.flag, dest=option.field.path, choices=choices, metavar="VALUE",
                            help=_help(kind, field) + listed)
    if kind == "source":
        parser.add_argument("--file", type=Path, help="a copy of the source (UTF-8 text or Markdown) to archive: "
                            "it is copied into the archive folder as --archive-file (default articles/ID.txt "
                            "for news, primary/ID.EXT for the rest) and listed in its MANIFEST.yaml")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # KIND comes first: it decides which options there are.
    args = vars(_parser(argv[0] if argv else None).parse_args(argv))
    kind, record_id, facts = args.pop("record_kind"), args.pop("id"), args.pop("facts")
    archive, copy = archive_from(args.pop("archive")), args.pop("file", None)
    target = facts / FOLDERS[kind] / f"{record_id}.yaml"
    if not re.fullmatch(SchemaNode.of_kind(kind).properties()["id"].keyword("pattern"), record_id):
        print(f"error: {record_id!r} is not an id: lowercase ASCII letters and digits in words joined by "
              "single hyphens", file=sys.stderr)
        return 2
    if target.exists():
        print(f"error: {target} already exists: edit it instead", file=sys.stderr)
        return 1
    if copy is not None and not copy.is_file():
        print(f"error: --file {copy}: no such file", file=sys.stderr)
        return 2
    scaffold = Scaffold(kind, facts, archive, copy)
    try:
        for option in scaffold.options:
            if args.get(option.field.path) is not None:
                try:
                    scaffold.values[option.field.path] = option.parse(args[option.field.path])
                except ValueError as problem:
                    raise Refusal(f"{option.flag}: {problem}") from None
        while missing := scaffold.missing():
            if not sys.stdin.isatty():
                flags = ", ".join(option.flag for option in missing)
                print(f"error: missing options for a new {kind}: {flags} (stdin is not a terminal, so new.py "
                      "cannot ask for them)", file=sys.stderr)
                return 2
            scaffold.values[missing[0].field.path] = _ask(missing[0])
        record = scaffold.record(record_id)
        text = format_data(record, kind, str(target))
        document = load_yaml(text.encode("utf-8"), str(target))[0]
        problems = check_schema(Record(kind, str(target), document)) if document else []
        if problems:
            print("\n".join(problem.format_text() for problem in problems), file=sys.stderr)
            print(f"error: {target} not written: fix the options above", file=sys.stderr)
            return 1
        if copy is not None:
            for done in archive_copy(scaffold.archive_folder(), copy, manifest_entry(record)):
                print(done, file=sys.stderr)
    except (Refusal, FormatError) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    then = "" if kind == "source" else ": add sourced claims to it"
    print(f"wrote {display_path(target)}{then}, then run python scripts/validate.py", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
