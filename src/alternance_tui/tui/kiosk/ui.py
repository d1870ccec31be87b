"""What kiosk mode draws: the idle countdown, the staff code prompt, and an
on-screen number pad (a touch screen has no keyboard).

Loaded only in kiosk mode; the logic lives in mode.py.
"""

from __future__ import annotations

import math
import time

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Middle, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from alternance_tui.tui.options import MAX_PIN  # a longer code is refused at start (cli)
from alternance_tui.tui.widgets.controls import TapButton
from alternance_tui.wording.catalogue.tui import TUI as t

KEYPAD_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ",")


class CountdownScreen(ModalScreen[None]):
    """ "Still there?" over the screen, with the seconds left before everything
    is erased. Never receives input: the kiosk swallows the key or tap that
    cancels it (mode.py)."""

    DEFAULT_CSS = """
    CountdownScreen { align: center middle; background: $background 85%; }
    #countdown {
        width: 60; height: auto; padding: 1 3;
        border: heavy $warning; background: $surface;
    }
    #countdown Static { width: 100%; text-align: center; text-style: bold; }
    #countdown-title { color: $warning; margin-bottom: 1; }
    #countdown-seconds { margin-top: 1; }
    """

    def __init__(self, lang: str, seconds: int) -> None:
        super().__init__()
        self.lang = lang
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        with Vertical(id="countdown"):
            yield Static(t(self.lang, "idle_title"), id="countdown-title", markup=False)
            yield Static(t(self.lang, "idle_press"), id="countdown-press", markup=False)
            seconds = t(self.lang, "idle_seconds", seconds=self.seconds)
            yield Static(seconds, id="countdown-seconds", markup=False)

    def show(self, seconds: int) -> None:
        self.seconds = seconds
        # Before it is composed there is nothing to update: compose shows it.
        for line in self.query("#countdown-seconds").results(Static):
            line.update(t(self.lang, "idle_seconds", seconds=seconds))


class Keypad(Horizontal):
    """Digits, a decimal comma and delete as buttons, for a number field on a
    touch screen. A tap sends the key itself, so the field behaves exactly as
    when typed (a selected default is replaced, the range is checked)."""

    DEFAULT_CSS = """
    Keypad { height: auto; width: auto; margin-top: 1; }
    Keypad Button { min-width: 5; width: 5; margin-right: 1; }
    """

    def __init__(self, *, comma: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comma = comma  # a code has no decimal comma: its ⌫ then fits at 80 columns

    def compose(self) -> ComposeResult:
        for key in KEYPAD_KEYS if self.comma else KEYPAD_KEYS[:-1]:
            yield _pad_button(key, f"keypad-{'comma' if key == ',' else key}")
        yield _pad_button("⌫", "keypad-delete")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name == "keypad-delete":
            key, character = "backspace", "\x7f"
        elif name == "keypad-comma":
            key, character = "comma", ","
        else:
            key = character = name.removeprefix("keypad-")
        # The screen's field takes the key (a tap on "Next" may have taken the
        # focus), then the key goes to the app as if typed, so it is handled
        # in order with any other.
        fields = self.screen.query(Input)
        if fields:
            fields.first().focus(scroll_visible=False)
        self.app.post_message(events.Key(key, character))


def _pad_button(label: str, name: str) -> Button:
    # A digit tapped twice in a row is typed twice.
    button = TapButton(label, id=name, compact=True)
    # A tap must leave the focus on the field the digits go to.
    button.can_focus = False
    return button


class PinScreen(ModalScreen[str | None]):
    """The staff code, shown as dots only.

    The kiosk sends every key here while it is open (mode.py), in the order
    typed, even before it is drawn: no text field whose focus a fast typist
    could outrun, so no digit of the code ever lands on the screen below.
    """

    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    #pin-box {
        width: 72; height: auto; padding: 1 2;
        border: heavy $accent; background: $surface;
    }
    #pin-box Static { text-style: bold; margin-bottom: 1; }
    #pin-dots { border: heavy $foreground; width: 36; height: 3; padding: 0 1; }
    #pin-buttons { height: auto; margin-top: 1; }
    #pin-buttons Button { margin-right: 2; }
    """

    def __init__(self, lang: str, locked_until: float = 0.0) -> None:
        super().__init__()
        self.lang = lang
        self.code = ""
        self.closing = False
        # After too many wrong codes: typing still lands here, Enter checks nothing.
        self.locked_until = locked_until

    def compose(self) -> ComposeResult:
        with Middle(), Center(), Vertical(id="pin-box"):
            yield Static(t(self.lang, "pin_title"), markup=False)
            yield Static(t(self.lang, "pin_prompt"), id="pin-prompt", markup=False)
            yield Static(id="pin-dots", markup=False)
            yield Keypad(comma=False, id="pin-keypad")
            with Horizontal(id="pin-buttons"):
                yield Button(t(self.lang, "pin_ok"), id="pin-ok", compact=True)
                yield Button(t(self.lang, "pin_cancel"), id="pin-cancel", compact=True)

    def on_mount(self) -> None:
        self._show()
        if self.locked_until > time.monotonic():
            self.set_interval(1.0, self._show_lock)
            self._show_lock()

    def _show_lock(self) -> None:
        left = math.ceil(self.locked_until - time.monotonic())
        text = t(self.lang, "pin_locked", seconds=left) if left > 0 else t(self.lang, "pin_prompt")
        for prompt in self.query("#pin-prompt").results(Static):
            prompt.update(text)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.closing:
            return  # keys sent before it closed
        if event.key == "enter":
            self.close(self.code)
        elif event.key == "escape":
            self.close(None)
        elif event.key == "backspace":
            self.code = self.code[:-1]
        elif event.is_printable and event.character and len(self.code) < MAX_PIN:
            self.code += event.character
        self._show()

    def _show(self) -> None:
        for dots in self.query("#pin-dots").results(Static):
            dots.update("•" * len(self.code))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "pin-ok":
            self.close(self.code)
        elif event.button.id == "pin-cancel":
            self.close(None)

    def close(self, code: str | None) -> None:
        """Once: keys typed after Enter may still be on their way here, and a
        second dismissal would pop the screen below."""
        if self.closing or self.app.screen is not self:
            return
        self.closing = True
        self.dismiss(code)
