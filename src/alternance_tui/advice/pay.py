"""Pay estimates: percentage grids by age and contract year, hourly bonuses, and
"not estimated". All amounts are Decimal arithmetic rounded to the cent."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from alternance_tui.advice import model
from alternance_tui.advice.result import (
    GridPayResult,
    HourlyPayResult,
    NoPayResult,
    Note,
    PayResult,
    PayYear,
    Reference,
)
from alternance_tui.flow.cond import Condition, Value
from alternance_tui.flow.model import Flow, tr
from alternance_tui.wording.catalogue.advice import ADVICE


def cents(value: Decimal | float) -> float:
    """Euros rounded to the cent, halves away from zero (as payslips round)."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return float(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class RatesUnknown(ValueError):
    """No reference value is known for the date asked about."""


def reference(series: model.RateSeries, as_of: dt.date, lang: str) -> Reference:
    value = series.at(as_of)
    if value is None:
        raise RatesUnknown(ADVICE(lang, "before_known", date=series.values[0].start.isoformat()))
    return Reference(
        series.id,
        tr(series.label, lang),
        tr(series.short, lang),
        value.value,
        value.start,
        value.source,
        latest_known=value is series.latest and as_of > value.start,
    )


def _number(env: Mapping[str, Value], name: str) -> float | None:
    value = env.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def contract_years(months: float, max_years: int) -> int:
    return max(1, min(max_years, math.ceil(months / 12)))


Holds = Callable[[Condition, Mapping[str, Value]], bool]
"""``CompiledRules.holds``: whether a condition of the bundle is known to be true."""


def _notes(
    notes: tuple[model.Note, ...],
    env: Mapping[str, Value],
    lang: str,
    holds: Holds,
    as_of: dt.date,
) -> tuple[Note, ...]:
    return tuple(
        Note(tr(n.text, lang), n.source)
        for n in notes
        if n.in_force(as_of) and (n.when is None or holds(n.when, env))
    )


def grid_pay(
    pay: model.GridPay,
    flow: Flow,
    env: Mapping[str, Value],
    rates: Mapping[str, model.RateSeries],
    as_of: dt.date,
    lang: str,
    holds: Holds,
) -> GridPayResult:
    ref = reference(rates[pay.reference], as_of, lang)
    age = _number(env, pay.age) or 0
    months = _number(env, pay.months) or 12
    years = []
    for year in range(1, contract_years(months, pay.max_years) + 1):
        year_age = int(age) + year - 1
        band = next(
            (
                b
                for b in pay.bands
                if b.low <= year_age <= b.high and (b.when is None or holds(b.when, env))
            ),
            None,
        )
        if band is None:  # the checker proves every age has a band; be safe all the same
            continue
        percent = band.percent_for(year)
        amount = Decimal(str(percent)) / 100 * Decimal(str(ref.value))
        basis: tuple[str, str, float, float] = ("reference", ref.label, ref.value, percent)
        other = _number(env, band.also_of) if band.also_of else None
        if band.also_of and other is not None:
            other_percent = band.also_percent_for(year)
            other_amount = Decimal(str(other_percent)) / 100 * Decimal(str(other))
            if other_amount > amount:
                amount = other_amount
                label = tr(flow.questions[band.also_of].short, lang)
                basis = ("answer", label, other, other_percent)
        years.append(
            PayYear(
                year=year,
                age=year_age,
                band=tr(band.label, lang),
                percent=percent,
                monthly_gross_eur=cents(amount),
                basis=basis[0],  # type: ignore[arg-type]
                basis_label=basis[1],
                basis_value=basis[2],
                basis_percent=basis[3],
                note=tr(band.note, lang) or None,
            )
        )
    return GridPayResult(tuple(years), ref, pay.source, _notes(pay.notes, env, lang, holds, as_of))


def hourly_pay(
    pay: model.HourlyPay,
    env: Mapping[str, Value],
    rates: Mapping[str, model.RateSeries],
    as_of: dt.date,
    lang: str,
    holds: Holds,
) -> HourlyPayResult:
    ref = reference(rates[pay.reference], as_of, lang)
    months = Decimal(str(_number(env, pay.months) or 0))
    weekly = Decimal(str(_number(env, pay.weekly_hours) or 0))
    # The bonus is owed per hour at the published rate (4.50 EUR), rounded first.
    hourly = Decimal(str(cents(Decimal(str(pay.percent)) / 100 * Decimal(str(ref.value)))))
    # Divide last: every product below is then exact whenever its value has a
    # finite decimal form, so a total of exactly x.xx5 rounds up as it should.
    per_month = weekly * 52 / 12
    hours = months * weekly * 52 / 12
    # Length is counted in hours of presence, not calendar months: the threshold
    # is an hour, so a part-time internship of several months may owe nothing.
    required = hours >= Decimal(str(pay.bonus_from_hour))
    return HourlyPayResult(
        bonus_required=required,
        hourly_min_eur=cents(hourly),
        percent=pay.percent,
        hours=cents(hours),
        total_min_eur=cents(hourly * months * weekly * 52 / 12),
        hours_per_month=cents(per_month),
        monthly_estimate_eur=cents(hourly * weekly * 52 / 12),
        months=float(months),
        weekly_hours=float(weekly),
        bonus_from_hour=pay.bonus_from_hour,
        max_hours=pay.max_hours,
        reference=ref,
        source=pay.source,
        notes=_notes(pay.notes, env, lang, holds, as_of),
    )


def estimate(
    pay: model.Pay,
    flow: Flow,
    env: Mapping[str, Value],
    rates: Mapping[str, model.RateSeries],
    as_of: dt.date,
    lang: str,
    holds: Holds,
) -> PayResult:
    if isinstance(pay, model.GridPay):
        return grid_pay(pay, flow, env, rates, as_of, lang, holds)
    if isinstance(pay, model.HourlyPay):
        return hourly_pay(pay, env, rates, as_of, lang, holds)
    return NoPayResult(tr(pay.text, lang), tuple(tr(r, lang) for r in pay.routes), pay.source)


def no_pay(
    pay: model.NoPay, envs: Sequence[Mapping[str, Value]], lang: str, holds: Holds
) -> NoPayResult:
    """What is said instead of an amount: the first case that holds for every set of
    answers the item is open with (so an answer not known yet never picks one), else
    the general text."""
    for case in pay.cases:
        if case.when is not None and envs and all(holds(case.when, env) for env in envs):
            return NoPayResult(
                tr(case.text, lang),
                tuple(tr(r, lang) for r in pay.routes),
                case.source or pay.source,
            )
    return NoPayResult(tr(pay.text, lang), tuple(tr(r, lang) for r in pay.routes), pay.source)
