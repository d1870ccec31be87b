"""What every part of an advice file's building shares: the file, the flow and
its rates, the problems found so far, and the checks of texts, conditions,
number questions, rate series and notes."""

from __future__ import annotations

import re
from collections.abc import Mapping

from alternance_tui.advice import model
from alternance_tui.advice.schema import (
    NoteFile,
)
from alternance_tui.flow import cond
from alternance_tui.flow.file_checks import TextChecker, parse_checked_condition
from alternance_tui.flow.model import Flow, Text
from alternance_tui.flow.problems import KeyPath, Problem

# Pay multiplies ages, months and hours with each other and with rates: bounded,
# no product of them can overflow to infinity.
PAY_ANSWER_MAX = 1_000_000
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class BuilderBase:
    """Checks one advice file against the flow and the rates that use it."""

    def __init__(self, flow: Flow, rates: Mapping[str, model.RateSeries], file: str) -> None:
        self.flow = flow
        self.rates = rates
        self.file = file
        self.problems: list[Problem] = []
        self.scope = flow.scope()
        self.check_text_raw = TextChecker(file, list(flow.languages), self.problems)

    def text(self, text: Text | None, path: KeyPath) -> None:
        self.check_text_raw(text, path)
        if text is None:
            return
        # One problem per unknown name, naming the languages whose text has it.
        unknown: dict[str, list[str]] = {}
        for lang, value in text.items():
            for name in PLACEHOLDER.findall(value):
                if name not in self.flow.questions and lang not in unknown.get(name, []):
                    unknown.setdefault(name, []).append(lang)
        example = next(iter(self.flow.questions), "id")
        for name, langs in unknown.items():
            self.problems.append(
                Problem(
                    self.file,
                    f"the {', '.join(langs)} text names {{{name}}}, which is not a question; "
                    f"placeholders are question ids, such as {{{example}}}",
                    path,
                )
            )

    def condition(self, source: str | None, path: KeyPath) -> cond.Condition | None:
        if source is None:
            return None
        return parse_checked_condition(source, self.scope, self.file, path, self.problems)

    def number_question(self, question_id: str, path: KeyPath) -> None:
        """``question_id`` must be a number question that no one can answer with a
        negative number: pay reads it as an age, months or hours, and a negative one
        would give negative hours and amounts."""
        question = self.flow.questions.get(question_id)
        if question is None or question.kind != "number":
            self.problems.append(
                Problem(
                    self.file,
                    f'"{question_id}" is not a number question of flow "{self.flow.id}"',
                    path,
                )
            )
        elif question.minimum is None or question.minimum < 0:
            low = "no `min`" if question.minimum is None else f"min = {question.minimum:g}"
            self.problems.append(
                Problem(
                    self.file,
                    f'"{question_id}" accepts negative answers ({low} in flow '
                    f'"{self.flow.id}"), which pay cannot use; give it min = 0 or more',
                    path,
                )
            )
        elif question.maximum is None or question.maximum > PAY_ANSWER_MAX:
            high = "no `max`" if question.maximum is None else f"max = {question.maximum:g}"
            self.problems.append(
                Problem(
                    self.file,
                    f'"{question_id}" accepts answers too large for pay ({high} in flow '
                    f'"{self.flow.id}"); give it a max of at most {PAY_ANSWER_MAX:,}',
                    path,
                )
            )

    def series(self, series_id: str, path: KeyPath) -> None:
        if series_id not in self.rates:
            known = ", ".join(sorted(self.rates)) or "none: add a rates file to `uses`"
            self.problems.append(
                Problem(self.file, f'no rates series "{series_id}" (known: {known})', path)
            )

    def notes(self, notes: list[NoteFile], path: KeyPath) -> tuple[model.Note, ...]:
        built = []
        for index, note in enumerate(notes):
            n_path: KeyPath = (*path, index)
            self.text(note.text, (*n_path, "text"))
            if note.from_ and note.until and note.until < note.from_:
                self.problems.append(
                    Problem(self.file, "`until` must not be before `from`", (*n_path, "until"))
                )
            built.append(
                model.Note(
                    note.text,
                    self.condition(note.when, (*n_path, "when")),
                    note.source,
                    note.from_,
                    note.until,
                )
            )
        return tuple(built)

    def value_format(self, text: Text | None, path: KeyPath) -> None:
        """Reports fill it with str.format(value=...): any other brace would fail there."""
        for lang, value in (text or {}).items():
            try:
                value.format(value="")
            except (KeyError, IndexError, ValueError):
                message = f"the {lang} text may name {{value}} and nothing else in braces"
                self.problems.append(Problem(self.file, message, path))
