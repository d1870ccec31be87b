"""When the contracts and the courses disagree, a line that says so and what to do.

Two cases a student trips on (issue 22, item 7):
- contracts are open but no course is: the nearest course and why it is closed,
  then what to do (a course elsewhere, or this one later);
- a contract's pay is worked out for a year of study (an M2) whose courses are
  closed to the person (they need an M1 first).

Found from the data alone: a course's pay is another item's pay "like" it, with
the answers it sets (``entry_level = "m2"``); the courses of the year a person
answered are the ones that set that same answer. Pure: the results screen, the
reports and the handout all say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from alternance_tui.advice.model import Bundle, LikePay
from alternance_tui.advice.openers import opener
from alternance_tui.advice.result import ItemResult, Recommendation, SectionResult
from alternance_tui.flow.answers import show_value
from alternance_tui.wording.catalogue.act import ACT


def _failing(item: ItemResult) -> str:
    """The first reason the item is closed, as the card says it."""
    return next((r.text for r in item.reasons if r.holds is False), "")


def _levels(items: Sequence[ItemResult]) -> str:
    """ "L3, M1": the levels of ``items``, each once, in order."""
    levels = [str(i.attributes.get("level", "")) for i in items]
    return ", ".join(dict.fromkeys(v for v in levels if v))


def _course_sections(rec: Recommendation, bundle: Bundle) -> list[SectionResult]:
    """The sections whose items are priced like another item (the courses)."""
    priced_like = {
        s.id for s in bundle.sections if any(isinstance(i.pay, LikePay) for i in s.items)
    }
    return [s for s in rec.sections if s.id in priced_like]


def no_course_lines(
    rec: Recommendation, bundle: Bundle, section: SectionResult, short: bool = False
) -> tuple[str, ...]:
    """Contracts open, no course in ``section``: the nearest course, why it is
    closed, and what to do; () when a course is open or no contract is.
    ``short``: without why nor what would open it (the handout lists those with
    the closed items, and keeps to one page)."""
    if section not in _course_sections(rec, bundle) or any(i.eligible for i in section.items):
        return ()
    contracts_open = any(i.eligible for s in rec.sections if s.id != section.id for i in s.items)
    # The nearest: the first course (in the section's order) a change of answers
    # the person can make would open; its first such change.
    nearest = next(
        ((item, change) for item in section.items for change in item.changes if not change.fixed),
        None,
    )
    if not contracts_open or nearest is None:
        return ()
    item, change = nearest
    lang = rec.lang
    return (
        ACT(lang, "no_course", title=item.title, why="" if short else _failing(item)).rstrip(),
        ACT(lang, "no_course_todo_short")
        if short
        else ACT(lang, "no_course_todo", change=opener(change, bundle.flow, lang)),
    )


def level_gap_lines(rec: Recommendation, bundle: Bundle, section: SectionResult) -> tuple[str, ...]:
    """Open contracts in ``section`` paid for a year of study (an M2) whose courses
    are all closed to the person: say so, with why, and which courses are open."""
    lines: list[str] = []
    items = {i.id: i for i in section.items}
    courses = [c for s in _course_sections(rec, bundle) for c in s.items]
    model_courses = {i.id: i for s in bundle.sections for i in s.items}
    said: set[tuple[str, object]] = set()
    for course in courses:
        pay = model_courses[course.id].pay if course.id in model_courses else None
        if not isinstance(pay, LikePay):
            continue
        contract = items.get(pay.item)
        if contract is None or not contract.eligible or contract.pay is None:
            continue
        for question_id, value in pay.answers.items():
            question = bundle.flow.questions.get(question_id)
            if question is None or question.kind != "choice":
                continue  # a year of study is a choice; a length is not
            if rec.answers.get(question_id) != value or (question_id, value) in said:
                continue
            said.add((question_id, value))
            same = [
                c
                for c in courses
                if isinstance(p := getattr(model_courses.get(c.id), "pay", None), LikePay)
                and p.answers.get(question_id) == value
            ]
            if any(c.eligible for c in same):
                continue
            lang = rec.lang
            line = ACT(
                lang,
                "level_gap",
                year=show_value(question, value, lang),
                why=_failing(same[0]),
            )
            open_courses = [c for c in courses if c.eligible]
            if open_courses:
                line += " " + ACT(lang, "level_gap_open", levels=_levels(open_courses))
            lines.append(line)
    return tuple(lines)


def course_gap_lines(
    rec: Recommendation, bundle: Bundle, section: SectionResult
) -> tuple[str, ...]:
    """Every line of this module for ``section``, as shown under its heading."""
    return level_gap_lines(rec, bundle, section) + no_course_lines(rec, bundle, section)
