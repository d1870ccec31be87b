"""``--plain`` from the welcome to the results: one place of the interview at a
time (a question, the review, the results), each printed as lines and answered
by a typed line.

Where each answer or word leads is ``Interview``'s (interview/state.py), as in
the TUI: this module prints the place and reads the line. Every move is saved
before the next place is printed (``SessionSaver.write``), so an answer that was
accepted survives the process being killed the next instant.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from alternance_tui.files.printable import excerpt, printable_document
from alternance_tui.flow.answers import AnswerError
from alternance_tui.flow.glossary import explained
from alternance_tui.flow.model import tr
from alternance_tui.interview.asked import Asked, asked
from alternance_tui.interview.pace import minutes
from alternance_tui.plain.asking import answer_of, help_lines, prompt, question_lines
from alternance_tui.plain.lines import Idle, Line, LineReader, Output
from alternance_tui.plain.words import Command, command_of, means, named, shown
from alternance_tui.wording.catalogue.plain import PLAIN
from alternance_tui.wording.catalogue.tui import TUI
from alternance_tui.wording.typography import typography

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.interview.state import Interview, ReviewRow
    from alternance_tui.sessions.autosave import Notice, SessionSaver
    from alternance_tui.sessions.store import Session

Ending = Literal["quit", "end_of_input", "interrupted", "signal"]


class Ended(Exception):
    """The conversation is over: how, and the exit status it gives."""

    def __init__(self, how: Ending, code: int = 0) -> None:
        super().__init__(how)
        self.how = how
        self.code = code


class _Erase(Exception):
    """A kiosk's person is gone (quit, Ctrl+C, or idle): everything is erased."""


