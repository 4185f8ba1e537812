"""Total and active parameters of a mixture-of-experts model: E404 active-exceeds-total.

`parameters` holds a model's total count and `active_parameters` the count active per token: two properties,
so 236B total and 23B active are not a conflict (E403 compares values of one property). What ties them is
that the active parameters are a part of the total: an active count above a total count of the same model is
an error. Values marked superseded or planned, and figures qualified `more-than`/`at-least` on the active side
or `up-to`/`less-than` on the total side (whose bound says nothing of the other) are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Claim, iter_claims
from .numerals import as_decimal, shown

_LEFT_OUT = ("superseded", "planned")
_ACTIVE_UNBOUNDED = ("more-than", "at-least")  # an active count of at least N may still be below the total
_TOTAL_UNBOUNDED = ("up-to", "less-than")


def _amount(claim: Claim, unbounded: tuple[str, ...]) -> Decimal | None:
    value: Any = claim.data.get("value")
    if claim.data.get("status") in _LEFT_OUT or not isinstance(value, dict) or value.get("unit") != "parameters":
        return None
    amount = value.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or value.get("qualifier") in unbounded:
        return None
    return as_decimal(amount)


@rule(
    Scope.BASE,
    Code("E404", "active-exceeds-total",
         ko="전문가 혼합(MoE) 모델의 활성 파라미터 수(`active_parameters`)는 같은 모델의 전체 파라미터 수"
            "(`parameters`)보다 클 수 없다. 두 값은 서로 다른 항목이라 충돌(E403)로 보지 않는다(전체 2360억, "
            "활성 230억).",
         en="The active parameters of a mixture-of-experts model (`active_parameters`) are never more than its "
            "total (`parameters`) in the same record. The two are separate properties, so 236B total and 23B "
            "active are no conflict (E403)."),
)
def check_active_parameters(base: FactBase) -> Iterator[Diagnostic]:
    for record in base.of_kind("model").values():
        claims = list(iter_claims(record))
        totals = [(c, n) for c in claims if c.property == "parameters" and (n := _amount(c, _TOTAL_UNBOUNDED))]
        for claim in claims:
            active = _amount(claim, _ACTIVE_UNBOUNDED) if claim.property == "active_parameters" else None
            smaller = next(((total, n) for total, n in totals if active is not None and n < active), None)
            if active is None or smaller is None:
                continue
            total, amount = smaller
            yield record.diagnostic(
                (*claim.path, "value", "amount"), "E404", "active-exceeds-total",
                f"active_parameters[{claim.path[-1]}] says {shown(active)} parameters, more than the total of "
                f"parameters[{total.path[-1]}], {shown(amount)}: the active parameters are a part of the total",
                "swap the two if the total was recorded as active; else correct the wrong count, or mark the "
                "outdated one `superseded`")
