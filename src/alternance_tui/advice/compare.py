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
    pay_lines: tuple[str, ...]  # "1re année : 1 250,90 € brut, ≈ 1 184,76 € net"
    net: tuple[float | None, ...] = ()  # monthly net estimate per contract year
    # What the amounts assume beyond the scenario's answers: a course's pay is
    # worked out for the course's own level and length ("as an apprentice on
    # this course (12 months)"), whatever length the scenario plans.
    assumes: str = ""


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
    name: str = ""  # the session compared ("" when none)

    @property
    def differences(self) -> int:
        rows = [r for s in self.sections for r in s.rows]
        return sum(r.differs for r in rows) + sum(a.differs for a in self.answers)


_Pay = tuple[tuple[float, ...], tuple[float | None, ...], tuple[str, ...]]


def year_words(year: int, lang: str) -> str:
    """ "1re année", "2e année"; "year 1": as the results and the handout say it."""
    return COMPARE(lang, "year_first" if year == 1 else "year_n", year=year)


def _amounts(gross: float, net: float | None, lang: str) -> str:
    if net is None:
        return COMPARE(lang, "gross", gross=w.money(gross, lang))
    return COMPARE(lang, "gross_net", gross=w.money(gross, lang), net=w.money(net, lang))


def _pay(item: ItemResult, lang: str) -> _Pay:
    pay = item.pay
    if item.status == "not_eligible":
        return (), (), ()
    if isinstance(pay, GridPayResult):
        lines = tuple(
            COMPARE(
                lang,
                "pay_year",
                year=year_words(y.year, lang),
                amounts=_amounts(y.monthly_gross_eur, y.monthly_net_eur, lang),
            )
            for y in pay.years
        )
        gross = tuple(y.monthly_gross_eur for y in pay.years)
        return gross, tuple(y.monthly_net_eur for y in pay.years), lines
    if isinstance(pay, HourlyPayResult):
        monthly = pay.monthly_estimate_eur if pay.bonus_required else 0.0
        net = pay.monthly_net_eur if pay.bonus_required else None
        text = COMPARE(lang, "pay_hourly", amounts=_amounts(monthly, net, lang))
        return (monthly,), (net,), (text,)
    if isinstance(pay, NoPayResult):
        return (), (), (COMPARE(lang, "pay_none"),)
    return (), (), ()


def _why(item: ItemResult) -> str:
    if item.status == "not_eligible":
        failing = [r.text for r in item.reasons if r.holds is False]
        return failing[0] if failing else ""
    if item.status == "conditional" and item.depends:
        return item.depends[0].text
    return ""


def cell(item: ItemResult, lang: str) -> Cell:
    gross, net, lines = _pay(item, lang)
    borrowed = item.pay.title if isinstance(item.pay, GridPayResult | HourlyPayResult) else ""
    return Cell(
        status=item.status,
        words=COMPARE(lang, _STATUS_KEY[item.status]),
        why=typography(_why(item), lang),
        pay=gross,
        pay_lines=tuple(typography(line, lang) for line in lines),
        net=net,
        assumes=typography(borrowed, lang) if gross else "",
    )


def grouped(
    letters: tuple[str, ...], cells: tuple[Cell | None, ...]
) -> list[tuple[tuple[str, ...], Cell | None]]:
    """The scenarios that read the same, together, in the order they first
    appear: a long reason shared by A and C is written once, "A, C"."""
    groups: dict[Cell | None, list[str]] = {}
    for letter, found in zip(letters, cells, strict=True):
        groups.setdefault(found, []).append(letter)
    return [(tuple(shared), found) for found, shared in groups.items()]


def cell_parts(found: Cell | None) -> list[str]:
    """A cell's lines: status, why, what the pay assumes, the pay by year."""
    if found is None:
        return ["—"]
    assumes = [found.assumes] if found.assumes else []
    return [found.words, *([found.why] if found.why else []), *assumes, *found.pay_lines]


def compare(recs: Mapping[str, Recommendation], bundle: Bundle, *, name: str = "") -> Comparison:
    """The recommendations by scenario letter (in order), compared item by item;
    ``name``: the session they come from."""
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
        shown = tuple(typography(v, lang) for v in shown)
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
            # Gross or net: a difference in either is a difference (a public
            # employer's apprentice is paid the same gross, a different net).
            pays = {(c.pay, c.net) if c else None for c in cells}
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
    return Comparison(lang, first.as_of, letters, tuple(answers), tuple(sections), name)
