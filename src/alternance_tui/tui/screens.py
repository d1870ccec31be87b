"""The app's screens by name, for Textual's screen registry (``App.SCREENS``).

Each is built the first time it is shown and then kept: the question screen
is refilled per question rather than rebuilt. The imports are inside the
factories so that only the welcome screen is loaded before the first frame.
The names are the interview's places (``Interview.place``), then advisor
mode's screens (pushed over the interview by tui/advisor/actions.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen


def _welcome() -> Screen[Any]:
    from alternance_tui.tui.pages.welcome import WelcomeScreen

    return WelcomeScreen()


def _question() -> Screen[Any]:
    from alternance_tui.tui.pages.question import QuestionScreen

    return QuestionScreen()


def _review() -> Screen[Any]:
    from alternance_tui.tui.pages.review import ReviewScreen

    return ReviewScreen()


def _results() -> Screen[Any]:
    from alternance_tui.tui.pages.results import ResultsScreen

    return ResultsScreen()


def _sessions() -> Screen[Any]:
    from alternance_tui.tui.advisor.sessions import SessionsScreen

    return SessionsScreen()


def _compare() -> Screen[Any]:
    from alternance_tui.tui.advisor.compare import CompareScreen

    return CompareScreen()


SCREENS: dict[str, Callable[[], Screen[Any]]] = {
    "welcome": _welcome,
    "question": _question,
    "review": _review,
    "results": _results,
    "sessions": _sessions,
    "compare": _compare,
}
