"""What the interview's keys do (the app's ``action_*`` methods): start, resume,
back, review, results, language, theme, help, start again, quit, and the
kiosk's "Finish and erase". A part of ``AlternanceApp`` (app.py), apart so that
each module stays small; ``of(self)`` is the whole app, typed as such."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from textual.app import App

from alternance_tui.tui.autosave import adopt
from alternance_tui.tui.themes import HIGH_CONTRAST, KIOSK, NAME_KEYS
from alternance_tui.wording.catalogue.tui import TUI as t
from alternance_tui.wording.lookup import other

if TYPE_CHECKING:
    from alternance_tui.tui.app import AlternanceApp

RESTART_WINDOW = 3.0  # seconds within which a second Ctrl+N confirms


def of(actions: InterviewActions) -> AlternanceApp:
    return cast("AlternanceApp", actions)


class InterviewActions(App[int]):
    def action_start(self) -> None:
        app = of(self)
        if app.interview is None and app._small is None:
            app._start_requested = True
        app._step(lambda interview: interview.begin())

    def action_resume(self) -> None:
        app = of(self)
        session = app._offered
        if session is None or app.interview is None or app._small is not None:
            return
        app._offered = None
        app.autosave.previous = None
        app.resume_offer = None
        app._notices.extend(adopt(app.interview, session, keep_language=app.options.lang_given))
        app.lang = app.interview.lang
        if app.bundle is not None:
            from alternance_tui.tui.pages.rulestamp import rules_notices

            answers, as_of = app.interview.answers, app.as_of
            app._notices.extend(rules_notices(session, app._engine(), answers, as_of, app.lang))
        app._flush_notices()
        app._step(lambda interview: interview.open_on(session.current), save=False)

    def action_step_back(self) -> None:
        app = of(self)
        app._step(lambda interview: interview.back())

    def action_review(self) -> None:
        app = of(self)
        app._step(lambda interview: interview.review(), new_visit=False)

    def action_results(self) -> None:
        app = of(self)
        app._step(lambda interview: interview.results())

    def action_language(self) -> None:
        app = of(self)
        app.set_language(other(app.lang))

    def action_theme(self) -> None:
        app = of(self)
        index = app.theme_cycle.index(app.theme) if app.theme in app.theme_cycle else -1
        app.theme = app.theme_cycle[(index + 1) % len(app.theme_cycle)]
        app._theme_classes()
        app.remember_settings(theme=app.theme)
        name = t(app.lang, NAME_KEYS[app.theme])
        app.notify(t(app.lang, "theme_changed", name=name), timeout=3)

    def _theme_classes(self) -> None:
        app = of(self)
        app.set_class(app.theme in (HIGH_CONTRAST, KIOSK), "-high-contrast")
        app.set_class(app.theme == KIOSK, "-kiosk")

    def action_help(self) -> None:
        app = of(self)
        from alternance_tui.tui.pages.question import QuestionScreen

        if isinstance(app.screen, QuestionScreen):
            app.screen.toggle_help()
            return
        if app.show_glossary():  # on the results: the words they use (tui/advisor.py)
            return
        key = "help_keys_kiosk" if app.options.kiosk else "help_keys"
        text = t(app.lang, key) + app.advisor_help()  # advisor mode's F4 to F9
        app.notify(text, title=t(app.lang, "help_screen_title"), timeout=10)

    def action_restart(self) -> None:
        app = of(self)
        if app.interview is None or app._small is not None:
            return
        now = time.monotonic()
        if now - app._restart_asked > RESTART_WINDOW:
            app._restart_asked = now
            app.notify(t(app.lang, "restart_confirm"), timeout=RESTART_WINDOW)
            app.offer_forget()
            return
        app._restart_asked = 0.0
        if app.interview.answers:
            # Set aside, not thrown away: `alternance --resume previous` brings it back.
            app.autosave.previous = app._session()
        app._step(lambda interview: interview.restart())

    async def action_quit(self) -> None:
        app = of(self)
        if app.kiosk is not None:
            app.kiosk.ask_pin()  # staff only, and only with a code configured
            return
        if app.options.kiosk:
            return
        app.save_now()
        app.exit(0)

    def action_help_quit(self) -> None:
        app = of(self)
        if app.options.kiosk:
            return
        super().action_help_quit()

    # --- kiosk (kiosk.py) ------------------------------------------------------------------

    def action_finish_erase(self) -> None:
        """The results' "Finish and erase" (kiosk): what the idle countdown does, at once."""
        app = of(self)
        if app.kiosk is not None:
            # Later, from the app's own queue: the results screen, which may be
            # the one asking, is removed by it and must not be waiting on it.
            app.call_later(app.kiosk.erase)
