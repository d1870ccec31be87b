"""What the app remembers between runs, and how a person erases it: the
settings (language, theme, advisor defaults; never in kiosk mode) and "forget
me" (F9, offered with Ctrl+N). A mixin of the app, as tui/advisor.py is."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from alternance_tui.wording.catalogue.advisor import ADVISOR as a

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.advisor_state import AdvisorState
    from alternance_tui.sessions.settings import Settings
    from alternance_tui.tui.autosave import Autosave
    from alternance_tui.tui.options import TuiOptions

    _Base = App[int]
else:
    _Base = object


class PrivacyMixin(_Base):
    """Settings remembered and "forget me"; every write is skipped in kiosk mode."""

    if TYPE_CHECKING:
        advisor: AdvisorState | None
        settings: Settings | None
        autosave: Autosave
        interview: Interview | None
        options: TuiOptions
        lang: str

        def _step(
            self, move: Callable[[Interview], object], *, new_visit: bool = ..., save: bool = ...
        ) -> None: ...

    # --- settings remembered (settings.py) -----------------------------------------------

    def remembered(self, theme: str | None) -> str | None:
        """At start: the remembered language (unless --lang) and theme (unless given);
        returns the theme to use. Kiosk mode remembers nothing."""
        if self.options.kiosk:
            return theme
        from alternance_tui.sessions.settings_file import (
            quick,  # no pydantic before the first frame
        )

        lang, saved_theme = quick()
        if lang is not None and not self.options.lang_given:
            self.lang = lang
        return theme if theme is not None else saved_theme

    def check_settings(self) -> None:
        """In the loading thread: validate the settings file; a broken one is set
        aside and the defaults used, with a notice."""
        if self.options.kiosk:
            return
        from alternance_tui.sessions.settings_file import plainly_valid

        # The advisor's defaults are read in advisor mode only.
        if not self.options.advisor and plainly_valid():
            return
        from alternance_tui.sessions.settings import load

        settings, problem = load()
        self.settings = settings
        if problem:
            message = a(self.lang, "settings_broken", problem=problem)
            self.call_from_thread(self.notify, message, severity="warning", timeout=12)

    def remember_settings(self, **changes: object) -> None:
        """Language or theme changed: remember it (off the UI thread; never in kiosk mode)."""
        if self.options.kiosk:
            return

        def write() -> None:
            import contextlib

            from alternance_tui.sessions.settings import remember

            # Remembering is a convenience: never an error in front of a person.
            with contextlib.suppress(OSError):
                remember(**changes)

        self.run_worker(write, thread=True, group="settings", exit_on_error=False)

    # --- forget me --------------------------------------------------------------------------

    def offer_forget(self) -> None:
        """With Ctrl+N's "press again": on a shared machine, erase instead (F9)."""
        if self.autosave.store is not None:
            self.notify(a(self.lang, "forget_offer"), timeout=6)

    def action_forget(self) -> None:
        """F9 (offered with Ctrl+N): erase this session, ``previous`` and the notes
        from the disk, after a yes, and start afresh."""
        from alternance_tui.tui.widgets.dialogs import ConfirmScreen

        if self.interview is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._forget()

        self.push_screen(ConfirmScreen(a(self.lang, "forget_confirm")), confirmed)

    def _forget(self) -> None:
        from alternance_tui.sessions.advisor_state import AdvisorState

        self.autosave.forget()
        store = self.autosave.store
        if store is not None:
            for name in {self.autosave.name, self.autosave.previous_name, store.PREVIOUS}:
                store.delete(name)
        if self.advisor is not None:
            self.advisor = AdvisorState(rules_version=self.advisor.rules_version)
        self.autosave.name = store.AUTOSAVE if store is not None else "autosave"
        interview = self.interview
        if interview is not None:
            interview.answers.clear()
            interview.drafts.clear()
        self.notify(a(self.lang, "forgotten"), timeout=6)
        self._step(lambda i: i.restart(), save=False)
