"""Site search: the hidden search terms of each record page, and the Pagefind index built after the build.

Pagefind (PyPI `pagefind[bin]`, pinned in pyproject.toml) reads the built HTML of one language and writes a
chunked index into `<site>/<lang>/pagefind/`; the browser fetches only the chunks a query needs, when the
reader opens search (overrides/assets/search.js). What it indexes is marked in the templates:
`data-pagefind-body` on the article (overrides/main.html), `data-pagefind-weight` on names (10; a source's
title 5), the claims table's labels and values (3), editorial notes (1) and quotes (0.5, on source pages);
`data-pagefind-ignore` on footnote markers, status badges, repeated headings, what a record page repeats
(infobox, disputes, lineage, latest changes and citation, and its footnotes, whose quotes the source's page
holds) and the list pages, whose entries have pages of their own.

A record page also carries the spellings a reader may type that the page does not show: its names and
aliases written without spaces or with spaces between Hangul, Latin letters and digits, and every quantity
in Korean and English units (3000억, 300B, 300 billion; a parameter count weighs more than other
quantities), in a `hidden` block (never shown, never read out). The licence matrix carries the openness
labels (오픈소스, open weights) the same way.

Names weigh most, and Pagefind cannot tell a page named "EXAONE" from one named "EXAONE 3.5" (both hold the
word at weight 10, and the shorter page wins): beside the index, every record's names are written to small
JSON shards, `<site>/<lang>/search-names/<n>.json` (n from the name key's first two characters), which the
script looks a query up in; a page whose name is the query comes first, then one whose name starts with it,
then one whose name is one letter away from it. The licence matrix is in the shards too, named by the
openness labels.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from factbase.records import Record, iter_claims
from factbase.wording import english_number, korean_number

from .i18n import translate
from .page_types import list_pages, record_pages
from .render import environment
from .sitedata import SiteData

NAME_WEIGHT = 10  # names and aliases: Pagefind's highest weight
TITLE_WEIGHT = 5  # a source's title: a source is rarely what a reader looks for by name
SIZE_WEIGHT = 8  # the other spellings of a parameter count (3000억 = 300B = 300 billion): what a number asks
VALUE_WEIGHT = 2  # the other spellings of any other quantity (tokens, context length); claims weigh 3, quotes 0.5
NAME_SHARDS = 128  # every shard file exists (some empty), so that no lookup meets a 404
NAME_FOLDER = "search-names"

_SCRIPT_BOUNDARY = re.compile(r"(?<=[가-힣])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9.])(?=[가-힣])")
_SEPARATORS = re.compile(r"[\s\-_/:]+")
_KEY_IGNORED = re.compile(r"[\s\-_.·:/()'’]+")


def name_variants(name: str) -> list[str]:
    """The ways a reader writes a name: as is, without spaces or hyphens, with spaces between Hangul and
    Latin letters or digits, and with hyphens as spaces (엑사원3.5 = 엑사원 3.5, EXAONE-3.5 = EXAONE 3.5)."""
    spaced = _SEPARATORS.sub(" ", _SCRIPT_BOUNDARY.sub(" ", name)).strip()
    joined = spaced.replace(" ", "")
    return list(dict.fromkeys(variant for variant in (name, spaced, joined) if variant))


def number_forms(amount: float) -> list[str]:
    """A quantity in the units readers use: 3000억, 300B, 300 billion."""
    forms = [korean_number(amount), english_number(amount, short=True), english_number(amount, short=False)]
    return list(dict.fromkeys(form for form in forms if form))


def _names(record: Record) -> list[str]:
    data = record.data
    names = data.get("name") or data.get("title") or {}
    return [str(names[lang]) for lang in ("ko", "en") if names.get(lang)] + [str(a) for a in data.get("aliases", [])]


def _amounts(record: Record, sizes: bool) -> list[float]:
    """The record's quantities: its parameter counts with `sizes`, the others without. A number typed alone
    is then first a model's size, not another model's 300B training tokens."""
    found = []
    for claim in iter_claims(record):
        value: Any = claim.data.get("value")
        if isinstance(value, dict) and isinstance(value.get("amount"), (int, float)) \
                and (value.get("unit") == "parameters") == sizes:
            found.append(value["amount"])
    return found


def kind_label(record: Record, lang: str) -> str:
    if record.kind == "model":
        return translate(lang, f"kind.model.{record.data.get('kind', 'model')}")
    return translate(lang, f"record.{record.kind}")


def search_terms(data: SiteData, kind: str, record_id: str, lang: str) -> str:
    """The hidden block of a record page: its kind for the result list (Pagefind metadata), its names' other
    spellings (weighed as names) and its quantities' other units (weighed as values): number weight -> forms."""
    record = data.records[kind][record_id]
    names = [variant for name in _names(record) for variant in name_variants(name)]
    numbers = {weight: list(dict.fromkeys(form for amount in _amounts(record, sizes)
                                          for form in number_forms(amount)))
               for weight, sizes in ((SIZE_WEIGHT, True), (VALUE_WEIGHT, False))}
    return environment().get_template("search_terms.html").render(
        kind=kind_label(record, lang), names=list(dict.fromkeys(names)), numbers=numbers,
        name_weight=TITLE_WEIGHT if kind == "source" else NAME_WEIGHT)


