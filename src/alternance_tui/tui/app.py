"""The Textual app: the interview from the welcome screen to the results.

Start-up is kept close to a bare Textual app: the welcome screen is drawn from
cached facts and the flow loads in a thread once it is on screen (start.py).
Where each key leads is decided by ``alternance_tui.interview.state`` (pure,
unit-tested); this module connects it to the screens (screens.py, through
host.py), the disk (autosave.py) and the terminal (size, theme, language, and
keys typed ahead: keyqueue.py). What is not the interview's one step is done
by parts the app holds (part.py), each seeing the app through host.py: the
start-up (opening.py), the keys beyond moving (actions.py), the size guard,
privacy, advisor mode (advisor/actions.py) and the kiosk (kiosk/mode.py).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel

from alternance_tui.sessions.autosave import Notice, session_of
from alternance_tui.tui.actions import InterviewKeys
from alternance_tui.tui.advisor.actions import AdvisorDesk
from alternance_tui.tui.autosave import Autosave
from alternance_tui.tui.base import Page
from alternance_tui.tui.facts import WelcomeFacts
from alternance_tui.tui.keyqueue import KeyQueue
from alternance_tui.tui.linebreaks import keep_no_break_spaces
from alternance_tui.tui.opening import Opening
from alternance_tui.tui.privacy import Privacy
from alternance_tui.tui.screens import SCREENS
from alternance_tui.tui.size_guard import SizeGuard
from alternance_tui.tui.start import StartProblem, starting_point
from alternance_tui.tui.themes import Looks
from alternance_tui.wording.lookup import other

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.model import Bundle
    from alternance_tui.flow.cond import Value
    from alternance_tui.interview.state import Interview, Place
    from alternance_tui.sessions.advisor_state import AdvisorState
    from alternance_tui.sessions.settings import Settings
    from alternance_tui.sessions.store import Session
    from alternance_tui.tui.host import PartHost
    from alternance_tui.tui.kiosk.mode import Kiosk
    from alternance_tui.tui.options import TuiOptions

EXIT_BAD_INPUT = 2
keep_no_break_spaces()  # before any text is laid out
KIOSK_CSS = Path(__file__).parent / "kiosk" / "kiosk.tcss"


class AlternanceApp(App[int]):
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
        # Advisor mode (tui/advisor/actions.py); each does nothing outside it.
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
        self._engine: Engine | None = None  # the bundle's advice engine, built once
        self.interview: Interview | None = None
        self.help_open = False
        # Counts moves between questions: a new visit reloads a question's widget.
        self.visit = 0
        self._mounted = False  # before on_mount there is no screen of ours to cover
        self.notices: list[Notice] = []
        # Kiosk and ephemeral (browser) sessions neither read nor write a session.
        self.autosave = Autosave(
            self, self.session, lambda: self.lang, kiosk=options.kiosk or options.ephemeral
        )
        self._key_queue = KeyQueue(self, self._ready_for_keys)
        self.size_guard = SizeGuard(self)
        self.privacy = Privacy(self)
        self.desk = AdvisorDesk(self)
        self.opening = Opening(self, flow_path, self.privacy)
        self.advisor: AdvisorState | None = None
        if options.advisor:
            from alternance_tui.advice.version import rules_version
            from alternance_tui.sessions.advisor_state import AdvisorState

            # The bundle may still be loading: each save stamps the version (rulestamp).
            version = rules_version(bundle) if bundle is not None else ""
            self.advisor = AdvisorState(rules_version=version)
        self.settings: Settings | None = None  # validated in the loading thread
        # The language and the theme from last time.
        self.looks = Looks(self, self.privacy, self.privacy.remembered(theme))
        self.kiosk: Kiosk | None = None
        if options.kiosk:
            from alternance_tui.tui.kiosk.mode import Kiosk

            self.kiosk = Kiosk(self)
        self.keys = InterviewKeys(self, self.privacy, self.desk, self.kiosk)
        if bundle is not None:
            self.opening.prepare(bundle)

    # --- start-up (the rest in opening.py) ---------------------------------------------

    def on_mount(self) -> None:
        self._mounted = True
        self.looks.set_classes()
        self.push_screen(self._screen(self._place()))
        if self.advisor is not None:
            self.desk.sessions()
        self.check_size()
        self.flush_notices()

    def on_ready(self) -> None:
        self.opening.load_later()

    @property
    def resume_offer(self) -> tuple[int, str] | None:
        return self.opening.resume_offer

    def flush_notices(self) -> None:
        self.notices.extend(self.autosave.notices)
        self.autosave.notices.clear()
        for message, severity in self.notices:
            self.notify(message, severity=severity, timeout=12)
        self.notices.clear()

    def forget_person(self) -> None:
        self.notices.clear()
        self.opening.forget()
        self.keys.forget()
        self.size_guard.forget()
        self.looks.forget()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Textual's, with markup off unless asked: a notice may quote a session's
        name, an answer, a path or a file's error, and "Dupont [/]" is text, not a
        Rich closing tag (a MarkupError stopped the app)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # --- screens --------------------------------------------------------------------

    def _place(self) -> Place:
        return self.interview.place if self.interview is not None else "welcome"

    def _screen(self, place: Place) -> Page:
        screen = cast("Page", self.get_screen(place))
        if place == "results" and self.interview is not None and self.bundle is not None:
            from alternance_tui.tui.pages.results import ResultsScreen

            assert isinstance(screen, ResultsScreen)
            screen.show_results(self.engine(), self.interview.applicable(), self.as_of, self.lang)
        return screen

    def engine(self) -> Engine:
        """The bundle's advice engine, built once (in the loading thread, usually)."""
        bundle = self.bundle
        assert bundle is not None
        engine = self._engine
        if engine is None or engine.bundle is not bundle:
            from alternance_tui.advice.engine import Engine

            engine = self._engine = Engine(bundle)
        return engine

    @property
    def active_scenario(self) -> str:
        return self.advisor.active if self.advisor is not None else "A"

    @property
    def session_name(self) -> str:
        return self.advisor.name if self.advisor is not None else ""

    @property
    def scenario_count(self) -> int:
        return len(self.advisor.letters()) if self.advisor is not None else 1

    def sync(self) -> None:
        """Show the place the interview is at, drawn from its current state."""
        if self.too_small or self.desk.over_the_interview() or self.screen.is_modal:
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
        # The kiosk first (kiosk/mode.py): the key or tap that cancels the idle
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

    def put_back_key(self, event: events.Key) -> None:  # by widgets/controls.py
        self._key_queue.put_back(event)

    def _ready_for_keys(self) -> bool:  # the screen is there, with a widget to take keys
        # The key queue's timer can fire while the app is closing, its screens gone.
        if not self._mounted or self.opening.start_requested or not self.screen_stack:
            return False
        screen = self.screen
        if not isinstance(screen, Page):
            return True
        # A screen still putting its widgets in (the results) takes keys once they are there.
        return screen.is_mounted and screen.focused is not None and not screen.filling

    # --- one step of the interview --------------------------------------------------------

    def step(
        self, move: Callable[[Interview], object], *, new_visit: bool = True, save: bool = True
    ) -> None:
        """Every key or click that moves the interview: ignored while the flow
        loads or the window is too small, then saved and drawn."""
        if self.interview is None or self.too_small:
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
            self.step(lambda interview: interview.answer(value))
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
        self.step(lambda interview: interview.edit(question_id))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.privacy.remember_settings(lang=lang)
        if self.interview is not None:
            self.interview.lang = lang
            self.autosave.soon()
        self.size_guard.show_language()
        self.sync()

    # --- saving -------------------------------------------------------------------------

    def session(self) -> Session | None:
        if self.interview is None:
            return None
        session = session_of(self.interview, self.lang)
        if self.advisor is not None:
            session = self.advisor.fill(session)
        engine = self._engine
        if engine is not None and engine.bundle is self.bundle:
            from alternance_tui.sessions.rulestamp import stamp

            # After the advisor's fill: the rules in use now. Only once the engine is
            # built (in the loading thread): a save never waits for it.
            stamp(session, engine, self.interview.answers, self.as_of, self.lang)
        return session

    def save_now(self) -> None:
        self.autosave.at_exit()  # and wait for the disk: the app is ending

    def on_unmount(self) -> None:
        self.save_now()
        self.autosave.close()

    # --- size ----------------------------------------------------------------------------

    @property
    def too_small(self) -> bool:
        return self.size_guard.too_small

    def check_size(self) -> None:
        self.size_guard.check(self.size)

    def on_resize(self, event: events.Resize) -> None:
        if self._mounted:
            self.size_guard.check(event.size)

    # --- the keys (Textual finds them here), each handed to the part that does it ---------

    def action_start(self) -> None:
        self.opening.start()

    def action_resume(self) -> None:
        self.opening.resume()

    def action_step_back(self) -> None:
        self.step(lambda interview: interview.back())

    def action_review(self) -> None:
        self.step(lambda interview: interview.review(), new_visit=False)

    def action_results(self) -> None:
        self.step(lambda interview: interview.results())

    def action_language(self) -> None:
        self.set_language(other(self.lang))

    def action_theme(self) -> None:
        self.looks.next()

    def action_help(self) -> None:
        self.keys.help()

    def action_restart(self) -> None:
        self.keys.restart()

    async def action_quit(self) -> None:
        self.keys.quit()

    def action_help_quit(self) -> None:
        if not self.options.kiosk:
            super().action_help_quit()

    def action_finish_erase(self) -> None:
        self.keys.finish_erase()

    def action_notes(self) -> None:
        self.desk.notes()

    def action_compare(self) -> None:
        self.desk.compare()

    def action_handout(self) -> None:
        self.desk.handout()

    def action_sessions(self) -> None:
        self.desk.sessions()

    def action_forget(self) -> None:
        if self.kiosk is not None:
            self.keys.forget_on_kiosk()
            return
        self.privacy.forget_me()


if TYPE_CHECKING:

    def _is_a_host(app: AlternanceApp) -> PartHost:
        return app  # mypy checks here that the app keeps its screens' and parts' contract


def build_app(options: TuiOptions, *, theme: str | None = None) -> AlternanceApp:
    """The app for ``options``; raises StartProblem when the flow cannot be used."""
    flow_path, facts, bundle = starting_point(options)
    return AlternanceApp(options, facts, flow_path, bundle, theme=theme)


def run(options: TuiOptions) -> int:
    """The app in this terminal; its exit status (see ending.py: a supervisor reads it)."""
    try:
        app = build_app(options)
    except StartProblem as exc:
        for line in exc.lines:
            print(f"alternance: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from alternance_tui.tui.ending import run_until_ended

    return run_until_ended(app)
