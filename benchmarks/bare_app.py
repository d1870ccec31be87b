"""The yardstick for bench_tui.py: a bare Textual app (a label, a radio set, a button).

Pressing N changes the label to "Pressed N times": the time from that key to
the new label on screen is Textual's own key-to-frame time on this machine,
the floor under the app's answer-to-next-question time.

Run alone: .venv/bin/python benchmarks/bare_app.py (Ctrl+Q quits).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Label, RadioSet

MARKER = "Bare Textual app ready"


class BareApp(App[None]):
    BINDINGS = [Binding("n", "press", "Press")]  # noqa: RUF012
    presses = 0

    def action_press(self) -> None:
        self.presses += 1
        self.query_one(Label).update(f"Pressed {self.presses} times")

    def compose(self) -> ComposeResult:
        yield Label(MARKER)
        yield RadioSet("Français", "English")
        yield Button("Start")


if __name__ == "__main__":
    BareApp().run()
