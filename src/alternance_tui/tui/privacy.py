"""What the app remembers between runs, and how a person erases it: the
settings (language, theme, advisor defaults; never in kiosk mode nor in a
private session, which every browser of `alternance serve` is) and "forget
me" (F9, offered with Ctrl+N). A part of the app (part.py)."""

from __future__ import annotations

from alternance_tui.tui.part import Part
from alternance_tui.wording.catalogue.advisor import ADVISOR as a


class Privacy(Part):
    """Settings remembered and "forget me"; every write is skipped in kiosk mode."""

    @property
    def keeps_settings(self) -> bool:
        """A kiosk and a private session (a browser's, --ephemeral) neither read
        nor write the settings: one visitor's language and theme are not the next's."""
        options = self.host.options
        return not (options.kiosk or options.ephemeral)

    # --- settings remembered (settings.py) -----------------------------------------------

    def remembered(self, theme: str | None) -> str | None:
        """At start: the remembered language (unless --lang) and theme (unless given);
        returns the theme to use. Kiosk mode remembers nothing."""
        host = self.host
        if not self.keeps_settings:
            return theme
        from alternance_tui.sessions.settings_file import (
            quick,  # no pydantic before the first frame
        )

        lang, saved_theme = quick()
        if lang is not None and not host.options.lang_given:
            host.lang = lang
        return theme if theme is not None else saved_theme

    def check_settings(self) -> None:
        """In the loading thread: validate the settings file; a broken one is set
        aside and the defaults used, with a notice."""
        host = self.host
        if not self.keeps_settings:
            return
        from alternance_tui.sessions.settings_file import plainly_valid

        # The advisor's defaults are read in advisor mode only.
        if not host.options.advisor and plainly_valid():
            return
        from alternance_tui.sessions.settings import load

        settings, problem = load()
        host.settings = settings
        if problem:
            message = a(host.lang, "settings_broken", problem=problem)
            self.app.call_from_thread(self.app.notify, message, severity="warning", timeout=12)

    def remember_settings(self, **changes: object) -> None:
        """Language or theme changed: remember it (off the UI thread; never in kiosk mode)."""
        if not self.keeps_settings:
            return

        def write() -> None:
            import contextlib

            from alternance_tui.sessions.settings import remember

            # Remembering is a convenience: never an error in front of a person.
            with contextlib.suppress(OSError):
                remember(**changes)

        self.app.run_worker(write, thread=True, group="settings", exit_on_error=False)

    # --- forget me --------------------------------------------------------------------------

    def offer_forget(self) -> None:
        """With Ctrl+N's "press again": on a shared machine, erase instead (F9)."""
        if self.host.autosave.store is not None:
            self.app.notify(a(self.host.lang, "forget_offer"), timeout=6)

    def forget_me(self) -> None:
        """F9 (offered with Ctrl+N): erase this session, ``previous`` and the notes
        from the disk, after a yes, and start afresh."""
        from alternance_tui.tui.widgets.dialogs import ConfirmScreen

        if self.host.interview is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._forget()

        self.app.push_screen(ConfirmScreen(a(self.host.lang, "forget_confirm")), confirmed)

    def _forget(self) -> None:
        from alternance_tui.sessions.advisor_state import AdvisorState

        host, autosave = self.host, self.host.autosave
        autosave.forget()
        store = autosave.store
        if store is not None:
            for name in {autosave.name, autosave.previous_name, store.PREVIOUS}:
                store.delete(name)
        if host.advisor is not None:
            host.advisor = AdvisorState(rules_version=host.advisor.rules_version)
        autosave.name = store.AUTOSAVE if store is not None else "autosave"
        interview = host.interview
        if interview is not None:
            interview.answers.clear()
            interview.drafts.clear()
        self.app.notify(a(host.lang, "forgotten"), timeout=6)
        host.step(lambda i: i.restart(), save=False)
