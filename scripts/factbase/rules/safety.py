"""E504 confusable-name: a name that hides a look-alike letter.

`ЕXAONE` with a Cyrillic `Е` looks like `EXAONE` but is another string: search, links and sorting treat it
as another name, and no reader can see the difference. Ids are ASCII by the schema (E105), so names,
aliases and publishers are where look-alikes can hide. Two forms are flagged:

- a word (a run of letters) that mixes Latin with the scripts whose letters look like it (Cyrillic, Greek,
  Armenian, Cherokee, Coptic);
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
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Record

SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")  # scripts whose letters look alike
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


@rule(
    Scope.BASE,
    Code("E504", "confusable-name",
         ko="이름·별칭·발행처에 생김새만 같은 글자를 숨길 수 없다. 한 단어에 라틴·키릴·그리스 문자를 섞거나(키릴 "
            "문자 Е를 넣은 ЕXAONE), 라틴 글자를 꾸민 글자(𝐄, Ｅ)로 쓰거나, 단어 전체를 라틴 글자와 닮은 다른 문자로 "
            "쓰거나(키릴 문자 КАКАО, 유니코드 혼동 문자 목록 UTS #39로 판단), 보통 공백이 아닌 공백(U+00A0, "
            "U+3000)을 쓰면 오류다. 라틴 문자와 한글을 섞은 이름(LG AI연구원)은 괜찮다.",
         en="Names, aliases and publishers cannot hide look-alike letters: a word mixing Latin, Cyrillic and Greek "
            "letters (ЕXAONE with a Cyrillic Е), a styled form of a Latin letter (𝐄, Ｅ), a word wholly in another "
            "script's look-alikes of Latin letters (КАКАО in Cyrillic, by Unicode's confusables list, UTS #39), or "
            "a space other than the plain one (U+00A0, U+3000) is an error. Latin mixed with Hangul (LG AI연구원) "
            "is fine."),
)
def check_confusable_names(base: FactBase) -> Iterator[Diagnostic]:
    for record in base.records:
        for path, text in _names(record):
            found = confusion(text)
            if found:
                where = "`" + ".".join(map(str, path)) + "`"
                yield record.diagnostic(path, "E504", "confusable-name", f"{where} {found}", _HINT)
