"""Located diagnostics: every problem the validator finds is one `Diagnostic`.

A diagnostic names the file, the 1-based line and column of the offending YAML node, a stable
code (`E101`), the rule's short name (`uncited-claim`), what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {self.rule}: {self.message}"
        if self.hint:
            text += f"\n    fix: {self.hint}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions workflow command; `%`, CR and LF must be escaped in the message."""
        message = f"{self.code} {self.rule}: {self.message}"
        if self.hint:
            message += f" Fix: {self.hint}"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={path},line={self.line},col={self.col},title={self.code} {self.rule}::{message}"
