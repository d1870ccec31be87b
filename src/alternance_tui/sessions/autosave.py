"""The interview's session on disk: read at start, written as the person goes.

A front end (the TUI's tui/autosave.py, ``--plain``'s plain/run.py) tells it
what happened (``write`` for a step of the interview, ``at_exit`` on quitting)
and hands it the session to write; reading a saved session and taking its
answers (``read``, ``adopt``) and setting the old one aside as ``previous`` on
a fresh start live here too. Kiosk mode has no store: every call does nothing.

No UI import: the TUI adds its timer for typing (``soon``) in tui/autosave.py.
The store (and the JSON and file modules it brings) is imported on first use,
never before the welcome screen is drawn.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.store import Session, SessionStore

MAX_INSTANCES = 9  # instances on one data folder, each with its own session

Severity = Literal["information", "warning", "error"]
Notice = tuple[str, Severity]


def session_of(interview: Interview, lang: str) -> Session:
    """What is saved of ``interview``: every answer, the place, the text being typed."""
    from alternance_tui.sessions.store import Session

    return Session(
        flow_id=interview.flow.id,
        answers=interview.answers_json(),
        lang=lang,
        current=interview.current
        if interview.place == "question"
        else interview.left_at
        if interview.place == "review"
        else None,
        drafts=dict(interview.drafts),
    )


def _content(session: Session) -> str:
    """What the person made of a session: everything but when it was saved and the
    rules stamp (which a save recomputes), to tell whether anything changed."""
    data = session.to_json()
    for key in ("saved_at", "rules_version", "rules_results"):
        data.pop(key, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _has_content(session: Session) -> bool:
    # An advisor's session is kept even before its first answer (its name, notes).
    return bool(session.answers or session.drafts or session.notes or session.name)


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
    count = len(interview.answers)
    notices.append((t.plural(lang, "resumed", count, count=count), "information"))
    return notices


class SessionSaver:
    """Writes the session of ``snapshot()`` (None: nothing to write yet).

    Every write happens on the UI thread, in the order things happened, and
    before the screen that follows is drawn: an answer shown as accepted is in
    the file even if the app is killed the next instant. The wait for the disk
    itself (fsync) is left to a thread, so that it never holds up a frame.

    One instance at a time owns the ``autosave`` session (a lock beside it); a
    second one on the same data folder saves as ``autosave-2`` and says so,
    rather than overwrite the first one's answers.

    Nothing is written that the person did not change: a session equal to the
    one the file holds, or to the one resumed, is not written again, and an
    empty interview (opened, even started, but nothing typed) replaces nothing.
    The session replaced by the first real write is set aside as ``previous``;
    continuing ``previous`` itself swaps the two.
    """

    def __init__(
        self,
        snapshot: Callable[[], Session | None],
        language: Callable[[], str],
        *,
        kiosk: bool,
        warn: Callable[[str], None],
    ) -> None:
        self._warn = warn  # a save that failed: said to the person, who keeps going
        self._snapshot = snapshot
        self._language = language
        self._kiosk = kiosk
        self._closed = False
        self._store: SessionStore | None = None
        self._opening = threading.Lock()
        self._syncing: queue.SimpleQueue[Path] | None = None  # files to wait for the disk on
        self.name = "autosave"  # the session this instance writes
        self.previous_name = "previous"
        self.lock: int | None = None
        self.held: tuple[str, int] | None = None  # the named session this window holds
        self.notices: list[Notice] = []  # for the app to show
        # The session found at start, to be kept as "previous" once a new one is written.
        self.previous: Session | None = None
        # What this instance knows a file holds (path, content), to write only changes.
        self._on_disk: tuple[Path, str] | None = None
        # The session resumed from another name, until the first write.
        self._resumed: tuple[str, str] | None = None
        self._wrote = False  # a session was written by this instance

    @property
    def store(self) -> SessionStore | None:
        """Where sessions are saved; None in kiosk mode, which writes nothing,
        and once the app has ended."""
        if self._kiosk or self._closed:
            return None
        with self._opening:  # first used from the loading thread or the UI thread
            if self._store is None:
                from alternance_tui.sessions.store import SessionStore

                store = SessionStore()
                self._claim(store)
                store.remove_orphans()
                self._store = store
        return self._store

    def _claim(self, store: SessionStore) -> None:
        for number in range(1, MAX_INSTANCES + 1):
            suffix = "" if number == 1 else f"-{number}"
            self.lock = store.lock(f"autosave{suffix}")
            if self.lock is not None:
                self.name, self.previous_name = f"autosave{suffix}", f"previous{suffix}"
                break
        if self.name != store.AUTOSAVE:
            message = t(self._language(), "autosave_other_instance", name=self.name)
            self.notices.append((message, "warning"))

    def hold(self, name: str) -> bool:
        """Write under the named session ``name`` from now on, holding it (a lock
        beside it) so that no other window writes it meanwhile; False, and nothing
        changed, if another window holds it."""
        store = self.store
        if store is None:
            return False
        if self._holds(store, name):
            self.name = name
            return True
        handle = store.lock(name)
        if handle is None:
            return False
        self.let_go()
        self.held = (name, handle)
        self.name = name
        return True

    def in_use_elsewhere(self, name: str) -> bool:
        """Whether another window holds the named session ``name``."""
        store = self.store
        return store is not None and not self._holds(store, name) and store.in_use(name)

    def _holds(self, store: SessionStore, name: str) -> bool:
        return self.held is not None and store.path(self.held[0]) == store.path(name)

    def let_go(self, *, back_to_autosave: bool = False) -> None:
        """No longer hold the named session (it was left, renamed or deleted)."""
        if self.held is not None:
            if self.held[1] >= 0:
                os.close(self.held[1])
            self.held = None
        if back_to_autosave and self._store is not None:
            self.name = self._store.AUTOSAVE

    def read(
        self, name: str, flow_id: str, lang: str, *, announce_missing: bool
    ) -> tuple[Session | None, list[Notice]]:
        """The session saved as ``name`` ("" for the autosave), if it is one of this flow's."""
        store = self.store
        if store is None:
            return None, []
        notices: list[Notice] = []
        if name and store.path(name) == store.path(store.AUTOSAVE) and name != store.AUTOSAVE:
            # A name made only of characters a file name cannot hold ("é") is
            # not the autosave: opening it would look like the wrong session.
            notices.append((t(lang, "resume_bad_name", name=name), "warning"))
            return None, notices
        if name and name != store.AUTOSAVE and store.in_use(name):
            # An advisor's window holds it: a copy opened here would be saved
            # apart (autosave-3) and look like the session; say so, as the
            # advisor's sessions screen does, and open nothing.
            notices.append((t(lang, "resume_held", name=name), "warning"))
            return None, notices
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
        target = store.path(name or store.AUTOSAVE)
        if target == store.path(self.name):
            self._on_disk = (target, _content(session))
        else:
            self._resumed = (name, _content(session))
        return session, notices

    def cancel_pending(self) -> None:
        """A save waiting to be made (the TUI's, while a person types) is made now or never."""

    def write(self) -> None:
        """Save now, before the next screen is drawn; the disk is waited for in a thread."""
        self.cancel_pending()
        store = self.store
        if store is None:
            # A kiosk or a browser session: nothing is written, so nothing is made
            # to write (the session's rules stamp is a judgement of every item).
            return
        session = self._snapshot()
        if session is None:
            return
        try:
            written = self._save(store, session, durable=False)
        except OSError as exc:
            message = t(session.lang, "autosave_failed", error=exc.strerror or exc)
            self._warn(message)
            return
        if self._syncing is None:
            # One plain thread for the whole session: a Textual worker per
            # answer cost more CPU than the write itself.
            self._syncing = queue.SimpleQueue()
            threading.Thread(target=self._sync, args=(self._syncing,), daemon=True).start()
        for path in written:
            self._syncing.put(path)

    def _save(self, store: SessionStore, session: Session, *, durable: bool) -> list[Path]:
        """Write ``session`` if the person changed something, setting aside as
        ``previous`` the session it replaces; the files written."""
        key = _content(session)
        target = store.path(self.name)
        resumed = self._resumed
        if self._on_disk == (target, key) or (resumed is not None and resumed[1] == key):
            return []  # as the file holds it, or as it was resumed
        if not (_has_content(session) or self._wrote):
            return []  # nothing typed yet: the saved session stays as it is
        self._resumed = None
        aside = self.previous
        swap = False
        if aside is None and resumed is not None:
            # A session resumed from elsewhere now replaces the autosave: the
            # autosave is kept as "previous" (when it is "previous" that was
            # resumed, the two swap places).
            replaced = store.load(self.name, lang=session.lang).session
            aside = replaced if replaced is not None and _has_content(replaced) else None
            swap = store.path(resumed[0]) == store.path(self.previous_name)
        written = []
        if aside is not None and not swap:
            written.append(store.save(aside, self.previous_name, durable=durable))
        written.append(store.save(session, self.name, durable=durable))
        if aside is not None and swap:
            # After the session: until then "previous" is the only copy of what was resumed.
            written.append(store.save(aside, self.previous_name, durable=durable))
        self.previous = None
        self._on_disk = (target, key)
        self._wrote = True
        return written

    @staticmethod
    def _sync(paths: queue.SimpleQueue[Path]) -> None:
        from alternance_tui.sessions.disk import sync_file

        while True:
            path = paths.get()
            # Replaced meanwhile, or a disk error that the next write reports.
            with contextlib.suppress(OSError):
                sync_file(path)

    def forget(self) -> None:
        """Nothing pending is written any more ("forget me"): the timer stops and
        the session kept as ``previous`` is dropped."""
        self.cancel_pending()
        self.previous = None
        self._on_disk = self._resumed = None
        self._wrote = False

    def where_saved(self) -> str | None:
        """The session that holds the person's answers now (after ``at_exit``): the
        one this instance wrote, or one resumed from another name and left
        unchanged; None when this instance wrote nothing (nothing typed, a kiosk,
        or the session it writes resumed and left as it was)."""
        if self.store is None:
            return None
        if self._wrote:
            return self.name
        if self._resumed is not None:
            return self._resumed[0] or self.name
        return None

    def close(self) -> None:
        """Let another instance have this session; nothing is written after this."""
        self._closed = True
        if self.lock is not None and self.lock >= 0:
            os.close(self.lock)
        self.lock = None
        self.let_go()

    def at_exit(self) -> None:
        """Save, and wait for the disk, as the app ends; a failure goes to standard error."""
        self.cancel_pending()
        store = self.store
        if store is None:
            return
        session = self._snapshot()
        if session is None:
            return
        try:
            written = self._save(store, session, durable=True)
            if not written and self._wrote:
                # Unchanged since the last write, which did not wait for the disk: wait now.
                from alternance_tui.sessions.disk import sync_file

                sync_file(store.path(self.name))
        except OSError as exc:
            error = exc.strerror or exc
            print(
                f"alternance: {t(self._language(), 'autosave_failed_quit', error=error)}",
                file=sys.stderr,
            )
