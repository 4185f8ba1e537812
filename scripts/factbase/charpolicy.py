"""The character policy: which characters no fact file may hold, and which no id or name may hold.

Built from Unicode's own data rather than a hand-picked list:

- `unicodedata` categories: every format character (Cf: bidirectional controls, zero-width characters,
  U+061C ARABIC LETTER MARK, the tag characters U+E0001 and U+E0020-E007F that can hide whole sentences),
  private-use code points (Co), controls (Cc, reported by the loader as E007);
- the Default_Ignorable_Code_Point characters that are not format characters (Unicode PropList.txt,
  Other_Default_Ignorable_Code_Point and Variation_Selector, below): the Hangul fillers U+115F, U+1160,
  U+3164 and U+FFA0, U+034F COMBINING GRAPHEME JOINER, the variation selectors, the other tag characters;
- characters that draw nothing but are not white space: U+2800 BRAILLE PATTERN BLANK;
- for ids and names only, white space other than the plain space (no-break, ideographic, en/em spaces);
- the confusables list of UTS #39 (data/confusables-ascii.tsv, pinned), for names wholly written in
  look-alike letters of another script ("КАКАО" in Cyrillic).

A variation selector is allowed only right after a symbol or a digit (U+FE0E/U+FE0F choose text or emoji
presentation of a symbol, ☎︎ or 1️⃣): anywhere else it is stray and hides in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

# Unicode 15.1 PropList.txt: Other_Default_Ignorable_Code_Point and Variation_Selector (ranges, inclusive).
_OTHER_DEFAULT_IGNORABLE = [(0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x2065, 0x2065),
                            (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0xE0000, 0xE0000),
                            (0xE0002, 0xE001F), (0xE0080, 0xE00FF), (0xE01F0, 0xE0FFF)]
_VARIATION_SELECTORS = [(0x180B, 0x180D), (0x180F, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF)]
_BLANK_GLYPHS = [(0x2800, 0x2800)]  # draws nothing, is not white space
_BIDI_CLASSES = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_CONFUSABLES = Path(__file__).with_name("data") / "confusables-ascii.tsv"
# Script names as they stand inside character names ("FULLWIDTH LATIN CAPITAL LETTER E" is Latin).
_SCRIPT_NAMES = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC", "HANGUL", "HIRAGANA", "KATAKANA",
                 "ARABIC", "HEBREW", "GEORGIAN", "THAI", "DEVANAGARI"}


def _in(ranges: list[tuple[int, int]], char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in ranges)


def hidden_kind(char: str) -> str | None:
    """What makes `char` invisible or deceptive wherever it stands, or None (controls are the loader's)."""
    category = unicodedata.category(char)
    if category == "Cf":
        if unicodedata.bidirectional(char) in _BIDI_CLASSES or char in "\u200e\u200f\u061c":
            return "a bidirectional control"
        if 0xE0000 <= ord(char) <= 0xE007F:
            return "a tag character"
        return "an invisible format character"
    if _in(_OTHER_DEFAULT_IGNORABLE, char):
        return "a Hangul filler" if "FILLER" in unicodedata.name(char, "") else "an invisible character"
    if _in(_VARIATION_SELECTORS, char):
        return "a variation selector"
    if _in(_BLANK_GLYPHS, char):
        return "a blank that is not white space"
    if category == "Co":
        return "a private-use character"
    if char in "\u2028\u2029":
        return "a line or paragraph separator (YAML breaks lines there, most editors do not)"
    return None


def _ranges_pattern(ranges: list[tuple[int, int]]) -> str:
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)


_PRIVATE_USE = [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]


def _suspect_ranges() -> list[tuple[int, int]]:
    """Every character hidden_kind() may refuse, as ranges of code points. Format characters (Cf) are found
    by category in the planes that have any (0-1 and 14)."""
    planes = [*range(0x80, 0x20000), *range(0xE0000, 0xE1000)]
    formats = [(code, code) for code in planes if unicodedata.category(chr(code)) == "Cf"]
    return formats + _OTHER_DEFAULT_IGNORABLE + _VARIATION_SELECTORS + _BLANK_GLYPHS + _PRIVATE_USE + [
        (0x2028, 0x2029)]


_SUSPECT_RANGES = _suspect_ranges()
# ... as a regular-expression class (searched at C speed, to find where they stand)
SUSPECT_CLASS = _ranges_pattern(_SUSPECT_RANGES)
_FIRST_ASTRAL = 0x10000


def suspect_test(also: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """A quick test of whether a text holds a character hidden_kind() may refuse (or one of `also`): False
    means none, True means search it with SUSPECT_CLASS. Every such character of the Basic Multilingual Plane
    is one class, which the regular-expression engine tests with a bitmap (SUSPECT_CLASS, with ranges beyond
    the plane, is tested range by range, and was the slowest step of loading); any character beyond the
    plane, an emoji as well, answers True and leaves the answer to the full scan."""
    basic = {chr(code) for low, high in _SUSPECT_RANGES if low < _FIRST_ASTRAL
             for code in range(low, min(high, _FIRST_ASTRAL - 1) + 1)}
    search = re.compile("[" + "".join(map(re.escape, sorted(basic | also))) + "\U00010000-\U0010ffff]").search

    def may_hold_suspect(text: str) -> bool:
        return search(text) is not None

    return may_hold_suspect


_NAME_SPACES = re.compile(r"[^\S \n]")  # white space other than the plain space (and the line break)


def stray(text: str, index: int) -> bool:
    """Whether the hidden-kind character at `index` is refused there (a variation selector after a symbol
    or a digit chooses its presentation, and is allowed)."""
    char = text[index]
    if char in "\ufe0e\ufe0f" and index > 0:
        previous = text[index - 1]
        return not (unicodedata.category(previous) in ("So", "Sm") or previous in "0123456789#*")
    return True


def hidden_in(text: str) -> tuple[int, str] | None:
    """The first refused hidden character in `text` (its offset and what it is), or None."""
    for match in re.finditer(f"[{SUSPECT_CLASS}]", text):
        kind = hidden_kind(match.group())
        if kind and stray(text, match.start()):
            return match.start(), kind
    return None


def odd_space_in_name(text: str) -> str | None:
    """A white-space character other than the plain space, which makes two names look the same."""
    match = _NAME_SPACES.search(text)
    return match.group() if match else None


def script_of(char: str) -> str | None:
    """The script of a letter by its Unicode name (LATIN, CYRILLIC, HANGUL, ...); None for other characters."""
    if not char.isalpha():
        return None
    words = unicodedata.name(char, "").split()
    if words[:1] == ["CJK"]:
        return "HAN"
    return next((word for word in words if word in _SCRIPT_NAMES), words[0] if words else None)


@cache
def ascii_look_alikes() -> dict[str, str]:
    """Each character that UTS #39 lists as confusable with one ASCII letter or digit, and that letter."""
    table: dict[str, str] = {}
    for line in _CONFUSABLES.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, ascii_char, _ = line.split("\t", 2)
            table[chr(int(code, 16))] = ascii_char
    return table


def whole_script_confusable(word: str) -> str | None:
    """The ASCII word that `word` passes for, when it is written wholly in another script's look-alikes of
    Latin letters ("КАКАО" in Cyrillic passes for "KAKAO"); None otherwise."""
    if len(word) < 2 or word.isascii():
        return None
    letters = set(word)
    scripts = {script_of(char) for char in letters}
    if len(scripts) != 1 or scripts & {None, "LATIN"}:
        return None
    table = ascii_look_alikes()
    if letters <= table.keys():
        return "".join(table[char] for char in word)
    return None
