"""Shown instead of a squashed layout when the terminal is below the minimum size."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from alternance_tui.wording.catalogue.tui import TUI as t


class TooSmallScreen(Screen[None]):
    def __init__(self, minimum: Size) -> None:
        super().__init__()
        self.minimum = minimum
        self.size_now = Size(0, 0)
        self.lang = "fr"

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.size_now, self.lang)

    def show_size(self, size: Size, lang: str) -> None:
        self.size_now, self.lang = size, lang
        if not self.is_mounted:
            return
        message = t(lang, "too_small")
        detail = t(
            lang,
            "too_small_detail",
            width=self.minimum.width,
            height=self.minimum.height,
            now_width=size.width,
            now_height=size.height,
        )
        self.query_one("#too-small", Static).update(f"{message}\n\n{detail}")


class ProblemScreen(Screen[None]):
    """The flow could not be loaded after the first screen: say why, never a traceback."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    @classmethod
    def flow_failed(cls, lines: Sequence[str], lang: str) -> ProblemScreen:
        """The flow cannot be used: ``lines`` say why, then how to fix it."""
        hint = t(lang, "flow_failed_hint")
        return cls("\n".join([t(lang, "flow_failed"), "", *lines, "", hint]))

    def compose(self) -> ComposeResult:
        yield Static(self.text, id="problem", markup=False)
