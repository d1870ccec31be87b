"""Scenarios side by side: the recommendations of up to three sets of answers,
item by item, with what differs marked (in words and symbols, never colour
alone). Pure: the comparison screen, `recommend --compare` and every report
format read a ``Comparison``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from alternance_tui.advice.model import Bundle
from alternance_tui.advice.result import (
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NoPayResult,
    Recommendation,
    Status,
)
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.model import tr
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.compare import COMPARE
from alternance_tui.wording.typography import typography

_STATUS_KEY: dict[Status, str] = {
    "eligible": "open",
    "conditional": "conditional",
    "not_eligible": "closed",
}


@dataclass(frozen=True, slots=True)
class Cell:
    """One item in one scenario."""

    status: Status
    words: str  # "✔ open": symbol and words
    why: str  # closed: the first rule that fails; depends: on what; open: ""
    pay: tuple[float, ...]  # monthly gross per contract year (one estimate when hourly)
    pay_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    section: str
    id: str
    title: str
    cells: tuple[Cell | None, ...]  # one per scenario; None: not in that one
    status_differs: bool
    pay_differs: bool

    @property
    def differs(self) -> bool:
        return self.status_differs or self.pay_differs


@dataclass(frozen=True, slots=True)
class AnswerRow:
    question: str
    label: str
    values: tuple[str, ...]
    differs: bool


@dataclass(frozen=True, slots=True)
class SectionRows:
    id: str
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    lang: str
    as_of: dt.date
    letters: tuple[str, ...]
    answers: tuple[AnswerRow, ...]
    sections: tuple[SectionRows, ...]

    @property
    def differences(self) -> int:
        rows = [r for s in self.sections for r in s.rows]
        return sum(r.differs for r in rows) + sum(a.differs for a in self.answers)


def _pay(item: ItemResult, lang: str) -> tuple[tuple[float, ...], tuple[str, ...]]:
    pay = item.pay
    if item.status == "not_eligible":
        return (), ()
    if isinstance(pay, GridPayResult):
        amounts = tuple(y.monthly_gross_eur for y in pay.years)
        lines = tuple(
            COMPARE(lang, "pay_year", year=y.year, amount=w.money(y.monthly_gross_eur, lang))
            for y in pay.years
        )
        return amounts, lines
    if isinstance(pay, HourlyPayResult):
        monthly = pay.monthly_estimate_eur if pay.bonus_required else 0.0
        text = COMPARE(lang, "pay_hourly", amount=w.money(monthly, lang))
        return (monthly,), (text,)
    if isinstance(pay, NoPayResult):
        return (), (COMPARE(lang, "pay_none"),)
    return (), ()


def _why(item: ItemResult) -> str:
    if item.status == "not_eligible":
        failing = [r.text for r in item.reasons if r.holds is False]
        return failing[0] if failing else ""
    if item.status == "conditional" and item.depends:
        return item.depends[0].text
    return ""


def cell(item: ItemResult, lang: str) -> Cell:
    amounts, lines = _pay(item, lang)
    return Cell(
        status=item.status,
        words=COMPARE(lang, _STATUS_KEY[item.status]),
        why=typography(_why(item), lang),
        pay=amounts,
        pay_lines=tuple(typography(line, lang) for line in lines),
    )


def compare(recs: Mapping[str, Recommendation], bundle: Bundle) -> Comparison:
    """The recommendations by scenario letter (in order), compared item by item."""
    letters = tuple(recs)
    first = recs[letters[0]]
    lang = first.lang
    flow = bundle.flow
    # Answers: every question any scenario answered, in the flow's order.
    asked = [q for q in flow.questions if any(q in r.answers for r in recs.values())]
    answers = []
    for question in asked:
        shown = tuple(
            show_value(flow.questions[question], r.answers[question], lang)
            if question in r.answers
            else COMPARE(lang, "unanswered")
            for r in recs.values()
        )
        answers.append(
            AnswerRow(
                question, tr(flow.questions[question].short, lang), shown, len(set(shown)) > 1
            )
        )
    sections = []
    for section in first.sections:
        by_letter = {
            k: {i.id: i for i in (r.section(section.id) or section).items} for k, r in recs.items()
        }
        rows = []
        for item in section.items:
            cells = tuple(
                cell(by_letter[k][item.id], lang) if item.id in by_letter[k] else None
                for k in letters
            )
            statuses = {c.status if c else None for c in cells}
            pays = {c.pay if c else None for c in cells}
            rows.append(
                Row(
                    section.id,
                    item.id,
                    item.title,
                    cells,
                    status_differs=len(statuses) > 1,
                    pay_differs=len(pays) > 1,
                )
            )
        sections.append(SectionRows(section.id, section.title, tuple(rows)))
    return Comparison(lang, first.as_of, letters, tuple(answers), tuple(sections))
