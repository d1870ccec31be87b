"""The first screen: what the tool does, about how long it takes, the language,
and that nothing leaves the computer.

It is drawn from the cached welcome facts (see facts.py), before the flow
engine is loaded: keep its imports to textual's basics.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.texts import LANGUAGES, t
from alternance_tui.tui.widgets import ChoiceList, KeyBar

LANGUAGE_LABELS = {"fr": "Français", "en": "English"}


class WelcomeScreen(Page):
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-scroll"), Vertical(id="welcome-body"):
            yield Static(id="welcome-title")
            yield Static(id="welcome-description")
            yield Static(id="welcome-time")
            yield Static(id="welcome-private")
            yield Static(t("fr", "welcome_language"), id="welcome-language-label")
            languages = ChoiceList(id="welcome-language")
            languages.submit_on_pick = False
            yield languages
            with Horizontal(id="welcome-buttons"):
                yield Button(id="start", variant="primary", compact=True)
                yield Button(id="resume", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        languages = self.query_one("#welcome-language", ChoiceList)
        languages.load(LANGUAGES, [LANGUAGE_LABELS[code] for code in LANGUAGES], {self.lang})
        self.show_state()
        languages.focus()

    def show_state(self) -> None:
        ui, lang = self.ui, self.lang
        facts = ui.facts
        self.query_one("#welcome-title", Static).update(facts.text(facts.title, lang))
        self.query_one("#welcome-description", Static).update(facts.text(facts.description, lang))
        self.query_one("#welcome-time", Static).update(
            t(lang, "welcome_time", questions=facts.questions, minutes=facts.minutes)
        )
        private = "welcome_private_kiosk" if ui.options.kiosk else "welcome_private"
        self.query_one("#welcome-private", Static).update(t(lang, private))
        self.query_one("#start", Button).label = t(lang, "welcome_start")
        resume = self.query_one("#resume", Button)
        offer = ui.resume_offer
        resume.display = offer is not None
        if offer is not None:
            resume.label = t(lang, "welcome_resume", count=offer[0], when=offer[1])
        languages = self.query_one("#welcome-language", ChoiceList)
        if languages.selected != {lang}:
            languages.selected = {lang}
            languages.load(LANGUAGES, [LANGUAGE_LABELS[code] for code in LANGUAGES], {lang})
        self.set_keys([("⏎", t(lang, "key_start"), "app.start")])

    def on_choice_list_picked(self, message: ChoiceList.Picked) -> None:
        message.stop()
        chosen = next(iter(message.ids), self.lang)
        if chosen != self.lang:
            self.ui.set_language(chosen)
        if message.submit:
            self.ui.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "resume":
            self.ui.action_resume()
        else:
            self.ui.action_start()
