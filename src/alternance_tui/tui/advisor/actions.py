"""Advisor mode in the app: named sessions, notes, scenarios, the handout.

A part of the app (part.py), so that app.py only gains its keys and a few
hooks; the state is an ``AdvisorState`` (pure, sessions/advisor_state.py) and
the work below the UI lives in sessions/advising.py and advice/compare.py. The
sessions and comparison screens ask it for what they show (``Desk``, host.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alternance_tui.tui.part import Part
from alternance_tui.wording.catalogue.advisor import ADVISOR as a

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.sessions.bin import Binned
    from alternance_tui.sessions.listing import SessionRow


class AdvisorDesk(Part):
    """Advisor mode's actions; every one does nothing outside advisor mode."""

    def __init__(self, app: App[int]) -> None:
        super().__init__(app)
        # The sessions this window put in the bin, the last one last (U restores it).
        self._binned: list[Binned] = []

    def over_the_interview(self) -> bool:
        """A screen of advisor mode (sessions, scenarios) or a dialog is on top:
        it is redrawn where it is rather than replaced by the interview's place
        (F2 on the sessions screen must not leave it; an open note must not be lost)."""
        from textual.screen import ModalScreen

        screen = self.app.screen
        if isinstance(screen, ModalScreen):
            return True
        if self.host.advisor is None:
            return False
        from alternance_tui.tui.advisor.compare import CompareScreen
        from alternance_tui.tui.advisor.sessions import SessionsScreen

        if isinstance(screen, SessionsScreen | CompareScreen):
            if screen.is_mounted:
                screen.show_state()
            return True
        return False

    def advisor_help(self) -> str:
        """F1's list of keys, completed with advisor mode's ("" outside it)."""
        return "" if self.host.advisor is None else "\n" + a(self.host.lang, "help_keys")

    # --- sessions ---------------------------------------------------------------------

    def session_rows(self) -> list[SessionRow]:
        from alternance_tui.sessions.listing import rows

        store = self.host.autosave.store
        if store is None:
            return []
        # The advisor's sessions only (no autosave), as `sessions list` gives them.
        return rows(store, self.host.lang, self.host.bundle)

    def sessions_version(self) -> int:
        store = self.host.autosave.store
        if store is None:
            return 0
        try:
            # A save is a rename into the folder, a delete an unlink: both change it.
            return store.directory.stat().st_mtime_ns
        except OSError:
            return 0

    def _leave_sessions(self) -> None:
        from alternance_tui.tui.advisor.sessions import SessionsScreen

        if isinstance(self.app.screen, SessionsScreen):
            self.app.pop_screen()

    def open_session(self, name: str) -> None:
        store, interview, state = self.host.autosave.store, self.host.interview, self.host.advisor
        if store is None or interview is None or state is None:
            return
        loaded = store.load(name, lang=self.host.lang)
        session = loaded.session
        if session is None:
            self.app.notify(loaded.warning or a(self.host.lang, "session_missing", name=name))
            return
        if not self.host.autosave.hold(name):
            self.app.notify(a(self.host.lang, "session_in_use", name=name), severity="warning")
            return
        state.take(session)
        state.name = session.name or name
        interview.answers.clear()
        interview.drafts.clear()
        if not self.host.options.lang_given and session.lang in interview.flow.languages:
            interview.lang = self.host.lang = session.lang
        problems = interview.load_answers(state.active_answers(session))
        if problems:
            lines = "\n".join(f"• {p.question}: {p.message}" for p in problems)
            self.app.notify(f"{a(self.host.lang, 'answers_dropped')}\n{lines}", severity="warning")
        self._leave_sessions()
        current = session.current
        if interview.answers:
            self.host.step(lambda i: i.open_on(current), save=False)
        else:
            self.host.step(lambda i: i.begin(), save=False)

    def _refused(self, name: str) -> bool:
        """Whether ``name`` cannot name a session (sessions/names.py), said if so."""
        from alternance_tui.sessions.store import name_problem, refusal

        problem = name_problem(name)
        if problem is not None:
            self.app.notify(refusal(name, problem, self.host.lang), severity="warning")
        return problem is not None

    def new_session(self, name: str) -> None:
        from alternance_tui.sessions.advisor_state import AdvisorState

        store, interview = self.host.autosave.store, self.host.interview
        if store is None or interview is None or self.host.advisor is None:
            return
        if self._refused(name):
            return
        if store.exists(name) or not self.host.autosave.hold(name):
            self.app.notify(a(self.host.lang, "name_taken", name=name), severity="warning")
            return
        self.host.advisor = AdvisorState(name=name, rules_version=self.host.advisor.rules_version)
        if self.host.settings is not None:
            self.host.advisor.notes_on_handout = self.host.settings.advisor.notes_on_handout
        interview.answers.clear()
        interview.drafts.clear()
        session = self.host.session()
        if session is not None:
            store.save(session, name)
        self._leave_sessions()
        self.host.step(lambda i: i.begin(), save=False)

    def rename_session(self, old: str, new: str) -> None:
        store = self.host.autosave.store
        if store is None:
            return
        if self._refused(new):
            return
        if self.host.autosave.in_use_elsewhere(old):
            self.app.notify(a(self.host.lang, "session_in_use", name=old), severity="warning")
            return
        try:
            store.rename(old, new)
        except FileExistsError:
            self.app.notify(a(self.host.lang, "name_taken", name=new), severity="warning")
            return
        except (FileNotFoundError, OSError) as exc:
            self.app.notify(str(exc), severity="error")
            return
        if self.host.advisor is not None and store.path(self.host.autosave.name) == store.path(old):
            self.host.advisor.name = new
            self.host.autosave.hold(new)

    def delete_session(self, name: str) -> None:
        from alternance_tui.sessions.bin import SessionBin

        store, lang = self.host.autosave.store, self.host.lang
        if store is None:
            return
        if self.host.autosave.in_use_elsewhere(name):
            self.app.notify(a(lang, "session_in_use", name=name), severity="warning")
            return
        held = store.load(name, lang=lang).session
        shown = held.name if held is not None and held.name else name
        try:
            self._binned.append(SessionBin(store.directory).put(store.path(name)))
        except OSError as exc:
            self.app.notify(str(exc.strerror or exc), severity="error")
            return
        if store.path(self.host.autosave.name) == store.path(name):
            # The open session is gone: nothing more is written under its name.
            self.host.autosave.let_go(back_to_autosave=True)
        self.app.notify(a(lang, "deleted", name=shown), timeout=10)

    def undo_delete(self) -> None:
        """U on the sessions: the last session deleted in this window comes back."""
        from alternance_tui.sessions.bin import SessionBin

        store, lang = self.host.autosave.store, self.host.lang
        if store is None or not self._binned:
            self.app.notify(a(lang, "nothing_to_restore"))
            return
        binned = self._binned[-1]
        try:
            SessionBin(store.directory).restore(binned)
        except FileExistsError:
            self.app.notify(a(lang, "restore_taken", name=binned.stem), severity="warning")
            return
        except OSError as exc:
            self.app.notify(str(exc.strerror or exc), severity="error")
            return
        self._binned.pop()
        loaded = store.load(binned.stem, lang=lang).session
        name = loaded.name if loaded is not None and loaded.name else binned.stem
        self.app.notify(a(lang, "restored", name=name))

    def sessions(self) -> None:
        from alternance_tui.tui.advisor.sessions import SessionsScreen

        if self.host.advisor is None or isinstance(self.app.screen, SessionsScreen):
            return
        self.host.save_now()
        self._show("sessions")

    # --- notes ---------------------------------------------------------------------------

    def notes(self) -> None:
        from alternance_tui.tui.widgets.dialogs import NotesScreen

        state = self.host.advisor
        if state is None or self.host.interview is None:
            return

        def kept(result: tuple[str, bool] | None) -> None:
            if result is not None and state is self.host.advisor:
                state.notes, state.notes_on_handout = result
                self.host.autosave.write()  # on disk before the screen below is drawn again

        self.app.push_screen(NotesScreen(state.notes, state.notes_on_handout, self.host.lang), kept)

    # --- scenarios -------------------------------------------------------------------------

    def scenario_answers(self) -> dict[str, dict[str, object]]:
        if self.host.advisor is None or self.host.interview is None:
            return {}
        return dict(self.host.advisor.all_answers(self.host.interview))

    def new_scenario(self) -> None:
        state, interview = self.host.advisor, self.host.interview
        if state is None or interview is None:
            return
        letter = state.duplicate(interview)
        if letter is None:
            self.app.notify(a(self.host.lang, "scenarios_full"), severity="warning")
            return
        self.app.notify(a(self.host.lang, "scenario_editing", letter=letter), timeout=6)
        self._leave_compare()
        self.host.step(lambda i: i.review(), new_visit=False)

    def edit_scenario(self, letter: str) -> None:
        state, interview = self.host.advisor, self.host.interview
        if state is None or interview is None:
            return
        if letter != state.active and not state.switch(interview, letter):
            return
        self.app.notify(a(self.host.lang, "scenario_editing", letter=letter), timeout=6)
        self._leave_compare()
        self.host.step(lambda i: i.review(), new_visit=False)

    def drop_scenario(self) -> None:
        """On the comparison, "-": the scenario being edited goes; the comparison stays."""
        state, interview = self.host.advisor, self.host.interview
        if state is None or interview is None or state.drop(interview) is None:
            return
        self.host.autosave.write()
        from alternance_tui.tui.advisor.compare import CompareScreen

        screen = self.app.screen
        if isinstance(screen, CompareScreen):
            screen.show_state()

    def _leave_compare(self) -> None:
        from alternance_tui.tui.advisor.compare import CompareScreen

        if isinstance(self.app.screen, CompareScreen):
            self.app.pop_screen()

    def compare(self) -> None:
        from alternance_tui.tui.advisor.compare import CompareScreen

        if self.host.advisor is None or self.host.interview is None or self.host.bundle is None:
            return
        if isinstance(self.app.screen, CompareScreen):
            return
        # Kept once built (screens.py): shown again, it only redraws its text,
        # which keeps the comparison within its 50 ms (benchmarks/bench_compare.py).
        self._show("compare")

    def _show(self, name: str) -> None:
        """Push advisor mode's screen ``name`` (screens.py), redrawn if it was shown before."""
        from alternance_tui.tui.base import Page

        app = self.app
        screen = app.get_screen(name)
        if screen.is_mounted and isinstance(screen, Page):
            screen.show_state()
        if screen in app.screen_stack:  # under the other one: back to it
            while app.screen is not screen:
                app.pop_screen()
            return
        app.push_screen(name)

    # --- the results' words -------------------------------------------------------------

    def show_glossary(self) -> bool:
        """F1 on the results: the glossary; False elsewhere (the app's own help then)."""
        from alternance_tui.tui.pages.results import ResultsScreen
        from alternance_tui.tui.widgets.dialogs import GlossaryScreen

        if not isinstance(self.app.screen, ResultsScreen):
            return False
        self.app.push_screen(GlossaryScreen(self.host.lang))
        return True

    # --- handout ----------------------------------------------------------------------------

    def handout(self) -> None:
        """F6: the handout (advisor/handout.py says where it goes: a file named at a
        terminal, a download in a browser, none in a kiosk)."""
        from alternance_tui.tui.advisor.handout import Handout

        Handout(self.app).give()
