"""A strict YAML loader for fact files.

PyYAML's own loaders silently accept duplicate keys, expand aliases (alias bombs), and turn
`no` into False, `2021-12-14` into a date, `017` into 15 and `1:30` into 90. Fact files want
none of that. This loader reads the C parser's event stream (fast, and it never expands
aliases) and builds plain Python values itself, keeping the line and column of every node so
that later checks can point at the offending node.

Plain (unquoted) scalars resolve to: `null`/`~`/empty -> None, `true`/`false` -> bool,
decimal integers and floats -> numbers, anything else -> str. Plain scalars that YAML 1.1
would read as something else (yes/no/on/off, dates, times, octal, hex, sexagesimal, .inf,
.nan) are errors: the contributor must quote them, so the file means the same to every tool.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from . import charpolicy
from .diagnostics import Diagnostic

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_ITEMS = 1000  # entries in one list or mapping: keeps every check on a record fast (the largest holds 39)
MAX_NUMBER_LENGTH = 40  # longer numbers are read differently by different tools (Python refuses 4,300 digits)

Path = tuple[str | int, ...]
Position = tuple[int, int]

_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]+)?")  # 1e3 is text to YAML 1.1: E004
_AMBIGUOUS = [
    (re.compile(r"(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE)"),
     "a YAML 1.1 boolean", "write true or false, or quote the text"),
    (re.compile(r"(Null|NULL)"), "a YAML null", "write null, or quote the text"),
    (re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?"), "a date or timestamp",
     'quote it: "2021-12-14"'),
    (re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"), "a sexagesimal (base-60) number or time",
     'quote it: "1:30"'),
    (re.compile(r"[-+]?0[0-9_]+"), "an octal-looking number", 'quote it ("017") or drop the leading zero'),
    (re.compile(r"[-+]?0(x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)"), "a hexadecimal, octal or binary number",
     "write the number in decimal, or quote it"),
    (re.compile(r"[-+]?\.(inf|Inf|INF|nan|NaN|NAN)"), "an infinity or not-a-number",
     "facts hold finite numbers: write the number, or quote the text"),
    (re.compile(r"[-+]?([0-9][0-9_]*)?\.?[0-9_]+([eE][-+]?[0-9]+)?|\+[0-9]+|[0-9][0-9_]*_[0-9_]*"),
     "a number in a form other tools read differently", "write a plain decimal number, or quote it"),
]
# Whether a plain scalar is any of the above: one test for the common case, plain text.
_ANY_AMBIGUOUS = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _AMBIGUOUS))

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Every character _bad_character() may refuse (tab, C0 and C1 controls but line breaks, noncharacters, and
# the invisible and bidirectional-control characters of the character policy): text is searched for these
# at C speed rather than looked at one character at a time.
_CONTROLS = "\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_SUSPECT = re.compile("[" + _CONTROLS + charpolicy.SUSPECT_CLASS + "]")
_CONTROL_CHARACTERS = frozenset("\t\x0b\x0c\ufffe\uffff" + "".join(
    chr(code) for low, high in ((0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x9F)) for code in range(low, high + 1)))
# False when a text holds none of the characters _SUSPECT finds: most files and values, spared the scan
_MAY_HOLD_SUSPECT = charpolicy.suspect_test(_CONTROL_CHARACTERS)


@dataclass
class Document:
    """A loaded YAML document: its data and where each node stands (1-based line, column)."""

    data: Any
    positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[Path, Position] = field(default_factory=dict)
    # each number as the file writes it: 33.0 loads as the float 33.0, which prints as 33
    number_texts: dict[Path, str] = field(default_factory=dict)

    def number_text(self, path: Path) -> str | None:
        """The number at `path` as the file writes it (`33.0`, `6166502400`), or None if no number stands there.

        Python keeps a number's value, not its form: whoever shows a number as the source states it (the site,
        the downloads) asks here."""
        return self.number_texts.get(tuple(path))

    def numbers(self) -> Iterator[tuple[Path, int | float]]:
        """(path, number) of every number in the data, without walking all of it: the loader noted where each
        stands. A number under a duplicate key (E002) was noted but never joined the data: it is passed over."""
        for path in self.number_texts:
            node = self.data
            try:
                for step in path:
                    node = node[step]
            except (KeyError, IndexError, TypeError):
                continue
            if type(node) is int or type(node) is float:
                yield path, node

    def position(self, path: Path) -> Position:
        """The position of the node at `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return (1, 1)

    def key_position(self, path: Path) -> Position:
        """The position of the mapping key whose value is at `path` (falls back to the value)."""
        return self.key_positions.get(tuple(path)) or self.position(path)


def _bad_character(text: str, index: int) -> tuple[str, str, str, str] | None:
    """(code, rule, message, hint) if the character at `index` of `text` may not stand in a fact file, raw
    or written as an escape."""
    char = text[index]
    if char == "\t":
        return "E007", "control-character", "a tab character", "indent and separate with spaces"
    hidden = charpolicy.hidden_kind(char)
    if hidden and charpolicy.stray(text, index):
        return ("E013", "invisible-character", f"{_describe(char)}: invisible and bidirectional-control "
                f"characters make text read differently from what it is ({hidden})", "delete the character")
    if (unicodedata.category(char) == "Cc" and char not in "\n\r") or char in "\ufffe\uffff":
        return "E007", "control-character", _describe(char), "delete the character"
    return None


@lru_cache(maxsize=4096)  # a record's keys and plain words (`status: confirmed`) recur in every file
def _plain(value: str) -> tuple[Any, tuple[str, str] | None]:
    """What an unquoted scalar is: (its value, None), or (the text, (message, hint) of E004) when YAML 1.1
    tools read it otherwise."""
    if value in ("", "~", "null"):
        return None, None
    if value in ("true", "false"):
        return value == "true", None
    if _INT.fullmatch(value) or _FLOAT.fullmatch(value):
        if len(value) <= MAX_NUMBER_LENGTH:
            number = int(value) if _INT.fullmatch(value) else float(value)
            if math.isfinite(number):
                return number, None
        shown = value if len(value) <= 20 else value[:20] + "…"
        return value, (f"unquoted {shown} ({len(value)} characters) is a number too large for other tools to "
                       "read the same", f"write a number of at most {MAX_NUMBER_LENGTH} characters, or quote it")
    if not _ANY_AMBIGUOUS.fullmatch(value):  # one test for the common case, plain text
        return value, None
    for pattern, what, hint in _AMBIGUOUS:
        if pattern.fullmatch(value):
            return value, (f"unquoted {value!r} is read as {what} by YAML 1.1 tools, not as text", hint)
    return value, None


class _Fatal(Exception):
    """Stops loading: the file cannot be read further."""


def _line_col_of_offset(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _describe(char: str) -> str:
    unnamed = {"Co": "private-use character", "Cc": "control character"}.get(unicodedata.category(char))
    name = unicodedata.name(char, unnamed or "noncharacter")
    return f"U+{ord(char):04X} {name}"


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def error(self, position: Position, code: str, rule: str, message: str, hint: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, position[0], position[1], code, rule, message, hint))

    def decode(self, raw: bytes) -> str:
        if len(raw) > MAX_FILE_BYTES:
            self.error((1, 1), "E010", "file-too-large",
                       f"the file is {len(raw):,} bytes; a fact file may be at most {MAX_FILE_BYTES:,}",
                       "one record per file keeps files small: split the record or shorten its text")
            raise _Fatal
        if raw.startswith(b"\xef\xbb\xbf"):
            self.error((1, 1), "E006", "encoding", "the file starts with a byte-order mark (BOM)",
                       "save the file as UTF-8 without BOM")
            raise _Fatal
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            prefix = raw[: exc.start].decode("utf-8", errors="replace")
            self.error(_line_col_of_offset(prefix, len(prefix)), "E006", "encoding",
                       f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", "save the file as UTF-8")
            raise _Fatal from None
        if not text.strip():
            self.error((1, 1), "E008", "empty-file", "the file holds no record",
                       "write the record, or delete the file")
            raise _Fatal
        if _MAY_HOLD_SUSPECT(text):
            for suspect in _SUSPECT.finditer(text):
                bad = _bad_character(text, suspect.start())
                if bad:
                    self.error(_line_col_of_offset(text, suspect.start()), *bad)
                    raise _Fatal
        return text

    def check_escapes(self, value: str, position: Position) -> None:
        """A double-quoted scalar can write any character as an escape (`"\\u202e"`): the same rules apply."""
        if not _MAY_HOLD_SUSPECT(value) or _SUSPECT.search(value) is None:
            return
        found: dict[str, tuple[str, str, str, str]] = {}  # each refused character once
        for suspect in _SUSPECT.finditer(value):
            bad = _bad_character(value, suspect.start())
            if bad:
                found.setdefault(suspect.group(), bad)
        for code, rule, message, hint in found.values():
            self.error(position, code, rule, f"{message} (written as an escape)", hint)

    def scalar(self, event: yaml.ScalarEvent, position: Position, may_escape: bool) -> Any:
        if event.tag is not None and not any(event.implicit):
            self.error(position, "E005", "explicit-tag", f"explicit tag {event.tag!r}",
                       "remove the tag: fact files hold plain strings, numbers, true/false and null")
            return event.value
        value: str = event.value
        if event.style == '"' and may_escape:
            self.check_escapes(value, position)
        if event.style:  # quoted or block scalar: always a string
            return value
        resolved, problem = _plain(value)
        if problem is not None:
            self.error(position, "E004", "ambiguous-scalar", *problem)
        return resolved

    def build(self, text: str) -> Document:
        """Builds the single document in `text` from the parser's events, without recursion."""
        try:
            return self._build(text, yaml.parse(text, Loader=yaml.CSafeLoader))
        except yaml.YAMLError as exc:  # a MarkedYAMLError, or (defensively) any other parser error
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            lines = _LINE_BREAK.split(text)
            if position[0] > len(lines):  # at the end of a file without a final line break
                position = (len(lines), len(lines[-1]) + 1)
            problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
            context, started = getattr(exc, "context", None), getattr(exc, "context_mark", None)
            if context and started and mark and (started.line, started.column) < (mark.line, mark.column):
                # where the unfinished construct began
                problem += f" ({context} at line {started.line + 1}, column {started.column + 1})"
            self.error(position, "E001", "yaml-syntax", f"{problem}",
                       "fix the YAML syntax at this place (indentation, quotes, colons)")
            raise _Fatal from None

    def _build(self, text: str, events: Iterator[Any]) -> Document:  # events told apart by exact type
        """The loop of build(), over some 140 events a record: it asks each event's exact type once, since
        the parser emits no subclasses of its event classes."""
        document = Document(None)
        positions, key_positions, number_texts = document.positions, document.key_positions, document.number_texts
        # Without a backslash, a double-quoted value holds only characters that stood raw in the text, which
        # decode() checked: its escapes need no second look.
        may_escape = "\\" in text
        stack: list[tuple[Any, Path, list[Any]]] = []  # (container, its path, [pending key, key mark])
        documents = 0
        for event in events:
            kind = type(event)
            if kind in _CLOSING:
                stack.pop()
                continue
            start = event.start_mark
            position = (start.line + 1, start.column + 1) if start else (1, 1)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None:
                    self._anchor(event, position)
                value: Any = self.scalar(event, position, may_escape)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    self._anchor(event, position)
                if event.tag is not None and not event.implicit:
                    self.error(position, "E005", "explicit-tag", f"explicit tag {event.tag!r}",
                               "remove the tag")
                value = {} if kind is yaml.MappingStartEvent else []
            elif kind is yaml.AliasEvent:
                self._anchor(event, position)
                value = None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.error(position, "E009", "multiple-documents", "a second YAML document in one file",
                               "one record per file: move it to a file of its own and delete the `---`")
                    raise _Fatal
                continue
            else:  # the stream's start and end, a document's end
                continue

            if not stack:
                path: Path = ()
                document.data = value
            else:
                container, parent_path, pending = stack[-1]
                if type(container) is list:
                    path = (*parent_path, len(container))
                    container.append(value)
                elif pending[0] is None:  # this node is a mapping key
                    if kind is not yaml.ScalarEvent or type(value) is not str:
                        self.error(position, "E012", "non-string-key",
                                   "a mapping key must be a plain name", "write the key as a word: `name:`")
                        raise _Fatal
                    pending[0], pending[1] = value, position
                    continue
                else:
                    key, key_position = pending[0], pending[1]
                    pending[0] = None
                    path = (*parent_path, key)
                    if key in container:
                        first = key_positions[path]
                        self.error(key_position, "E002", "duplicate-key",
                                   f"duplicate key {key!r} (first at line {first[0]})",
                                   "keep one of the two entries")
                    else:
                        container[key] = value
                        key_positions[path] = key_position
                if len(container) > MAX_ITEMS:
                    self.error(position, "E014", "too-many-items",
                               f"more than {MAX_ITEMS:,} entries in one list or mapping",
                               "a fact record is small: split it into records, or remove repeated entries")
                    raise _Fatal
            positions.setdefault(path, position)
            value_type = type(value)
            if value_type is int or value_type is float:
                number_texts.setdefault(path, event.value)
            elif value_type is dict or value_type is list:
                if len(stack) >= MAX_DEPTH:
                    self.error(position, "E011", "nesting-too-deep",
                               f"nesting deeper than {MAX_DEPTH} levels", "fact records are shallow: flatten it")
                    raise _Fatal
                stack.append((value, path, [None, None]))
        return document

    def _anchor(self, event: yaml.NodeEvent, position: Position) -> None:
        self.error(position, "E003", "anchor-or-alias",
                   f"anchor or alias {event.anchor!r}: fact files do not share nodes",
                   "write the value out in full where it is needed")


_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def load_yaml(raw: bytes, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Loads one fact file. Returns the document (None if unreadable) and every problem found."""
    reader = _Reader(path)
    try:
        document = reader.build(reader.decode(raw))
        if document.data is None:  # comments only, `---`, or `null`
            reader.error((1, 1), "E008", "empty-file", "the file holds no record",
                         "write the record, or delete the file")
            raise _Fatal
    except _Fatal:
        return None, reader.diagnostics
    except RecursionError:  # pragma: no cover - the builder does not recurse; a guard all the same
        reader.error((1, 1), "E011", "nesting-too-deep", "the file nests too deeply", "flatten it")
        return None, reader.diagnostics
    return document, reader.diagnostics
