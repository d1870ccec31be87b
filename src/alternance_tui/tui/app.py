"""The Textual app: the interview from the welcome screen to the results.

Start-up is kept close to a bare Textual app: the welcome screen is drawn from
cached facts and the flow loads in a thread once it is on screen (start.py).
Where each key leads is decided by ``alternance_tui.interview`` (pure,
unit-tested); this module connects it to the screens (screens.py, through
host.py), the disk (autosave.py) and the terminal (size, theme, language, and
keys typed ahead: keyqueue.py).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, work
from textual.binding import Binding, BindingType

from alternance_tui.tui.advisor import AdvisorMixin
from alternance_tui.tui.autosave import Autosave, Notice, adopt, session_of
from alternance_tui.tui.base import Page
from alternance_tui.tui.facts import WelcomeFacts
from alternance_tui.tui.keyqueue import KeyQueue
from alternance_tui.tui.screens import SCREENS
from alternance_tui.tui.size_guard import SizeGuard
from alternance_tui.tui.start import (
    StartProblem,
    loaded_for_questions,
    prepared_interview,
    starting_point,
    warm_results,
)
from alternance_tui.tui.themes import HIGH_CONTRAST, HIGH_CONTRAST_THEME, NAME_KEYS, ORDER
from alternance_tui.wording.catalogue.tui import TUI as t
from alternance_tui.wording.lookup import other

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.model import Bundle
    from alternance_tui.advisor_state import AdvisorState
    from alternance_tui.flow.cond import Value
    from alternance_tui.interview import Interview, Place
    from alternance_tui.settings import Settings
    from alternance_tui.store import Session
    from alternance_tui.tui.host import Host
    from alternance_tui.tui.options import TuiOptions

EXIT_BAD_INPUT = 2
RESTART_WINDOW = 3.0  # seconds within which a second Ctrl+N confirms
BACKGROUND_DELAY = 0.05  # seconds after the first frame before loading the flow


class AlternanceApp(AdvisorMixin, SizeGuard):
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
            from alternance_tui.advisor_state import AdvisorState

            known = bundle.rates_known_until if bundle is not None else None
            self.advisor = AdvisorState(rules_version=rules_version(flow_path, known))
        self._notices: list[Notice] = []
        self._start_requested = False
        self._restart_asked = 0.0
        self.register_theme(HIGH_CONTRAST_THEME)
        self.settings: Settings | None = None  # validated in the loading thread
        theme = self.remembered(theme)  # language and theme from last time (tui/advisor.py)
        self.theme = theme if theme in ORDER else ORDER[0]
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
        self.set_class(self.theme == HIGH_CONTRAST, "-high-contrast")
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
            bundle = loaded_for_questions(self.flow_path, self.bundle)
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
        from alternance_tui.tui.small import ProblemScreen

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
            from alternance_tui.tui.results import ResultsScreen

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
        if self._small is not None or self.over_the_interview():
            return
        screen = self._screen(self._place())
        if self.screen is not screen:
            self.switch_screen(screen)
        if screen.is_mounted:
            screen.show_state()

    # --- keys typed ahead (keyqueue.py) ---------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
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

    # --- actions (keys) -------------------------------------------------------------------

    def action_start(self) -> None:
        if self.interview is None and self._small is None:
            self._start_requested = True
        self._step(lambda interview: interview.begin())

    def action_resume(self) -> None:
        session = self._offered
        if session is None or self.interview is None or self._small is not None:
            return
        self._offered = None
        self.autosave.previous = None
        self.resume_offer = None
        self._notices.extend(adopt(self.interview, session, keep_language=self.options.lang_given))
        self.lang = self.interview.lang
        self._flush_notices()
        self._step(lambda interview: interview.open_on(session.current), save=False)

    def action_step_back(self) -> None:
        self._step(lambda interview: interview.back())

    def action_review(self) -> None:
        self._step(lambda interview: interview.review(), new_visit=False)

    def action_results(self) -> None:
        self._step(lambda interview: interview.results())

    def action_language(self) -> None:
        self.set_language(other(self.lang))

    def action_theme(self) -> None:
        index = ORDER.index(self.theme) if self.theme in ORDER else -1
        self.theme = ORDER[(index + 1) % len(ORDER)]
        self.set_class(self.theme == HIGH_CONTRAST, "-high-contrast")
        self.remember_settings(theme=self.theme)
        name = t(self.lang, NAME_KEYS[self.theme])
        self.notify(t(self.lang, "theme_changed", name=name), timeout=3)

    def action_help(self) -> None:
        from alternance_tui.tui.question import QuestionScreen

        if isinstance(self.screen, QuestionScreen):
            self.screen.toggle_help()
            return
        if self.show_glossary():  # on the results: the words they use (tui/advisor.py)
            return
        key = "help_keys_kiosk" if self.options.kiosk else "help_keys"
        text = t(self.lang, key) + self.advisor_help()  # advisor mode's F4 to F9
        self.notify(text, title=t(self.lang, "help_screen_title"), timeout=10)

    def action_restart(self) -> None:
        if self.interview is None or self._small is not None:
            return
        now = time.monotonic()
        if now - self._restart_asked > RESTART_WINDOW:
            self._restart_asked = now
            self.notify(t(self.lang, "restart_confirm"), timeout=RESTART_WINDOW)
            self.offer_forget()
            return
        self._restart_asked = 0.0
        if self.interview.answers:
            # Set aside, not thrown away: `alternance --resume previous` brings it back.
            self.autosave.previous = self._session()
        self._step(lambda interview: interview.restart())

    async def action_quit(self) -> None:
        if self.options.kiosk:
            return
        self.save_now()
        self.exit(0)

    def action_help_quit(self) -> None:
        if self.options.kiosk:
            return
        super().action_help_quit()

    def _session(self) -> Session | None:
        if self.interview is None:
            return None
        session = session_of(self.interview, self.lang)
        return session if self.advisor is None else self.advisor.fill(session)

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
