"""What pay and net estimates share: rounding to the cent, the error for a date
before any known rate, and the type of the condition check they are given. Apart
so that net.py can use them without importing pay.py, which imports net.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from alternance_tui.flow.cond import Condition, Value


def cents(value: Decimal | float) -> float:
    """Euros rounded to the cent, halves away from zero (as payslips round)."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return float(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class RatesUnknown(ValueError):
    """No reference value is known for the date asked about."""


Holds = Callable[[Condition, Mapping[str, Value]], bool]
"""``CompiledRules.holds``: whether a condition of the bundle is known to be true."""
