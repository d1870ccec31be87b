"""One question at a time, in one screen whose widgets are refilled per question.

Refilling (new prompt, new options) instead of pushing a screen per question
keeps an answer's key press and the next question's drawing within a frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import ClassVar, assert_never

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static

from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question, tr
from alternance_tui.interview.asked import NOT_KNOWN, month_options, number_text, range_hint
from alternance_tui.interview.state import check_typing
from alternance_tui.tui.base import Page
from alternance_tui.tui.widgets.controls import ChoiceList, KeyBar, NumberInput, TapButton
from alternance_tui.wording.catalogue.tui import TUI as t
from alternance_tui.wording.typography import typography

YES, NO = "yes", "no"
# Letters for yes and no, in both languages: Y/O (oui) and N.
YES_NO_LETTERS = {"y": YES, "o": YES, "n": NO}
PROGRESS_CELLS = 10


def _typed_in(question: Question) -> bool:
    """Answered in the number field; every other question (a month too) is a list."""
    return question.kind == "number" and question.shown_as != "month"


def _list_hint(question: Question) -> str:
    """The wording of the keys under a question answered from a list."""
    match question.kind:
        case "choice" | "multi" | "yes_no":
            return f"hint_{question.kind}"
        case "number":
            return "hint_month"
        case _:
            assert_never(question.kind)


def progress_bar(position: int, total: int) -> str:
    filled = round(PROGRESS_CELLS * position / total) if total else 0
    return "■" * filled + "□" * (PROGRESS_CELLS - filled)


class QuestionScreen(Page):
    # The review's and the results' styles come with the first question's: adding a
    # style file makes Textual parse every style again (about 20 ms here), so
    # once for the three screens of an interview rather than once for each.
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = [
        "question.tcss",
        "review.tcss",
        "results.tcss",
    ]
    # Escape closes the help first: the person reading it did not ask to go back.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "escape", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.question: Question | None = None
        # The app's visit count when this question was filled in: a new visit
        # reloads the answer, a redraw (language, theme) keeps what is typed.
        self.visit = -1
        self.range_hint = ""
        self.topbar: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        with Vertical(id="body"):
            yield Static(id="prompt", markup=False)
            yield Static(id="hint", markup=False)
            with Vertical(id="editor"):
                yield ChoiceList(id="choices")
                with Vertical(id="number"):
                    with Horizontal(id="number-row"):
                        yield NumberInput(id="number-input")
                        yield Static(id="number-unit", markup=False)
                    yield Static(id="number-range", markup=False)
                    yield Static(id="number-error", markup=False)
                    if self.ui.options.kiosk:
                        # A touch screen has no keyboard to type the number with.
                        from alternance_tui.tui.kiosk.ui import Keypad

                        yield Keypad(id="keypad")
            yield Static(id="help", markup=False)
        with Horizontal(id="nav"):
            # Every tap counts: the same two buttons serve question after question.
            yield TapButton(id="back", compact=True)
            yield TapButton(id="next", variant="primary", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        # A blinking cursor redraws twice a second; a key pressed just after a
        # blink then waits for the next frame (Textual draws at most 60 a second).
        field = self.query_one("#number-input", NumberInput)
        field.cursor_blink = False
        field.on_enter = self.action_submit
        self.query_one("#choices", ChoiceList).on_picked = self.picked
        self.show_state()

    # --- drawing ----------------------------------------------------------------

    def show_state(self) -> None:
        interview = self.ui.interview
        if interview is None or interview.question is None:
            return
        question = interview.question
        lang = self.lang
        changed = question is not self.question or self.visit != self.ui.visit
        self.question = question
        self.visit = self.ui.visit
        self._show_progress()
        self.put("#prompt", self.text(question.prompt))
        choices = self.query_one("#choices", ChoiceList)
        number = self.query_one("#number", Vertical)
        value = interview.shown_value(question.id)
        if _typed_in(question):
            choices.display = False
            number.display = True
            field = self.query_one("#number-input", Input)
            if changed:
                draft = interview.drafts.get(question.id)
                field.value = draft if draft is not None else number_text(value, lang)
                # Selected, so typing replaces a default or an earlier answer.
                field.action_select_all()
            field.placeholder = t(lang, "number_placeholder")
            self.put("#number-unit", tr(question.unit, lang))
            hint = range_hint(question, lang)
            if question.optional:
                hint = f"{hint} {t(lang, 'number_optional')}".strip()
            self.range_hint = hint
            self._show_error(check_typing(question, field.value, lang).error)
            self.app.set_focus(field, scroll_visible=False)
            keys_hint = t(lang, "hint_number")
        else:
            number.display = False
            choices.display = True
            self._load_choices(choices, question, value, keep_highlight=not changed)
            self.app.set_focus(choices, scroll_visible=False)
            count = len(choices.ids)
            keys_hint = t(lang, _list_hint(question), count=count)
        if interview.returning_to is not None:
            where = t(lang, f"where_{interview.returning_to}")
            keys_hint = f"{keys_hint} {t(lang, 'hint_edit', where=where)}"
        self.put("#hint", keys_hint)
        self._show_help()
        self.query_one("#back", Button).label = t(lang, "back")
        self.query_one("#next", Button).label = t(lang, "next")
        keys = [
            ("⏎", t(lang, "key_next"), "screen.submit"),
            ("Esc", t(lang, "key_back"), "app.step_back"),
        ]
        self.set_keys(keys)

    def _show_progress(self) -> None:
        interview = self.ui.interview
        assert interview is not None
        lang = self.lang
        new = interview.new_questions()
        if interview.current in new:
            # The change just made brought this question: say so, and how many.
            progress_text = t.plural(lang, "progress_new", len(new), count=len(new))
        elif interview.returning_to is not None:
            progress_text = t(lang, "progress_edit")
        else:
            progress = interview.progress()
            if progress is None:
                progress_text = ""
            else:
                wording = "progress_exact" if progress.exact else "progress"
                text = t(lang, wording, position=progress.position, total=progress.total)
                progress_text = f"{text}  {progress_bar(progress.position, progress.total)}"
        # One widget for the whole bar: fewer widgets, quicker layout per question.
        bar = Table.grid(expand=True)
        bar.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        bar.add_column(justify="right", no_wrap=True)
        bar.add_row(Text(t(lang, "app_title"), style="bold"), progress_text)
        shown = (t(lang, "app_title"), progress_text)
        if shown != self.topbar:
            self.topbar = shown
            self.query_one("#topbar", Static).update(bar)

    def _load_choices(
        self, choices: ChoiceList, question: Question, value: Value, *, keep_highlight: bool
    ) -> None:
        lang = self.lang
        highlighted = choices.highlighted
        match question.kind:
            case "yes_no":
                selected = set() if value is None else {YES if value else NO}
                choices.load(
                    [YES, NO], [t(lang, "yes"), t(lang, "no")], selected, letters=YES_NO_LETTERS
                )
            case "number":  # a month (_typed_in: the others are typed)
                ids, labels = month_options(question, lang)
                # Nothing known yet: "not known" is marked, so Enter keeps it that way.
                chosen = str(int(value)) if isinstance(value, int | float) else NOT_KNOWN
                numbers = ["" if i == NOT_KNOWN else i for i in ids]
                choices.load(ids, labels, {chosen}, numbers=numbers)
            case "choice" | "multi":
                if isinstance(value, frozenset):
                    selected = set(value)
                elif isinstance(value, str):
                    selected = {value}
                else:
                    selected = set()
                choices.load(
                    question.choice_ids,
                    [self.text(c.label) for c in question.choices],
                    selected,
                    multi=question.kind == "multi",
                )
            case _:
                assert_never(question.kind)
        if keep_highlight and highlighted is not None:
            choices.highlighted = highlighted

    def _show_error(self, error: str) -> None:
        """The range, and under it what is wrong with the text typed (if anything)."""
        self.put("#number-range", self.range_hint)
        self.put("#number-error", f"✘ {error}" if error else "")
        # Hidden when empty, so that it takes no line and no layout work.
        self.query_one("#number-error").display = bool(error)

    def _show_help(self) -> None:
        help_panel = self.query_one("#help", Static)
        help_panel.display = self.ui.help_open
        question = self.question
        if question is None or not self.ui.help_open:
            return
        lang = self.lang
        parts = [self.text(question.help)] if question.help else []
        choices = self.query_one("#choices", ChoiceList)
        if question.kind in ("choice", "multi") and choices.highlighted is not None:
            choice = question.choice(choices.ids[choices.highlighted])
            if choice is not None and choice.help:
                parts.append(f"{self.text(choice.label)} — {self.text(choice.help)}")
        help_panel.update("\n\n".join(parts) or t(lang, "no_help"))
        help_panel.border_title = t(lang, "help_title")

    def toggle_help(self) -> None:
        self.ui.help_open = not self.ui.help_open
        self._show_help()

    def action_escape(self) -> None:
        if self.ui.help_open:
            self.toggle_help()
        else:
            self.ui.action_step_back()

    def text(self, text: Mapping[str, str] | None) -> str:
        """A flow text in the language shown, with French spacing: a line never
        starts with the "; s’il" of a clause typed with a plain space before it."""
        return typography(tr(text, self.lang), self.lang)

    # --- answering --------------------------------------------------------------

    def value_of(self, ids: frozenset[str]) -> Value:
        question = self.question
        assert question is not None
        chosen = next(iter(ids), None)
        match question.kind:
            case "multi":
                return ids
            case "yes_no":
                return None if chosen is None else chosen == YES
            case "number":  # a month: its number, or None for "not known"
                return None if chosen in (None, NOT_KNOWN) else int(chosen)
            case "choice":
                return chosen
            case _:
                assert_never(question.kind)

    def picked(self, ids: frozenset[str], submit: bool) -> None:
        value = self.value_of(ids)
        if submit:
            question = self.question
            # None answers only an optional month's "not known" (nothing chosen else).
            if value is None and not (question and question.optional and ids == {NOT_KNOWN}):
                return
            self.ui.answer(value)
        else:
            self.ui.keep(value)

    @on(OptionList.OptionHighlighted, "#choices")
    def _highlight_moved(self) -> None:
        if self.ui.help_open:
            self._show_help()

    @on(Input.Changed, "#number-input")
    def _typed(self, event: Input.Changed) -> None:
        question, interview = self.question, self.ui.interview
        if question is None or interview is None or not _typed_in(question):
            return
        self._show_error(check_typing(question, event.value, self.lang).error)
        if event.value == number_text(interview.shown_value(question.id), self.lang):
            interview.drafts.pop(question.id, None)
        else:
            interview.drafts[question.id] = event.value
            self.ui.typed()

    def action_submit(self) -> None:
        question = self.question
        if question is None:
            return
        if not _typed_in(question):
            self.query_one("#choices", ChoiceList).action_submit()
            return
        typed = check_typing(
            question, self.query_one("#number-input", Input).value, self.lang, final=True
        )
        if typed.ok:
            self.ui.answer(typed.value)
        else:
            self._show_error(typed.error)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "back":
            self.ui.action_step_back()
        else:
            self.action_submit()
