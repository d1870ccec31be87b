"""What a screen may read from the app and ask of it: the whole contract.

Screens see the app only through ``Host`` (``Page.ui``), so a new screen can
be written, and tested with a stand-in app, without reading app.py. Each
request goes through the app's one step function: guarded while the window
is too small or the flow is not loaded, saved, then drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from alternance_tui.flow.cond import Value
    from alternance_tui.interview.state import Interview
    from alternance_tui.tui.facts import WelcomeFacts
    from alternance_tui.tui.options import TuiOptions


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
