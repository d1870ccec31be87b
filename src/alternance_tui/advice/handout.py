"""The handout: a one- or two-page summary for the person, leading with what
they can do (open contracts and their first-year pay, open courses, next
steps), then the details, closed items one line each, the answers, the
advisor's notes if chosen, the dates and a blank for the advisor's name.

Pure: ``handout()`` builds it; advice/render/handout.py writes it as HTML
(A4, printable), Markdown or JSON. The words are in the HANDOUT catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alternance_tui.advice.model import Bundle
from alternance_tui.advice.present import answer_lines, grid_table, reference_line
from alternance_tui.advice.result import (
    Change,
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NoPayResult,
    Recommendation,
)
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.model import Flow, tr
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.handout import HANDOUT
from alternance_tui.wording.catalogue.report import REPORT
from alternance_tui.wording.typography import typography

MARK = {"eligible": "✔", "conditional": "◐", "not_eligible": "✘"}


@dataclass(frozen=True, slots=True)
class PayTable:
    title: str
    status: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    basis: str


@dataclass(frozen=True, slots=True)
class Handout:
    lang: str
    title: str
    prepared_for: str
    prepared: str
    rates: str
    contracts_heading: str
    contracts: tuple[str, ...]  # open first, then open depending on an answer
    courses: tuple[str, ...]  # open courses
    no_course: str  # "" when a course is open
    campus_note: str  # a preferred campus with no open course there
    next_steps: tuple[str, ...]
    details: tuple[PayTable, ...]
    closed: tuple[str, ...]  # one line each, with what would open it
    answers: tuple[str, ...]
    notes: str  # "" unless the advisor chose to show them
    disclaimer: str
    counts: dict[str, int]


def _h(lang: str, key: str, **values: object) -> str:
    return HANDOUT(lang, key, **values)


def opener(change: Change, flow: Flow, lang: str) -> str:
    """ "Highest diploma: Two years after the bac, bac+2 (…)": the smallest
    value of each answer that would open the item, not the whole list."""
    parts = []
    for part in change.parts:
        question = flow.questions.get(part.question)
        if question is None or not part.values:
            return change.text
        label = tr(question.short, lang)
        parts.append(f"{label}: {show_value(question, part.values[0], lang)}")
    return " + ".join(parts) or change.text


def _pay_line(item: ItemResult, lang: str) -> str:
    pay = item.pay
    if isinstance(pay, GridPayResult) and pay.years:
        return _h(lang, "first_year", amount=w.money(pay.years[0].monthly_gross_eur, lang))
    if isinstance(pay, HourlyPayResult):
        return REPORT(
            lang,
            "hourly",
            hourly=w.money(pay.hourly_min_eur, lang),
            percent=w.percent(pay.percent, lang),
            ref=pay.reference.label,
        )
    if isinstance(pay, NoPayResult):
        return pay.text
    return ""


def _closed_line(item: ItemResult, flow: Flow, lang: str, facts: str = "") -> str:
    title = f"{item.title} ({facts})" if facts else item.title
    if item.changes:
        why = _h(lang, "opens_with", change=opener(item.changes[0], flow, lang))
    else:
        failing = [r.text for r in item.reasons if r.holds is False]
        why = failing[0] if failing else REPORT(lang, "not_eligible")
    return "✘ " + _h(lang, "closed_line", title=title, why=why)


def campus_without_course(rec: Recommendation, flow: Flow, open_courses: list[ItemResult]) -> str:
    """A preferred campus where none of the open courses is taught, in words; "" otherwise."""
    campus = rec.answers.get("campus")
    if not isinstance(campus, str) or campus == "either" or "campus" not in flow.questions:
        return ""
    here = [i for i in open_courses if campus in str(i.attributes.get("campus", "")).lower()]
    if not open_courses or here:
        return ""
    shown = show_value(flow.questions["campus"], campus, rec.lang)
    return _h(rec.lang, "no_course_campus", campus=shown)


def _course_facts(item: ItemResult) -> str:
    return " · ".join(str(item.attributes[k]) for k in ("level", "campus") if k in item.attributes)


def handout(
    rec: Recommendation,
    bundle: Bundle,
    *,
    name: str = "",
    notes: str = "",
    today: dt.date | None = None,
) -> Handout:
    lang, flow = rec.lang, bundle.flow
    contracts = rec.section("contracts")
    courses = rec.section("courses")
    contract_items = contracts.items if contracts else ()
    course_items = courses.items if courses else ()
    open_contracts = [i for i in contract_items if i.status == "eligible"]
    depending = [i for i in contract_items if i.status == "conditional"]
    open_courses = [i for i in course_items if i.eligible]
    lines = [
        f"{MARK[i.status]} " + _h(lang, "contract_line", title=i.title, pay=_pay_line(i, lang))
        for i in [*open_contracts, *depending]
    ]
    campus_note = campus_without_course(rec, flow, open_courses)
    steps = []
    if open_contracts or depending:
        steps.append(_h(lang, "step_employer"))
    if open_courses:
        steps.append(_h(lang, "step_course"))
    else:
        openers = [opener(i.changes[0], flow, lang) for i in course_items if i.changes]
        if openers:
            # The course the smallest change opens: the first in the file's order.
            steps.append(_h(lang, "step_no_course", change=openers[0]))
    steps.append(_h(lang, "step_cfa"))
    details = []
    for item in [*open_contracts, *depending]:
        if isinstance(item.pay, GridPayResult):
            header, rows = grid_table(item.pay, lang)
            basis = _h(lang, "pay_basis", reference=reference_line(item.pay.reference, lang))
            details.append(
                PayTable(
                    item.title,
                    REPORT(lang, item.status),
                    tuple(header),
                    tuple(tuple(r) for r in rows),
                    basis,
                )
            )
    closed = [_closed_line(i, flow, lang) for i in contract_items if i.status == "not_eligible"] + [
        _closed_line(i, flow, lang, _course_facts(i))
        for i in course_items
        if i.status == "not_eligible"
    ]
    known = rec.rates_known_until
    return Handout(
        lang=lang,
        title=_h(lang, "title"),
        prepared_for=_h(lang, "for", name=name) if name else "",
        prepared=_h(lang, "prepared", date=w.date(today or dt.date.today(), lang)),
        rates=_h(
            lang,
            "rates",
            as_of=w.date(rec.as_of, lang),
            known=w.date(known, lang) if known else "—",
        ),
        contracts_heading=HANDOUT.plural(
            lang,
            "contracts_open",
            len(open_contracts),
            open=len(open_contracts),
            depends=len(depending),
        ),
        contracts=tuple(lines) or (_h(lang, "no_contract"),),
        courses=tuple(
            f"✔ {i.title} ({_course_facts(i)})" if _course_facts(i) else f"✔ {i.title}"
            for i in open_courses
        ),
        no_course="" if open_courses else _h(lang, "no_course"),
        campus_note=campus_note,
        next_steps=tuple(steps),
        details=tuple(details),
        closed=tuple(closed),
        answers=tuple(typography(f"{a.label}: {a.value}", lang) for a in answer_lines(rec, flow)),
        notes=notes.strip(),
        disclaimer=_h(lang, "disclaimer"),
        counts={
            "contracts_open": len(open_contracts),
            "contracts_depending": len(depending),
            "courses_open": len(open_courses),
        },
    )
