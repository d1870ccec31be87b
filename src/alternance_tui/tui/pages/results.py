"""The results: one tab per advice section (contracts, courses), cards inside.

Everything shown comes from the view-model in resultview.py; this module only
lays it out. Each card can take the focus (Tab), so the keyboard reaches
every card and the scroll follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Button, Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.pages.resultview import Card, PayView, ResultsView, compute_results
from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.flow.cond import Value

STATUS_CLASS = {"eligible": "-eligible", "conditional": "-conditional", "not_eligible": "-closed"}


class SourcesToggle(Static):
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

    def __init__(self, card: Card, lang: str, *, sources_open: bool = False) -> None:
        super().__init__(classes=f"card {STATUS_CLASS[card.status]}")
        self.card = card
        self.lang = lang
        self.sources_open = sources_open

    def compose(self) -> ComposeResult:
        card, lang = self.card, self.lang
        yield Static(Content.from_markup(f"[b]{escape(card.title)}[/b]"), classes="card-title")
        yield Static(card.badge, classes="badge", markup=False)
        if card.facts:
            yield Static(card.facts, classes="facts", markup=False)
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
            yield Static(_blocks(can_do), classes="can-do")
        if card.pay is not None:
            yield from _pay(card.pay, lang)
        why = [(t(lang, "results_why"), [f"{r.mark} {r.text}" for r in card.reasons])]
        if card.notes:
            why.append((t(lang, "results_notes"), [f"• {n}" for n in card.notes]))
        yield Static(_blocks(why), classes="reasons")
        if card.summary:
            yield Static(card.summary, classes="summary", markup=False)
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
        return Static(_blocks(blocks), classes="sources")

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
        screen = self.screen
        if isinstance(screen, ResultsScreen):
            screen.sources_shown(self.card.id, self.sources_open)


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
        yield Static(table, classes="pay-table")
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
            yield Static(months, classes="pay-table")
        if pay.lines:
            yield Static("\n".join(pay.lines), classes="pay-basis", markup=False)
    elif pay.kind == "hourly":
        yield Static(_block(t(lang, "results_pay"), [f"• {line}" for line in pay.lines]))
    else:
        blocks = [(t(lang, "results_pay"), list(pay.lines))]
        if pay.routes:
            blocks.append((t(lang, "results_funding"), [f"• {r}" for r in pay.routes]))
        yield Static(_blocks(blocks))


class ResultsScreen(Page):
    CSS_PATH = "results.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"section({n - 1})", show=False) for n in range(1, 10)),
        Binding("r,e", "app.review", show=False),
        Binding("enter", "sources", show=False),
        Binding("pagedown,space", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("ctrl+e", "app.finish_erase", show=False),  # kiosk only (the app checks)
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ResultsView | None = None
        self.error: str = ""
        self.shown_for: object = None  # what the results shown were computed from
        # Cards whose "Sources and calculation" is open: kept across a redraw
        # (language, edited answer), by the card's item id.
        self.open_sources: set[str] = set()

    def compose(self) -> ComposeResult:
        view, lang = self.view, self.lang
        with Vertical(id="results-head"):
            if view is None:
                yield Static(
                    self.error or t(lang, "results_loading"), id="results-title", markup=False
                )
            else:
                title = Content.from_markup(f"[b]{escape(view.title)}[/b]")
                yield Static(title, id="results-title")
                if view.advice:
                    meta = (
                        f"{t(lang, 'results_as_of', date=view.as_of)} · "
                        f"{t(lang, 'results_known', date=view.known_until)}"
                    )
                    yield Static(meta, id="results-meta")
                for note in view.rate_notes:
                    yield Static(f"ⓘ {note}", classes="rate-note", markup=False)
            if self.ui.options.kiosk:
                # The next person must not find these results: one tap erases them.
                yield Button(
                    t(lang, "finish_erase"), id="finish-erase", variant="warning", compact=True
                )
        with VerticalScroll(id="results-scroll"):
            if view is not None:
                if view.text:
                    yield Static(view.text, classes="outcome-text", markup=False)
                for index, section in enumerate(view.sections):
                    count = section.count_text(lang)
                    yield Static(
                        Content.from_markup(
                            f"[b]{index + 1} · {escape(section.title)}[/b] — {escape(count)}"
                        ),
                        classes="section-title",
                    )
                    yield Static(_overview(section.cards), classes="overview")
                    for line in section.advice:
                        yield Static(f"→ {line}", classes="section-advice", markup=False)
                    for card in section.cards:
                        yield ResultCard(card, lang, sources_open=card.id in self.open_sources)
                    if section.note:
                        yield Static(section.note, classes="disclaimer", markup=False)
                yield Static(
                    Content.from_markup(
                        f"[b]{len(view.sections) + 1} · {escape(t(lang, 'results_answers'))}[/b]"
                        f" — {escape(t(lang, 'results_change_hint'))}"
                    ),
                    classes="section-title",
                )
                yield _answers(view, lang)
                if view.rules_version:
                    # Which rules these are, to compare with a handout or a session
                    # (last, as on a printed document: a person reads the rest first).
                    yield Static(
                        t(lang, "results_rules", version=view.rules_version),
                        classes="disclaimer",
                        markup=False,
                    )
        yield KeyBar()

    def on_mount(self) -> None:
        self._keys()
        self.query_one("#results-scroll", VerticalScroll).focus()

    def _keys(self) -> None:
        lang = self.lang
        self.set_keys(
            [
                ("Esc", t(lang, "key_review"), "app.step_back"),
                ("Tab", t(lang, "key_cards"), "app.focus_next"),
                ("^N", t(lang, "key_restart"), "app.restart"),
                *self._kiosk_keys(),
            ]
        )

    def _kiosk_keys(self) -> list[tuple[str, str, str]]:
        if not self.ui.options.kiosk:
            return []
        return [("^E", t(self.lang, "key_finish_erase"), "app.finish_erase")]

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "finish-erase":
            event.stop()
            await self.run_action("app.finish_erase")

    def show_results(
        self, engine: Engine, answers: Mapping[str, Value], as_of: dt.date, lang: str
    ) -> None:
        """Compute and show the results for ``answers``, unless they are shown already."""
        # The engine too: other rules (another bundle) are other results.
        key = (engine, lang, as_of, tuple(sorted(answers.items(), key=lambda kv: kv[0])))
        if key == self.shown_for:
            return
        self.shown_for = key
        try:
            view, problem = compute_results(engine, answers, as_of, lang)
        except Exception as exc:  # a bug in the advice: say so on screen, keep the answers
            view, problem = None, f"{type(exc).__name__}: {exc}"
        self.show_view(view, t(lang, "results_failed", message=problem) if problem else "")

    def show_view(self, view: ResultsView | None, error: str = "") -> None:
        self.view, self.error = view, error
        if self.is_mounted:
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        await self.recompose()
        self._keys()
        self.query_one("#results-scroll", VerticalScroll).focus()

    def sources_shown(self, card_id: str, shown: bool) -> None:
        if shown:
            self.open_sources.add(card_id)
        else:
            self.open_sources.discard(card_id)

    def action_section(self, index: int) -> None:
        headings = list(self.query(".section-title"))
        if 0 <= index < len(headings):
            self.query_one("#results-scroll", VerticalScroll).scroll_to_widget(
                headings[index], top=True, animate=False
            )

    def action_sources(self) -> None:
        """Enter with no card focused: the first card's sources (Tab reaches the others)."""
        focused = self.focused
        card = focused if isinstance(focused, ResultCard) else None
        if card is None:
            card = next(iter(self.query(ResultCard)), None)
            if card is None:
                return
            card.focus()
        card.toggle_sources()

    def action_page(self, direction: int) -> None:
        scroll = self.query_one("#results-scroll", VerticalScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)


def _overview(cards: tuple[Card, ...]) -> Content:
    """One line per card: its status (symbol), its name and the one thing to know."""
    lines = []
    for card in cards:
        mark = card.badge.split(" ", 1)[0]
        line = f"{mark} [b]{escape(card.title)}[/b]"
        if card.headline:
            line += f" — {escape(card.headline)}"
        lines.append(line)
    return Content.from_markup("\n".join(lines))


def _answers(view: ResultsView, lang: str) -> Static:
    lines = [
        t(lang, "answer_line", question=line.label, answer=line.value) for line in view.answers
    ]
    return Static("\n".join(lines), classes="answers", markup=False)
