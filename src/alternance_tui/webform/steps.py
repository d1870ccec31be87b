"""A submitted form as one move of the interview, as the TUI's keys make them.

The form says which button was pressed (``go``), which question its fields
are for (``asked``) and what they hold (``answer``, once per ticked box: none
when nothing is ticked); the language switch sends ``lang`` instead, with the
fields when JavaScript could copy them.
Every value goes through ``Asked.value``: the checks and messages of the TUI.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from alternance_tui.flow.answers import AnswerError
from alternance_tui.interview.asked import number_text
from alternance_tui.interview.state import Interview
from alternance_tui.wording.lookup import LANGUAGES

Form = Mapping[str, Sequence[str]]
CHANGE = "change:"


@dataclass(frozen=True, slots=True)
class Step:
    interview: Interview
    error: str = ""  # what is wrong with the answer given, "" when nothing is
    picked: tuple[str, ...] | None = None  # what the fields held, shown back with the error


def first(form: Form, name: str) -> str:
    values = form.get(name) or ()
    return values[0] if values else ""


def apply(interview: Interview, form: Form) -> Step:
    """``interview`` moved as the form asks (it is changed in place)."""
    lang = first(form, "lang")
    if lang:
        if lang in LANGUAGES:
            keep_typed(interview, form)
            interview.lang = lang
        return Step(interview)
    go = first(form, "go")
    if go == "start" and interview.place == "welcome":
        interview.begin()
    elif go == "next":
        return _next(interview, form)
    elif go == "back":
        if interview.returning_to is None:
            keep_typed(interview, form)
        interview.back()
    elif go.startswith(CHANGE) and interview.place in ("review", "results"):
        question = go[len(CHANGE) :]
        if question in interview.walk().path:
            interview.edit(question)
    elif go == "results" and interview.place == "review":
        interview.results()
    elif go == "review" and interview.place == "results":
        interview.review()
    elif go == "restart":
        interview.restart()
    # Anything else (a button of another page, replayed): the page as it stands.
    return Step(interview)


def _next(interview: Interview, form: Form) -> Step:
    asked = interview.asked()
    if asked is None or first(form, "asked") != asked.id:
        return Step(interview)
    picked = tuple(form.get("answer") or ())
    try:
        value = asked.value(picked)
    except AnswerError as exc:
        if asked.kind == "number":
            interview.drafts[asked.id] = picked[0] if picked else ""
        return Step(interview, str(exc), picked)
    interview.answer(value)
    return Step(interview)


def keep_typed(interview: Interview, form: Form) -> None:
    """What the question's fields hold, kept without moving on (Back, a language
    switch): a choice that fits is kept, a number's text as it was typed."""
    asked = interview.asked()
    if asked is None or first(form, "asked") != asked.id:
        return
    picked = tuple(form.get("answer") or ())
    if asked.kind == "number":
        typed = picked[0] if picked else ""
        if typed == number_text(interview.shown_value(asked.id), asked.lang):
            interview.drafts.pop(asked.id, None)
        else:
            interview.drafts[asked.id] = typed
        return
    # Nothing ticked yet, or not one of the choices: nothing to keep.
    with contextlib.suppress(AnswerError):
        interview.keep(asked.value(picked))
