"""From the first frame to the first question: the flow loaded in a thread once
the welcome screen is on screen, a saved session offered to resume, and Enter
pressed before the flow is there kept until it is. A part of the app (part.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from alternance_tui.sessions.autosave import adopt
from alternance_tui.tui.part import Part
from alternance_tui.tui.start import (
    StartProblem,
    loaded_for_questions,
    prepared_interview,
    warm_results,
)

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from alternance_tui.advice.model import Bundle
    from alternance_tui.sessions.store import Session
    from alternance_tui.tui.privacy import Privacy

BACKGROUND_DELAY = 0.05  # seconds after the first frame before loading the flow


class Opening(Part):
    def __init__(self, app: App[int], flow_path: Path, privacy: Privacy) -> None:
        super().__init__(app)
        self.flow_path = flow_path
        self.privacy = privacy
        # Enter on the welcome screen before the flow is loaded: started once it is.
        self.start_requested = False
        self.offered: Session | None = None  # the saved session offered to resume

    @property
    def resume_offer(self) -> tuple[int, str] | None:
        """(answers, when) of the session offered, for the welcome screen."""
        session = self.offered
        if session is None:
            return None
        when = session.saved_at.replace("T", " ")[:16] if session.saved_at else "?"
        return len(session.answers), when

    def prepare(self, bundle: Bundle) -> None:
        """The interview for ``bundle``, with the answers given on the command line."""
        host = self.host
        host.bundle = bundle
        host.interview, notices = prepared_interview(bundle, host.options, host.lang, host.autosave)
        host.lang = host.interview.lang
        host.notices.extend(notices)

    def load_later(self) -> None:
        # The first frame is queued: once the terminal has it (the writer thread
        # needs the GIL the loading would hold), load what the next screens need.
        self.app.set_timer(BACKGROUND_DELAY, self._load_in_background)

    def _load_in_background(self) -> None:
        self.app.run_worker(
            self._load, name="load", group="start", thread=True, exit_on_error=False
        )

    def _load(self) -> None:
        host, app = self.host, self.app
        try:
            bundle = loaded_for_questions(
                self.flow_path, host.bundle, memory_only=host.options.kiosk
            )
        except StartProblem as exc:
            app.call_from_thread(self._failed, exc.lines)
            return
        if host.bundle is None:
            app.call_from_thread(self._flow_ready, bundle)
        self.privacy.check_settings()
        session = None
        store = host.autosave.store  # taken now: which session this instance writes
        if host.options.resume is None and not host.options.answers and store is not None:
            # A damaged autosave is set aside here, with a warning to show.
            flow_id = bundle.flow.id
            session, notices = host.autosave.read("", flow_id, host.lang, announce_missing=False)
            host.notices.extend(notices)
        app.call_from_thread(self._offer_resume, session)
        warm_results()
        host.engine()

    def _flow_ready(self, bundle: Bundle) -> None:
        self.prepare(bundle)
        if self.start_requested:
            self.start_requested = False
            self.start()

    def _offer_resume(self, session: Session | None) -> None:
        host = self.host
        host.flush_notices()
        if session is None or not session.answers:
            return
        self.offered = session
        host.autosave.previous = session
        welcome = self.app.get_screen("welcome")
        if welcome.is_mounted:
            from alternance_tui.tui.base import Page

            assert isinstance(welcome, Page)
            welcome.show_state()

    def _failed(self, lines: Sequence[str]) -> None:
        from alternance_tui.tui.pages.small import ProblemScreen

        self.start_requested = False
        self.app.switch_screen(ProblemScreen.flow_failed(lines, self.host.lang))

    # --- the welcome screen's keys --------------------------------------------------------

    def start(self) -> None:
        host = self.host
        if host.interview is None and not host.too_small:
            self.start_requested = True
        host.step(lambda interview: interview.begin())

    def resume(self) -> None:
        host = self.host
        session = self.offered
        if session is None or host.interview is None or host.too_small:
            return
        self.offered = host.autosave.previous = None
        host.notices.extend(adopt(host.interview, session, keep_language=host.options.lang_given))
        host.lang = host.interview.lang
        if host.bundle is not None:
            from alternance_tui.sessions.rulestamp import rules_notices

            answers, as_of = host.interview.answers, host.as_of
            host.notices.extend(rules_notices(session, host.engine(), answers, as_of, host.lang))
        host.flush_notices()
        host.step(lambda interview: interview.open_on(session.current), save=False)

    def forget(self) -> None:
        """No offer any more (taken, or the kiosk erased everything)."""
        self.offered = None
        self.start_requested = False
        self.host.autosave.previous = None
