"""The Textual app: the interview from the welcome screen to the results.

Start-up is kept close to a bare Textual app: the welcome screen is drawn from
cached facts and the flow loads in a thread once it is on screen (start.py).
Where each key leads is decided by ``alternance_tui.interview.state`` (pure,
unit-tested); this module connects it to the screens (screens.py, through
host.py), the disk (autosave.py) and the terminal (size, theme, language, and
keys typed ahead: keyqueue.py).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, work
from textual.binding import Binding, BindingType

from alternance_tui.tui.actions import InterviewActions
from alternance_tui.tui.advisor.actions import AdvisorMixin
from alternance_tui.tui.autosave import Autosave, Notice, session_of
from alternance_tui.tui.base import Page
from alternance_tui.tui.facts import WelcomeFacts
from alternance_tui.tui.keyqueue import KeyQueue
from alternance_tui.tui.linebreaks import keep_no_break_spaces
from alternance_tui.tui.screens import SCREENS
from alternance_tui.tui.size_guard import SizeGuard
from alternance_tui.tui.start import (
    StartProblem,
    loaded_for_questions,
    prepared_interview,
    starting_point,
    warm_results,
)
from alternance_tui.tui.themes import (
    HIGH_CONTRAST_THEME,
    KIOSK_THEME,
    theme_order,
)

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.model import Bundle
    from alternance_tui.flow.cond import Value
    from alternance_tui.interview.state import Interview, Place
    from alternance_tui.sessions.advisor_state import AdvisorState
    from alternance_tui.sessions.settings import Settings
    from alternance_tui.sessions.store import Session
    from alternance_tui.tui.host import Host
    from alternance_tui.tui.kiosk.mode import Kiosk
    from alternance_tui.tui.options import TuiOptions

EXIT_BAD_INPUT = 2
keep_no_break_spaces()  # before any text is laid out
BACKGROUND_DELAY = 0.05  # seconds after the first frame before loading the flow
KIOSK_CSS = Path(__file__).parent / "kiosk" / "kiosk.tcss"


class AlternanceApp(InterviewActions, AdvisorMixin, SizeGuard):
    # Absolute, so that subclasses (tests, benchmarks) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "alternance"
    ENABLE_COMMAND_PALETTE = False
    SCREENS = SCREENS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("f2", "language", "Language", show=False, priority=True),
        Binding("f3", "theme", "Theme", show=False, priority=True),
        Binding("ctrl+n", "restart", "Start again", show=False, priority=True),
        # Advisor mode (tui/advisor.py); each does nothing outside it.
        Binding("f4", "notes", "Notes", show=False, priority=True),
        Binding("f5", "compare", "Scenarios", show=False, priority=True),
        Binding("f6", "handout", "Handout", show=False, priority=True),
        Binding("f7", "sessions", "Sessions", show=False, priority=True),
        Binding("f9", "forget", "Forget me", show=False, priority=True),
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
        if options.kiosk:
            # The kiosk's larger blocks: parsed only in kiosk mode (kiosk.tcss).
            self.css_path = [*self.css_path, KIOSK_CSS]
        self.options = options
        self.lang = options.lang
        self.facts = facts
        self.flow_path = flow_path
        self.as_of = options.as_of or dt.date.today()
        self.bundle = bundle
        self.engine: Engine | None = None  # the bundle's advice engine, built once
        self.interview: Interview | None = None
        self.help_open = False
        # Counts moves between questions: a new visit reloads a question's widget.
        self.visit = 0
        self.resume_offer: tuple[int, str] | None = None
        self._offered: Session | None = None
        # Kiosk and ephemeral (browser) sessions neither read nor write a session.
        self.autosave = Autosave(
            self, self._session, lambda: self.lang, kiosk=options.kiosk or options.ephemeral
        )
        self._key_queue = KeyQueue(self, self._ready_for_keys)
        self.advisor: AdvisorState | None = None
        if options.advisor:
            from alternance_tui.advice.version import rules_version
            from alternance_tui.sessions.advisor_state import AdvisorState

            # The bundle may still be loading: each save stamps the version (rulestamp).
            version = rules_version(bundle) if bundle is not None else ""
            self.advisor = AdvisorState(rules_version=version)
        self._notices: list[Notice] = []
        self._start_requested = False
        self._restart_asked = 0.0
        self.register_theme(HIGH_CONTRAST_THEME)
        self.settings: Settings | None = None  # validated in the loading thread
        theme = self.remembered(theme)  # language and theme from last time (tui/advisor.py)
        self.theme_cycle = theme_order(options.kiosk)
        if options.kiosk:
            self.register_theme(KIOSK_THEME)
        self.theme = theme if theme in self.theme_cycle else self.theme_cycle[0]
        self.kiosk: Kiosk | None = None
        if options.kiosk:
            from alternance_tui.tui.kiosk.mode import Kiosk

            self.kiosk = Kiosk(self)
        if bundle is not None:
            self._prepare(bundle)

    # --- start-up -----------------------------------------------------------------

    def _prepare(self, bundle: Bundle) -> None:
        """The interview for ``bundle``, with the answers given on the command line."""
        self.bundle = bundle
        self.interview, notices = prepared_interview(bundle, self.options, self.lang, self.autosave)
        self.lang = self.interview.lang
        self._notices.extend(notices)

    def on_mount(self) -> None:
        self._mounted = True
        self._theme_classes()
        self.push_screen(self._screen(self._place()))
        if self.advisor is not None:
            self.action_sessions()
        self._check_size(self.size)
        self._flush_notices()

    def on_ready(self) -> None:
        # The first frame is queued: once the terminal has it (the writer thread
        # needs the GIL the loading would hold), load what the next screens need.
        self.set_timer(BACKGROUND_DELAY, self._load_in_background)

    @work(thread=True, exit_on_error=False, group="start")
    def _load_in_background(self) -> None:
        try:
            bundle = loaded_for_questions(
                self.flow_path, self.bundle, memory_only=self.options.kiosk
            )
        except StartProblem as exc:
            self.call_from_thread(self._failed, exc.lines)
            return
        if self.bundle is None:
            self.call_from_thread(self._flow_ready, bundle)
        self.check_settings()
        session = None
        store = self.autosave.store  # taken now: which session this instance writes
        if self.options.resume is None and not self.options.answers and store is not None:
            # A damaged autosave is set aside here, with a warning to show.
            flow_id = bundle.flow.id
            session, notices = self.autosave.read("", flow_id, self.lang, announce_missing=False)
            self._notices.extend(notices)
        self.call_from_thread(self._offer_resume, session)
        if self.engine is None:
            self.engine = warm_results(bundle)

    def _flow_ready(self, bundle: Bundle) -> None:
        self._prepare(bundle)
        if self._start_requested:
            self._start_requested = False
            self.action_start()

    def _offer_resume(self, session: Session | None) -> None:
        self._flush_notices()
        if session is None or not session.answers:
            return
        self._offered = session
        self.autosave.previous = session
        when = session.saved_at.replace("T", " ")[:16] if session.saved_at else "?"
        self.resume_offer = (len(session.answers), when)
        welcome = self._screen("welcome")
        if welcome.is_mounted:
            welcome.show_state()

    def _failed(self, lines: Sequence[str]) -> None:
        from alternance_tui.tui.pages.small import ProblemScreen

        self._start_requested = False
        self.switch_screen(ProblemScreen.flow_failed(lines, self.lang))

    def _flush_notices(self) -> None:
        self._notices.extend(self.autosave.notices)
        self.autosave.notices.clear()
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)
        self._notices.clear()

    # --- screens --------------------------------------------------------------------

    def _place(self) -> Place:
        return self.interview.place if self.interview is not None else "welcome"

    def _screen(self, place: Place) -> Page:
        screen = cast("Page", self.get_screen(place))
        if place == "results" and self.interview is not None and self.bundle is not None:
            from alternance_tui.tui.pages.results import ResultsScreen

            assert isinstance(screen, ResultsScreen)
            screen.show_results(self._engine(), self.interview.applicable(), self.as_of, self.lang)
        return screen

    def _engine(self) -> Engine:
        """The bundle's advice engine, built once (in the loading thread, usually)."""
        bundle = self.bundle
        assert bundle is not None
        if self.engine is None or self.engine.bundle is not bundle:
            from alternance_tui.advice.engine import Engine

            self.engine = Engine(bundle)
        return self.engine

    def sync(self) -> None:
        """Show the place the interview is at, drawn from its current state."""
        if self._small is not None or self.over_the_interview() or self.screen.is_modal:
            # Never switched out from under a prompt (the kiosk's countdown, an
            # advisor's dialog, a loading flow arriving under it): its closing syncs again.
            return
        screen = self._screen(self._place())
        if self.screen is not screen:
            self.switch_screen(screen)
        if screen.is_mounted:
            screen.show_state()

    # --- keys typed ahead (keyqueue.py) ---------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        # The kiosk first (kiosk.py): the key or tap that cancels the idle
        # countdown must do nothing else, not even wait in the queue.
        if self.kiosk is not None and self.kiosk.intercept(event):
            return
        key = event if isinstance(event, events.Key) and not event.is_forwarded else None
        if key is not None and self._key_queue.hold(key):
            return
        target = None if key is None else self.focused or self.screen
        await super().on_event(event)
        if target is not None:
            self._key_queue.forwarded(target)

    def put_back_key(self, event: events.Key) -> None:  # by widgets.py
        self._key_queue.put_back(event)

    def _ready_for_keys(self) -> bool:  # the screen is there, with a widget to take keys
        if not self._mounted or self._start_requested:
            return False
        screen = self.screen
        return not isinstance(screen, Page) or (screen.is_mounted and screen.focused is not None)

    # --- one step of the interview --------------------------------------------------------

    def _step(
        self, move: Callable[[Interview], object], *, new_visit: bool = True, save: bool = True
    ) -> None:
        """Every key or click that moves the interview: ignored while the flow
        loads or the window is too small, then saved and drawn."""
        if self.interview is None or self._small is not None:
            return
        move(self.interview)
        if new_visit:
            self.visit += 1
        if save:
            self.autosave.write()
        self.sync()

    # --- what the screens call (the Host protocol, host.py) -------------------------------

    def answer(self, value: Value) -> None:
        if self.interview is None:
            return
        from alternance_tui.flow.answers import AnswerError  # loaded with the interview

        try:
            self._step(lambda interview: interview.answer(value))
        except AnswerError:
            return  # not an answer to the question shown (see Interview.answer)

    def keep(self, value: Value) -> None:
        if self.interview is None:
            return
        from alternance_tui.flow.answers import AnswerError

        try:
            self.interview.keep(value)
        except AnswerError:
            return
        self.autosave.write()

    def typed(self) -> None:
        self.autosave.soon()

    def edit(self, question_id: str) -> None:
        self._step(lambda interview: interview.edit(question_id))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.remember_settings(lang=lang)
        if self.interview is not None:
            self.interview.lang = lang
            self.autosave.soon()
        if self._small is not None:
            self._small.show_size(self.size, lang)
        self.sync()

    # --- saving -------------------------------------------------------------------------

    def _session(self) -> Session | None:
        if self.interview is None:
            return None
        session = session_of(self.interview, self.lang)
        if self.advisor is not None:
            session = self.advisor.fill(session)
        engine = self.engine
        if engine is not None and engine.bundle is self.bundle:
            from alternance_tui.tui.pages.rulestamp import stamp

            # After the advisor's fill: the rules in use now. Only once the engine is
            # built (in the loading thread): a save never waits for it.
            stamp(session, engine, self.interview.answers, self.as_of, self.lang)
        return session

    def save_now(self) -> None:
        self.autosave.at_exit()  # and wait for the disk: the app is ending

    def on_unmount(self) -> None:
        self.save_now()
        self.autosave.close()


if TYPE_CHECKING:

    def _is_a_host(app: AlternanceApp) -> Host:
        return app  # mypy checks here that the app keeps the screens' contract


def build_app(options: TuiOptions, *, theme: str | None = None) -> AlternanceApp:
    """The app for ``options``; raises StartProblem when the flow cannot be used."""
    flow_path, facts, bundle = starting_point(options)
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
