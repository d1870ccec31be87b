"""The results: one tab per advice section (contracts, courses), cards inside.

Everything shown comes from the view-model in resultview.py; this module only
lays it out. Each card (resultcards.py) can take the focus (Tab), so the
keyboard reaches every card and the scroll follows.

The screen is composed empty and filled once it is shown (``_fill``): its
first layouts (Textual lays a new screen out twice) and the focus given to the
scroll then cost nothing, where each of them restyled or laid out the hundred
widgets of the cards again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Button, Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.pages.resultcards import Part, ResultCard, SourcesToggle
from alternance_tui.tui.pages.resultview import Card, ResultsView, compute_results
from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.flow.cond import Value

__all__ = ["ResultCard", "ResultsScreen", "SourcesToggle"]  # the cards live in resultcards.py


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
        self._filled = False  # the head and the cards are in
        self._filling = False
        self._fill_lock = asyncio.Lock()  # one filling at a time (mount, then a redraw)

    def compose(self) -> ComposeResult:
        # Empty at first: the head and the cards are mounted once the scroll has
        # the focus (see _fill), so that neither the focus nor the screen's first
        # layouts restyle and lay out a hundred widgets more than once.
        yield Vertical(id="results-head")
        yield VerticalScroll(id="results-scroll")
        yield KeyBar()

    def _head(self) -> ComposeResult:
        view, lang = self.view, self.lang
        if view is None:
            yield Part(self.error or t(lang, "results_loading"), id="results-title", markup=False)
        else:
            title = Content.from_markup(f"[b]{escape(view.title)}[/b]")
            yield Part(title, id="results-title")
            if view.advice:
                meta = (
                    f"{t(lang, 'results_as_of', date=view.as_of)} · "
                    f"{t(lang, 'results_known', date=view.known_until)}"
                )
                yield Part(meta, id="results-meta")
            for note in view.rate_notes:
                yield Part(f"ⓘ {note}", classes="rate-note", markup=False)
        if self.ui.options.kiosk:
            # The next person must not find these results: one tap erases them.
            yield Button(
                t(lang, "finish_erase"), id="finish-erase", variant="warning", compact=True
            )

    def _body(self) -> ComposeResult:
        view, lang = self.view, self.lang
        if view is None:
            return
        if view.text:
            yield Part(view.text, classes="outcome-text", markup=False)
        for index, section in enumerate(view.sections):
            count = section.count_text(lang)
            yield Part(
                Content.from_markup(
                    f"[b]{index + 1} · {escape(section.title)}[/b] — {escape(count)}"
                ),
                classes="section-title",
            )
            yield Part(_overview(section.cards), classes="overview")
            for line in section.advice:
                yield Part(f"→ {line}", classes="section-advice", markup=False)
            for card in section.cards:
                yield ResultCard(card, lang, sources_open=card.id in self.open_sources)
            if section.note:
                yield Part(section.note, classes="disclaimer", markup=False)
        yield Part(
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
            yield Part(
                t(lang, "results_rules", version=view.rules_version),
                classes="disclaimer",
                markup=False,
            )

    @property
    def filling(self) -> bool:
        # Until the first filling is done too (it waits for the screen's first refresh).
        return self._filling or not self._filled

    def on_mount(self) -> None:
        self._keys()

    def on_screen_resume(self) -> None:
        if not self._filled:
            self.call_after_refresh(self._fill)

    async def _fill(self) -> None:
        """Put the results in: the scroll takes the focus first, while empty (a
        focus change restyles every widget inside), then the widgets are mounted
        once; keys typed meanwhile wait (``filling``, read by the app)."""
        async with self._fill_lock:
            self._filling = True
            try:
                await self._put_in()
            finally:
                self._filled = True  # even if it failed: keys are not held for ever
                self._filling = False

    async def _put_in(self) -> None:
        head = self.query_one("#results-head", Vertical)
        scroll = self.query_one("#results-scroll", VerticalScroll)
        self.set_focus(scroll)
        await head.remove_children()
        await scroll.remove_children()
        await head.mount_all(list(self._head()))
        await scroll.mount_all(list(self._body()))
        scroll.scroll_home(animate=False)

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
        self._keys()
        await self._fill()

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
    return Part("\n".join(lines), classes="answers", markup=False)
