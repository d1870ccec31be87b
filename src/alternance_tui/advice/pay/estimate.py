"""Pay estimates: percentage grids by age and contract year, hourly bonuses, and
"not estimated". All amounts are Decimal arithmetic rounded to the cent."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from alternance_tui.advice import model
from alternance_tui.advice.pay.base import Holds, PayContext, RatesUnknown, cents, in_force
from alternance_tui.advice.pay.net import net_for
from alternance_tui.advice.result import (
    GridPayResult,
    HourlyPayResult,
    NoPayResult,
    Note,
    PayMonth,
    PayResult,
    PayYear,
    Reference,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import tr
from alternance_tui.wording.catalogue.advice import ADVICE


def reference(series: model.RateSeries, as_of: dt.date, lang: str) -> Reference:
    value = series.at(as_of)
    if value is None:
        raise RatesUnknown(ADVICE(lang, "before_known", date=series.values[0].start.isoformat()))
    # The legal reference as it is named ("arrêté du 22/05/2026"), then what it
    # did in the reader's language ("automatic increase of 2.41 %").
    note = tr(value.note, lang) if value.note else ""
    return Reference(
        series.id,
        tr(series.label, lang),
        tr(series.short, lang),
        value.value,
        value.start,
        f"{value.source}, {note}" if note else value.source,
        latest_known=value is series.latest and as_of > value.start,
    )


def _number(env: Mapping[str, Value], name: str) -> float | None:
    value = env.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def contract_years(months: float, max_years: int) -> int:
    return max(1, min(max_years, math.ceil(months / 12)))


def _notes(notes: tuple[model.Note, ...], ctx: PayContext) -> tuple[Note, ...]:
    return tuple(
        Note(tr(n.text, ctx.lang), n.source)
        for n in notes
        if n.in_force(ctx.as_of) and (n.when is None or ctx.holds(n.when, ctx.env))
    )


def _band(pay: model.GridPay, age: int, ctx: PayContext) -> model.Band | None:
    """The band for ``age`` in the grid in force for a contract signed on ``as_of``."""
    bands = (b for b in pay.bands if b.low <= age <= b.high)
    return in_force(bands, ctx.env, ctx.as_of, ctx.holds)


def _grid_years(
    pay: model.GridPay, env: Mapping[str, Value], years: int, signed: dt.date
) -> list[int]:
    """The grid year of each contract year: a contract shorter than its cycle starts
    at the year of the cycle it covers first, the years before deemed done (D6222-28-1),
    then one more a year."""
    cycle = pay.cycle
    first = 1 if cycle is None else cycle.first_year(str(env.get(cycle.answer)), signed, years)
    return [first + k for k in range(years)]


def _birthday_steps(
    schedule: model.Schedule | None, env: Mapping[str, Value], months: int
) -> list[int] | None:
    """For each contract month, how many years older than at the start the person
    counts; None when the birth month is not known."""
    if schedule is None:
        return None
    birth = _number(env, schedule.birth_month)
    start = _number(env, schedule.start_month)
    if birth is None or start is None:
        return None
    # Born in the start month: the birthday falls in month 1 (the age given is the
    # age on the first day); the new age counts from the first day of the month after.
    first = (int(birth) - int(start)) % 12 + 2
    return [0 if m < first else (m - first) // 12 + 1 for m in range(1, months + 1)]


def grid_pay(pay: model.GridPay, ctx: PayContext, gross_only: bool = False) -> GridPayResult:
    """``gross_only``: the gross amounts of each year only, without the net, the
    notes or the month-by-month schedule (what a diff compares, for thousands
    of profiles)."""
    env, as_of, lang = ctx.env, ctx.as_of, ctx.lang
    ref = reference(ctx.rates[pay.reference], as_of, lang)
    age = int(_number(env, pay.age) or 0)
    months = _number(env, pay.months) or 12
    count = contract_years(months, pay.max_years)
    grid_years = _grid_years(pay, env, count, as_of)
    net = None if gross_only else net_for(pay.net, ctx)
    cells: dict[tuple[int, int], PayYear | None] = {}

    def cell(year: int, year_age: int) -> PayYear | None:
        # Cached by age and grid year, with the net: a schedule repeats a few cells.
        key = (year_age, grid_years[year - 1])
        if key not in cells:
            found = _cell(pay, ctx, ref, year_age, grid_years[year - 1])
            if found is not None and net is not None:
                found = replace(found, monthly_net_eur=net(found.monthly_gross_eur))
            cells[key] = found
        return cells[key]

    steps = _birthday_steps(pay.schedule, env, min(math.ceil(months), 12 * pay.max_years))
    schedule: list[PayMonth] = []
    if steps is not None and not gross_only:
        start = int(_number(env, pay.schedule.start_month) or 1) if pay.schedule else 1
        for index, step in enumerate(steps):
            year = index // 12 + 1
            found = cell(year, age + step)
            if found is None:
                continue
            schedule.append(
                PayMonth(
                    index + 1,
                    (start - 1 + index) % 12 + 1,
                    year,
                    found.age,
                    found.grid_year,
                    found.percent,
                    found.monthly_gross_eur,
                    found.monthly_net_eur,
                )
            )
    years = []
    for year in range(1, count + 1):
        # Year k: the age on its first month by the schedule, else age + k - 1.
        year_age = age + (
            steps[12 * (year - 1)] if steps and len(steps) > 12 * (year - 1) else year - 1
        )
        found = cell(year, year_age)
        if found is None:  # the checker proves every age has a band; be safe all the same
            continue
        years.append(found if found.year == year else replace(found, year=year))
    if gross_only:
        return GridPayResult(tuple(years), ref, pay.source, ())
    raised = tuple(
        Note(tr(r.note, lang), r.source) for r in pay.raises if r.note and ctx.holds(r.when, env)
    )
    return GridPayResult(
        tuple(years),
        ref,
        pay.source,
        raised + _notes(pay.notes, ctx),
        months=tuple(schedule),
        net=net.basis if net else None,
        cycle_source=pay.cycle.source if pay.cycle else None,
        schedule_source=pay.schedule.source if pay.schedule and schedule else None,
    )


@dataclass(frozen=True, slots=True)
class _Amount:
    """A month's minimum and what it is worked out on: a percentage of the reference
    (``percent``), or, when higher, a percentage of another answer (``basis``)."""

    amount: Decimal
    percent: float  # of the reference, as the grid (and its raises) give it
    basis: tuple[str, str, float, float]  # kind, label, base value, percentage of it


def _higher(
    percent: float,
    also: float | None,
    other: float | None,
    ref: Reference,
    other_label: str,
) -> _Amount:
    """``percent`` of the reference or, if higher, ``also`` percent of ``other``."""
    amount = Decimal(str(percent)) / 100 * Decimal(str(ref.value))
    found = _Amount(amount, percent, ("reference", ref.label, ref.value, percent))
    if also is not None and other is not None:
        other_amount = Decimal(str(also)) / 100 * Decimal(str(other))
        if other_amount > amount:
            found = _Amount(other_amount, percent, ("answer", other_label, other, also))
    return found


def _cell(
    pay: model.GridPay, ctx: PayContext, ref: Reference, year_age: int, grid_year: int
) -> PayYear | None:
    env, lang, holds = ctx.env, ctx.lang, ctx.holds
    band = _band(pay, year_age, ctx)
    if band is None:
        return None
    percent = band.percent_for(grid_year)
    also = band.also_percent_for(grid_year) if band.also_of else None
    other = _number(env, band.also_of) if band.also_of else None
    label = tr(ctx.flow.questions[band.also_of].short, lang) if band.also_of else ""
    found = _higher(percent, also, other, ref, label)
    for item in pay.raises:
        if grid_year < item.from_year or not holds(item.when, env):
            continue
        # Points on the grid's percentages (of the reference and of the other answer).
        percent += item.points
        also = None if also is None else also + item.points
        raised = _higher(percent, also, other, ref, label)
        if item.cap is not None:
            # A cap limits the pay the raise leads to, as an amount: at most ``cap`` % of
            # the reference (D6222-31), and never below the pay without the raise.
            limit = Decimal(str(item.cap)) / 100 * Decimal(str(ref.value))
            if raised.amount > limit:
                basis = ("reference", ref.label, ref.value, item.cap)
                raised = _Amount(limit, item.cap, basis)
            if raised.amount < found.amount:
                raised = found
        found = raised
    return PayYear(
        year=grid_year,
        age=year_age,
        band=tr(band.label, lang),
        percent=found.percent,
        monthly_gross_eur=cents(found.amount),
        basis=found.basis[0],  # type: ignore[arg-type]
        basis_label=found.basis[1],
        basis_value=found.basis[2],
        basis_percent=found.basis[3],
        note=tr(band.note, lang) or None,
        grid_year=grid_year,
    )


def _dated(value: float | str, ctx: PayContext) -> float:
    """A figure of the law: as written, or the value of its dated series on ``as_of``."""
    if isinstance(value, str):
        return reference(ctx.rates[value], ctx.as_of, ctx.lang).value
    return value


def hourly_pay(pay: model.HourlyPay, ctx: PayContext) -> HourlyPayResult:
    env = ctx.env
    ref = reference(ctx.rates[pay.reference], ctx.as_of, ctx.lang)
    months = Decimal(str(_number(env, pay.months) or 0))
    weekly = Decimal(str(_number(env, pay.weekly_hours) or 0))
    # The bonus is owed per hour at the published rate (4.50 EUR), rounded first.
    percent = _dated(pay.percent, ctx)
    from_hours = _dated(pay.bonus_from_hour, ctx)
    hourly = Decimal(str(cents(Decimal(str(percent)) / 100 * Decimal(str(ref.value)))))
    # Divide last: every product below is then exact whenever its value has a
    # finite decimal form, so a total of exactly x.xx5 rounds up as it should.
    per_month = weekly * 52 / 12
    hours = months * weekly * 52 / 12
    # Length is counted in hours of presence, not calendar months: the threshold
    # is an hour, so a part-time internship of several months may owe nothing.
    required = hours >= Decimal(str(from_hours))
    net = net_for(pay.net, ctx, per_month)
    monthly = cents(hourly * weekly * 52 / 12)
    total = cents(hourly * months * weekly * 52 / 12)
    return HourlyPayResult(
        bonus_required=required,
        hourly_min_eur=cents(hourly),
        percent=percent,
        hours=cents(hours),
        total_min_eur=total,
        hours_per_month=cents(per_month),
        monthly_estimate_eur=monthly,
        months=float(months),
        weekly_hours=float(weekly),
        bonus_from_hour=from_hours,
        max_hours=None if pay.max_hours is None else _dated(pay.max_hours, ctx),
        reference=ref,
        source=pay.source,
        notes=_notes(pay.notes, ctx),
        monthly_net_eur=net(monthly) if net else None,
        # The whole period's deductions: thresholds scale with its hours.
        total_net_eur=(
            net_for(pay.net, ctx, hours)(total)  # type: ignore[misc]
            if net
            else None
        ),
        net=net.basis if net else None,
    )


def estimate(pay: model.Pay, ctx: PayContext, gross_only: bool = False) -> PayResult:
    if isinstance(pay, model.GridPay):
        return grid_pay(pay, ctx, gross_only)
    if isinstance(pay, model.HourlyPay):
        return hourly_pay(pay, ctx)
    if isinstance(pay, model.LikePay):
        raise TypeError("a borrowed pay is worked out by the engine, which knows the items")
    lang = ctx.lang
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
