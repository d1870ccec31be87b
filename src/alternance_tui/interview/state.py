"""The interview as a person moves through it, without any UI.

This is what the TUI asks and nothing more: which place is shown (welcome, a
question, the review, the results), which question, where Enter and Escape
lead, where an edit from the review returns, and which answers apply.

Every answer a person gives is kept in ``answers``, even when a later change
takes its question off the path: the flow walker decides what applies, so
changing an answer back brings the hidden ones back. Text typed in a number
field and not yet accepted is kept in ``drafts`` for the same reason.

Pure Python: no textual import, so it is tested (and reasoned about) alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from alternance_tui.flow.answers import (
    AnswerError,
    AnswerProblem,
    check_value,
    parse_answers,
    parse_text,
    plain_number,
    show_value,
    to_json,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.glossary import used_in
from alternance_tui.flow.model import Flow, GlossaryEntry, Question, tr
from alternance_tui.flow.walk import Progress, Walk, condition_env, progress, walk
from alternance_tui.interview.asked import Asked, asked

Place = Literal["welcome", "question", "review", "results"]
# Where an edit started from the review returns once nothing required is missing.
ReturnPlace = Literal["review", "results"]


@dataclass(frozen=True, slots=True)
class ReviewRow:
    question: str
    label: str
    value: str
    missing: bool  # required and not answered: the results wait for it
    default: bool  # not answered: the question's default stands in


@dataclass
class Interview:
    flow: Flow
    lang: str = "fr"
    answers: dict[str, Value] = field(default_factory=dict)
    drafts: dict[str, str] = field(default_factory=dict)
    place: Place = "welcome"
    current: str | None = None
    # Set while a person changes one answer from the review or the results.
    returning_to: ReturnPlace | None = None
    # The questions on the path when that change began: a question the change
    # brings onto the path, never answered, is asked before returning.
    path_before: frozenset[str] = frozenset()
    # The question a person left for the review part-way through: where a saved
    # session goes on, so that the questions after it are asked, not defaulted.
    left_at: str | None = None

    # --- where things stand --------------------------------------------------

    def walk(self) -> Walk:
        """The path the answers lead to, defaults standing in for unanswered
        questions that have one (so only *required* gaps stop it)."""
        return walk(self.flow, self.answers, use_defaults=True)

    @property
    def complete(self) -> bool:
        return self.walk().complete

    @property
    def question(self) -> Question | None:
        if self.place != "question" or self.current is None:
            return None
        return self.flow.questions[self.current]

    def shown_value(self, question_id: str) -> Value:
        """What the question's widget starts with: the answer kept, else the default."""
        if question_id in self.answers:
            return self.answers[question_id]
        return self.flow.questions[question_id].default_in(condition_env(self.flow, self.answers))

    def asked(self) -> Asked | None:
        """The question asked now as data (prompt, help, choices ticked, the number
        field's text and range), for any front end; None when none is asked."""
        question = self.question
        if question is None:
            return None
        changing = self.returning_to is not None
        return asked(
            question,
            self.shown_value(question.id),
            self.lang,
            draft=self.drafts.get(question.id),
            progress=None if changing else self.progress(),
            changing=changing,
        )

    def progress(self) -> Progress | None:
        if self.current is None or self.place != "question":
            return None
        return progress(self.flow, self.answers, self.current)

    def applicable(self) -> dict[str, Value]:
        """The answers a person gave that the path uses (no defaults added)."""
        path = self.walk().path
        return {q: self.answers[q] for q in path if q in self.answers}

    def glosses(self, question_id: str) -> list[GlossaryEntry]:
        """The words this question's prompt is the first on the path to use (RSA,
        ASS, AAH at 27): each is explained once, where it first appears."""
        glossary = self.flow.glossary
        question = self.flow.questions[question_id]
        here = used_in([tr(question.prompt, self.lang)], glossary, self.lang)
        if not here:
            return []
        path = self.walk().path
        earlier = path[: path.index(question_id)] if question_id in path else ()
        before = used_in(
            [tr(self.flow.questions[q].prompt, self.lang) for q in earlier], glossary, self.lang
        )
        return [entry for entry in here if entry not in before]

    def words(self, question_id: str) -> list[GlossaryEntry]:
        """Every word the question uses, its help and choices too (F1 explains them)."""
        question = self.flow.questions[question_id]
        texts = [tr(question.prompt, self.lang), tr(question.help, self.lang)]
        for choice in question.choices:
            texts += [tr(choice.label, self.lang), tr(choice.help, self.lang)]
        return used_in(texts, self.flow.glossary, self.lang)

    def first_missing(self) -> str | None:
        """The first required question on the path without an answer."""
        state = self.walk()
        return None if state.complete else state.current

    # --- moving -----------------------------------------------------------------

    def begin(self) -> None:
        """From the welcome screen: the first question, answers kept and shown."""
        self.returning_to = self.left_at = None
        self.place, self.current = "question", self.flow.start

    def open_on(self, current: str | None = None) -> None:
        """Where to open for answers given up front (``--answers``, ``--resume``):
        the saved question if it is still on the path, else the results when
        nothing required is missing, else the first question that is."""
        if current is not None and current in self.walk().path:
            self.place, self.current = "question", current
            return
        missing = self.first_missing()
        if missing is None:
            self.place, self.current = "results", None
            return
        self.place, self.current = "question", missing
        # Once the gaps are filled, go straight to what the person came for
        # (only the required gaps: defaults stand for the rest, as `recommend`'s do).
        self.returning_to = "results"
        self.path_before = frozenset(self.flow.questions)

    def _fitting(self, value: Value) -> Value:
        """``value`` as the current question takes it, or AnswerError.

        A key typed ahead can reach the screen after the question it was meant
        for has gone (a choice's number landing on a number question): it must
        never become another question's answer.
        """
        if self.current is None:
            raise RuntimeError("no question is being asked")
        return check_value(self.flow.questions[self.current], value, self.lang)

    def answer(self, value: Value) -> None:
        """Accept ``value`` for the current question and move on; AnswerError,
        and nothing changed, when it is not one of that question's answers."""
        value = self._fitting(value)
        question_id = self.current
        assert question_id is not None
        self.answers[question_id] = value
        self.drafts.pop(question_id, None)
        if question_id == self.left_at:
            self.left_at = None  # taken up again where it was left
        state = self.walk()
        if self.returning_to is not None:
            # A change can open questions nobody has answered yet: ask those
            # first (optional ones too: a default standing in unasked is a question
            # the person never saw), then return to where the change started.
            if not state.complete:
                self.current = state.current
            elif new := self.new_questions():
                self.current = new[0]
            else:
                self._return()
            return
        following = state.following(question_id)
        if following is not None:
            self.current = following
        elif state.complete:
            self.place, self.current = "review", None
        else:
            self.current = state.current

    def new_questions(self) -> list[str]:
        """While a change is made: the questions it brought onto the path that have
        no answer yet, in the path's order (the one being asked included)."""
        if self.returning_to is None:
            return []
        return [q for q in self.walk().path if q not in self.path_before and q not in self.answers]

    def keep(self, value: Value) -> None:
        """Record ``value`` for the current question without moving on (a choice
        ticked or marked): going back must not lose it."""
        if self.current is not None:
            self.answers[self.current] = value if value is None else self._fitting(value)

    def back(self) -> None:
        """Escape: one step back. Cancels a change started from the review."""
        if self.place == "question":
            if self.returning_to is not None:
                self._return()
                return
            previous = self.walk().previous(self.current) if self.current else None
            if previous is None:
                self.place, self.current = "welcome", None
            else:
                self.current = previous
        elif self.place == "review":
            path = self.walk().path
            self.place, self.current = "question", path[-1] if path else self.flow.start
        elif self.place == "results":
            self.place = "review"

    def review(self) -> None:
        if self.place == "question":
            self.left_at = self.current
        elif self.place != "review":
            self.left_at = None
        self.place, self.current, self.returning_to = "review", None, None

    def results(self) -> None:
        """To the results, or to the first required question still missing."""
        missing = self.first_missing()
        if missing is None:
            self.place, self.current, self.returning_to = "results", None, None
        else:
            self.place, self.current, self.returning_to = "question", missing, "results"
            self.path_before = frozenset(self.flow.questions)  # only the required gaps

    def edit(self, question_id: str) -> None:
        """Change one answer from the review or the results, then return there."""
        if question_id not in self.flow.questions:
            raise KeyError(question_id)
        came_from: ReturnPlace = "results" if self.place == "results" else "review"
        if self.returning_to is None:
            self.path_before = frozenset(self.walk().path)
        self.returning_to = self.returning_to or came_from
        self.place, self.current = "question", question_id

    def restart(self) -> None:
        """A new interview: every answer forgotten."""
        self.left_at = None
        self.answers.clear()
        self.drafts.clear()
        self.place, self.current, self.returning_to = "welcome", None, None

    def _return(self) -> None:
        target = self.returning_to or "review"
        self.returning_to = None
        self.current = None
        self.place = target if target == "review" or self.complete else "review"

    # --- showing ----------------------------------------------------------------

    def review_rows(self) -> list[ReviewRow]:
        """Every question on the path, with the answer that stands."""
        state = self.walk()
        rows = []
        for question_id in state.path:
            question = self.flow.questions[question_id]
            given = question_id in self.answers
            missing = question_id == state.current and not state.complete
            value = self.answers.get(question_id) if given else state.answers.get(question_id)
            rows.append(
                ReviewRow(
                    question_id,
                    tr(question.short, self.lang) or tr(question.prompt, self.lang),
                    "" if missing else show_value(question, value, self.lang),
                    missing,
                    not given and not missing,
                )
            )
        return rows

    # --- saving -----------------------------------------------------------------

    def answers_json(self) -> dict[str, Any]:
        """Every answer kept, applicable or not, as a JSON answers file holds it."""
        return {q: to_json(v) for q, v in self.answers.items()}

    def load_answers(self, raw: Mapping[str, object]) -> list[AnswerProblem]:
        """Answers from a JSON object (``--answers``, a saved session). Those that
        do not fit are reported and left out; the others are kept."""
        parsed, problems = parse_answers(self.flow, raw, self.lang)
        self.answers.update(parsed)
        return problems


