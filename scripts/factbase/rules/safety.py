"""E504 confusable-name: a name that hides a look-alike letter.

`ЕXAONE` with a Cyrillic `Е` looks like `EXAONE` but is another string: search, links and sorting treat it
as another name, and no reader can see the difference. Ids are ASCII by the schema (E105), so names,
aliases and publishers are where look-alikes can hide. Two forms are flagged:

- a word (a run of letters) that mixes Latin, Cyrillic and Greek letters;
- a styled letter that stands for a plain Latin one (`𝐄`, `Ｅ`, `ﬁ`: they fold to ASCII under Unicode NFKC);
- a word wholly in another script's look-alikes of Latin letters (`КАКАО` in Cyrillic passes for `KAKAO`:
  the confusables list of UTS #39, see charpolicy.py);
- white space other than the plain space (a no-break or ideographic space makes two names look the same).

Latin mixed with Hangul is a normal Korean name (`LG AI연구원`) and is not flagged; a word wholly in
another script that does not pass for a Latin word (`Яндекс`) is not either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..base import FactBase
from ..charpolicy import odd_space_in_name, whole_script_confusable
from ..diagnostics import Diagnostic
from ..records import Record

SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")  # the scripts whose letters look alike
NAME_FIELDS = ("name", "aliases", "publisher")  # fields holding names, by record key
_WORD = re.compile(r"[^\W\d_]+")
_HINT = ("retype the word with one keyboard layout, so that each letter is the letter it looks like "
         "(or, if the name really is written so, say why in a note and ask a maintainer)")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script.title() for script in SCRIPTS if name.startswith(script)), None)


def _describe(char: str) -> str:
    return f"«{char}» U+{ord(char):04X} {unicodedata.name(char, '')}"


def confusion(text: str) -> str | None:
    """What makes `text` confusable, or None."""
    space = odd_space_in_name(text)
    if space:
        return f"holds {_describe(space)}, which looks like a plain space"
    for word in _WORD.findall(text):
        if word.isascii():
            continue  # plain Latin letters: nothing looks like anything else
        letters = dict.fromkeys(word)  # each letter once, in order: a long word costs no more than a short one
        styled = [c for c in letters if c.isalpha() and unicodedata.normalize("NFKC", c) != c
                  and unicodedata.normalize("NFKC", c).isascii()]
        if styled:
            return (f"«{word}» writes {unicodedata.normalize('NFKC', styled[0])!r} as {_describe(styled[0])}, "
                    "a styled look-alike")
        passes_for = whole_script_confusable(word)
        if passes_for:
            return (f"«{word}» is written wholly in {_script(word[0]) or 'another script'} letters that look like "
                    f"the Latin «{passes_for}»")
        scripts: dict[str, list[str]] = {}
        for char in letters:
            script = _script(char)
            if script:
                scripts.setdefault(script, []).append(char)
        if len(scripts) > 1:
            minority = min(scripts, key=lambda script: len(scripts[script]))
            mixed = " and ".join(scripts)
            return f"«{word}» mixes {mixed} letters: {_describe(scripts[minority][0])} is a look-alike"
    return None


def _names(record: Record) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for field in NAME_FIELDS:
        value: Any = record.data.get(field)
        if isinstance(value, dict):
            yield from (((field, lang), text) for lang, text in value.items() if isinstance(text, str))
        elif isinstance(value, list):
            yield from (((field, i), text) for i, text in enumerate(value) if isinstance(text, str))


def check_confusable_names(base: FactBase) -> Iterator[Diagnostic]:
    for record in base.records:
        for path, text in _names(record):
            found = confusion(text)
            if found:
                where = "`" + ".".join(map(str, path)) + "`"
                yield record.diagnostic(path, "E504", "confusable-name", f"{where} {found}", _HINT)
