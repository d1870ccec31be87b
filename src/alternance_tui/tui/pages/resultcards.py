"""The results' cards: one contract or course each, drawn from the view-model
(resultview.py); "Sources and calculation" folded until asked for.

Every piece of text here is a ``Part``: a Static whose virtual size does not
ask for a new layout of the screen (see ``_NO_RELAYOUT``).
"""

from __future__ import annotations

from typing import ClassVar

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.markup import escape
from textual.reactive import Reactive
from textual.widgets import Static

from alternance_tui.tui.pages.resultview import Card, PayView
from alternance_tui.wording.catalogue.tui import TUI as t

STATUS_CLASS = {"eligible": "-eligible", "conditional": "-conditional", "not_eligible": "-closed"}

# Neither a card nor its text scrolls, so a change of their virtual size (each is
# set when the screen is first laid out) needs no new layout of the screen;
# Textual's default asks for one, and here that is a hundred widgets laid out again.
_NO_RELAYOUT: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class Part(Static):
    """A piece of text on the results screen (a Static that does not scroll)."""

    virtual_size = _NO_RELAYOUT


class SourcesToggle(Part):
    """The line that opens or closes a card's "Sources and calculation" (a click)."""

    def on_click(self) -> None:
        for card in self.ancestors:
            if isinstance(card, ResultCard):
                card.toggle_sources()
                return


class ResultCard(Vertical, can_focus=True):
    """One contract or course: what the person can do, what it pays, why; how it is
    worked out and the texts it rests on are folded until asked for (Enter)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "sources", show=False)]
    virtual_size = _NO_RELAYOUT

    def __init__(self, card: Card, lang: str, *, sources_open: bool = False) -> None:
        super().__init__(classes=f"card {STATUS_CLASS[card.status]}")
        self.card = card
        self.lang = lang
        self.sources_open = sources_open

    def compose(self) -> ComposeResult:
        card, lang = self.card, self.lang
        yield Part(Content.from_markup(f"[b]{escape(card.title)}[/b]"), classes="card-title")
        yield Part(card.badge, classes="badge", markup=False)
        if card.facts:
            yield Part(card.facts, classes="facts", markup=False)
        # What the person can do first, then what it pays, then why; the sources last.
        marked = (
            ("results_depends", "◐", card.depends),
            ("results_change", "→", card.changes),
            ("results_fit", "★", card.fit),
        )
        can_do = [
            (t(lang, key), [f"{mark} {x}" for x in lines]) for key, mark, lines in marked if lines
        ]
        if can_do:
            yield Part(_blocks(can_do), classes="can-do")
        if card.pay is not None:
            yield from _pay(card.pay, lang)
        why = [(t(lang, "results_why"), [f"{r.mark} {r.text}" for r in card.reasons])]
        if card.notes:
            why.append((t(lang, "results_notes"), [f"• {n}" for n in card.notes]))
        yield Part(_blocks(why), classes="reasons")
        if card.summary:
            yield Part(card.summary, classes="summary", markup=False)
        if card.calculation or card.sources:
            yield SourcesToggle(self._toggle_text(), classes="sources-toggle", markup=False)
            if self.sources_open:
                yield self._sources()

    def _toggle_text(self) -> str:
        key = "results_sources_close" if self.sources_open else "results_sources_open"
        return t(self.lang, key)

    def _sources(self) -> Static:
        card, lang = self.card, self.lang
        blocks = []
        if card.calculation:
            blocks.append((t(lang, "results_calculation"), list(card.calculation)))
        if card.sources:
            blocks.append((t(lang, "results_texts"), list(card.sources)))
        return Part(_blocks(blocks), classes="sources")

    def action_sources(self) -> None:
        self.toggle_sources()

    def toggle_sources(self) -> None:
        """Open or close "Sources and calculation"; the screen remembers it by card."""
        if not (self.card.calculation or self.card.sources):
            return
        self.sources_open = not self.sources_open
        self.query_one(SourcesToggle).update(self._toggle_text())
        if self.sources_open:
            sources = self._sources()
            self.mount(sources)
            # What was just opened is shown, not left below the screen's edge.
            self.call_after_refresh(sources.scroll_visible, animate=False)
        else:
            self.query(".sources").remove()
            # The line just closed stays in view (the card shrank under the scroll).
            toggle = self.query_one(SourcesToggle)
            self.call_after_refresh(toggle.scroll_visible, animate=False)
        # The results screen remembers it by card (kept across a redraw).
        remember = getattr(self.screen, "sources_shown", None)
        if remember is not None:
            remember(self.card.id, self.sources_open)


def _block(title: str, lines: list[str]) -> Content:
    return _blocks([(title, lines)])


def _blocks(blocks: list[tuple[str, list[str]]]) -> Content:
    """Headed blocks of lines, a blank line between two (as two Statics' margin was)."""
    parts = []
    for title, lines in blocks:
        body = "\n".join(escape(line) for line in lines)
        parts.append(f"[b]{escape(title)}[/b]\n{body}")
    return Content.from_markup("\n\n".join(parts))


def _pay(pay: PayView, lang: str) -> ComposeResult:
    if pay.kind == "grid":
        table = Table(
            title=pay.title or t(lang, "results_pay"),
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=False,
        )
        for index, heading in enumerate(pay.header):
            table.add_column(heading, justify="right" if index >= 2 else "left")
        for row in pay.rows:
            table.add_row(*row)
        yield Part(table, classes="pay-table")
        if pay.month_rows:
            months = Table(
                title=pay.month_title,
                title_justify="left",
                title_style="bold",
                box=box.SIMPLE_HEAD,
                show_edge=False,
                pad_edge=False,
                expand=False,
            )
            for index, heading in enumerate(pay.month_header):
                months.add_column(heading, justify="right" if index >= 2 else "left")
            for row in pay.month_rows:
                months.add_row(*row)
            yield Part(months, classes="pay-table")
        if pay.lines:
            yield Part("\n".join(pay.lines), classes="pay-basis", markup=False)
    elif pay.kind == "hourly":
        yield Part(_block(t(lang, "results_pay"), [f"• {line}" for line in pay.lines]))
    else:
        blocks = [(t(lang, "results_pay"), list(pay.lines))]
        if pay.routes:
            blocks.append((t(lang, "results_funding"), [f"• {r}" for r in pay.routes]))
        yield Part(_blocks(blocks))
