"""Runtime form of rates and advice data: plain dataclasses, cacheable without pydantic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from alternance_tui.flow.cond import Condition
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

    def percent_for(self, year: int) -> float:
        return self.percent[min(year, len(self.percent)) - 1]

    def also_percent_for(self, year: int) -> float:
        table = self.also_percent or self.percent
        return table[min(year, len(table)) - 1]


@dataclass(frozen=True, slots=True)
class GridPay:
    reference: str
    age: str
    months: str
    max_years: int
    source: str
    bands: tuple[Band, ...]
    notes: tuple[Note, ...] = ()
    kind: Literal["grid"] = "grid"


@dataclass(frozen=True, slots=True)
class HourlyPay:
    reference: str
    percent: float
    months: str
    weekly_hours: str
    bonus_from_hour: float
    source: str
    notes: tuple[Note, ...] = ()
    max_hours: float | None = None
    kind: Literal["hourly"] = "hourly"


@dataclass(frozen=True, slots=True)
class NoPay:
    text: Text
    routes: tuple[Text, ...] = ()
    source: str | None = None
    cases: tuple[Note, ...] = ()  # a text for particular answers, the first that holds
    kind: Literal["none"] = "none"


Pay = GridPay | HourlyPay | NoPay
# Pydantic names the chosen pay `kind` in error locations ("pay.grid.bands"); reports drop it.
PAY_KINDS = frozenset({"grid", "hourly", "none"})
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

    @property
    def rates_known_until(self) -> dt.date | None:
        """The latest date any reference value is known to change on."""
        starts = [s.latest.start for s in self.rates.values()]
        return max(starts) if starts else None

    @property
    def rates_known_from(self) -> dt.date | None:
        starts = [s.values[0].start for s in self.rates.values()]
        return max(starts) if starts else None
