"""Runtime form of rates and advice data: plain dataclasses, cacheable without pydantic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from alternance_tui.flow.cond import Condition, Value
from alternance_tui.flow.model import Flow, Text


@dataclass(frozen=True, slots=True)
class RateValue:
    start: dt.date
    value: float
    source: str
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class RateSeries:
    id: str
    label: Text
    short: Text
    unit: str
    values: tuple[RateValue, ...]  # sorted by start date
    revised: Text | None = None
    revised_every_january: bool = False

    def at(self, day: dt.date) -> RateValue | None:
        """The value in force on ``day``: the latest that started on or before it."""
        found = None
        for value in self.values:
            if value.start <= day:
                found = value
            else:
                break
        return found

    @property
    def latest(self) -> RateValue:
        return self.values[-1]


@dataclass(frozen=True, slots=True)
class Alternative:
    when: Condition
    yes: Text
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    no: Text
    source: str
    when: Condition | None = None
    yes: Text | None = None
    alternatives: tuple[Alternative, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    text: Text
    when: Condition | None = None
    source: str | None = None
    start: dt.date | None = None  # in force from this date (a dated rule), inclusive
    end: dt.date | None = None  # ... up to this one, inclusive

    def in_force(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Fit:
    when: Condition
    points: int
    reason: Text


@dataclass(frozen=True, slots=True)
class Band:
    low: int
    high: int
    percent: tuple[float, ...]
    label: Text
    when: Condition | None = None
    also_of: str | None = None
    also_percent: tuple[float, ...] | None = None
    note: Text | None = None
    # For contracts signed from this date (the grid of the day): None, always.
    start: dt.date | None = None

    def percent_for(self, year: int) -> float:
        return self.percent[min(year, len(self.percent)) - 1]

    def also_percent_for(self, year: int) -> float:
        table = self.also_percent or self.percent
        return table[min(year, len(table)) - 1]


@dataclass(frozen=True, slots=True)
class Deduction:
    """``percent`` of ``base`` percent of the part of pay above ``above`` percent
    of the series ``of`` (the whole pay when ``of`` is None)."""

    label: Text
    percent: float
    source: str
    above: float = 0
    of: str | None = None
    base: float = 100


@dataclass(frozen=True, slots=True)
class NetRule:
    """What is deducted from gross pay, for contracts signed from ``start`` when
    ``when`` holds; the latest such rule applies."""

    label: Text
    source: str
    deductions: tuple[Deduction, ...]
    when: Condition | None = None
    start: dt.date | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Cycle:
    """Position in a cycle: a choice answer gives the cycle's length in years and the
    year of it the contract starts in; a contract shorter than the cycle is paid from
    the grid year of that start (the part before it deemed done)."""

    answer: str
    years: Mapping[str, int]
    source: str
    note: Text | None = None
    # A choice's length counts for contracts signed from this date only.
    since: Mapping[str, dt.date] = field(default_factory=dict)
    # The year of the cycle the contract starts in; absent: it ends with the cycle.
    first: Mapping[str, int] = field(default_factory=dict)

    def length(self, choice: str, signed: dt.date) -> int | None:
        start = self.since.get(choice)
        if start is not None and signed < start:
            return None
        return self.years.get(choice)

    def first_year(self, choice: str, signed: dt.date, years: int) -> int:
        """The grid year of a ``years``-year contract's first year: the year of the cycle
        it starts in, or earlier when it is too long to fit in the rest of the cycle (a
        contract as long as the cycle, or longer, is not shortened: year 1)."""
        length = self.length(choice, signed)
        if length is None:
            return 1
        start = self.first.get(choice, length - years + 1)
        return max(1, min(start, length - years + 1))


@dataclass(frozen=True, slots=True)
class Raise:
    """``points`` added to every percentage of the grid while ``when`` holds."""

    when: Condition
    points: float
    source: str
    note: Text | None = None
    # The raised pay stops at this percentage of the reference, as an amount (never
    # below the pay without the raise).
    cap: float | None = None
    from_year: int = 1  # the first year of the grid it raises


@dataclass(frozen=True, slots=True)
class Schedule:
    """Pay month by month: the month the contract starts, the month the person was
    born; a new age applies from the first day of the month after the birthday."""

    start_month: str
    birth_month: str
    source: str


@dataclass(frozen=True, slots=True)
class GridPay:
    reference: str
    age: str
    months: str
    max_years: int
    source: str
    bands: tuple[Band, ...]
    notes: tuple[Note, ...] = ()
    cycle: Cycle | None = None
    schedule: Schedule | None = None
    net: tuple[NetRule, ...] = ()
    raises: tuple[Raise, ...] = ()
    kind: Literal["grid"] = "grid"


@dataclass(frozen=True, slots=True)
class HourlyPay:
    reference: str
    percent: float | str  # a number, or a dated series' id
    months: str
    weekly_hours: str
    bonus_from_hour: float | str  # a number, or a dated series' id
    source: str
    notes: tuple[Note, ...] = ()
    net: tuple[NetRule, ...] = ()
    max_hours: float | str | None = None  # a number, or a dated series' id
    kind: Literal["hourly"] = "hourly"


@dataclass(frozen=True, slots=True)
class NoPay:
    text: Text
    routes: tuple[Text, ...] = ()
    source: str | None = None
    cases: tuple[Note, ...] = ()  # a text for particular answers, the first that holds
    kind: Literal["none"] = "none"


@dataclass(frozen=True, slots=True)
class LikePay:
    """Another item's pay, worked out with some answers set (e.g. a course's level)."""

    item: str
    answers: Mapping[str, Value]
    title: Text
    kind: Literal["like"] = "like"


Pay = GridPay | HourlyPay | NoPay | LikePay
# Pydantic names the chosen pay `kind` in error locations ("pay.grid.bands"); reports drop it.
PAY_KINDS = frozenset({"grid", "hourly", "none", "like"})
Attribute = str | int | float | Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    title: Text
    summary: Text | None = None
    attributes: Mapping[str, Attribute] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    notes: tuple[Note, ...] = ()
    fit: tuple[Fit, ...] = ()
    pay: Pay | None = None


@dataclass(frozen=True, slots=True)
class AttributeLabel:
    """How reports show one item attribute: ``Level: M1``, ``Eduniversal ranking: 15``."""

    id: str
    label: Text
    value: Text | None = None  # "{value}e": how a value reads; None: as it is


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]
    sort: Literal["file", "fit"] = "file"
    fixed: tuple[str, ...] = ()
    source: str = ""
    note: Text | None = None
    attributes: tuple[AttributeLabel, ...] = ()  # the ones reports show, in order


@dataclass(frozen=True, slots=True)
class Bundle:
    """A flow with everything it uses: what the app, the CLI and the reports run on."""

    flow: Flow
    sections: tuple[Section, ...] = ()
    rates: Mapping[str, RateSeries] = field(default_factory=dict)
    # A hash of the files it was read from, by name and content (advice/version.py):
    # taken as they are read, so that it holds wherever the bundle is used from.
    digest: str = ""

    @property
    def rates_known_until(self) -> dt.date | None:
        """The latest date any reference value is known to change on."""
        starts = [s.latest.start for s in self.rates.values()]
        return max(starts) if starts else None

    @property
    def rates_known_from(self) -> dt.date | None:
        starts = [s.values[0].start for s in self.rates.values()]
        return max(starts) if starts else None
