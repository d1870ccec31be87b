"""A part of the app: something the app holds (its keys, advisor mode,
privacy, the size guard, the kiosk) rather than a class it inherits from.

A part sees the app two ways, as a screen does (``Page.app`` and
``Page.ui``): ``app``, Textual's App, for screens, notifications and timers;
``host``, what this app offers its parts (host.py). It never imports the app
(app.py imports it), and never touches a field the app keeps to itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.tui.host import PartHost


class Part:
    def __init__(self, app: App[int]) -> None:
        self.app = app

    @property
    def host(self) -> PartHost:
        """The app, through what it offers its parts (host.py); app.py's mypy
        check makes sure it keeps that contract."""
        return cast("PartHost", self.app)