# The availability values that make a model open; the licence matrix (the parameters page, #licences) is the
# page that answers "which models are open source?", and the many records that mention open source are not.
OPEN_AVAILABILITY = ("open-source", "open-weights")
OPENNESS_PAGE = ("parameters", "licences")  # list page, anchor


def openness_terms() -> list[str]:
    """What a reader types to ask which models are open (오픈소스, open weights), in both languages, with and
    without spaces: the licence matrix carries them as hidden terms, and its name shard entry names it by them."""
    labels = [translate(lang, f"availability.{value}") for value in OPEN_AVAILABILITY for lang in ("ko", "en")]
    return list(dict.fromkeys(variant for label in labels for variant in name_variants(label)))


def name_key(name: str) -> str:
    """A name as the script compares it with a query: lower case, without spaces, dots, hyphens or brackets
    (EXAONE-3.5 and 엑사원 3.5 give exaone35 and 엑사원35); assets/search.js computes the same key."""
    return _KEY_IGNORED.sub("", unicodedata.normalize("NFC", name).lower())


def shard_of(key: str) -> int:
    """The shard of a name key: from its first two characters, as assets/search.js computes it."""
    first = [ord(character) for character in key[:2]] + [0]
    return (first[0] * 31 + first[1]) % NAME_SHARDS


def _shard_entry(url: str, kind: str, title: str, names: list[str]) -> dict[str, Any]:
    keys = sorted({name_key(variant) for name in names for variant in name_variants(name)} - {""})
    return {"url": url, "kind": kind, "title": title, "names": " · ".join(dict.fromkeys(names)), "keys": keys}


def name_shards(data: SiteData, lang: str) -> dict[int, list[dict[str, Any]]]:
    """Shard number -> the pages with a name key in that shard: every record's page, and the licence matrix
    named by the openness terms; each with its URL (relative to the language root), kind, title, names line
    and keys."""
    entries = [_shard_entry(f"{page_type.folder}/{record_id}/", kind_label(record, lang),
                            data.name(record_id, lang), _names(record))
               for kind, page_type in record_pages().items()
               for record_id, record in sorted(data.records[kind].items())]
    list_name, anchor = OPENNESS_PAGE
    entries.append(_shard_entry(f"{list_pages()[list_name].folder}#{anchor}", translate(lang, "search.kind.list"),
                                translate(lang, "matrix.title"), openness_terms()))
    shards: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        for shard in sorted({shard_of(key) for key in entry["keys"]}):
            shards[shard].append(entry)
    return dict(shards)


def build_index(language_site: Path, data: SiteData, lang: str) -> float:
    """Pagefind's index of one language's built site (`<language_site>/pagefind/`) and the name shards beside
    it; the seconds it took."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(language_site), "--silent"], check=True)
    folder = language_site / NAME_FOLDER
    folder.mkdir(exist_ok=True)
    shards = name_shards(data, lang)
    for shard in range(NAME_SHARDS):
        text = json.dumps(shards.get(shard, []), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (folder / f"{shard}.json").write_text(text, encoding="utf-8")
    return time.perf_counter() - start
