"""Small modal questions the advisor screens ask: a line of text, yes or no,
and the notes. Each returns its answer through ``dismiss`` (None: cancelled)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static, TextArea

from alternance_tui.wording.catalogue.advisor import ADVISOR as a


class AskScreen(ModalScreen[str | None]):
    """One line of text (a session's name, a file's path): Enter takes it, Escape cancels."""

    DEFAULT_CSS = """
    AskScreen { align: center middle; }
    AskScreen > Vertical { width: 70; max-width: 95%; height: auto; border: round $accent;
        padding: 0 1; background: $surface; }
    AskScreen .hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, prompt: str, value: str, hint: str) -> None:
        super().__init__()
        self.prompt, self.value, self.hint = prompt, value, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.prompt, markup=False)
            yield Input(self.value, id="ask-input")
            yield Static(self.hint, classes="hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: Y (or O, oui) confirms, N or Escape does not."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Static { width: 70; max-width: 95%; height: auto; border: round $warning;
        padding: 0 1; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,o", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(self.question, markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PickScreen(ModalScreen[int | None]):
    """One of a few choices by its number (1, 2…); Escape chooses none."""

    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen > Static { width: 70; max-width: 95%; height: auto; border: round $accent;
        padding: 0 1; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "pick(1)", show=False),
        Binding("2", "pick(2)", show=False),
        Binding("escape", "pick(0)", show=False),
    ]

    def __init__(self, question: str, choices: list[str]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        lines = [self.question, *(f"{n}. {c}" for n, c in enumerate(self.choices, start=1))]
        yield Static("\n".join(lines), markup=False)

    def action_pick(self, number: int) -> None:
        self.dismiss(number if 1 <= number <= len(self.choices) else None)


class NotesScreen(ModalScreen[tuple[str, bool] | None]):
    """The session's notes: free text, and whether they go on the handout.
    Escape (or Ctrl+S) keeps what is typed; nothing is lost by closing."""

    DEFAULT_CSS = """
    NotesScreen { align: center middle; }
    NotesScreen > Vertical { width: 90%; height: 80%; border: round $accent; padding: 0 1;
        background: $surface; }
    NotesScreen TextArea { height: 1fr; }
    NotesScreen .hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+s", "keep", show=False, priority=True),
    ]

    def __init__(self, notes: str, on_handout: bool, lang: str) -> None:
        super().__init__()
        self.notes, self.on_handout, self.lang = notes, on_handout, lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(a(self.lang, "notes_title"), markup=False)
            yield TextArea(self.notes, id="notes-text", soft_wrap=True)
            yield Checkbox(a(self.lang, "notes_on_handout"), self.on_handout, id="notes-handout")
            yield Static(a(self.lang, "notes_hint"), classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_keep(self) -> None:
        text = self.query_one(TextArea).text
        self.dismiss((text, self.query_one(Checkbox).value))


class GlossaryScreen(ModalScreen[None]):
    """F1 on the results: the words they use (gross, SMIC, OPCO, CFA, agreement
    minimum), in the language shown. Escape or F1 closes."""

    DEFAULT_CSS = """
    GlossaryScreen { align: center middle; }
    GlossaryScreen > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface; }
    GlossaryScreen .title { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", show=False, priority=True),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        from alternance_tui.wording.catalogue.act import ACT

        with VerticalScroll():
            yield Static(ACT(self.lang, "glossary_title"), classes="title", markup=False)
            yield Static(ACT(self.lang, "glossary"), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
