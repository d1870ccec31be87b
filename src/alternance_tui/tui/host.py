"""What a screen or a part of the app may read from the app and ask of it: the
whole contract.

Screens see the app only through ``Host`` (``Page.ui``), so a new screen can
be written, and tested with a stand-in app, without reading app.py. The app's
parts (part.py: its keys, advisor mode, privacy, the size guard, the kiosk)
see it through ``PartHost``, which adds what they share: the one step
function, the saved state, the notices. Each request goes through that step
function: guarded while the window is too small or the flow is not loaded,
saved, then drawn. Nothing here imports the app or its parts, so neither
imports the other through this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt

    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.model import Bundle
    from alternance_tui.flow.cond import Value
    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.advisor_state import AdvisorState
    from alternance_tui.sessions.autosave import Notice
    from alternance_tui.sessions.listing import SessionRow
    from alternance_tui.sessions.settings import Settings
    from alternance_tui.sessions.store import Session
    from alternance_tui.tui.autosave import Autosave
    from alternance_tui.tui.facts import WelcomeFacts
    from alternance_tui.tui.options import TuiOptions


class Desk(Protocol):
    """Advisor mode, as its sessions and comparison screens ask it (every
    request does nothing outside advisor mode)."""

    def session_rows(self) -> list[SessionRow]:
        """Each session the advisor named, newest first."""
        ...

    def sessions_version(self) -> int:
        """Changes whenever a session is saved, added, renamed or removed (by
        this window or another, or the command line): the list is drawn again."""
        ...

    def open_session(self, name: str) -> None: ...
    def new_session(self, name: str) -> None: ...
    def rename_session(self, old: str, new: str) -> None: ...
    def delete_session(self, name: str) -> None:
        """Into the bin, where ``undo_delete`` finds it again."""

    def undo_delete(self) -> None: ...
    def new_scenario(self) -> None: ...
    def edit_scenario(self, letter: str) -> None: ...
    def drop_scenario(self) -> None: ...

    def scenario_answers(self) -> dict[str, dict[str, object]]:
        """Each scenario's answers by letter (A: the answers being edited, if it is A)."""
        ...


class Host(Protocol):
    """The app, as the screens see it."""

    lang: str  # the language shown: "fr" or "en"
    help_open: bool  # the F1 panel is open (screens toggle it)

    @property
    def options(self) -> TuiOptions: ...

    @property
    def facts(self) -> WelcomeFacts:
        """What the welcome screen says, known before the flow is loaded."""
        ...

    @property
    def interview(self) -> Interview | None:
        """Where the person is; None until the flow has loaded."""
        ...

    @property
    def visit(self) -> int:
        """Counts moves between questions: a new visit reloads a question's widget."""
        ...

    @property
    def resume_offer(self) -> tuple[int, str] | None:
        """(answers, when) of a saved session the welcome screen offers to resume."""
        ...

    @property
    def as_of(self) -> dt.date:
        """The date the rules are taken at (``--as-of``, else today)."""
        ...

    @property
    def active_scenario(self) -> str:
        """The letter of the scenario being edited ("A" outside advisor mode)."""
        ...

    @property
    def session_name(self) -> str:
        """The name of the advisor's session open ("" when none is)."""
        ...

    @property
    def scenario_count(self) -> int:
        """How many scenarios the open session has (1 outside advisor mode)."""
        ...

    @property
    def desk(self) -> Desk:
        """Advisor mode's requests (sessions, scenarios)."""
        ...

    def engine(self) -> Engine:
        """The flow's advice engine, built once (only once the flow is loaded)."""
        ...

    def answer(self, value: Value) -> None:
        """Answer the question shown and move on; ignored if it is not an answer to it."""

    def keep(self, value: Value) -> None:
        """Keep ``value`` as the question's answer without moving on (a tick, a pick)."""

    def typed(self) -> None:
        """The text being typed changed (a draft in ``interview.drafts``): save it soon."""

    def edit(self, question_id: str) -> None:
        """Open ``question_id`` to change its answer (from the review or the results)."""

    def set_language(self, lang: str) -> None: ...

    def action_start(self) -> None:
        """Leave the welcome screen for the first question (once the flow is loaded)."""

    def action_resume(self) -> None:
        """Take the saved session the welcome screen offers."""

    def action_step_back(self) -> None: ...

    def action_results(self) -> None: ...


class PartHost(Host, Protocol):
    """The app, as its parts see it: what the screens see, and the state and
    steps the parts share. Textual's own side of the app (screens, notifications,
    timers) they reach as ``Part.app``."""

    interview: Interview | None
    visit: int
    bundle: Bundle | None
    advisor: AdvisorState | None  # advisor mode's state; None outside it
    settings: Settings | None  # validated in the loading thread; None until then
    autosave: Autosave
    notices: list[Notice]  # to show once the screen can (flush_notices)

    @property
    def too_small(self) -> bool:
        """The window is below the minimum size: the interview ignores keys."""
        ...

    def step(
        self, move: Callable[[Interview], object], *, new_visit: bool = True, save: bool = True
    ) -> None:
        """Move the interview (ignored while the flow loads or the window is too
        small), then save and draw it."""

    def sync(self) -> None:
        """Show the place the interview is at, drawn from its current state."""

    def session(self) -> Session | None:
        """What is saved of the interview now (None before the flow is loaded)."""
        ...

    def save_now(self) -> None:
        """Write the session and wait for the disk."""

    def flush_notices(self) -> None:
        """Show the notices waiting (and the autosave's)."""

    def check_size(self) -> None:
        """Cover the screen if the window is too small now, uncover it if not."""

    def forget_person(self) -> None:
        """Every part drops what it holds of the person (an offer to resume, the
        notices, a Ctrl+N waiting for its second press, the theme chosen): the
        kiosk's erase."""
