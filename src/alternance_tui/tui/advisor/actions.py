"""Advisor mode in the app: named sessions, notes, scenarios, the handout.

A mixin of the app (``AlternanceApp``), so that app.py only gains its keys
and a few hooks; the state is an ``AdvisorState`` (pure, advisor_state.py) and
the work below the UI lives in sessions.py and advice/compare.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from alternance_tui.tui.privacy import PrivacyMixin
from alternance_tui.wording.catalogue.advisor import ADVISOR as a

if TYPE_CHECKING:
    import datetime as dt

    from alternance_tui.advice.model import Bundle
    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.advisor_state import AdvisorState
    from alternance_tui.sessions.settings import Settings
    from alternance_tui.sessions.store import Session
    from alternance_tui.tui.autosave import Autosave
    from alternance_tui.tui.options import TuiOptions


class AdvisorHost(Protocol):
    """What the sessions and comparison screens ask of the app."""

    def session_rows(self) -> list[tuple[str, str, str]]: ...
    def open_session(self, name: str) -> None: ...
    def new_session(self, name: str) -> None: ...
    def rename_session(self, old: str, new: str) -> None: ...
    def delete_session(self, name: str) -> None: ...
    def new_scenario(self) -> None: ...
    def edit_scenario(self, letter: str) -> None: ...
    def drop_scenario(self) -> None: ...
    def scenario_answers(self) -> dict[str, dict[str, object]]: ...


class AdvisorMixin(PrivacyMixin):
    """Advisor mode's actions; every one does nothing outside advisor mode."""

    if TYPE_CHECKING:
        advisor: AdvisorState | None
        settings: Settings | None
        autosave: Autosave
        interview: Interview | None
        bundle: Bundle | None
        options: TuiOptions
        lang: str
        as_of: dt.date
        flow_path: Path

        def _step(
            self, move: Callable[[Interview], object], *, new_visit: bool = ..., save: bool = ...
        ) -> None: ...
        def save_now(self) -> None: ...
        def _session(self) -> Session | None: ...

    def over_the_interview(self) -> bool:
        """A screen of advisor mode (sessions, scenarios) or a dialog is on top:
        it is redrawn where it is rather than replaced by the interview's place
        (F2 on the sessions screen must not leave it; an open note must not be lost)."""
        from textual.screen import ModalScreen

        screen = getattr(self, "screen", None)
        if isinstance(screen, ModalScreen):
            return True
        if self.advisor is None:
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
        return "" if self.advisor is None else "\n" + a(self.lang, "help_keys")

    # --- sessions ---------------------------------------------------------------------

    def session_rows(self) -> list[tuple[str, str, str]]:
        from alternance_tui.sessions.advising import progress

        store = self.autosave.store
        if store is None:
            return []
        rows = []
        for name in store.named():
            session = store.load(name, lang=self.lang).session
            if session is None:
                continue
            answered, complete = progress(session, self.bundle)
            done = a(self.lang, "progress_done") if complete else ""
            scenarios = len(session.scenarios) + 1
            shown = a(self.lang, "progress", answers=answered, done=done)
            if scenarios > 1:
                shown += a(self.lang, "progress_scenarios", count=scenarios)
            rows.append((session.name or name, session.saved_at.replace("T", " ")[:16], shown))
        return rows

    def _leave_sessions(self) -> None:
        from alternance_tui.tui.advisor.sessions import SessionsScreen

        if isinstance(getattr(self, "screen", None), SessionsScreen):
            self.pop_screen()

    def open_session(self, name: str) -> None:
        store, interview, state = self.autosave.store, self.interview, self.advisor
        if store is None or interview is None or state is None:
            return
        loaded = store.load(name, lang=self.lang)
        session = loaded.session
        if session is None:
            self.notify(loaded.warning or a(self.lang, "session_missing", name=name))
            return
        if not self.autosave.hold(name):
            self.notify(a(self.lang, "session_in_use", name=name), severity="warning")
            return
        state.take(session)
        state.name = session.name or name
        interview.answers.clear()
        interview.drafts.clear()
        if not self.options.lang_given and session.lang in interview.flow.languages:
            interview.lang = self.lang = session.lang
        problems = interview.load_answers(state.active_answers(session))
        if problems:
            lines = "\n".join(f"• {p.question}: {p.message}" for p in problems)
            self.notify(f"{a(self.lang, 'answers_dropped')}\n{lines}", severity="warning")
        self._leave_sessions()
        current = session.current
        if interview.answers:
            self._step(lambda i: i.open_on(current), save=False)
        else:
            self._step(lambda i: i.begin(), save=False)

    def new_session(self, name: str) -> None:
        from alternance_tui.sessions.advisor_state import AdvisorState
        from alternance_tui.sessions.store import safe_name

        store, interview = self.autosave.store, self.interview
        if store is None or interview is None or self.advisor is None:
            return
        if not safe_name(name):
            self.notify(a(self.lang, "name_unusable", name=name), severity="warning")
            return
        if store.exists(name) or not self.autosave.hold(name):
            self.notify(a(self.lang, "name_taken", name=name), severity="warning")
            return
        self.advisor = AdvisorState(name=name, rules_version=self.advisor.rules_version)
        if self.settings is not None:
            self.advisor.notes_on_handout = self.settings.advisor.notes_on_handout
        interview.answers.clear()
        interview.drafts.clear()
        session = self._session()
        if session is not None:
            store.save(session, name)
        self._leave_sessions()
        self._step(lambda i: i.begin(), save=False)

    def rename_session(self, old: str, new: str) -> None:
        from alternance_tui.sessions.store import safe_name

        store = self.autosave.store
        if store is None:
            return
        if not safe_name(new):
            self.notify(a(self.lang, "name_unusable", name=new), severity="warning")
            return
        if self.autosave.in_use_elsewhere(old):
            self.notify(a(self.lang, "session_in_use", name=old), severity="warning")
            return
        try:
            store.rename(old, new)
        except FileExistsError:
            self.notify(a(self.lang, "name_taken", name=new), severity="warning")
            return
        except (FileNotFoundError, OSError) as exc:
            self.notify(str(exc), severity="error")
            return
        if self.advisor is not None and store.path(self.autosave.name) == store.path(old):
            self.advisor.name = new
            self.autosave.hold(new)

    def delete_session(self, name: str) -> None:
        store = self.autosave.store
        if store is None:
            return
        if self.autosave.in_use_elsewhere(name):
            self.notify(a(self.lang, "session_in_use", name=name), severity="warning")
            return
        store.delete(name)
        if store.path(self.autosave.name) == store.path(name):
            # The open session is gone: nothing more is written under its name.
            self.autosave.let_go(back_to_autosave=True)

    def action_sessions(self) -> None:
        from alternance_tui.tui.advisor.sessions import SessionsScreen

        if self.advisor is None or isinstance(getattr(self, "screen", None), SessionsScreen):
            return
        self.save_now()
        self.push_screen(SessionsScreen())

    # --- notes ---------------------------------------------------------------------------

    def action_notes(self) -> None:
        from alternance_tui.tui.widgets.dialogs import NotesScreen

        state = self.advisor
        if state is None or self.interview is None:
            return

        def kept(result: tuple[str, bool] | None) -> None:
            if result is not None and state is self.advisor:
                state.notes, state.notes_on_handout = result
                self.autosave.write()  # on disk before the screen below is drawn again

        self.push_screen(NotesScreen(state.notes, state.notes_on_handout, self.lang), kept)

    # --- scenarios -------------------------------------------------------------------------

    def scenario_answers(self) -> dict[str, dict[str, object]]:
        if self.advisor is None or self.interview is None:
            return {}
        return dict(self.advisor.all_answers(self.interview))

    def new_scenario(self) -> None:
        state, interview = self.advisor, self.interview
        if state is None or interview is None:
            return
        letter = state.duplicate(interview)
        if letter is None:
            self.notify(a(self.lang, "scenarios_full"), severity="warning")
            return
        self.notify(a(self.lang, "scenario_editing", letter=letter), timeout=6)
        self._leave_compare()
        self._step(lambda i: i.review(), new_visit=False)

    def edit_scenario(self, letter: str) -> None:
        state, interview = self.advisor, self.interview
        if state is None or interview is None:
            return
        if letter != state.active and not state.switch(interview, letter):
            return
        self.notify(a(self.lang, "scenario_editing", letter=letter), timeout=6)
        self._leave_compare()
        self._step(lambda i: i.review(), new_visit=False)

    def drop_scenario(self) -> None:
        """On the comparison, "-": the scenario being edited goes; the comparison stays."""
        state, interview = self.advisor, self.interview
        if state is None or interview is None or state.drop(interview) is None:
            return
        self.autosave.write()
        from alternance_tui.tui.advisor.compare import CompareScreen

        screen = getattr(self, "screen", None)
        if isinstance(screen, CompareScreen):
            screen.show_state()

    def _leave_compare(self) -> None:
        from alternance_tui.tui.advisor.compare import CompareScreen

        if isinstance(getattr(self, "screen", None), CompareScreen):
            self.pop_screen()

    def action_compare(self) -> None:
        from alternance_tui.tui.advisor.compare import CompareScreen

        if self.advisor is None or self.interview is None or self.bundle is None:
            return
        if isinstance(getattr(self, "screen", None), CompareScreen):
            return
        # Installed once and kept: shown again, it only redraws its text, which
        # keeps the comparison within its 50 ms (benchmarks/bench_compare.py).
        if not self.is_screen_installed("compare"):
            self.install_screen(CompareScreen(), "compare")
        screen = self.get_screen("compare")
        if screen.is_mounted:
            assert isinstance(screen, CompareScreen)
            screen.show_state()
        self.push_screen("compare")

    # --- the results' words -------------------------------------------------------------

    def show_glossary(self) -> bool:
        """F1 on the results: the glossary; False elsewhere (the app's own help then)."""
        from alternance_tui.tui.pages.results import ResultsScreen
        from alternance_tui.tui.widgets.dialogs import GlossaryScreen

        if not isinstance(getattr(self, "screen", None), ResultsScreen):
            return False
        self.push_screen(GlossaryScreen(self.lang))
        return True

    # --- handout ----------------------------------------------------------------------------

    def action_handout(self) -> None:
        """F6: the handout of the answers shown, in the language shown, to a file:
        the documents folder by default; an existing file is never replaced unasked."""
        from alternance_tui.sessions.advising import default_handout_name, documents_dir
        from alternance_tui.tui.widgets.dialogs import AskScreen

        if self.interview is None or self.bundle is None:
            return
        if self.options.kiosk:
            self.notify(a(self.lang, "handout_kiosk"), severity="warning")
            return
        lang = self.lang
        state = self.advisor
        name = state.name if state is not None else ""
        with_notes = state is not None and state.notes_on_handout and bool(state.notes.strip())
        folder = documents_dir()
        if self.settings is not None and self.settings.advisor.handout_folder:
            folder = Path(self.settings.advisor.handout_folder).expanduser()
        suggested = folder / default_handout_name(name, lang, "html")
        hint = a(lang, "handout_hint", notes=a(lang, "yes" if with_notes else "no"))

        def chosen(path: str | None) -> None:
            if path:
                self._handout_to(Path(path).expanduser(), lang, with_notes)

        self.push_screen(AskScreen(a(lang, "handout_path"), str(suggested), hint), chosen)

    def _handout_to(self, path: Path, lang: str, with_notes: bool) -> None:
        from alternance_tui.tui.widgets.dialogs import ConfirmScreen

        if path.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._write_handout(path, lang, with_notes)

            self.push_screen(ConfirmScreen(a(lang, "handout_overwrite", path=path)), confirmed)
            return
        self._write_handout(path, lang, with_notes)

    def _write_handout(self, path: Path, lang: str, with_notes: bool) -> None:
        from alternance_tui.sessions.advising import ExportProblem, handout_of
        from alternance_tui.sessions.store import write_atomic

        interview, bundle, state = self.interview, self.bundle, self.advisor
        if interview is None or bundle is None:
            return
        fmt = {".md": "markdown", ".json": "json"}.get(path.suffix.lower(), "html")
        try:
            from alternance_tui.sessions.advising import recommendation

            rec = recommendation(bundle, interview.answers_json(), lang, self.as_of)
            text = handout_of(
                rec,
                bundle,
                fmt,
                name=state.name if state is not None else "",
                notes=state.notes if (state is not None and with_notes) else "",
            )
            write_atomic(path, text)
        except (ExportProblem, OSError) as exc:
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self.notify(a(lang, "handout_failed", error=error), severity="error", timeout=10)
            return
        self.notify(a(lang, "handout_saved", path=path), timeout=10)
