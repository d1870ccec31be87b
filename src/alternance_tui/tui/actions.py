"""What the interview's own keys do beyond moving it: help (F1),
start again (Ctrl+N, pressed twice), quit, and the kiosk's "Finish and erase".
A part of the app (part.py); app.py's ``action_*`` methods hand the keys here.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from alternance_tui.tui.part import Part
from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.tui.advisor.actions import AdvisorDesk
    from alternance_tui.tui.kiosk.mode import Kiosk
    from alternance_tui.tui.privacy import Privacy

RESTART_WINDOW = 3.0  # seconds within which a second Ctrl+N confirms


class InterviewKeys(Part):
    def __init__(
        self, app: App[int], privacy: Privacy, desk: AdvisorDesk, kiosk: Kiosk | None
    ) -> None:
        super().__init__(app)
        self.privacy = privacy
        self.desk = desk
        self.kiosk = kiosk
        self.restart_asked = 0.0  # when Ctrl+N was first pressed (0: not waiting)

    def help(self) -> None:
        from alternance_tui.tui.pages.question import QuestionScreen

        host, screen = self.host, self.app.screen
        if isinstance(screen, QuestionScreen):
            screen.toggle_help()
            return
        if self.desk.show_glossary():  # on the results: the words they use
            return
        key = "help_keys_kiosk" if host.options.kiosk else "help_keys"
        text = t(host.lang, key) + self.desk.advisor_help()  # advisor mode's F4 to F9
        self.app.notify(text, title=t(host.lang, "help_screen_title"), timeout=10)

    def restart(self) -> None:
        host = self.host
        if host.interview is None or host.too_small:
            return
        now = time.monotonic()
        if now - self.restart_asked > RESTART_WINDOW:
            self.restart_asked = now
            self.app.notify(t(host.lang, "restart_confirm"), timeout=RESTART_WINDOW)
            self.privacy.offer_forget()
            return
        self.restart_asked = 0.0
        if host.interview.answers:
            # Set aside, not thrown away: `alternance --resume previous` brings it back.
            host.autosave.previous = host.session()
        host.step(lambda interview: interview.restart())

    def quit(self) -> None:
        if self.kiosk is not None:
            self.kiosk.ask_pin()  # staff only, and only with a code configured
            return
        if self.host.options.kiosk:
            return
        self.host.save_now()
        self.app.exit(0)

    def forget_on_kiosk(self) -> None:
        """F9 ("forget me") on a kiosk, which keeps no session, previous one or
        notes to forget: it says so, and erases everything now after a yes."""
        from alternance_tui.tui.widgets.dialogs import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.finish_erase()

        question = t(self.host.lang, "kiosk_forget_confirm")
        self.app.push_screen(ConfirmScreen(question), confirmed)

    def finish_erase(self) -> None:
        """The results' "Finish and erase" (kiosk): what the idle countdown does, at once."""
        if self.kiosk is not None:
            # Later, from the app's own queue: the results screen, which may be
            # the one asking, is removed by it and must not be waiting on it.
            self.app.call_later(self.kiosk.erase)

    def forget(self) -> None:
        """No Ctrl+N waiting for its second press (the kiosk erased everything)."""
        self.restart_asked = 0.0
