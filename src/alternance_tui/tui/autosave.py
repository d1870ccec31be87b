"""Saving as the person goes, in the app: the session saver of sessions/autosave.py
with the app's timer for typing (``soon``) and its notices for a save that failed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from alternance_tui.sessions.autosave import SessionSaver

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from alternance_tui.sessions.store import Session

AUTOSAVE_DELAY = 0.3  # seconds of quiet before what is being typed is written


class Autosave(SessionSaver):
    def __init__(
        self,
        app: App[Any],
        snapshot: Callable[[], Session | None],
        language: Callable[[], str],
        *,
        kiosk: bool,
    ) -> None:
        super().__init__(snapshot, language, kiosk=kiosk, warn=self._notify)
        self._app = app
        self._timer: Timer | None = None

    def _notify(self, message: str) -> None:
        self._app.notify(message, severity="warning")

    def soon(self) -> None:
        """Text being typed: save it once the typing pauses."""
        if self.store is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(AUTOSAVE_DELAY, self.write)

    def cancel_pending(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
