"""The interview's session on disk: read at start, written as the person goes.

The app tells it what happened (``soon`` for typing, ``now`` on quitting) and
hands it the session to write; reading a saved session and taking its answers
(``read``, ``adopt``) and setting the old one aside as ``previous`` on a fresh
start live here too. Kiosk mode has no store: every call does nothing.

The store (and the JSON and file modules it brings) is imported on first use,
never before the welcome screen is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from alternance_tui.interview import Interview
    from alternance_tui.store import Session, SessionStore

AUTOSAVE_DELAY = 0.3  # seconds of quiet before what is being typed is written

Severity = Literal["information", "warning", "error"]
Notice = tuple[str, Severity]


def session_of(interview: Interview, lang: str) -> Session:
    """What is saved of ``interview``: every answer, the place, the text being typed."""
    from alternance_tui.store import Session

    return Session(
        flow_id=interview.flow.id,
        answers=interview.answers_json(),
        lang=lang,
        current=interview.current if interview.place == "question" else None,
        drafts=dict(interview.drafts),
    )


def adopt(interview: Interview, session: Session, *, keep_language: bool) -> list[Notice]:
    """Take a saved session's answers into ``interview``; those that no longer
    fit are reported. The session's language is taken too unless
    ``keep_language`` (the person chose one with --lang)."""
    if not keep_language and session.lang in interview.flow.languages:
        interview.lang = session.lang
    problems = interview.load_answers(session.answers)
    interview.drafts.update(
        {k: v for k, v in session.drafts.items() if k in interview.flow.questions}
    )
    lang = interview.lang
    notices: list[Notice] = []
    if problems:
        lines = [f"• {p.question}: {p.message}" for p in problems]
        notices.append(
            ("\n".join([t(lang, "answers_problems", file="session"), *lines]), "warning")
        )
    notices.append((t(lang, "resumed", count=len(interview.answers)), "information"))
    return notices


class Autosave:
    """Writes the session of ``snapshot()`` (None: nothing to write yet)."""

    def __init__(
        self,
        app: App[Any],
        snapshot: Callable[[], Session | None],
        *,
        kiosk: bool,
    ) -> None:
        self._app = app
        self._snapshot = snapshot
        self._kiosk = kiosk
        self._store: SessionStore | None = None
        self._timer: Timer | None = None
        # The session found at start, to be kept as "previous" once a new one is written.
        self.previous: Session | None = None

    @property
    def store(self) -> SessionStore | None:
        """Where sessions are saved; None in kiosk mode, which writes nothing."""
        if self._kiosk:
            return None
        if self._store is None:
            from alternance_tui.store import SessionStore

            self._store = SessionStore()
        return self._store

    def read(
        self, name: str, flow_id: str, lang: str, *, announce_missing: bool
    ) -> tuple[Session | None, list[Notice]]:
        """The session saved as ``name`` ("" for the autosave), if it is one of this flow's."""
        store = self.store
        if store is None:
            return None, []
        notices: list[Notice] = []
        loaded = store.load(name or store.AUTOSAVE, lang=lang)
        if loaded.warning:
            notices.append((loaded.warning, "warning"))
        session = loaded.session
        if session is None:
            if announce_missing:
                shown = f" ({name})" if name else ""
                notices.append((t(lang, "resume_none", name=shown), "information"))
            return None, notices
        if session.flow_id != flow_id:
            notices.append((t(lang, "session_other_flow", flow=session.flow_id), "warning"))
            return None, notices
        return session, notices

    def soon(self) -> None:
        """Something a person did: save it shortly (debounced, off the UI thread)."""
        if self.store is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(AUTOSAVE_DELAY, self._write_soon)

    def _write_soon(self) -> None:
        self._timer = None
        session = self._snapshot()
        if session is not None:
            previous, self.previous = self.previous, None
            self._app.run_worker(
                lambda: self._write(session, previous),
                thread=True,
                group="autosave",
                exit_on_error=False,
            )

    def _write(self, session: Session, previous: Session | None) -> None:
        store = self.store
        if store is None:
            return
        try:
            if previous is not None:
                store.save(previous, "previous")
            store.save(session)
        except OSError as exc:
            message = t(session.lang, "autosave_failed", error=exc.strerror or exc)
            self._app.call_from_thread(self._app.notify, message, severity="warning")

    def now(self, lang: str) -> None:
        """Write the session at once (on quitting); a failure goes to standard error."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        store = self.store
        session = self._snapshot()
        if store is None or session is None:
            return
        try:
            if self.previous is not None:
                store.save(self.previous, "previous")
                self.previous = None
            if session.answers or session.drafts:
                store.save(session)
        except OSError as exc:
            print(
                f"alternance: {t(lang, 'autosave_failed', error=exc.strerror or exc)}",
                file=sys.stderr,
            )
