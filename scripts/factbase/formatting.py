"""The canonical layout of a fact file, written with ruamel.yaml's round-trip mode (comments kept).

Canonical means: keys in the order of the schema's `properties` (unknown keys after the known
ones, in their original order); block style with 2-space indentation and list items indented
under their key; strings plain where the strict loader reads them back unchanged, else
double-quoted (so `"2021-12-14"`, `"yes"` and `"3.5"` stay strings for every YAML tool); lines
never folded.

Values are taken from the strict loader, not from ruamel.yaml (which reads YAML 1.2 and would
turn an unquoted date into a date), and the output is loaded again and compared with the input:
formatting never changes what a file means.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from .diagnostics import Diagnostic
from .reference import SchemaNode
from .schema_files import load_schema
from .strict_yaml import load_yaml


class FormatError(Exception):
    """The file cannot be formatted: it does not load cleanly (fix the diagnostics first)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.format_text() for d in diagnostics))
        self.diagnostics = diagnostics


class _Emitter(RoundTripEmitter):
    """Quotes with double quotes wherever a plain scalar is not possible (never single quotes)."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _yaml() -> YAML:
    yaml = YAML()
    yaml.Emitter = _Emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1 << 30
    yaml.allow_unicode = True
    return yaml


@cache
def _date() -> re.Pattern[str]:
    return re.compile(load_schema("common")["$defs"]["date"]["pattern"])


def _styled(text: str) -> str:
    """`text` plain if the strict loader reads it back unchanged and without complaint, else quoted.

    Dates are always quoted, even `2022-03` (which YAML reads as text): they look like dates to readers.
    """
    document, problems = load_yaml(text.encode("utf-8"), "")
    plain = document is not None and not problems and document.data == text and not _date().match(text)
    return text if plain else DoubleQuotedScalarString(text)


# Comments. ruamel.yaml attaches a full-line comment to the node *before* it (as the tail of that
# node's end-of-line comment). A comment is about what follows it, so before reordering keys each
# such tail is moved to the slot (mapping key or list item) that follows it in the document.
def _after_slot(container: CommentedBase, key: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _comment_tail(container: CommentedBase, key: Any) -> list[str]:
    """Detaches and returns the full lines that follow the slot's end-of-line comment."""
    entry = container.ca.items.get(key)
    position = _after_slot(container, key)
    token = entry[position] if entry and len(entry) > position else None
    if not isinstance(token, CommentToken):
        return []
    first, *rest = token.value.split("\n")
    if rest and rest[-1] == "":
        rest.pop()
    if first.strip():
        token.value = first + "\n"
    else:
        entry[position] = None
    return rest


def _tokens(lines: list[str]) -> list[CommentToken]:
    return [CommentToken(line.lstrip() + "\n", CommentMark(len(line) - len(line.lstrip()))) for line in lines]


def _set_comment_head(container: CommentedBase, key: Any, lines: list[str]) -> None:
    container.ca.items.setdefault(key, [None, None, None, None])[1] = _tokens(lines)


def _move_comments_forward(node: Any, pending: list[str]) -> list[str]:
    """Moves full-line comments onto the slot after them; returns those after the last slot."""
    if isinstance(node, (CommentedMap, CommentedSeq)):
        for key in list(node) if isinstance(node, CommentedMap) else range(len(node)):
            if pending:
                _set_comment_head(node, key, pending)
            pending = _move_comments_forward(node[key], _comment_tail(node, key))
        for token in node.ca.end or []:  # comments after the end of a block: the file's last lines
            pending += [" " * token.start_mark.column + line for line in token.value.split("\n")[:-1]]
        node.ca.end = []
    return pending


def _restore_last_comments(root: CommentedMap, lines: list[str]) -> None:
    """Puts the comments that ended the file back at its end."""
    if lines:
        if root.ca.comment is None:  # ruamel.yaml writes `end` only beside a (possibly empty) comment
            root.ca.comment = [None, None]
        root.ca.end = _tokens(lines)


def _canonical(node: Any, value: Any, schema: SchemaNode | None) -> Any:
    """`node` (from ruamel.yaml) rebuilt with the strict loader's `value`s, in schema key order."""
    if isinstance(node, CommentedMap) and isinstance(value, dict):
        properties = schema.properties() if schema else {}
        for key in list(node):
            node[key] = _canonical(node[key], value[key], properties.get(key))
        for key in [*(k for k in properties if k in node), *(k for k in list(node) if k not in properties)]:
            node.move_to_end(key)
        node.fa.set_block_style()
        return node
    if isinstance(node, CommentedSeq) and isinstance(value, list):
        items = schema.items() if schema else None
        for index, item in enumerate(value):
            node[index] = _canonical(node[index], item, items)
        node.fa.set_block_style()
        return node
    return _styled(value) if isinstance(value, str) else value