class Conversation:
    def __init__(
        self,
        interview: Interview,
        engine: Engine,
        saver: SessionSaver,
        reader: LineReader,
        out: Output,
        *,
        as_of: dt.date,
        kiosk: bool = False,
        idle: tuple[float, float] | None = None,  # a kiosk's quiet seconds and countdown
        input_is_terminal: bool = True,
        lang_given: bool = False,  # --lang: a session taken keeps it
    ) -> None:
        self.lang_given = lang_given
        self.interview = interview
        self.engine = engine
        self.saver = saver
        self.reader = reader
        self.out = out
        self.as_of = as_of
        self.kiosk = kiosk
        self.idle = idle
        self.first_lang = interview.lang
        self.input_is_terminal = input_is_terminal
        # The question a person typed "review" at: Enter at the review goes on from it.
        self.paused_at: str | None = None

    @property
    def lang(self) -> str:
        return self.interview.lang

    # --- the whole conversation ------------------------------------------------------

    def run(self) -> None:
        """Until the person leaves (Ended), a place at a time."""
        while True:
            try:
                self.step()
            except KeyboardInterrupt:
                if not self.kiosk:
                    raise Ended("interrupted", 130) from None
                self.erase()
            except _Erase:
                self.erase()

    def step(self) -> None:
        place = self.interview.place
        if place == "question":
            self.ask()
        elif place == "review":
            self.review()
        elif place == "results":
            self.results()
        else:  # the welcome: the questions start at once
            self.interview.begin()

    def welcome(self) -> None:
        flow, lang = self.interview.flow, self.lang
        saving = self.saver.store is not None
        questions = len(self._predicted())
        self.out.title(typography(tr(flow.title, lang), lang))
        if flow.description:
            self.out.lines(typography(tr(flow.description, lang), lang))
        self.out.lines(TUI(lang, "welcome_time", questions=questions, minutes=minutes(questions)))
        self.out.lines(TUI(lang, "welcome_private" if saving else "welcome_private_kiosk"))
        if saving:
            self.out.lines(PLAIN(lang, "saved_as_you_go"))
        self.out.lines(PLAIN(lang, "how"), self._words())

    def notices(self, notices: list[Notice]) -> None:
        for text, _severity in notices:
            self.out.lines(*text.splitlines())

    def offer(self, session: Session) -> list[Notice]:
        """A saved interview offered to continue; what to tell about taking it."""
        from alternance_tui.sessions.autosave import adopt
        from alternance_tui.sessions.starting import rules_changed

        lang, count = self.lang, len(session.answers)
        when = _when(session.saved_at, lang)
        self.out.blank()
        self.out.title(PLAIN.plural(lang, "offer", count, when=when, count=count))
        yes_no = {"yes": shown("yes", lang), "no": shown("no", lang)}
        while True:
            text = self.read(PLAIN(lang, "prompt_yes_no", **yes_no))
            command = command_of(text)
            if command == "quit":
                raise Ended("quit")
            if means(text, "yes"):
                notices = adopt(self.interview, session, keep_language=self.lang_given)
                notices += rules_changed(self.engine.bundle, session, self.interview, self.as_of)
                self.interview.open_on(session.current)
                self.saver.previous = None
                return notices
            if means(text, "no"):
                self.saver.previous = session  # set aside as "previous" at the first answer
                self.out.lines(PLAIN(lang, "offer_new"))
                self.interview.begin()
                return []
            self.out.error(PLAIN(lang, "help_yes_no", **yes_no))

    def erase(self) -> None:
        """The kiosk's reset: every answer gone, the welcome again in the first language."""
        self.interview.restart()
        self.interview.lang = self.first_lang
        self.out.blank()
        self.out.lines(PLAIN(self.lang, "erased"))
        self.out.blank()
        self.welcome()
        self.interview.begin()

    # --- reading a line ---------------------------------------------------------------

    def read(self, prompt_text: str) -> str:
        """A line typed after ``prompt_text``, checked as text (its problems said,
        and the prompt given again, until one is fine)."""
        while True:
            self.out.prompt(prompt_text)
            if self.out.broken:
                # Nobody can read the questions any more (`alternance | head`): as at
                # the end of input, saved, rather than answered blind.
                raise Ended("end_of_input")
            line = self._next_line()
            if line is None:
                continue  # a kiosk's countdown was cancelled: the prompt again
            self.out.typed(line)
            problem = self._problem(line)
            if problem is None:
                return line.text
            self.out.error(problem)

    def _next_line(self) -> Line | None:
        # A kiosk nobody has typed at waits as long as it takes: nothing to erase.
        fresh = not self.interview.answers and self.interview.place == "question"
        try:
            line = self.reader.read(self.idle[0] if self.idle and not fresh else None)
        except Idle:
            assert self.idle is not None
            self.out.blank()
            seconds = round(self.idle[1])
            self.out.error(PLAIN.plural(self.lang, "idle", seconds, seconds=seconds))
            try:
                self.reader.read(self.idle[1])  # any line cancels, and is not an answer
            except Idle:
                raise _Erase from None
            return None
        if line is not None:
            return line
        self.out.blank()
        if self.kiosk and self.input_is_terminal:
            raise _Erase  # Ctrl+D at a kiosk: the person is gone, the kiosk stays
        raise Ended("end_of_input")

    def _problem(self, line: Line) -> str | None:
        lang = self.lang
        if line.too_long:
            return PLAIN(lang, "too_long", limit=self.reader.limit)
        if line.not_utf8:
            return PLAIN(lang, "not_utf8")
        if line.control:
            return PLAIN(lang, "control_characters")
        return None

    # --- the places -----------------------------------------------------------------------

    def ask(self) -> None:
        interview = self.interview
        question = interview.question
        assert question is not None
        # A question answers given up front left unanswered is asked, not changed.
        changing = interview.returning_to is not None and question.id in interview.answers
        now: Asked = asked(
            question,
            interview.shown_value(question.id),
            self.lang,
            progress=None if changing else interview.progress(),
            changing=changing,
        )
        lines = question_lines(now, answered=question.id in interview.answers)
        self.out.blank()
        at = lines.index(now.prompt)
        self.out.lines(*lines[:at])
        self.out.title(now.prompt)
        # The words the prompt is the first to use, explained once, as beside it in the app.
        self.out.lines(*(explained(e, self.lang) for e in interview.glosses(question.id)))
        self.out.lines(*lines[at + 1 :])
        while True:
            text = self.read(prompt(now))
            command = command_of(text)
            if command == "help":
                self.out.lines(*help_lines(now, kiosk=self.kiosk))
                continue
            if command is not None:
                if self.move(command):
                    return
                continue
            try:
                value = answer_of(now, text)
                interview.answer(value)
            except AnswerError as exc:
                self.out.error(str(exc))
                continue
            self.saver.write()
            return

    def move(self, command: Command) -> bool:
        """Back, review or quit; False when there is nowhere to go (back at the first question)."""
        interview = self.interview
        if command == "quit":
            if self.kiosk:
                raise _Erase
            raise Ended("quit")
        if command == "review":
            if interview.place == "question" and interview.returning_to is None:
                self.paused_at = interview.current
            interview.review()
        elif command == "back":
            at_start = (
                interview.place == "question"
                and interview.returning_to is None
                and interview.current is not None
                and interview.walk().previous(interview.current) is None
            )
            if at_start:
                self.out.error(PLAIN(self.lang, "first_question"))
                return False
            interview.back()
        self.saver.write()
        return True

    def review(self) -> None:
        interview, lang = self.interview, self.lang
        rows = interview.review_rows()
        self.out.blank()
        self.out.title(PLAIN(lang, "review_title", count=len(rows)))
        self.out.lines(*(self._row(number, row) for number, row in enumerate(rows, 1)))
        key = "prompt_review" if interview.complete else "prompt_review_missing"
        while True:
            text = self.read(PLAIN(lang, key)).strip()
            command = command_of(text)
            if command == "help":
                self.out.lines(self._words())
                continue
            if command is not None:
                if command == "review" or self.move(command):
                    return
                continue
            if not text:
                paused, self.paused_at = self.paused_at, None
                if not interview.complete and paused in interview.walk().path:
                    # "go on with the questions": from where the person left them,
                    # not past every question that has a default, to the results.
                    interview.open_on(paused)
                else:
                    interview.results()
                self.saver.write()
                return
            if text.isdigit() and text.isascii():
                number = int(text) if len(text) < 6 else 0
                if 1 <= number <= len(rows):
                    interview.edit(rows[number - 1].question)
                    self.saver.write()
                    return
                shown = excerpt(text, 12)
                self.out.error(PLAIN(lang, "no_such_row", number=shown, count=len(rows)))
                continue
            self.out.error(PLAIN(lang, "not_a_row", text=excerpt(text), count=len(rows)))

    def _row(self, number: int, row: ReviewRow) -> str:
        lang = self.lang
        if row.missing:
            return PLAIN(lang, "review_row_missing", number=number, label=row.label)
        value = row.value
        if value == "—":  # show_value's "nothing": no choice ticked, or left out
            multi = self.interview.flow.questions[row.question].kind == "multi"
            value = PLAIN(lang, "review_none" if multi else "review_not_given")
        key = "review_row_default" if row.default else "review_row"
        return PLAIN(lang, key, number=number, label=row.label, value=value)

    def results(self) -> None:
        lang = self.lang
        self.out.blank()
        report = self._report()
        self.out.lines(PLAIN(lang, "results_ready"))
        self.out.lines(*report.splitlines())
        self.out.blank()
        self.out.lines(PLAIN(lang, "results_end"))
        key = "prompt_results_kiosk" if self.kiosk else "prompt_results"
        while True:
            text = self.read(PLAIN(lang, key, **named(lang))).strip()
            command = command_of(text)
            if command == "help":
                self.out.lines(self._words())
                continue
            if command is not None:
                if self.move(command):
                    return
                continue
            if text:
                self.out.error(PLAIN(lang, "not_a_results_word", text=excerpt(text)))

    def _report(self) -> str:
        """The text report, as `recommend --format text` says it, read line by line."""
        from alternance_tui.advice.engine import IncompleteAnswers
        from alternance_tui.advice.pay.base import RatesUnknown
        from alternance_tui.advice.render.text import LinesReport

        try:
            rec = self.engine.recommend(
                self.interview.applicable(), as_of=self.as_of, lang=self.lang
            )
        except IncompleteAnswers as exc:
            return TUI(self.lang, "results_failed", message="; ".join(exc.messages))
        except RatesUnknown as exc:
            return TUI(self.lang, "results_failed", message=str(exc))
        return printable_document(LinesReport(rec, self.engine.bundle).render()).strip("\n")

    # --- pieces -------------------------------------------------------------------------

    def _words(self) -> str:
        return PLAIN(self.lang, "words_kiosk" if self.kiosk else "words", **named(self.lang))

    def _predicted(self) -> tuple[str, ...]:
        from alternance_tui.flow.walk import predicted_path

        return predicted_path(self.interview.flow, {})


def _when(saved_at: str, lang: str) -> str:
    """When a session was saved, as said aloud ("7 December 2026 at 14:05")."""
    from alternance_tui.wording.formats import date

    try:
        moment = dt.datetime.fromisoformat(saved_at)
    except ValueError:
        return saved_at or "?"
    return PLAIN(lang, "offer_when", date=date(moment.date(), lang), time=f"{moment:%H:%M}")
