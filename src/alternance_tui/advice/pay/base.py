"""What pay and net estimates share: what they read (``PayContext``), rounding
to the cent, the error for a date before any known rate, the type of the
condition check they are given, and the choice of the dated rule in force.
Apart so that net.py can use them without importing estimate.py, which imports
net.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Protocol, TypeVar

from alternance_tui.flow.cond import Condition, Value

if TYPE_CHECKING:
    from alternance_tui.advice import model
    from alternance_tui.flow.model import Flow


def cents(value: Decimal | float) -> float:
    """Euros rounded to the cent, halves away from zero (as payslips round)."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return float(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class RatesUnknown(ValueError):
    """No reference value is known for the date asked about."""


Holds = Callable[[Condition, Mapping[str, Value]], bool]
"""``CompiledRules.holds``: whether a condition of the bundle is known to be true."""


@dataclass(frozen=True, slots=True)
class PayContext:
    """What a pay estimate reads besides the pay's own rules, which travel together."""

    flow: Flow  # its questions' labels (a pay worked out on another answer names it)
    env: Mapping[str, Value]  # the person's answers
    rates: Mapping[str, model.RateSeries]  # the dated reference values (SMIC...)
    as_of: dt.date  # the signature date: which grid and which deductions apply
    lang: str
    holds: Holds  # how a condition of the bundle is judged


class Dated(Protocol):
    """A rule of the law that applies from a date (None: always) when ``when`` holds."""

    @property
    def start(self) -> dt.date | None: ...

    @property
    def when(self) -> Condition | None: ...


D = TypeVar("D", bound=Dated)


def in_force(
    rules: Iterable[D], env: Mapping[str, Value], as_of: dt.date, holds: Holds
) -> D | None:
    """The latest of ``rules`` in force on ``as_of`` whose condition holds."""
    found: D | None = None
    for rule in rules:
        if rule.start is not None and rule.start > as_of:
            continue
        if rule.when is not None and not holds(rule.when, env):
            continue
        if found is None or (rule.start or dt.date.min) > (found.start or dt.date.min):
            found = rule
    return found
