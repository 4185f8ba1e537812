"""Value types: what a claim's value is (a date, a quantity, a score, ...), each declared once, here.

An entry says everything the validator and the site do differently per type: the claim definition whose
`value` it is (in schema/common.schema.json, or in the schema of the one record kind that uses it), how its
number, date and names are checked against the quotes, which ids of other records it holds, which values are
compared for conflicts and when they agree, how a message shows it, its text in each language, its cells in
claims.csv, its schema.org form in a page's JSON-LD, and a sample value for tests. A claim learns its type
once, when it is read (`Claim.value_type`, from its property's schema definition); no consumer names a type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from .rules.dates import label, parse_date
from .rules.numerals import as_decimal, shown
from .schema_files import load_schema
from .wording import format_date, format_quantity, format_score

Translate = Callable[[str], str]  # an interface string of strings.yaml by key, in the language being written
Agree = Callable[[Any, Any], bool]
JsonLd = Callable[[Any, str, Translate], dict[str, Any]]  # (value, lang, t) -> schema.org PropertyValue fields


def _as_text(value: Any, lang: str, translate: Translate) -> str:
    return str(value)


def _csv_cells(value: Any) -> tuple[str, str, str]:
    """The value, unit and qualifier cells of claims.csv: a structured value as JSON, the rest as written."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True), "", ""
    return str(value), "", ""


@dataclass(frozen=True)
class ValueType:
    name: str
    definition: str  # the claim definition in schema/common.schema.json (`quantityClaim`) whose `value` this is
    sample: Any  # a valid value, for tests
    text: Callable[[Any, str, Translate], str] = _as_text  # the value as a language writes it (value, lang, t)
    names_kind: str | None = None  # the value is the id of a record of this kind: linked on the site, E203
    links_out: bool = False  # the value is an address: linked off the site
    is_date: bool = False  # a date: the quotes or a publication date must give it (E306); the date it reports
    number_fields: tuple[str, ...] = ()  # the value's fields holding numbers the quotes must state (E305)
    named_fields: tuple[str, ...] = ()  # the value's fields naming a benchmark, list or scope the quotes name (E310)
    refers: tuple[tuple[str, str], ...] = ()  # (field, kind): the value's fields holding ids of records (E203, linked)
    same_fact: tuple[str, ...] = ()  # the value's fields two values must share to be one fact (conflicts)
    agree: Agree | None = None  # when two values of one fact agree (E403); None: a property holds many values
    shown: Callable[[Any], str] = str  # the value in a validator message
    csv: Callable[[Any], tuple[str, str, str]] = _csv_cells  # its value, unit and qualifier cells in claims.csv
    # the value from its short form on the command line (`cite.py --value`); None: the text is the value. Any
    # value may also be given as a YAML flow snippet (`{ko: ..., en: ...}`), which needs no entry here.
    from_text: Callable[[str], Any] | None = None
    jsonld: JsonLd | None = None  # its schema.org PropertyValue fields on the page's JSON-LD; None: not listed

    @property
    def quoted(self) -> bool:
        """The value is looked for in the quotes (and may be marked `derived` when worked out from them)."""
        return self.is_date or bool(self.number_fields)


# -- what the entries below need ------------------------------------------------------------------------------
_LOWER = ("at-least", "more-than")
_UPPER = ("up-to", "less-than")


def _number(value: Any, field: str) -> Decimal | None:
    number = value.get(field) if isinstance(value, dict) else None
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    return as_decimal(number)


def _digits_agree(a: Decimal, b: Decimal) -> bool:
    """Equal, or the more precise one rounded or cut to the last digit of the other (which has 2 or more)."""
    if a == b or not a.is_finite() or not b.is_finite():
        return a == b
    coarse, fine = sorted((a.normalize(), b.normalize()), key=lambda n: -int(n.as_tuple().exponent))
    exponent = int(coarse.as_tuple().exponent)
    if len(coarse.as_tuple().digits) < 2 or exponent == int(fine.as_tuple().exponent):
        return False
    step = Decimal(1).scaleb(exponent)
    return any(fine.quantize(step, rounding=mode) == coarse for mode in (ROUND_HALF_UP, ROUND_DOWN))