@dataclass(frozen=True, slots=True)
class Typed:
    """What a number field holds as a person types."""

    value: Value
    ok: bool
    error: str  # what to show under the field now; "" while it may still become right


def check_typing(question: Question, text: str, lang: str, *, final: bool = False) -> Typed:
    """Check the text of a number field.

    While typing (``final`` False), a text that more digits could still make
    right ("1" on the way to "18" for an age of 15 to 99) shows no error: an
    error flashing at every key would be noise. On Enter (``final``) every
    problem is shown.
    """
    try:
        return Typed(parse_text(question, text, lang), True, "")
    except AnswerError as exc:
        if not final and _may_still_fit(question, text, lang):
            return Typed(None, False, "")
        return Typed(None, False, str(exc))


def _may_still_fit(question: Question, text: str, lang: str) -> bool:
    if text.strip() in ("", "-", "+"):
        return True
    # Read as the field reads a number, so "٢" or "1_" shows its error at once.
    number = plain_number(text, lang)
    if number is None or not math.isfinite(number):
        return False
    low, high = question.minimum, question.maximum
    if low is None or number >= low or number < 0 or not number.is_integer():
        return False
    # Digits typed after ``number`` give number*10^k + (0 .. 10^k - 1).
    for k in (1, 2, 3):
        first, last = number * 10**k, number * 10**k + 10**k - 1
        if last >= low and (high is None or first <= high):
            return True
    return False
