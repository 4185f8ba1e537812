"""Comparisons between an evaluation's participants, worked out from their cited scores (never typed in):
K-EXAONE's 72 and Qwen3 235B's 69.37 on one benchmark make K-EXAONE's score 103.79% of Qwen3 235B's. The
site shows them (sitegen/views.py); rules/evaluations.py checks a comparison a source states against them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from .records import Claim, Record, iter_claims
from .rules.names import squeezed
from .rules.numerals import as_decimal

LEFT_OUT = ("superseded", "planned", "disputed")  # scores not compared: replaced, not yet, or in doubt


@dataclass(frozen=True)
class Comparison:
    participant: str
    of: str
    score: Claim  # the participant's cited score
    other: Claim  # the other model's, on the same benchmark and unit
    percent: Decimal  # score / other x 100, unrounded


def benchmark_key(benchmark: Any) -> tuple[str, ...]:
    """Two names of one benchmark: the same texts, case, spaces and punctuation aside."""
    if isinstance(benchmark, dict):
        return tuple(squeezed(str(benchmark.get(lang, ""))) for lang in ("ko", "en"))
    return (squeezed(str(benchmark)),)


def _number(claim: Claim) -> Decimal | None:
    value = claim.data.get("value")
    score = value.get("score") if isinstance(value, dict) else None
    return as_decimal(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None


def scores(evaluation: Record) -> list[Claim]:
    """The evaluation's scores that are compared: well-formed, and not superseded, planned or disputed."""
    return [claim for claim in iter_claims(evaluation) if claim.property == "score" and _number(claim) is not None
            and isinstance(claim.data["value"].get("participant"), str) and claim.data.get("status") not in LEFT_OUT]


def comparisons(evaluation: Record) -> list[Comparison]:
    """Each participant's score against each other participant's on the same benchmark and unit."""
    found = []
    counted = scores(evaluation)
    for score in counted:
        for other in counted:
            mine, theirs = score.data["value"], other.data["value"]
            same = benchmark_key(mine.get("benchmark")) == benchmark_key(theirs.get("benchmark")) \
                and mine.get("unit") == theirs.get("unit")
            number, base = _number(score), _number(other)
            if same and mine["participant"] != theirs["participant"] and number is not None and base:
                found.append(Comparison(mine["participant"], theirs["participant"], score, other,
                                        number / base * 100))
    return found


def stated_agrees(stated: Decimal, derived: Decimal) -> bool:
    """A stated percentage agrees with the derived one rounded, or cut, to the stated precision (104 and 103.79)."""
    step = Decimal(1).scaleb(min(0, int(stated.as_tuple().exponent)))  # as written: 100 is 100, not 1E+2
    return any(derived.quantize(step, rounding=mode) == stated for mode in (ROUND_HALF_UP, ROUND_DOWN))
