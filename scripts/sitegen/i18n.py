"""Interface strings in both languages. A missing key or language is an error, so the build fails."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from factbase.strict_yaml import load_yaml

LANGUAGES = ("ko", "en")
STRINGS_FILE = Path(__file__).with_name("strings.yaml")


class MissingTranslation(KeyError):
    pass


@cache
def strings() -> dict[str, dict[str, str]]:
    document, diagnostics = load_yaml(STRINGS_FILE.read_bytes(), str(STRINGS_FILE))
    if document is None or diagnostics:
        raise ValueError("\n".join(d.format_text() for d in diagnostics))
    table: dict[str, dict[str, str]] = document.data
    for key, texts in table.items():
        missing = [lang for lang in LANGUAGES if not isinstance(texts, dict) or not texts.get(lang)]
        if missing:
            raise MissingTranslation(f"{STRINGS_FILE.name}: {key!r} has no {', '.join(missing)} text")
    return table


def translate(lang: str, key: str) -> str:
    try:
        return strings()[key][lang]
    except KeyError:
        raise MissingTranslation(f"no {lang!r} interface string {key!r} in {STRINGS_FILE.name}") from None
