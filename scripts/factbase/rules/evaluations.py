"""Evaluations: E405 comparison-disagrees, E406 score-of-non-participant.

A comparison a source states (`104% of Qwen3 235B`, recorded as a `comparison` claim) must agree with the one
worked out from the two participants' cited scores on that benchmark (factbase/comparisons.py): 72 and 69.37
give 103.79%, which a stated 104% (rounded) or 103% (cut) agrees with, and 105% does not. A comparison with no
two scores to work it out from is an error too: the scores are what is cited. Each score is a participant's:
a score of a model not listed in `participants` is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..comparisons import benchmark_key, comparisons, stated_agrees
from ..diagnostics import Diagnostic
from ..records import Claim, Record, iter_claims
from .numerals import as_decimal, shown


def _stated(claim: Claim) -> tuple[Any, Any, Any, Any] | None:
    value = claim.data.get("value")
    if claim.property != "comparison" or not isinstance(value, dict):
        return None
    percent = value.get("percent")
    if isinstance(percent, bool) or not isinstance(percent, (int, float)):
        return None
    return value.get("participant"), value.get("of"), benchmark_key(value.get("benchmark")), as_decimal(percent)


def _check_comparisons(evaluation: Record) -> Iterator[Diagnostic]:
    derived = comparisons(evaluation)
    for claim in iter_claims(evaluation):
        stated = _stated(claim)
        if stated is None or claim.data.get("status") in ("superseded", "planned"):
            continue
        participant, of, benchmark, percent = stated
        match = next((c for c in derived if (c.participant, c.of) == (participant, of)
                      and benchmark_key(c.score.data["value"].get("benchmark")) == benchmark), None)
        if match is None:
            yield evaluation.diagnostic(
                (*claim.path, "value"), "E405", "comparison-disagrees",
                f"no cited scores of {participant!r} and {of!r} on this benchmark to work the comparison out from",
                "record both participants' scores (`score`), cited, with the same benchmark and unit")
        elif not stated_agrees(percent, match.percent):
            a, b = match.score.data["value"]["score"], match.other.data["value"]["score"]
            yield evaluation.diagnostic(
                (*claim.path, "value", "percent"), "E405", "comparison-disagrees",
                f"the stated {shown(percent)}% disagrees with the cited scores: {a} / {b} = "
                f"{shown(round(match.percent, 2))}%",
                "correct the percentage or the scores; the site works the comparison out from the scores")


def _check_participants(evaluation: Record) -> Iterator[Diagnostic]:
    listed = evaluation.data.get("participants")
    listed = listed if isinstance(listed, list) else []
    for claim in iter_claims(evaluation):
        value = claim.data.get("value")
        if claim.property != "score" or not isinstance(value, dict):
            continue
        participant = value.get("participant")
        if isinstance(participant, str) and participant not in listed:
            yield evaluation.diagnostic(
                (*claim.path, "value", "participant"), "E406", "score-of-non-participant",
                f"{participant!r} scored in this evaluation but is not among its participants",
                f"add {participant} to `participants`, or correct the id")


@rule(
    Scope.BASE,
    Code("E405", "comparison-disagrees",
         ko="출처가 밝힌 비교(‘큐원3 235B의 104%’, `comparison` 주장)는 두 참가 모델의 인용된 점수로 계산한 값과 "
            "맞아야 한다(72와 69.37은 103.79%: 반올림한 104%나 버린 103%는 맞고, 105%는 틀리다). 계산할 두 점수가 "
            "없어도 오류다. 사이트는 비교를 점수에서 계산해 보여 준다.",
         en="A comparison a source states ('104% of Qwen3 235B', a `comparison` claim) agrees with the one worked "
            "out from the two participants' cited scores (72 and 69.37 give 103.79%: 104% rounded or 103% cut "
            "agree, 105% does not); one without two scores to work it out from is an error. The site works "
            "comparisons out from the scores."),
    Code("E406", "score-of-non-participant",
         ko="평가의 점수는 그 평가의 참가 모델(`participants`)의 것이어야 한다.",
         en="An evaluation's scores are its participants' (`participants`)."),
)
def check_evaluations(base: FactBase) -> Iterator[Diagnostic]:
    for evaluation in base.of_kind("evaluation").values():
        yield from _check_comparisons(evaluation)
        yield from _check_participants(evaluation)
