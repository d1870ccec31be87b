"""What each screen looks like, at 80x24 and 120x40, in French and English, and
in the high-contrast theme (pytest-textual-snapshot; `--snapshot-update` to
accept a deliberate change after looking at it in snapshot_report.html).

The date is fixed (tests/tui/conftest.py), so no snapshot changes with today.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.tui.conftest import MakeApp
from textual.pilot import Pilot

Snap = Callable[..., bool]
SMALL, LARGE = (80, 24), (120, 40)
HIGH_CONTRAST = "alternance-high-contrast"
YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}

# Keys from the welcome screen to each question (a person aged 20, then 27).
TO_AGE = ["enter"]
TO_EMPLOYER = [*TO_AGE, "2", "0", "enter"]
TO_DIPLOMA = [*TO_EMPLOYER, "1"]
# general bac, the situation and the year of study left at their defaults, 24 months,
# then the defaults and optional answers left empty: RQTH, previous apprenticeship,
# start month, birth month, hours a week, agreement minimum.
TO_INTERESTS = [*TO_DIPLOMA, "2", "enter", "enter", "2", "4", "enter", *["enter"] * 6]
TO_JOBSEEKER = [*TO_AGE, "2", "7", "enter"]
TO_REVIEW = [*TO_INTERESTS, "1", "3", "enter", "enter"]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_welcome(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    assert snap_compare(make_app(lang), terminal_size=SMALL, run_before=settle)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_number_question(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    assert snap_compare(make_app(lang), press=TO_AGE, terminal_size=SMALL)


def test_number_question_with_an_error(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app("fr"), press=[*TO_AGE, "1", "5", "0"], terminal_size=SMALL)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_choice_question(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    assert snap_compare(make_app(lang), press=TO_EMPLOYER, terminal_size=SMALL)


def test_choice_question_with_help(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app("en"), press=[*TO_DIPLOMA, "f1"], terminal_size=SMALL)


def test_several_choices_question(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app("fr"), press=[*TO_INTERESTS, "2", "down"], terminal_size=SMALL)


def test_yes_no_question(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app("en"), press=TO_JOBSEEKER, terminal_size=SMALL)


def test_changing_an_answer_from_the_review(snap_compare: Snap, make_app: MakeApp) -> None:
    press = [*TO_REVIEW, "home", "down", "enter"]
    assert snap_compare(make_app("en"), press=press, terminal_size=SMALL)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_review(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    assert snap_compare(make_app(lang), press=TO_REVIEW, terminal_size=SMALL)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_results(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    assert snap_compare(make_app(lang, answers=YOUNG), terminal_size=SMALL, run_before=settle)


def test_results_courses(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app("fr", answers={**YOUNG, "diploma": "m1", "interests": ["culture"]})
    assert snap_compare(app, press=["2"], terminal_size=SMALL, run_before=settle)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_enlarge_the_window(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    assert snap_compare(make_app(lang), terminal_size=(50, 15))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "press", [[], TO_EMPLOYER, TO_REVIEW], ids=["welcome", "question", "review"]
)
def test_large_window(snap_compare: Snap, make_app: MakeApp, lang: str, press: list[str]) -> None:
    assert snap_compare(make_app(lang), press=press, terminal_size=LARGE, run_before=settle)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_large_window_results(snap_compare: Snap, make_app: MakeApp, lang: str) -> None:
    app = make_app(lang, answers=YOUNG)
    assert snap_compare(app, terminal_size=LARGE, run_before=settle)


def test_large_window_results_month_by_month(snap_compare: Snap, make_app: MakeApp) -> None:
    """Born in November, starting in September: the month each rate starts, and net."""
    app = make_app("en", answers={**YOUNG, "diploma": "licence", "birth_month": 11})
    assert snap_compare(app, terminal_size=LARGE, run_before=settle)


@pytest.mark.parametrize(
    ("name", "press", "answers"),
    [
        ("welcome", [], None),
        ("question", TO_DIPLOMA, None),
        ("review", TO_REVIEW, None),
        ("results", ["tab"], YOUNG),
    ],
    ids=["welcome", "question", "review", "results"],
)
def test_high_contrast(
    snap_compare: Snap,
    make_app: MakeApp,
    name: str,
    press: list[str],
    answers: dict[str, Any] | None,
) -> None:
    del name
    app = make_app("en", answers=answers, theme=HIGH_CONTRAST)
    assert snap_compare(app, press=press, terminal_size=SMALL, run_before=settle)