def _quantities_agree(a: Any, b: Any) -> bool:
    """Qualifiers respected (`more-than 300` agrees with 350); a rounded figure agrees with a precise one."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return True
    x, y = _number(a, "amount"), _number(b, "amount")
    if x is None or y is None:
        return True
    qa, qb = a.get("qualifier", "exact"), b.get("qualifier", "exact")
    if qa in _LOWER or qb in _LOWER or qa in _UPPER or qb in _UPPER:
        low = max((n for n, q in ((x, qa), (y, qb)) if q not in _UPPER), default=Decimal(0))
        high = min((n for n, q in ((x, qa), (y, qb)) if q not in _LOWER), default=None)
        return high is None or low <= high
    return _digits_agree(x, y)


def _dates_agree(a: Any, b: Any) -> bool:
    x, y = parse_date(a), parse_date(b)
    return x is None or y is None or x.nested(y)


def _scores_agree(a: Any, b: Any) -> bool:
    x, y = _number(a, "score"), _number(b, "score")
    return x is None or y is None or _digits_agree(x, y)


def _date_shown(value: Any) -> str:
    span = parse_date(value)
    return label(span) if span is not None else str(value)


def _number_shown(value: Any, field: str) -> str:
    number = _number(value, field)
    return f"{shown(number) if number is not None else value[field]} {value.get('unit', '')}".strip()


def _quantity_shown(value: Any) -> str:
    if not isinstance(value, dict) or "amount" not in value:
        return str(value)
    qualifier = value.get("qualifier", "exact")
    text = _number_shown(value, "amount")
    return text if qualifier == "exact" else f"{qualifier} {text}"


def _score_shown(value: Any) -> str:
    return _number_shown(value, "score") if isinstance(value, dict) and "score" in value else str(value)


def number_text(number: int | float) -> str:
    """A number in plain decimal notation, every digit kept (0.000001, never 1e-06; 0.1234567890123, never
    0.123457): the validator (E109) admits only numbers a double holds exactly to their written digits."""
    return str(number) if isinstance(number, int) else format(Decimal(repr(number)), "f")


def _quantity_csv(value: Any) -> tuple[str, str, str]:
    return number_text(value["amount"]), value["unit"], value.get("qualifier", "exact")


_QUANTITY_TEXT = re.compile(r"(?:(?P<qualifier>[a-z-]+) )?(?P<amount>[0-9]+(?:\.[0-9]+)?) (?P<unit>\S+)")


def _quantity_from_text(text: str) -> Any:
    """`[QUALIFIER] AMOUNT UNIT`, the amount written out in digits: `approximately 300000000000 parameters`."""
    match = _QUANTITY_TEXT.fullmatch(" ".join(text.split()))
    if match is None:
        raise ValueError("write a quantity as [QUALIFIER] AMOUNT UNIT, the amount in digits "
                         "(`32000000000 parameters`, `approximately 300000000000 parameters`)")
    amount = match["amount"]
    value: dict[str, Any] = {"amount": float(amount) if "." in amount else int(amount), "unit": match["unit"]}
    if match["qualifier"]:
        value["qualifier"] = match["qualifier"]
    return value


def _listed_from_text(text: str) -> list[str]:
    """Comma-separated items: `text, image`."""
    return [item.strip() for item in text.split(",") if item.strip()]


def _quantity_jsonld(value: Any, lang: str, translate: Translate) -> dict[str, Any]:
    return {"value": value["amount"], "unitText": value["unit"]}


def _score_jsonld(value: Any, lang: str, translate: Translate) -> dict[str, Any]:
    form = {"name": value["benchmark"], "value": value["score"], "unitText": value["unit"]}
    return {**form, "measurementTechnique": value["setting"]} if value.get("setting") else form


def rendered_name(name: dict[str, str], lang: str, translate: Translate) -> str:
    """A name in a language; marked where that language's text is a rendering, not the source's words."""
    return f"{name[lang]} ({translate('value.rendered')})" if name.get("rendered") == lang else name[lang]


def _ordinal(rank: int) -> str:
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def _result_text(value: Any, lang: str, translate: Translate) -> str:
    """GPQA-Diamond (reasoning): 7th of 20 among open-weight models / 오픈 웨이트 모델 중 7위 (20개 중)."""
    setting = f" ({value['setting']})" if value.get("setting") else ""
    scope = rendered_name(value["scope"], lang, translate) if value.get("scope") else ""
    score = (" · " + format_score({"unit": "points", **value, "benchmark": "", "setting": None}, lang)
             .removeprefix(": ")) if "score" in value else ""
    rank, of = value["rank"], value.get("of")
    held, among = value.get("in_benchmarks"), value.get("of_benchmarks")
    if lang == "ko":
        place = " ".join(part for part in (
            scope, f"벤치마크 {among}개 중 {held}개에서" if held else "", f"{rank}위") if part)
        place += f" ({of}개 중)" if of else ""
    else:
        place = " ".join(part for part in (
            _ordinal(rank), f"of {of}" if of else "", scope,
            f"in {held} of {among} benchmarks" if held else "") if part)
    return f"{rendered_name(value['benchmark'], lang, translate)}{setting}: {place}{score}"


def _results_agree(a: Any, b: Any) -> bool:
    fields = ("rank", "of", "in_benchmarks", "of_benchmarks")
    return all(a.get(f) is None or b.get(f) is None or a[f] == b[f] for f in fields) \
        if isinstance(a, dict) and isinstance(b, dict) else True


def _result_shown(value: Any) -> str:
    if not isinstance(value, dict) or not isinstance(value.get("benchmark"), dict):
        return str(value)
    of = f" of {value['of']}" if value.get("of") else ""
    return f"{value['benchmark'].get('en')}: rank {value.get('rank')}{of}"


def _result_jsonld(value: Any, lang: str, translate: Translate) -> dict[str, Any]:
    return {"name": rendered_name(value["benchmark"], lang, translate), "value": value["rank"], "unitText": "rank",
            "description": _result_text(value, lang, translate)}


def _membership_text(value: Any, lang: str, translate: Translate) -> str:
    """Notable AI Models, March 2025 (its owner is linked by the page, from `refers`)."""
    date = f", {format_date(value['date'], lang)}" if value.get("date") else ""
    return f"{rendered_name(value['list'], lang, translate)}{date}"


def _membership_shown(value: Any) -> str:
    listed = value.get("list") if isinstance(value, dict) else None
    return f"{listed.get('en')} ({value.get('owner')})" if isinstance(listed, dict) else str(value)


def _membership_jsonld(value: Any, lang: str, translate: Translate) -> dict[str, Any]:
    form = {"value": rendered_name(value["list"], lang, translate), "propertyID": value["owner"]}
    return {**form, "validFrom": value["date"]} if value.get("date") else form


def _participant_score_text(value: Any, lang: str, translate: Translate) -> str:
    """average of 13 benchmarks (our rendering): 72 points (its participant is linked by the page)."""
    return format_score({**value, "benchmark": rendered_name(value["benchmark"], lang, translate)}, lang)


def _participant_score_shown(value: Any) -> str:
    benchmark = value.get("benchmark") if isinstance(value, dict) else None
    if not isinstance(benchmark, dict):
        return str(value)
    return f"{value.get('participant')}: {benchmark.get('en')} {_score_shown(value)}"


def _participant_score_jsonld(value: Any, lang: str, translate: Translate) -> dict[str, Any]:
    return {"name": rendered_name(value["benchmark"], lang, translate), "value": value["score"],
            "unitText": value["unit"], "propertyID": value["participant"]}


def _comparison_text(value: Any, lang: str, translate: Translate) -> str:
    """average of 13 benchmarks: 104% (its two participants are linked by the page)."""
    return f"{rendered_name(value['benchmark'], lang, translate)}: {value['percent']:g}%"


def _percents_agree(a: Any, b: Any) -> bool:
    x, y = _number(a, "percent"), _number(b, "percent")
    return x is None or y is None or _digits_agree(x, y)


def _comparison_shown(value: Any) -> str:
    if not isinstance(value, dict):
        return str(value)
    return f"{value.get('participant')} at {value.get('percent')}% of {value.get('of')}"


def _comparison_jsonld(value: Any, lang: str, translate: Translate) -> dict[str, Any]:
    return {"name": rendered_name(value["benchmark"], lang, translate), "value": value["percent"],
            "unitText": "percent", "propertyID": value["participant"], "valueReference": value["of"]}


def _words(prefix: str) -> Callable[[Any, str, Translate], str]:
    """Values from a fixed list, each shown by its interface string `prefix.value` (a list of them joined)."""

    def text(value: Any, lang: str, translate: Translate) -> str:
        items = value if isinstance(value, list) else [value]
        return ", ".join(translate(f"{prefix}.{item}") for item in items)

    return text


# -- the value types ------------------------------------------------------------------------------------------
VALUE_TYPES = (
    ValueType("text", "textClaim", {"ko": "한국어 문장", "en": "A statement"},
              text=lambda value, lang, translate: str(value[lang])),
    ValueType("date", "dateClaim", "2021-12-14", text=lambda value, lang, translate: format_date(value, lang),
              is_date=True, agree=_dates_agree, shown=_date_shown),
    ValueType("quantity", "quantityClaim", {"amount": 300000000000, "unit": "parameters", "qualifier": "approximately"},
              text=lambda value, lang, translate: format_quantity(value, lang), number_fields=("amount",),
              same_fact=("unit",), agree=_quantities_agree, shown=_quantity_shown, csv=_quantity_csv,
              from_text=_quantity_from_text, jsonld=_quantity_jsonld),
    ValueType("url", "urlClaim", "https://example.org/model", links_out=True),
    ValueType("organization", "organizationClaim", "lg-ai-research", names_kind="organization"),
    ValueType("model", "modelClaim", "exaone-3-0", names_kind="model"),
    ValueType("modalities", "modalitiesClaim", ["text", "image"], text=_words("modality"),
              from_text=_listed_from_text),
    ValueType("languages", "languagesClaim", ["ko", "en"], text=_words("language"), from_text=_listed_from_text),
    ValueType("availability", "availabilityClaim", "open-weights", text=_words("availability")),
    ValueType("score", "scoreClaim", {"benchmark": "KMMLU", "score": 61.5, "unit": "percent", "setting": "5-shot"},
              text=lambda value, lang, translate: format_score(value, lang), number_fields=("score",),
              named_fields=("benchmark",),
              same_fact=("benchmark", "setting", "unit"), agree=_scores_agree, shown=_score_shown,
              jsonld=_score_jsonld),
    ValueType("result", "resultClaim",
              {"benchmark": {"ko": "오픈 웨이트 모델 지능 지수", "en": "open-weights intelligence index",
                             "rendered": "en"},
               "rank": 7, "of": 20, "scope": {"ko": "오픈 웨이트 모델 중", "en": "among open-weight models"},
               "setting": "reasoning"},
              text=_result_text, number_fields=("rank", "of", "in_benchmarks", "of_benchmarks", "score"),
              named_fields=("benchmark", "scope"), same_fact=("benchmark", "setting", "scope"), agree=_results_agree,
              shown=_result_shown, jsonld=_result_jsonld),
    ValueType("membership", "membershipClaim",
              {"list": {"ko": "주목할 만한 AI 모델", "en": "Notable AI Models", "rendered": "ko"}, "owner": "epoch-ai",
               "date": "2025-03"},
              text=_membership_text, named_fields=("list",), refers=(("owner", "organization"),),
              shown=_membership_shown, jsonld=_membership_jsonld),
    ValueType("participant score", "participantScoreClaim",
              {"participant": "k-exaone", "benchmark": {"ko": "13개 벤치마크 평균", "en": "average of 13 benchmarks",
                                                       "rendered": "en"}, "score": 72, "unit": "points"},
              text=_participant_score_text, number_fields=("score",), named_fields=("benchmark",),
              refers=(("participant", "model"),), same_fact=("participant", "benchmark", "unit"),
              agree=_scores_agree, shown=_participant_score_shown, jsonld=_participant_score_jsonld),
    ValueType("comparison", "comparisonClaim",
              {"participant": "k-exaone", "of": "qwen3-235b", "percent": 104,
               "benchmark": {"ko": "13개 벤치마크 평균", "en": "average of 13 benchmarks", "rendered": "en"}},
              text=_comparison_text, number_fields=("percent",), named_fields=("benchmark",),
              refers=(("participant", "model"), ("of", "model")), same_fact=("participant", "of", "benchmark"),
              agree=_percents_agree, shown=_comparison_shown, jsonld=_comparison_jsonld),
)
_BY_DEFINITION = {value_type.definition: value_type for value_type in VALUE_TYPES}


class UnknownValueType(LookupError):
    """A claim property's schema definition has no entry in VALUE_TYPES."""


def by_definition(definition: str) -> ValueType:
    try:
        return _BY_DEFINITION[definition]
    except KeyError:
        raise UnknownValueType(
            f"the claim definition {definition!r} has no value type: declare one in VALUE_TYPES "
            "(scripts/factbase/value_types.py), and give claim properties `items: {\"$ref\": "
            "\"common.schema.json#/$defs/<name>Claim\"}` (or `#/$defs/<name>Claim` in the kind's schema)") from None


@cache
def claim_value_types(kind: str) -> dict[str, ValueType]:
    """Each claim property of `kind`, in schema order, and the type of its values (from its `items` `$ref`)."""
    properties = load_schema(kind)["properties"].get("claims", {}).get("properties", {})
    return {name: by_definition(spec.get("items", {}).get("$ref", "").rsplit("/", 1)[-1])
            for name, spec in properties.items()}
