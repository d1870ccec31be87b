"""File formats of the data a flow brings: dated rates, and advice items.

``kind = "rates"`` files hold dated reference values (a minimum wage, a
ceiling) with the legal source of each value. ``kind = "advice"`` files hold a
section of items (contracts, courses, bikes ...) with the rules that make a
person eligible, how pay is estimated, and what makes an item a better fit.
Nothing here knows what the items are about.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from alternance_tui.flow.schema import ChoiceId, NodeId, TextField


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


SourceText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Percent = Annotated[float, Field(ge=0, le=1000)]


class RateValueFile(_Strict):
    from_: dt.date = Field(alias="from", description="the date the value takes effect")
    # Bounded so that no amount computed from it can overflow to infinity.
    value: float = Field(gt=0, le=1e9)
    source: SourceText = Field(description="the legal text that sets it")
    note: TextField | None = None

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class RateSeriesFile(_Strict):
    id: NodeId
    label: TextField
    short: TextField = Field(description='a short name for table headings, e.g. "SMIC"')
    unit: Literal["EUR/month", "EUR/hour", "EUR", "percent", "hours"]
    revised: TextField | None = Field(None, description="when the value is usually revised")
    revised_every_january: bool = False
    values: list[RateValueFile] = Field(min_length=1)


class RatesFile(_Strict):
    kind: Literal["rates"]
    title: TextField | None = None
    series: list[RateSeriesFile] = Field(min_length=1)


class AlternativeFile(_Strict):
    when: str
    yes: TextField
    source: SourceText | None = None


class RuleFile(_Strict):
    id: NodeId
    when: str | None = Field(None, description="the condition; or give `any` alternatives")
    any: list[AlternativeFile] = Field(default_factory=list)
    yes: TextField | None = Field(None, description="the reason shown when the rule holds")
    no: TextField = Field(description="the reason shown when it does not")
    source: SourceText


class NoteFile(_Strict):
    when: str | None = None
    text: TextField
    source: SourceText | None = None
    from_: dt.date | None = Field(
        None, alias="from", description="shown for dates from this one on (a dated rule)"
    )
    until: dt.date | None = Field(None, description="shown for dates up to this one, inclusive")

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class FitFile(_Strict):
    when: str
    points: int = Field(ge=-100, le=100)
    reason: TextField


class BandFile(_Strict):
    ages: list[int] = Field(
        min_length=2, max_length=2, description="the first and last age of the band, inclusive"
    )
    when: str | None = None
    percent: list[Percent] = Field(
        min_length=1,
        description="percent of the reference, by contract year; "
        "the last value holds for the later years",
    )
    also_of: NodeId | None = Field(
        None,
        description="a number answer (e.g. an agreement "
        "minimum) the pay is also computed on; the higher wins",
    )
    also_percent: list[Percent] | None = None
    label: TextField
    note: TextField | None = None
    from_: dt.date | None = Field(
        None,
        alias="from",
        description="for contracts signed from this date; of the bands for an age, "
        "the latest in force applies",
    )

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class DeductionFile(_Strict):
    label: TextField
    percent: Percent = Field(description="percent of the base deducted")
    above: Percent = Field(0, description="only on the part of pay above this percent of `of`")
    of: NodeId | None = Field(None, description="the rates series `above` is a share of")
    base: Percent = Field(100, description="percent of that part the rate applies to")
    source: SourceText


class NetRuleFile(_Strict):
    when: str | None = Field(None, description="a condition on the answers")
    from_: dt.date | None = Field(
        None, alias="from", description="for contracts signed from this date"
    )
    label: TextField = Field(description="the basis, as a person reads it")
    note: TextField | None = None
    source: SourceText
    deductions: list[DeductionFile] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class CycleFile(_Strict):
    answer: NodeId = Field(description="a choice question: the level the contract prepares")
    years: dict[ChoiceId, Annotated[int, Field(ge=1, le=10)]] = Field(
        description="the cycle's length in years, by choice; other choices: no shortening"
    )
    since: dict[ChoiceId, dt.date] = Field(
        default_factory=dict,
        description="a choice's length counts for contracts signed from this date only",
    )
    first: dict[ChoiceId, Annotated[int, Field(ge=1, le=10)]] = Field(
        default_factory=dict,
        description="the year of the cycle the contract starts in, by choice (the part "
        "before it is the part deemed done); other choices: the contract ends with the cycle",
    )
    source: SourceText
    note: TextField | None = None


class RaiseFile(_Strict):
    when: str = Field(description="a condition on the answers")
    points: float = Field(ge=-100, le=100, description="percentage points added")
    cap: Percent | None = Field(
        None,
        description="the raised pay stops at this percentage of the reference, as an "
        "amount (never below the pay without the raise)",
    )
    from_year: int = Field(1, ge=1, le=10, description="the first year of the grid it raises")
    source: SourceText
    note: TextField | None = None


class ScheduleFile(_Strict):
    start_month: NodeId = Field(description="a number question: month the contract starts")
    birth_month: NodeId = Field(description="a number question (optional): month of birth")
    source: SourceText


class GridPayFile(_Strict):
    kind: Literal["grid"]
    reference: NodeId = Field(description="the id of a rates series")
    age: NodeId = Field(description="the number question giving the age at the start")
    months: NodeId = Field(description="the number question giving the length in months")
    max_years: int = Field(ge=1, le=10)
    source: SourceText
    bands: list[BandFile] = Field(min_length=1)
    notes: list[NoteFile] = Field(default_factory=list)
    cycle: CycleFile | None = None
    schedule: ScheduleFile | None = None
    net: list[NetRuleFile] = Field(
        default_factory=list, description="net estimates; the latest in force that holds applies"
    )
    raises: list[RaiseFile] = Field(
        default_factory=list, description="points added to every percentage while a condition holds"
    )


class HourlyPayFile(_Strict):
    kind: Literal["hourly"]
    reference: NodeId
    percent: Percent | NodeId = Field(description="a number, or the id of a dated series")
    months: NodeId
    weekly_hours: NodeId
    bonus_from_hour: Annotated[float, Field(ge=0)] | NodeId = Field(
        description="the payment is compulsory from this hour of presence on: a number, "
        "or the id of a dated series"
    )
    max_hours: Annotated[float, Field(gt=0)] | NodeId | None = Field(
        None,
        description="the most hours of presence allowed, shown with the estimate: a number, "
        "or the id of a dated series",
    )
    source: SourceText
    notes: list[NoteFile] = Field(default_factory=list)
    net: list[NetRuleFile] = Field(default_factory=list)


class NoPayCaseFile(_Strict):
    when: str
    text: TextField
    source: SourceText | None = None


class NoPayFile(_Strict):
    kind: Literal["none"]
    text: TextField
    cases: list[NoPayCaseFile] = Field(
        default_factory=list,
        description="texts for particular answers: the first whose `when` holds for every "
        "answer the item is open with replaces `text`",
    )
    routes: list[TextField] = Field(default_factory=list)
    source: SourceText | None = None


class LikePayFile(_Strict):
    kind: Literal["like"]
    item: ChoiceId = Field(description="the id of an item, in any section, whose pay it is")
    answers: dict[NodeId, str | int | float | bool] = Field(
        default_factory=dict, description="answers set for this item (e.g. the level it prepares)"
    )
    title: TextField = Field(description="the heading of this pay, e.g. 'pay as an apprentice'")


class AttributeFile(_Strict):
    id: NodeId = Field(description="the key of the attribute in the items' [items.attributes]")
    label: TextField = Field(description="what reports call it, e.g. Level")
    value: TextField | None = Field(
        None, description='how a value reads, {value} standing for it, e.g. "{value}e"'
    )


class ItemFile(_Strict):
    id: ChoiceId
    title: TextField
    summary: TextField | None = None
    attributes: dict[NodeId, str | int | float | TextField] = Field(default_factory=dict)
    rules: list[RuleFile] = Field(default_factory=list)
    notes: list[NoteFile] = Field(default_factory=list)
    fit: list[FitFile] = Field(default_factory=list)
    pay: GridPayFile | HourlyPayFile | NoPayFile | LikePayFile | None = Field(
        None, discriminator="kind"
    )


class AdviceFile(_Strict):
    kind: Literal["advice"]
    section: NodeId = Field(description="the key of this section in reports, e.g. contracts")
    title: TextField
    sort: Literal["file", "fit"] = Field(
        "file", description="file: as listed; fit: the ones open first, best fit first"
    )
    fixed: list[NodeId] = Field(
        default_factory=list,
        description="questions a person cannot change (e.g. age): 'what would change it' "
        "still names them, after the others",
    )
    note: TextField | None = Field(
        None, description="shown after the section, e.g. what its figures are and are not"
    )
    attributes: list[AttributeFile] = Field(
        default_factory=list,
        description="the item attributes reports show beside each item, in this order; "
        "the others are in the JSON only",
    )
    item_notes: list[NoteFile] = Field(
        default_factory=list,
        description="notes shown on every item's card, after its own (each with its own "
        "`when`, `from` and `until`)",
    )
    items: list[ItemFile] = Field(min_length=1)
    source_url: str | None = None


__all__ = ["AdviceFile", "ChoiceId", "RatesFile"]
