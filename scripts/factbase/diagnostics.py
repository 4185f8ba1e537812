"""Located diagnostics: every problem the validator finds is one `Diagnostic`.

A diagnostic names the file, the 1-based line and column of the offending YAML node, a stable
code (`E101`), the rule's short name (`uncited-claim`), what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .charpolicy import SUSPECT_CLASS

MAX_SHOWN = 300  # characters of a path, message or hint shown; the rest is cut from the middle
# Characters a terminal or a CI log would act on rather than show (controls, line breaks included), and the
# invisible and bidirectional-control characters of the character policy.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + SUSPECT_CLASS + "]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    return named or (f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` made safe to print on one line: control and invisible characters escaped (`\\n`, `\\u202e`),
    and a long text shortened in the middle, saying how much was left out."""
    if len(text) > limit:
        text = f"{text[:limit * 2 // 3]} [... {len(text) - limit:,} characters ...] {text[-limit // 3:]}"
    return _UNSAFE.sub(_escape, text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    code: str
    rule: str
    message: str
    hint: str = ""

    def format_text(self) -> str:
        """`path:line:col: CODE rule: message` and a `fix:` line; nothing in the path, message or hint can
        start a line of its own (a CI runner reads `::error ...::` at the start of a line as a command)."""
        text = f"{shown(self.path)}:{self.line}:{self.col}: {self.code} {self.rule}: {shown(self.message)}"
        if self.hint:
            text += f"\n    fix: {shown(self.hint)}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions workflow command; `%`, CR and LF must be escaped in the message."""
        message = f"{self.code} {self.rule}: {shown(self.message)}"
        if self.hint:
            message += f" Fix: {shown(self.hint)}"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = shown(self.path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={path},line={self.line},col={self.col},title={self.code} {self.rule}::{message}"
