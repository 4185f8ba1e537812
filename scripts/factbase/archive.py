"""The archive of source copies: the ground truth that quotes are checked against."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .strict_yaml import Document, load_yaml

ARCHIVE_ENV = "FACTS_ARCHIVE"
# The documented default (schema/source.schema.json): ../shared/sources beside the repository.
DEFAULT_ARCHIVE = Path(__file__).resolve().parents[3] / "shared" / "sources"
ARCHIVE_DEFAULT_HELP = f"default: ${ARCHIVE_ENV}, else {DEFAULT_ARCHIVE} if it exists"  # for --archive
_WHITESPACE = re.compile(r"\s+")
_ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.DOTALL | re.IGNORECASE)
_HEADING_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row: `| a | b |` -> [a, b]."""
    return [normalise(_TAG.sub(" ", cell)) for cell in row.strip().strip("|").split("|")]


def normalise(text: str) -> str:
    """Unicode NFC, every run of white space as one space, no white space at the ends."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class ArchivedText:
    """One archived file: its normalised text, and the line each normalised character came from."""

    raw: bytes
    normalised: str = field(init=False)
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        text = unicodedata.normalize("NFC", self.raw.decode("utf-8", errors="replace"))
        pieces: list[str] = []
        starts: list[int] = []  # normalised offset at which each original line begins
        length = 0
        for line in text.split("\n"):
            starts.append(length)
            words = line.split()
            if not words:
                continue
            if length:
                pieces.append(" ")
                length += 1
                starts[-1] = length
            joined = " ".join(words)
            pieces.append(joined)
            length += len(joined)
        self.normalised = "".join(pieces)
        self._line_starts = starts

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def table_header(self, line: int) -> list[str] | None:
        """The column headings of the table a line stands in (a Markdown table's first row, or an HTML table's
        first row of non-empty <th> cells), so that a quoted row can be read with its columns; None where the
        line is in no table or the table has no heading row."""
        lines = self.raw.decode("utf-8", errors="replace").split("\n")[:line]
        if not lines or line < 1:
            return None
        if lines[-1].lstrip().startswith("|"):
            first = len(lines) - 1
            while first > 0 and lines[first - 1].lstrip().startswith("|"):
                first -= 1
            return _cells(lines[first]) if first < len(lines) - 1 else None
        start = max((i for i, text in enumerate(lines) if "<table" in text.lower()), default=None)
        end = max((i for i, text in enumerate(lines) if "</table" in text.lower()), default=-1)
        if start is None or end > start:
            return None
        for row in _ROW.findall("\n".join(lines[start:])):
            headings = [normalise(_TAG.sub("", cell)) for cell in _HEADING_CELL.findall(row)]
            if any(headings):
                return headings
        return None

    def lines_of(self, quote: str) -> list[int]:
        """The 1-based lines on which each occurrence of `quote` (normalised) starts."""
        needle = normalise(quote)
        found: list[int] = []
        if not needle:
            return found
        start = self.normalised.find(needle)
        while start != -1:
            found.append(bisect.bisect_right(self._line_starts, start))
            start = self.normalised.find(needle, start + 1)
        return found


MANIFEST = "MANIFEST.yaml"


@dataclass
class Manifest:
    """The archive's index, `MANIFEST.yaml`: under `files:`, one entry per archived copy with its `file` (the
    path inside the archive), its `sha256` and what is known about it (kind, language, publisher, url, ...).
    `new.py source --file` appends the entries; the validator checks each source record against them."""

    path: Path
    document: Document | None  # None when the file is not YAML the strict loader reads (then `problems`)
    problems: list[Diagnostic]

    @classmethod
    def read(cls, path: Path, shown_as: str) -> Manifest:
        document, problems = load_yaml(path.read_bytes(), shown_as)
        return cls(path, document, problems)

    def entries(self) -> dict[str, tuple[int, dict[str, Any]]]:
        """Each well-formed entry by its `file`, with its index under `files:` (the first entry of a file wins)."""
        data = self.document.data if self.document else None
        files = data.get("files") if isinstance(data, dict) else None
        found: dict[str, tuple[int, dict[str, Any]]] = {}
        for index, entry in enumerate(files if isinstance(files, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                found.setdefault(entry["file"], (index, entry))
        return found


class Archive:
    """Archived copies, read from a directory (by default none: quotes then stay unverified)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._texts: dict[str, ArchivedText | None] = {}

    @cached_property
    def manifest(self) -> Manifest | None:
        """The archive's index, or None when it has no `MANIFEST.yaml` (a small archive made for a test or a
        trial): the index is then not checked."""
        path = self.directory / MANIFEST
        return Manifest.read(path, str(path)) if path.is_file() else None

    def get(self, file: str) -> ArchivedText | None:
        if file not in self._texts:
            path = (self.directory / file).resolve()
            inside = self.directory.resolve() in path.parents
            self._texts[file] = ArchivedText(path.read_bytes()) if inside and path.is_file() else None
        return self._texts[file]


def quotes_must_be_verified() -> bool:
    """In CI (`CI=true`, as GitHub Actions and .ci/run set it) every quote must be verified against the
    archive: one that cannot be is an error (E309), never a count in a summary line."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1")


def archive_from(option: str | Path | None) -> Archive | None:
    """The archive quotes are verified against, the same for every command, the build and the Makefile:
    --archive, else $FACTS_ARCHIVE (set but empty: none), else DEFAULT_ARCHIVE when it exists, else none."""
    if option:
        return Archive(Path(option))
    location = os.environ.get(ARCHIVE_ENV)
    if location is not None:
        return Archive(Path(location)) if location else None
    return Archive(DEFAULT_ARCHIVE) if DEFAULT_ARCHIVE.is_dir() else None
