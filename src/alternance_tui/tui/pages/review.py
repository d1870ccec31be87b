"""Every answer on the path, each one a key press away from being changed."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.markup import escape
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from alternance_tui.tui.base import Page
from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.wording.catalogue.tui import TUI as t

GO_ON = "__go_on__"
LABEL_WIDTH = 28


class ReviewScreen(Page):
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "app.results", show=False)]

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield Static(id="review-intro")
        with Vertical(id="review-box"):
            yield OptionList(id="review-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_state()

    def show_state(self) -> None:
        interview = self.ui.interview
        if interview is None:
            return
        lang = self.lang
        self.query_one("#review-title", Static).update(t(lang, "review_title"))
        self.query_one("#review-intro", Static).update(t(lang, "review_intro"))
        rows = interview.review_rows()
        listing = self.query_one("#review-list", OptionList)
        previous = listing.highlighted_option.id if listing.highlighted_option else None
        width = min(LABEL_WIDTH, max((len(row.label) for row in rows), default=10))
        options: list[Option | None] = []
        missing_label = ""
        for row in rows:
            value = Text()
            if row.missing:
                value.append(f"⚠ {t(lang, 'review_missing')}", style="bold")
                missing_label = missing_label or row.label
            else:
                value.append(row.value)
                if row.default:
                    value.append(f" {t(lang, 'review_default')}")
            # A grid keeps long answers wrapping in their own column.
            grid = Table.grid(padding=(0, 2))
            grid.add_column(width=width)
            grid.add_column(ratio=1)
            grid.add_row(Text(row.label, style="bold"), value)
            options.append(Option(grid, id=row.question))
        options.append(None)
        go_on = (
            t(lang, "review_answer_missing", question=missing_label)
            if missing_label
            else t(lang, "review_see_results")
        )
        options.append(Option(Content.from_markup(f"[b]{escape(go_on)}[/b]"), id=GO_ON))
        listing.set_options(options)
        target = previous if previous in {row.question for row in rows} else GO_ON
        listing.highlighted = listing.get_option_index(target)
        listing.focus()
        self.set_keys(
            [
                ("⏎", t(lang, "key_change"), "screen.choose"),
                ("R", t(lang, "key_results"), "app.results"),
                ("Esc", t(lang, "key_back"), "app.step_back"),
            ]
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def action_choose(self) -> None:
        option = self.query_one("#review-list", OptionList).highlighted_option
        self._open(option.id if option else GO_ON)

    def _open(self, option_id: str | None) -> None:
        if option_id is None or option_id == GO_ON:
            self.ui.action_results()
        else:
            self.ui.edit(option_id)
