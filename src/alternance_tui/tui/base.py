"""What every screen of the app shares: the way back to the app, and the key bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.visual import VisualType
from textual.widgets import Static

from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from alternance_tui.tui.host import Host


def advisor_keys(lang: str) -> list[tuple[str, str, str]]:
    from alternance_tui.wording.catalogue.advisor import ADVISOR as a

    return [
        ("F4", a(lang, "key_notes"), "app.notes"),
        ("F5", a(lang, "key_scenarios"), "app.compare"),
        ("F6", a(lang, "key_handout"), "app.handout"),
        ("F7", a(lang, "key_sessions"), "app.sessions"),
    ]


class Page(Screen[None]):
    """A screen of the interview; ``show_state`` redraws it from the app's state."""

    @property
    def filling(self) -> bool:
        """True while the screen is putting its widgets in after its first frame:
        keys typed meanwhile wait for them (the app's key queue reads it)."""
        return False

    @property
    def ui(self) -> Host:
        """The app, through what a screen may ask of it (host.py)."""
        return cast("Host", self.app)

    @property
    def lang(self) -> str:
        return self.ui.lang

    def show_state(self) -> None:
        """Redraw from the app's state (answers, language, place)."""

    def put(self, selector: str, content: VisualType) -> None:
        """Show ``content`` in a Static, skipping the refresh when it is already
        shown: a refresh costs a layout pass, and a question's title, buttons
        and keys mostly stay the same from one question to the next."""
        shown: dict[str, VisualType] = self.__dict__.setdefault("_shown", {})
        if selector in shown and shown[selector] == content:
            return
        shown[selector] = content
        self.query_one(selector, Static).update(content)

    def common_keys(self) -> list[tuple[str, str, str]]:
        lang = self.lang
        keys = [
            ("F1", t(lang, "key_help"), "app.help"),
            ("F2", t(lang, "key_language_short"), "app.language"),
            ("F3", t(lang, "key_theme"), "app.theme"),
        ]
        if not self.ui.options.kiosk:
            keys.append(("^Q", t(lang, "key_quit"), "app.quit"))
        if self.ui.options.advisor:
            keys.extend(advisor_keys(lang))
        return keys

    def whose(self) -> list[tuple[str, str, str]]:
        """Advisor mode: whose session this is, first in the key bar of every
        screen ("◆ Zoé · B"); a click on it goes back to the sessions."""
        name = self.ui.session_name if self.ui.options.advisor else ""
        if not name:
            return []
        letter = f"· {self.ui.active_scenario}" if self.ui.scenario_count > 1 else ""
        return [(f"◆ {name}", letter, "app.sessions")]

    def set_keys(self, keys: list[tuple[str, str, str]]) -> None:
        self.query_one(KeyBar).show_keys([*self.whose(), *keys, *self.common_keys()])
