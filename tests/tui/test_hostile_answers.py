"""Answers given up front (`alternance --answers`, `--resume`) that would once
crash the app: reported on screen, the others kept (issue 9)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.tui.conftest import SIZE, MakeApp, notifications, pilot_test, screen_text
from tests.tui.test_journeys import prompt

from alternance_tui.tui.pages.question import QuestionScreen

HUGE = 10**400  # json.loads reads it as an int too large for a float


@pilot_test
async def test_a_huge_number_in_answers_is_reported_not_a_crash(make_app: MakeApp) -> None:
    app = make_app("en", answers={"age": HUGE, "employer_sector": "private"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "age: Enter a number between 15 and 99 years." in notifications(app)
        assert app.interview is not None
        assert app.interview.answers == {"employer_sector": "private"}


@pilot_test
async def test_a_huge_number_in_a_saved_session_is_reported_not_a_crash(
    make_app: MakeApp,
) -> None:
    sessions = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    sessions.mkdir(parents=True)
    answers = {"age": HUGE, "diploma": "m1"}
    session = {"version": 1, "flow": "alternance", "lang": "en", "answers": answers}
    (sessions / "autosave.json").write_text(json.dumps(session), encoding="utf-8")
    app = make_app("en", resume="")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "age: Enter a number between 15 and 99 years." in notifications(app)
        assert app.interview is not None
        assert app.interview.answers == {"diploma": "m1"}


@pilot_test
async def test_the_number_field_asks_for_plain_digits_as_the_command_line_does(
    make_app: MakeApp,
) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "２", "０")
        assert "✘ “２０” is not written with the digits 0 to 9: type 20." in screen_text(app)
        await pilot.press("enter")
        assert prompt(app).startswith("How old")  # not taken
        await pilot.press("backspace", "backspace", "2", "0", "enter")
        assert prompt(app).startswith("With what kind of employer")