def _render(root: CommentedMap, data: dict[str, Any], kind: str, path: str) -> str:
    """Dumps `root` canonically with the values of `data`, and checks the text reads back as `data`."""
    yaml = _yaml()
    trailing = _move_comments_forward(root, [])
    _canonical(root, data, SchemaNode.of_kind(kind))
    _restore_last_comments(root, trailing)
    out = io.StringIO()
    yaml.dump(root, out)
    text = out.getvalue()
    again, problems = load_yaml(text.encode("utf-8"), path)
    if again is None or problems or again.data != data:
        raise FormatError(problems or [Diagnostic(path, 1, 1, "F002", "not-representable",
                                                  "the record does not survive being written as YAML",
                                                  "fact files hold mappings, lists, text, numbers, true/false")])
    return text


def _comments(yaml: YAML, text: str) -> dict[str, tuple[int, int]]:
    """Every comment line in `text`, stripped, with where it first stands (from the scanner's tokens)."""
    found: dict[str, tuple[int, int]] = {}
    pending: list[Any] = [getattr(token, "comment", None) for token in yaml.scan(text)]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, CommentToken):
            for offset, line in enumerate(item.value.split("\n")):
                if line.strip():
                    found.setdefault(line.strip(), (item.start_mark.line + 1 + offset, item.start_mark.column + 1))
    return found


def _check_comments_kept(yaml: YAML, before: str, after: str, path: str) -> None:
    """ruamel.yaml drops comments inside `{...}`/`[...]` and before `---`: refuse rather than lose them."""
    if "#" not in before:
        return
    kept = _comments(yaml, after)
    lost = [(position, comment) for comment, position in _comments(yaml, before).items() if comment not in kept]
    hint = "put the comment on a line of its own in block layout (not inside `{...}` or `[...]`, not before `---`)"
    if lost:
        raise FormatError([Diagnostic(path, line, column, "F001", "comment-would-be-lost",
                                      f"formatting would lose the comment {comment!r}", hint)
                           for (line, column), comment in sorted(lost)])


def _loaded(raw: bytes, path: str) -> tuple[dict[str, Any], CommentedMap]:
    """The strict loader's values of a fact file, and ruamel.yaml's tree of it (with its comments)."""
    document, problems = load_yaml(raw, path)
    if document is None or problems:
        raise FormatError(problems)
    if not isinstance(document.data, dict):
        raise FormatError([Diagnostic(path, 1, 1, "E104", "wrong-type", "a fact file holds one mapping",
                                      "write the record as `key: value` lines")])
    try:
        root = _yaml().load(raw.decode("utf-8"))
    except YAMLError as exc:  # the strict loader read it; ruamel.yaml's parser did not
        raise FormatError([Diagnostic(path, 1, 1, "E001", "yaml-syntax", str(exc).splitlines()[0],
                                      "simplify the YAML at this place")]) from None
    return document.data, root


def format_text(raw: bytes, kind: str, path: str = "<text>") -> str:
    """The canonical text of a fact file of `kind`. Raises FormatError if it does not load cleanly."""
    data, root = _loaded(raw, path)
    text = _render(root, data, kind, path)
    _check_comments_kept(_yaml(), raw.decode("utf-8"), text, path)
    return text


def _append(node: Any, at: tuple[str | int, ...], item: Any, mapping: type, sequence: type) -> None:
    """Appends `item` to the list at `at` under `node`, making the mappings and the list that are missing."""
    for depth, key in enumerate(at):
        if isinstance(key, str) and key not in node:
            node[key] = sequence() if depth == len(at) - 1 else mapping()
        node = node[key]
    node.append(item)


def format_appended(raw: bytes, kind: str, at: tuple[str | int, ...], item: Any, path: str = "<text>") -> str:
    """The canonical text of a fact file of `kind` with `item` (dicts, lists, text, numbers) appended to the list
    at `at` (`("claims", "parameters")`; the mappings and the list are made where missing), comments kept."""
    data, root = _loaded(raw, path)
    _append(data, at, item, dict, list)
    _append(root, at, _commented(item), CommentedMap, CommentedSeq)
    text = _render(root, data, kind, path)
    _check_comments_kept(_yaml(), raw.decode("utf-8"), text, path)
    return text


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((key, _commented(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_commented(item) for item in value)
    return value


def format_data(data: dict[str, Any], kind: str, path: str = "<data>") -> str:
    """The canonical text of a record built in Python (dicts, lists, strings, numbers, booleans)."""
    return _render(_commented(data), data, kind, path)
