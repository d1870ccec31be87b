"""What the advice engine returns: plain, language-resolved dataclasses.

The TUI, the command line and every report format read these; none of them
evaluates a rule itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from alternance_tui.flow.cond import Value

Status = Literal["eligible", "conditional", "not_eligible"]


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    holds: bool | None  # None: depends on an answer not known yet
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class ChangePart:
    """One answer changed: to one of ``values``, or into the range ``low``..``high``."""

    question: str
    text: str
    values: tuple[Value, ...] = ()
    low: float | None = None
    high: float | None = None
    fixed: bool = False  # an answer a person cannot change (their age)


@dataclass(frozen=True, slots=True)
class Change:
    """A smallest change of answers that would make the item open."""

    parts: tuple[ChangePart, ...]
    text: str

    @property
    def fixed(self) -> bool:
        return any(p.fixed for p in self.parts)


@dataclass(frozen=True, slots=True)
class Depends:
    """An item open only for some values of an answer that is not known yet."""

    question: str
    open_with: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference value as used: which series, its value, since when, set by what."""

    series: str
    label: str
    short: str
    value: float
    start: dt.date
    source: str
    latest_known: bool  # the date asked about is after the last known change


@dataclass(frozen=True, slots=True)
class PayYear:
    year: int
    age: int
    band: str
    percent: float  # of the reference (the SMIC)
    monthly_gross_eur: float
    basis: Literal["reference", "answer"]  # which base gave the higher amount
    basis_label: str
    basis_value: float
    basis_percent: float
    note: str | None = None
    grid_year: int = 0  # the grid's year used (position in the cycle); 0: ``year``
    monthly_net_eur: float | None = None


@dataclass(frozen=True, slots=True)
class PayMonth:
    month: int  # 1 .. the contract's length
    calendar_month: int  # 1 (January) .. 12
    year: int
    age: int
    grid_year: int
    percent: float
    monthly_gross_eur: float
    monthly_net_eur: float | None = None


@dataclass(frozen=True, slots=True)
class Deduction:
    """``percent`` of ``base`` percent of the part of pay above ``above`` percent of
    ``series`` (the whole pay when ``above`` is 0)."""

    label: str
    percent: float
    base: float
    above: float
    series: str
    source: str


@dataclass(frozen=True, slots=True)
class NetBasis:
    """How a net estimate was made: which rule, what it deducts, set by what."""

    label: str
    source: str
    deductions: tuple[Deduction, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GridPayResult:
    years: tuple[PayYear, ...]
    reference: Reference
    source: str
    notes: tuple[Note, ...] = ()
    months: tuple[PayMonth, ...] = ()
    net: NetBasis | None = None
    cycle_source: str | None = None
    schedule_source: str | None = None
    title: str = ""  # a heading of its own (another item's pay, borrowed); "" by default
    kind: Literal["grid"] = "grid"


@dataclass(frozen=True, slots=True)
class HourlyPayResult:
    bonus_required: bool
    hourly_min_eur: float
    percent: float
    hours: float
    total_min_eur: float
    hours_per_month: float
    monthly_estimate_eur: float
    months: float
    weekly_hours: float
    bonus_from_hour: float
    max_hours: float | None
    reference: Reference
    source: str
    notes: tuple[Note, ...] = ()
    monthly_net_eur: float | None = None
    total_net_eur: float | None = None
    net: NetBasis | None = None
    title: str = ""
    kind: Literal["hourly"] = "hourly"


@dataclass(frozen=True, slots=True)
class NoPayResult:
    text: str
    routes: tuple[str, ...]
    source: str | None = None
    kind: Literal["none"] = "none"


PayResult = GridPayResult | HourlyPayResult | NoPayResult


@dataclass(frozen=True, slots=True)
class ItemResult:
    id: str
    title: str
    status: Status
    reasons: tuple[Reason, ...]
    summary: str = ""
    changes: tuple[Change, ...] = ()
    depends: tuple[Depends, ...] = ()
    pay: PayResult | None = None
    notes: tuple[Note, ...] = ()
    attributes: Mapping[str, str | int | float] = field(default_factory=dict)
    score: int = 0
    fit: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        """Open to the person, possibly only with some of the answers not known yet."""
        return self.status != "not_eligible"


@dataclass(frozen=True, slots=True)
class SectionResult:
    id: str
    title: str
    items: tuple[ItemResult, ...]


@dataclass(frozen=True, slots=True)
class Recommendation:
    flow_id: str
    lang: str
    as_of: dt.date
    rates_known_until: dt.date | None
    answers: Mapping[str, Value]
    outcome: str
    outcome_title: str
    sections: tuple[SectionResult, ...]
    rate_notes: tuple[str, ...] = ()
    # A series known to have changed by ``as_of`` has no value for it (staleness.py).
    rates_may_be_outdated: bool = False
    rules_version: str = ""  # version.rules_version of the bundle

    def section(self, section_id: str) -> SectionResult | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def unused(self, given: Iterable[str]) -> list[str]:
        """The ``given`` answers the path never asked, sorted: ``answers`` holds every
        question on the path taken (with its default when not given), and no other."""
        return sorted(set(given) - set(self.answers))
