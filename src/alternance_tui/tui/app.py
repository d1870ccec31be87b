"""The Textual app: the interview from the welcome screen to the results.

Start-up is kept close to a bare Textual app: the welcome screen is drawn from
cached facts (facts.py) and the flow engine, the question screens and then
the advice engine load in a thread once it is on screen. Answers given up
front (``--answers``, ``--resume``) need the flow at once, so they load it
before the first frame instead.

Where the person is and where each key leads is decided by
``alternance_tui.interview`` (pure, unit-tested); this module connects it to
the screens, the disk (autosave) and the terminal (size, theme, language).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size

from alternance_tui.paths import default_flow_path
from alternance_tui.tui.facts import (
    WelcomeFacts,
    cached_facts,
    facts_of,
    remember_facts,
)
from alternance_tui.tui.texts import other, t
from alternance_tui.tui.themes import HIGH_CONTRAST, HIGH_CONTRAST_THEME, NAME_KEYS, ORDER

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.cli import TuiOptions
    from alternance_tui.interview import Interview
    from alternance_tui.store import Session, SessionStore
    from alternance_tui.tui.base import Page
    from alternance_tui.tui.small import TooSmallScreen

MINIMUM = Size(60, 20)
EXIT_BAD_INPUT = 2
AUTOSAVE_DELAY = 0.3  # seconds of quiet before the session is written
RESTART_WINDOW = 3.0  # seconds within which a second Ctrl+N confirms
BACKGROUND_DELAY = 0.05  # seconds after the first frame before loading the flow

ScreenName = Literal["welcome", "question", "review", "results"]


class StartProblem(Exception):
    """The app cannot start; each line says what and how to fix it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def load_flow_bundle(path: Path) -> Bundle:
    from alternance_tui.advice.load import load_bundle
    from alternance_tui.flow.problems import FlowError

    try:
        return load_bundle(path)
    except FlowError as exc:
        raise StartProblem(exc.lines()) from None
    except OSError as exc:
        raise StartProblem([f"{path}: cannot read it ({exc.strerror or exc})"]) from None


