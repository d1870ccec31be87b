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
from alternance_tui.advice.next_steps import next_steps
from alternance_tui.advice.present import (
    answer_lines,
    grid_table,
    net_line,
    pay_lines,
    reference_line,
)
from alternance_tui.advice.result import (
    Change,
    ChangePart,
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
from alternance_tui.wording.typography import colon, typography

MARK = {"eligible": "✔", "conditional": "◐", "not_eligible": "✘"}


@dataclass(frozen=True, slots=True)
class PayTable:
    title: str
    status: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    basis: str


@dataclass(frozen=True, slots=True)
class SourceBlock:
    """One open item's "Sources and calculation": how its pay is worked out, and
    the texts its reasons and notes rest on (the results screen folds the same)."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Handout:
    lang: str
    title: str
    prepared_for: str
    scenario: str  # "Scenario B" when the session has several; "" otherwise
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
    sources: tuple[SourceBlock, ...] = ()  # of the open items, near the end


def _h(lang: str, key: str, **values: object) -> str:
    return HANDOUT(lang, key, **values)


def _part(part: ChangePart, flow: Flow, lang: str) -> str:
    """One changed answer in words: its label, then the values that would do,
    the smallest one "or higher" when they run to the end of the choices (a
    diploma), each by its label (never its id); a range as the engine says it."""
    question = flow.questions.get(part.question)
    if question is None or not part.values or question.kind not in ("choice", "multi"):
        return part.text
    multi = question.kind == "multi"
    labels = [show_value(question, frozenset({str(v)}) if multi else v, lang) for v in part.values]
    ids = [c.id for c in question.choices if not c.unknown]
    tail = len(part.values) > 1 and list(part.values) == ids[-len(part.values) :]
    shown = _h(lang, "or_higher", value=labels[0]) if tail and not multi else None
    return f"{tr(question.short, lang)}{colon(lang)}{shown or _h(lang, 'or').join(labels)}"


def opener(change: Change, flow: Flow, lang: str) -> str:
    """ "Highest diploma: Bac+2 (L2, BTS…) or higher", "Special situations: RQTH or
    Top-level athlete": what would open the item, in the labels the screen uses."""
    return " + ".join(_part(p, flow, lang) for p in change.parts) or change.text


def openers(item: ItemResult, flow: Flow, lang: str) -> str:
    """Every way to open the item that a person can act on (not their age), "; or "
    between them, as the results screen lists them; "" when there is none."""
    ways = [opener(c, flow, lang) for c in item.changes if not c.fixed]
    return _h(lang, "either_way").join(ways)


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


def _why_closed(item: ItemResult, flow: Flow, lang: str, many: bool = False) -> str:
    ways = openers(item, flow, lang)
    if ways:
        return _h(lang, "opens_with_many" if many else "opens_with", change=ways)
    failing = [r.text for r in item.reasons if r.holds is False]
    return failing[0] if failing else REPORT(lang, "not_eligible")


def closed_lines(items: list[ItemResult], flow: Flow, lang: str, courses: bool) -> list[str]:
    """One line per closed item, with what would open it; courses that the same
    change would open share one line ("M2 MESS, M2 MDOMC…: would open with…"),
    so that a person with a bac+2 reads the M2s once, not seven times."""
    if not courses:
        return [
            "✘ " + _h(lang, "closed_line", title=i.title, why=_why_closed(i, flow, lang))
            for i in items
        ]
    groups: dict[str, list[ItemResult]] = {}
    for item in items:
        groups.setdefault(_why_closed(item, flow, lang), []).append(item)
    lines = []
    for why, shared in groups.items():
        titles = "; ".join(_course_title(i) for i in shared)
        said = _why_closed(shared[0], flow, lang, many=True) if len(shared) > 1 else why
        lines.append("✘ " + _h(lang, "closed_line", title=titles, why=said))
    return lines


def _declined(flow: Flow, question_id: str, value: object) -> bool:
    """A yes/no left at a default of "no" (RQTH status not declared): the paper says
    nothing of it, so that a status such as a disability is printed only when declared."""
    question = flow.questions.get(question_id)
    return (
        question is not None
        and question.kind == "yes_no"
        and question.default is False
        and value is False
    )


def source_lines(item: ItemResult, lang: str) -> tuple[str, ...]:
    """How ``item``'s pay is worked out, then the texts its reasons and notes rest
    on, each once, in order."""
    pay = item.pay
    lines: list[str] = []
    if isinstance(pay, GridPayResult | HourlyPayResult):
        lines.append(reference_line(pay.reference, lang))
        lines.append(f"{REPORT(lang, 'source')}{colon(lang)}{pay.source}")
        if isinstance(pay, GridPayResult):
            lines.extend(pay_lines(pay, lang))
            if pay.months and pay.schedule_source:
                lines.append(f"{REPORT(lang, 'month_rows')}{colon(lang)}{pay.schedule_source}")
        elif pay.net is not None:
            lines.append(net_line(pay.net, lang))
    elif isinstance(pay, NoPayResult) and pay.source:
        lines.append(f"{REPORT(lang, 'source')}{colon(lang)}{pay.source}")
    texts = [r.source for r in item.reasons if r.source]
    texts += [n.source for n in item.notes if n.source]
    lines.extend(dict.fromkeys(texts))
    return tuple(typography(line, lang) for line in lines)


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


def _course_title(item: ItemResult) -> str:
    """ "Public Management (L3) — Aix-en-Provence": the level only when the title
    does not say it already, the campus after a dash (no parentheses in parentheses)."""
    level = str(item.attributes.get("level", ""))
    facts = [level] if level and level not in item.title else []
    if "campus" in item.attributes:
        facts.append(str(item.attributes["campus"]))
    return f"{item.title} — {' · '.join(facts)}" if facts else item.title


def _depending_line(item: ItemResult, flow: Flow, lang: str) -> str:
    """ "◐ Training contract: depends on your answer to “Current situation”, open
    with Employee or Job seeker…": what the item depends on, then its pay."""
    pay = _pay_line(item, lang)
    if not item.depends:
        return "◐ " + _h(lang, "contract_line", title=item.title, pay=pay)
    depends = item.depends[0]
    question = flow.questions.get(depends.question)
    if question is None:
        return f"◐ {item.title}{colon(lang)}{depends.text} {pay}".rstrip()
    labels = [show_value(question, v, lang) for v in depends.open_with]
    line = _h(
        lang,
        "depends_line",
        title=item.title,
        question=tr(question.short, lang),
        values=_h(lang, "or").join(labels),
        pay=pay,
    )
    return "◐ " + line.rstrip()


def _counts(lang: str, open_items: list[ItemResult], depending: list[ItemResult]) -> str:
    """ "1 ouvert, 1 selon une réponse", "2 ouverts", "aucun ouvert": plurals written."""
    n = len(open_items)
    shown = _h(lang, "open_none" if n == 0 else "open_one" if n == 1 else "open_many", count=n)
    if depending:
        shown += ", " + _h(lang, "depends_count", count=len(depending))
    return shown


def handout(
    rec: Recommendation,
    bundle: Bundle,
    *,
    name: str = "",
    notes: str = "",
    today: dt.date | None = None,
    scenario: str = "",
) -> Handout:
    """``scenario``: the letter of the scenario it is for, when the session has
    several (said on the handout, so that nobody hands over B thinking it is A)."""
    lang, flow = rec.lang, bundle.flow
    contracts = rec.section("contracts")
    courses = rec.section("courses")
    contract_items = contracts.items if contracts else ()
    course_items = courses.items if courses else ()
    open_contracts = [i for i in contract_items if i.status == "eligible"]
    depending = [i for i in contract_items if i.status == "conditional"]
    open_courses = [i for i in course_items if i.eligible]
    lines = [
        "✔ " + _h(lang, "contract_line", title=i.title, pay=_pay_line(i, lang))
        for i in open_contracts
    ] + [_depending_line(i, flow, lang) for i in depending]
    campus_note = campus_without_course(rec, flow, open_courses)
    no_course = ""
    if not open_courses:
        ways = [opener(i.changes[0], flow, lang) for i in course_items if i.changes]
        if ways:
            # The course the smallest change opens: the first in the file's order.
            no_course = _h(lang, "step_no_course", change=ways[0])
    steps = next_steps(rec, [*open_contracts, *depending], open_courses, no_course)
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
    closed = closed_lines(
        [i for i in contract_items if i.status == "not_eligible"], flow, lang, courses=False
    ) + closed_lines([i for i in course_items if i.status == "not_eligible"], flow, lang, True)
    known = rec.rates_known_until
    return Handout(
        lang=lang,
        title=_h(lang, "title"),
        prepared_for=_h(lang, "for", name=name) if name else "",
        scenario=_h(lang, "scenario", letter=scenario) if scenario else "",
        prepared=_h(lang, "prepared", date=w.date(today or dt.date.today(), lang)),
        rates=_h(
            lang,
            "rates",
            as_of=w.date(rec.as_of, lang),
            known=w.date(known, lang) if known else "—",
        ),
        contracts_heading=_h(
            lang, "contracts_open", counts=_counts(lang, open_contracts, depending)
        ),
        contracts=tuple(lines) or (_h(lang, "no_contract"),),
        courses=tuple(f"✔ {_course_title(i)}" for i in open_courses),
        no_course="" if open_courses else _h(lang, "no_course"),
        campus_note=campus_note,
        next_steps=tuple(steps),
        details=tuple(details),
        closed=tuple(closed),
        answers=tuple(
            typography(f"{a.label}: {a.value}", lang)
            for a in answer_lines(rec, flow)
            if not _declined(flow, a.question, rec.answers.get(a.question))
        ),
        notes=notes.strip(),
        disclaimer=_h(lang, "disclaimer"),
        sources=tuple(
            SourceBlock(
                f"{MARK[i.status]} {_course_title(i) if i in open_courses else i.title}",
                source_lines(i, lang),
            )
            for i in [*open_contracts, *depending, *open_courses]
        ),
        counts={
            "contracts_open": len(open_contracts),
            "contracts_depending": len(depending),
            "courses_open": len(open_courses),
        },
    )
