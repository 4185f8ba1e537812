"""What the contributor tools share (scripts/new.py, scripts/cite.py): the record a name stands for, the status
a claim gets from its source, the line a quote starts on in the archived copy, and the archive's index."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from .archive import MANIFEST, Archive
from .records import KINDS, Record, load_record
from .rules.quotes import archived, not_in_source

# The status a claim gets by default from the kind of its source (schema/source.schema.json `kind`).
STATUS_BY_SOURCE = {"repository-readme": "confirmed", "press-release": "confirmed", "news-article": "reported"}
# The archive folder a source's copy goes in, by the source's kind: news under articles/, the rest (first-party
# documents, papers, reports, pages) under primary/.
ARCHIVE_FOLDER = {"news-article": "articles"}
ARCHIVE_FOLDER_DEFAULT = "primary"
# The fields of an entry of the archive's index, in the order MANIFEST.yaml writes them.
_ENTRY_FIELDS = ("file", "sha256", "kind", "language", "publisher_ko", "publisher_en", "author", "published",
                 "title", "url", "copy", "notes")


class Refusal(Exception):
    """The tool cannot do what was asked; the message says why (and what to do)."""


def default_status(source: Record | None) -> str | None:
    return STATUS_BY_SOURCE.get(str(source.data.get("kind"))) if source else None


def record_path(facts: Path, name: str) -> Path:
    """The fact file `name` stands for: a path to it, or a record id looked up in every kind's folder."""
    given = Path(name)
    if given.suffix == ".yaml" and given.is_file():
        return given
    found = [facts / folder / f"{name}.yaml" for folder in KINDS if (facts / folder / f"{name}.yaml").is_file()]
    if not found:
        raise Refusal(f"there is no record {name!r} in {facts} (give its id or the path of its file)")
    if len(found) > 1:
        raise Refusal(f"{name!r} is the id of records of several kinds: {', '.join(map(str, found))}; "
                      "give the path of the file")
    return found[0]


def read_record(path: Path) -> Record:
    record, problems = load_record(path, str(path))
    if record is None or problems:
        raise Refusal(f"{path} cannot be read:\n" + "\n".join(problem.format_text() for problem in problems))
    return record


def read_source(facts: Path, source_id: str) -> Record:
    path = facts / "sources" / f"{source_id}.yaml"
    if not path.is_file():
        raise Refusal(f"there is no source {path}: add it first (python scripts/new.py source {source_id} ...)")
    return read_record(path)


def quote_lines(archive: Archive | None, source: Record, quote: str) -> list[int]:
    """The lines of the source's archived copy on which `quote` starts; refused, with how much of it matches
    (as E301 says it), when the copy does not hold it."""
    if archive is None:
        raise Refusal("no archive folder to find the quote in: use --archive DIR or $FACTS_ARCHIVE")
    text = archived(archive, source)
    if text is None:
        raise Refusal(f"the archived copy of source {source.id!r} is not in {archive.directory} "
                      "(use --archive DIR or $FACTS_ARCHIVE)")
    lines = text.lines_of(quote)
    if not lines:
        raise Refusal(f"{not_in_source(text, quote, source.id)}: copy the quote verbatim from "
                      f"{archive.directory / source.data['archive']['file']}")
    return lines


def conventional_archive_file(source_id: str, source_kind: str, copy: Path) -> str:
    """Where a source's copy goes in the archive: `articles/<id>.txt` for news, `primary/<id>.md` for the rest,
    keeping the copy's own extension (`.txt` when it has none)."""
    folder = ARCHIVE_FOLDER.get(source_kind, ARCHIVE_FOLDER_DEFAULT)
    return f"{folder}/{source_id}{copy.suffix.lower() or '.txt'}"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_entry(record: dict[str, Any]) -> dict[str, Any]:
    """The archive index entry of a source record (as built by new.py): the fields MANIFEST.yaml lists."""
    published = record.get("published", {})
    when = published.get("date")
    if when and published.get("time"):
        when = f"{when}T{published['time']}"
    publisher, title, notes = record.get("publisher", {}), record.get("title", {}), record.get("notes", {})
    return {
        "file": record["archive"]["file"], "sha256": record["archive"]["sha256"], "kind": record.get("kind"),
        "language": record.get("language"), "publisher_ko": publisher.get("ko"),
        "publisher_en": publisher.get("en"), "author": record.get("author"), "published": when,
        "title": title.get(record.get("language", "en")), "url": record.get("url"),
        "copy": record["archive"].get("copy", "whole"), "notes": notes.get("en"),
    }


def _entry_text(entry: dict[str, Any]) -> str:
    """The entry as MANIFEST.yaml writes it: hashes and paths plain, other text in double quotes (JSON's string
    syntax is YAML's double-quoted one), unknowns `null`."""
    lines = []
    for field in _ENTRY_FIELDS:
        value = entry.get(field)
        shown = "null" if value is None else value if field in ("file", "sha256") else json.dumps(
            value, ensure_ascii=False)
        lines.append(f"{'  - ' if field == 'file' else '    '}{field}: {shown}\n")
    return "".join(lines)


def archive_copy(archive: Archive, copy: Path, entry: dict[str, Any]) -> list[str]:
    """Copies `copy` into the archive as `entry['file']` and appends the entry to the archive's index (when the
    archive has one). Nothing is overwritten: an existing file or entry must be the same copy. Returns what was
    done, for the user."""
    target = archive.directory / entry["file"]
    if target.exists() and sha256_of(target) != entry["sha256"]:
        raise Refusal(f"{target} exists and is another file: choose another name with --archive-file")
    manifest = archive.manifest
    listed = manifest.entries().get(entry["file"]) if manifest else None
    if listed is not None and listed[1].get("sha256") != entry["sha256"]:
        raise Refusal(f"{manifest.path if manifest else MANIFEST} lists {entry['file']} with another sha256: "
                      "fix the index first")
    done = []
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copy, target)
        done.append(f"copied {copy} to {target}")
    if manifest is None:
        done.append(f"{archive.directory} has no {MANIFEST}: no index entry written")
    elif listed is None:
        text = manifest.path.read_text(encoding="utf-8")
        manifest.path.write_text(text + ("" if text.endswith("\n") else "\n") + _entry_text(entry),
                                 encoding="utf-8")
        done.append(f"added {entry['file']} to {manifest.path}")
    return done
