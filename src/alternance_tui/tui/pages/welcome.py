"""The first screen: what the tool does, about how long it takes, the language,
and that nothing leaves the computer.

It is drawn from the cached welcome facts (see facts.py), before the flow
engine is loaded: keep its imports to textual's basics.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.widgets import Button, Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.widgets.controls import ChoiceList, KeyBar
from alternance_tui.wording.catalogue.tui import TUI as t
from alternance_tui.wording.lookup import LANGUAGE_NAMES, LANGUAGES


class WelcomeScreen(Page):
    # Tab can leave the focus on the page itself (it scrolls), where Enter
    # did nothing: the screen starts then. The list and the buttons take
    # Enter themselves first.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "app.start", show=False)]

    # Few widgets on purpose: this is the first frame, and each widget costs
    # styling and layout time before it can be drawn.
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(id="welcome-title", markup=False)
            yield Static(id="welcome-text")
            languages = ChoiceList(id="welcome-language")
            languages.submit_on_pick = False
            yield languages
            yield Button(id="start", variant="primary", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        languages = self.query_one("#welcome-language", ChoiceList)
        # Called at once, not by message: Enter then "2" typed together must
        # start the interview before the "2" can reach this list (keyqueue.py).
        languages.on_picked = self.picked
        languages.load(LANGUAGES, [LANGUAGE_NAMES[code] for code in LANGUAGES], {self.lang})
        self.show_state()
        languages.focus()

    def show_state(self) -> None:
        ui, lang = self.ui, self.lang
        facts = ui.facts
        private = (
            "welcome_private_kiosk"
            if ui.options.kiosk or ui.options.ephemeral
            else "welcome_private"
        )
        self.query_one("#welcome-title", Static).update(facts.text(facts.title, lang))
        text = "\n".join(
            [
                escape(facts.text(facts.description, lang)),
                "",
                "[b]"
                + escape(t(lang, "welcome_time", questions=facts.questions, minutes=facts.minutes))
                + "[/b]",
                escape(t(lang, private)),
                "",
                f"[b]{escape(t(lang, 'welcome_language'))}[/b]",
            ]
        )
        self.query_one("#welcome-text", Static).update(Content.from_markup(text))
        self.query_one("#start", Button).label = t(lang, "welcome_start")
        self._show_resume()
        languages = self.query_one("#welcome-language", ChoiceList)
        if languages.selected != {lang}:
            languages.load(LANGUAGES, [LANGUAGE_NAMES[code] for code in LANGUAGES], {lang})
        self.set_keys([("⏎", t(lang, "key_start"), "app.start")])

    def _show_resume(self) -> None:
        """The resume button, added only when a saved session turns up."""
        offer = self.ui.resume_offer
        found = self.query("#resume")
        if offer is None:
            found.remove()
            return
        label = t(self.lang, "welcome_resume", count=offer[0], when=offer[1])
        if found:
            found.first(Button).label = label
        else:
            self.query_one("#welcome", VerticalScroll).mount(
                Button(label, id="resume", compact=True)
            )

    def picked(self, ids: frozenset[str], submit: bool) -> None:
        chosen = next(iter(ids), self.lang)
        if chosen != self.lang:
            self.ui.set_language(chosen)
        if submit:
            self.ui.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "resume":
            self.ui.action_resume()
        else:
            self.ui.action_start()