class AlternanceApp(App[int]):
    # Absolute, so that subclasses (tests, benchmarks) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "alternance"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("f2", "language", "Language", show=False, priority=True),
        Binding("f3", "theme", "Theme", show=False, priority=True),
        Binding("ctrl+n", "restart", "Start again", show=False, priority=True),
        Binding("escape", "step_back", "Back", show=False),
        # A text field takes Backspace first, so it only goes back elsewhere.
        Binding("backspace", "step_back", "Back", show=False),
    ]

    def __init__(
        self,
        options: TuiOptions,
        facts: WelcomeFacts,
        flow_path: Path,
        bundle: Bundle | None = None,
        *,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.options = options
        self.lang = options.lang
        self.facts = facts
        self.flow_path = flow_path
        self.as_of = options.as_of or dt.date.today()
        self.bundle = bundle
        self.interview: Interview | None = None
        self.help_open = False
        # Counts moves between questions: a new visit reloads a question's widget.
        self.visit = 0
        self.resume_offer: tuple[int, str] | None = None
        self._offered: Session | None = None
        self._keep_previous: Session | None = None
        self._store: SessionStore | None = None
        self._notices: list[tuple[str, Literal["information", "warning", "error"]]] = []
        self._start_requested = False
        self._restart_asked = 0.0
        self._too_small = False
        self._small: TooSmallScreen | None = None
        self._screens: dict[ScreenName, Page] = {}
        self._results_key: object = None
        self._save_timer: Any = None
        self.register_theme(HIGH_CONTRAST_THEME)
        self.theme = theme if theme in ORDER else ORDER[0]
        if bundle is not None:
            self._prepare(bundle)

    # --- start-up -----------------------------------------------------------------

    @property
    def store(self) -> SessionStore | None:
        """Where sessions are saved; None in kiosk and ephemeral modes, which use no file."""
        if self.options.kiosk or self.options.ephemeral:
            return None
        if self._store is None:
            from alternance_tui.store import SessionStore

            self._store = SessionStore()
        return self._store

    def _prepare(self, bundle: Bundle) -> None:
        """The interview for ``bundle``, with the answers given on the command line."""
        from alternance_tui.interview import Interview

        self.bundle = bundle
        interview = Interview(bundle.flow, lang=self.lang)
        self.interview = interview
        current: str | None = None
        given = False
        if self.options.resume is not None:
            session = self._read_session(self.options.resume, announce_missing=True)
            if session is not None:
                current = session.current
                given = self._adopt(session)
        if self.options.answers:
            name = self.options.answers_file or "--answers"
            problems = interview.load_answers(self.options.answers)
            if problems:
                lines = [f"• {p.question}: {p.message}" for p in problems]
                self._notices.append(
                    ("\n".join([t(self.lang, "answers_problems", file=name), *lines]), "warning")
                )
            given = True
        if given:
            interview.open_on(current)

    def _read_session(self, name: str, *, announce_missing: bool) -> Session | None:
        store = self.store
        if store is None:
            return None
        loaded = store.load(name or store.AUTOSAVE)
        if loaded.warning:
            self._notices.append((loaded.warning, "warning"))
        session = loaded.session
        if session is None:
            if announce_missing:
                shown = f" ({name})" if name else ""
                self._notices.append((t(self.lang, "resume_none", name=shown), "information"))
            return None
        assert self.interview is not None
        if session.flow_id != self.interview.flow.id:
            self._notices.append(
                (t(self.lang, "session_other_flow", flow=session.flow_id), "warning")
            )
            return None
        return session

    def _adopt(self, session: Session) -> bool:
        """Take a saved session's answers; those that no longer fit are reported."""
        interview = self.interview
        assert interview is not None
        if not self.options.lang_given and session.lang in interview.flow.languages:
            # Resuming goes on in the session's language unless --lang said otherwise.
            self.lang = interview.lang = session.lang
        problems = interview.load_answers(session.answers)
        interview.drafts.update(
            {k: v for k, v in session.drafts.items() if k in interview.flow.questions}
        )
        if problems:
            lines = [f"• {p.question}: {p.message}" for p in problems]
            self._notices.append(
                ("\n".join([t(self.lang, "answers_problems", file="session"), *lines]), "warning")
            )
        self._notices.append((t(self.lang, "resumed", count=len(interview.answers)), "information"))
        return True

    def on_mount(self) -> None:
        self.set_class(self.theme == HIGH_CONTRAST, "-high-contrast")
        place: ScreenName = self.interview.place if self.interview is not None else "welcome"
        self.push_screen(self._screen(place))
        self._check_size(self.size)
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)
        self._notices.clear()

    def on_ready(self) -> None:
        # The first frame is queued: once the terminal has it (the writer thread
        # needs the GIL the loading would hold), load what the next screens need.
        self.set_timer(BACKGROUND_DELAY, self._load_in_background)

    @work(thread=True, exit_on_error=False, group="start")
    def _load_in_background(self) -> None:
        bundle = self.bundle
        if bundle is None:
            try:
                bundle = load_flow_bundle(self.flow_path)
            except StartProblem as exc:
                self.call_from_thread(self._failed, exc.lines)
                return
            except Exception as exc:  # never a traceback in front of a person
                self.call_from_thread(self._failed, [f"{type(exc).__name__}: {exc}"])
                return
            remember_facts(self.flow_path, facts_of(bundle))
        # Imported here, off the first frame, so that the first question is quick.
        import alternance_tui.tui.question
        import alternance_tui.tui.review

        if self.bundle is None:
            self.call_from_thread(self._flow_ready, bundle)
        if self.options.resume is None and not self.options.answers and self.store is not None:
            # A damaged autosave is set aside here, with a warning to show.
            session = self._read_session("", announce_missing=False)
            self.call_from_thread(self._offer_resume, session)
        # Warm the advice engine and the results screen while the person reads.
        import alternance_tui.advice.engine
        import alternance_tui.tui.results  # noqa: F401

    def _flow_ready(self, bundle: Bundle) -> None:
        self._prepare(bundle)
        if self._start_requested:
            self.action_start()

    def _offer_resume(self, session: Session | None) -> None:
        self._flush_notices()
        if session is None or not session.answers:
            return
        self._offered = session
        self._keep_previous = session
        when = session.saved_at.replace("T", " ")[:16] if session.saved_at else "?"
        self.resume_offer = (len(session.answers), when)
        welcome = self._screens.get("welcome")
        if welcome is not None and welcome.is_mounted:
            welcome.show_state()

    def _failed(self, lines: Sequence[str]) -> None:
        from alternance_tui.tui.small import ProblemScreen

        text = "\n".join(
            [t(self.lang, "flow_failed"), "", *lines, "", t(self.lang, "flow_failed_hint")]
        )
        self.switch_screen(ProblemScreen(text))

    def _flush_notices(self) -> None:
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)
        self._notices.clear()

    # --- screens --------------------------------------------------------------------

    def _screen(self, name: ScreenName) -> Page:
        screen = self._screens.get(name)
        if screen is None:
            if name == "welcome":
                from alternance_tui.tui.welcome import WelcomeScreen

                screen = WelcomeScreen()
            elif name == "question":
                from alternance_tui.tui.question import QuestionScreen

                screen = QuestionScreen()
            elif name == "review":
                from alternance_tui.tui.review import ReviewScreen

                screen = ReviewScreen()
            else:
                from alternance_tui.tui.results import ResultsScreen

                screen = ResultsScreen()
                self._results_key = None
            self.install_screen(screen, name)
            self._screens[name] = screen
        if name == "results":
            self._refresh_results()
        return screen

    def sync(self) -> None:
        """Show the place the interview is at, drawn from its current state."""
        if self._too_small:
            return
        place: ScreenName = self.interview.place if self.interview is not None else "welcome"
        screen = self._screen(place)
        if self.screen is not screen:
            self.switch_screen(screen)
        if screen.is_mounted:
            screen.show_state()

    def _refresh_results(self) -> None:
        interview, bundle = self.interview, self.bundle
        screen = self._screens.get("results")
        if interview is None or bundle is None or screen is None:
            return
        applicable = interview.applicable()
        key = (self.lang, self.as_of, tuple(sorted(applicable.items(), key=lambda kv: kv[0])))
        if key == self._results_key:
            return
        self._results_key = key
        from alternance_tui.tui.results import ResultsScreen
        from alternance_tui.tui.resultview import compute_results

        assert isinstance(screen, ResultsScreen)
        try:
            view, problem = compute_results(bundle, applicable, self.as_of, self.lang)
        except Exception as exc:  # a bug in the advice: say so on screen, keep the answers
            view, problem = None, f"{type(exc).__name__}: {exc}"
        screen.show_view(view, t(self.lang, "results_failed", message=problem) if problem else "")

    # --- size -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Before on_mount there is no screen of ours to cover yet.
        if self._screens:
            self._check_size(event.size)

    def _check_size(self, size: Size) -> None:
        small = size.width < MINIMUM.width or size.height < MINIMUM.height
        if small and self._small is None:
            from alternance_tui.tui.small import TooSmallScreen

            # A new one each time: a popped screen that is not installed is gone.
            self._small = TooSmallScreen(MINIMUM)
            self._too_small = True
            self.push_screen(self._small)
        if small and self._small is not None:
            self._small.show_size(size, self.lang)
        elif not small and self._small is not None:
            self._small = None
            self._too_small = False
            self.pop_screen()
            self.sync()

    # --- what the screens call ----------------------------------------------------------

    def answer(self, value: Any) -> None:
        if self.interview is None or self._too_small:
            return
        from alternance_tui.flow.answers import AnswerError  # loaded with the interview

        try:
            self.interview.answer(value)
        except AnswerError:
            return  # not an answer to the question shown (see Interview.answer)
        self.visit += 1
        self.changed()
        self.sync()

    def keep(self, value: Any) -> None:
        if self.interview is not None:
            from alternance_tui.flow.answers import AnswerError

            try:
                self.interview.keep(value)
            except AnswerError:
                return
            self.changed()

    def edit(self, question_id: str) -> None:
        if self.interview is None or self._too_small:
            return
        self.interview.edit(question_id)
        self.visit += 1
        self.changed()
        self.sync()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.interview is not None:
            self.interview.lang = lang
        if self._small is not None:
            self._small.show_size(self.size, lang)
        if "results" in self._screens:
            self._refresh_results()
        self.changed()
        self.sync()

    # --- actions (keys) -------------------------------------------------------------------

    def action_start(self) -> None:
        if self._too_small:
            return
        if self.interview is None:
            self._start_requested = True
            return
        self.interview.begin()
        self.visit += 1
        self.changed()
        self.sync()

    def action_resume(self) -> None:
        session = self._offered
        if session is None or self.interview is None:
            return
        self._offered = None
        self._keep_previous = None
        self.resume_offer = None
        self._adopt(session)
        self._flush_notices()
        self.interview.open_on(session.current)
        self.visit += 1
        self.sync()

    def action_step_back(self) -> None:
        if self.interview is None or self._too_small:
            return
        self.interview.back()
        self.visit += 1
        self.changed()
        self.sync()

    def action_review(self) -> None:
        if self.interview is None or self._too_small:
            return
        self.interview.review()
        self.changed()
        self.sync()

    def action_results(self) -> None:
        if self.interview is None or self._too_small:
            return
        self.interview.results()
        self.visit += 1
        self.changed()
        self.sync()

    def action_language(self) -> None:
        self.set_language(other(self.lang))

    def action_theme(self) -> None:
        index = ORDER.index(self.theme) if self.theme in ORDER else -1
        self.theme = ORDER[(index + 1) % len(ORDER)]
        self.set_class(self.theme == HIGH_CONTRAST, "-high-contrast")
        name = t(self.lang, NAME_KEYS[self.theme])
        self.notify(t(self.lang, "theme_changed", name=name), timeout=3)

    def action_help(self) -> None:
        from alternance_tui.tui.question import QuestionScreen

        if isinstance(self.screen, QuestionScreen):
            self.screen.toggle_help()
            return
        key = "help_keys_kiosk" if self.options.kiosk else "help_keys"
        self.notify(t(self.lang, key), title=t(self.lang, "help_screen_title"), timeout=10)

    def action_restart(self) -> None:
        if self.interview is None or self._too_small:
            return
        now = time.monotonic()
        if now - self._restart_asked > RESTART_WINDOW:
            self._restart_asked = now
            self.notify(t(self.lang, "restart_confirm"), timeout=RESTART_WINDOW)
            return
        self._restart_asked = 0.0
        if self.interview.answers:
            # Set aside, not thrown away: `alternance --resume previous` brings it back.
            self._keep_previous = self._session()
        self.interview.restart()
        self.visit += 1
        self.changed()
        self.sync()

    async def action_quit(self) -> None:
        if self.options.kiosk:
            return
        self.save_now()
        self.exit(0)

    def action_help_quit(self) -> None:
        if self.options.kiosk:
            return
        super().action_help_quit()

    # --- saving -------------------------------------------------------------------------

    def _session(self) -> Session:
        from alternance_tui.store import Session

        interview = self.interview
        assert interview is not None
        return Session(
            flow_id=interview.flow.id,
            answers=interview.answers_json(),
            lang=self.lang,
            current=interview.current if interview.place == "question" else None,
            drafts=dict(interview.drafts),
        )

    def changed(self) -> None:
        """Something a person did: save it shortly (debounced, off the UI thread)."""
        if self.store is None or self.interview is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self._save_soon)

    def _save_soon(self) -> None:
        self._save_timer = None
        if self.interview is not None:
            self._write(self._session(), self._keep_previous)
            self._keep_previous = None

    @work(thread=True, exclusive=False, group="autosave", exit_on_error=False)
    def _write(self, session: Session, previous: Session | None) -> None:
        self._write_now(session, previous)

    def _write_now(self, session: Session, previous: Session | None) -> None:
        store = self.store
        if store is None:
            return
        try:
            if previous is not None:
                store.save(previous, "previous")
            store.save(session)
        except OSError as exc:
            message = t(self.lang, "autosave_failed", error=exc.strerror or exc)
            self.call_from_thread(self.notify, message, severity="warning")

    def save_now(self) -> None:
        """Write the session at once (on quitting)."""
        if self.store is None or self.interview is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        store = self.store
        try:
            if self._keep_previous is not None:
                store.save(self._keep_previous, "previous")
                self._keep_previous = None
            if self.interview.answers or self.interview.drafts:
                store.save(self._session())
        except OSError as exc:
            print(
                f"alternance: {t(self.lang, 'autosave_failed', error=exc.strerror or exc)}",
                file=sys.stderr,
            )


def build_app(options: TuiOptions, *, theme: str | None = None) -> AlternanceApp:
    """The app for ``options``; raises StartProblem when the flow cannot be used."""
    flow_path = options.flow or default_flow_path()
    facts = cached_facts(flow_path)
    bundle = None
    if facts is None or options.answers or options.resume is not None:
        bundle = load_flow_bundle(flow_path)
        facts = facts_of(bundle)
        remember_facts(flow_path, facts)
    return AlternanceApp(options, facts, flow_path, bundle, theme=theme)


def run(options: TuiOptions) -> int:
    try:
        app = build_app(options)
    except StartProblem as exc:
        for line in exc.lines:
            print(f"alternance: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    code = app.run()
    app.save_now()
    return code or 0
