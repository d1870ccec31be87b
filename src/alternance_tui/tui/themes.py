"""The themes: Textual's dark and light ones, a high-contrast one, and the
kiosk's (high contrast too, first in kiosk mode, with kiosk.tcss's larger
blocks; see docs/kiosk.md).

The high-contrast theme is pure black and white with yellow for what has the
focus; it never carries meaning by colour alone (every status also has words
and a symbol, every choice a drawn mark), see app.tcss for the focus frames.
``Looks`` is the part of the app that registers them and goes from one to the
next (F3).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.theme import BUILTIN_THEMES, Theme

from alternance_tui.tui.part import Part
from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.tui.privacy import Privacy

DEFAULT = "textual-dark"
LIGHT = "textual-light"
HIGH_CONTRAST = "alternance-high-contrast"
KIOSK = "alternance-kiosk"
ORDER = (DEFAULT, LIGHT, HIGH_CONTRAST)
KIOSK_ORDER = (KIOSK, DEFAULT, LIGHT, HIGH_CONTRAST)
NAME_KEYS = {
    DEFAULT: "theme_default",
    LIGHT: "theme_light",
    HIGH_CONTRAST: "theme_high_contrast",
    KIOSK: "theme_kiosk",
}


def theme_order(kiosk: bool) -> tuple[str, ...]:
    """The themes F3 goes through, the first one the theme at start."""
    return KIOSK_ORDER if kiosk else ORDER


HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF8080",
    dark=True,
    variables={
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-cursor-blurred-foreground": "#000000",
        "block-hover-background": "#333333",
        "border": "#FFFF00",
        "border-blurred": "#FFFFFF",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00 50%",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#000000",
        "link-color": "#FFFF00",
        "link-style": "bold underline",
        "text-muted": "#FFFFFF",
        "foreground-muted": "#FFFFFF",
    },
)

# Read from a step away: white on black, the focus and the actions in yellow
# on black (contrast 19.6:1), nothing dim; kiosk.tcss makes text bold and
# blocks larger, as a terminal cannot make its letters larger.
KIOSK_THEME = Theme(
    name=KIOSK,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#000000",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF8080",
    dark=True,
    variables=dict(HIGH_CONTRAST_THEME.variables),
)

# Textual's dark and light themes, under their own names, with the few colours
# that drew text below WCAG's 4.5:1 (tests/tui/test_contrast.py): on dark, the
# focused row and the buttons, light grey on a blue $primary (3.8:1; this blue,
# a shade darker, 5.0:1); on light, orange titles (1.5:1) and green statuses
# (3.8:1) on light grey.
_DARK, _LIGHT = BUILTIN_THEMES[DEFAULT], BUILTIN_THEMES[LIGHT]
DARK_THEME = replace(_DARK, primary="#0063B1")
LIGHT_THEME = replace(
    _LIGHT, accent="#8A4B00", variables={**_LIGHT.variables, "text-success": "#1B5E20"}
)


class Looks(Part):
    """The theme in use: the one asked for or remembered, then F3's order."""

    def __init__(self, app: App[int], privacy: Privacy, theme: str | None) -> None:
        super().__init__(app)
        self.privacy = privacy
        kiosk = self.host.options.kiosk
        for readable in (DARK_THEME, LIGHT_THEME, HIGH_CONTRAST_THEME):
            app.register_theme(readable)
        if kiosk:
            app.register_theme(KIOSK_THEME)
        self.cycle = theme_order(kiosk)
        app.theme = theme if theme in self.cycle else self.cycle[0]
        # Textual's stylesheet took its colours when the app was made, from its
        # own theme of that name: ours now (setting the same name changes nothing).
        app.stylesheet.set_variables(app.get_css_variables())

    def next(self) -> None:
        """F3: the next theme, remembered, and said."""
        app, cycle = self.app, self.cycle
        index = cycle.index(app.theme) if app.theme in cycle else -1
        app.theme = cycle[(index + 1) % len(cycle)]
        self.set_classes()
        self.privacy.remember_settings(theme=app.theme)
        lang = self.host.lang
        app.notify(t(lang, "theme_changed", name=t(lang, NAME_KEYS[app.theme])), timeout=3)

    def set_classes(self) -> None:
        """The classes the stylesheets key on for the theme in use."""
        self.app.set_class(self.app.theme in (HIGH_CONTRAST, KIOSK), "-high-contrast")
        self.app.set_class(self.app.theme == KIOSK, "-kiosk")

    def forget(self) -> None:
        """Back to the starting theme (the kiosk's erase)."""
        if self.app.theme != self.cycle[0]:
            self.app.theme = self.cycle[0]
            self.set_classes()
