"""Kiosk mode (issue 12): the idle countdown and reset, "Finish and erase", the
staff exit, and every step by mouse (or touch) alone. Timeouts are a fraction
of a second here, never real minutes."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from tests.tui.conftest import AS_OF, SIZE, notifications, pilot_test, screen_text
from tests.tui.test_journeys import answer_young_person
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from alternance_tui.advice.load import default_flow_path
from alternance_tui.advice.model import Bundle
from alternance_tui.tui.app import AlternanceApp
from alternance_tui.tui.ending import exit_status
from alternance_tui.tui.facts import facts_of
from alternance_tui.tui.kiosk.ui import CountdownScreen, PinScreen
from alternance_tui.tui.options import TuiOptions
from alternance_tui.tui.pages.question import QuestionScreen
from alternance_tui.tui.pages.results import ResultsScreen
from alternance_tui.tui.pages.review import ReviewScreen
from alternance_tui.tui.pages.welcome import WelcomeScreen
from alternance_tui.tui.themes import KIOSK

IDLE = 0.6  # seconds: long enough for Pilot to press a few keys in between
COUNTDOWN = 0.8


def kiosk_app(
    bundle: Bundle,
    lang: str = "en",
    *,
    idle: float = IDLE,
    countdown: float = COUNTDOWN,
    pin: str = "",
) -> AlternanceApp:
    options = TuiOptions(
        lang=lang,
        as_of=AS_OF,
        kiosk=True,
        idle_seconds=idle,
        countdown_seconds=countdown,
        exit_pin=pin,
    )
    return AlternanceApp(options, facts_of(bundle), default_flow_path(), bundle)


async def wait_until(pilot: Pilot[Any], condition: Any, timeout: float = 30.0) -> None:
    """Until ``condition()``: generous, as a shared machine can be very slow."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


def mouse(app: AlternanceApp, kind: type[events.MouseEvent], x: int, y: int) -> None:
    """A mouse event as a terminal or a browser delivers it: to the app, which
    finds the widget and makes a click of a press and a release (Pilot's own
    clicks skip the app and go straight to the screen)."""
    app.post_message(
        kind(
            widget=None,
            x=x,
            y=y,
            delta_x=0,
            delta_y=0,
            button=1,
            shift=False,
            meta=False,
            ctrl=False,
            screen_x=x,
            screen_y=y,
        )
    )


async def tap_at(pilot: Pilot[Any], x: int, y: int) -> None:
    mouse(pilot.app, events.MouseDown, x, y)
    mouse(pilot.app, events.MouseUp, x, y)
    await pilot.pause()
    await pilot.pause()


async def tap(pilot: Pilot[Any], selector: str) -> None:
    """Tap the middle of the widget ``selector`` on the current screen."""
    region = pilot.app.screen.query_one(selector).region
    assert region.width and region.height, selector
    await tap_at(pilot, region.x + region.width // 2, region.y + region.height // 2)


def answer_free(app: AlternanceApp) -> bool:
    interview = app.interview
    return interview is not None and not interview.answers and not interview.drafts


# --- the idle countdown ------------------------------------------------------------


@pilot_test
async def test_no_countdown_before_the_idle_time(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=1.0, countdown=30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2")
        started = time.monotonic()
        await pilot.pause(0.5)
        await pilot.press("0")  # activity: the idle time starts again from here
        await pilot.pause(0.7)
        # 1.2 s since the first key, 0.7 s since the last: no countdown yet.
        assert not isinstance(app.screen, CountdownScreen)
        await wait_until(pilot, lambda: isinstance(app.screen, CountdownScreen))
        assert time.monotonic() - started >= 1.0 + 0.5
        await pilot.pause()
        shown = screen_text(app)
        assert "Still there?" in shown and "Press any key" in shown
        assert re.search(r"erased in (30|29|28) s", shown)


@pilot_test
async def test_an_untouched_welcome_screen_shows_no_countdown(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.6)
        assert isinstance(app.screen, WelcomeScreen)


@pilot_test
async def test_a_key_during_the_countdown_cancels_it_and_does_nothing_else(
    bundle: Bundle,
) -> None:
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await answer_young_person(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.kiosk is not None
        # Idle times that a loaded machine's slow key presses stay well within.
        app.kiosk.set_times(1.0, 30)
        answers = dict(app.interview.answers)  # type: ignore[union-attr]
        await wait_until(pilot, lambda: isinstance(app.screen, CountdownScreen))
        # Enter would open the results, Escape go back, F2 switch the language.
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert app.interview is not None and app.interview.answers == answers
        assert app.lang == "en" and app.kiosk.resets == 0
        assert app.kiosk.countdown is None and app.kiosk._tick is None  # no reset pending
        await wait_until(pilot, lambda: isinstance(app.screen, CountdownScreen))
        await pilot.press("f2")
        assert isinstance(app.screen, ReviewScreen) and app.lang == "en"


@pilot_test
async def test_a_click_during_the_countdown_cancels_it_and_does_not_click(
    bundle: Bundle,
) -> None:
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionScreen) and app.kiosk is not None
        back = app.screen.query_one("#back").region
        app.kiosk.set_times(0.3, 1.5)
        await wait_until(pilot, lambda: isinstance(app.screen, CountdownScreen))
        app.kiosk.idle_seconds = 60  # no second countdown while this is checked
        # Where the "Back" button is under the countdown.
        await tap_at(pilot, back.x + 2, back.y + 1)
        assert isinstance(app.screen, QuestionScreen)
        assert app.kiosk.resets == 0


@pilot_test
async def test_the_countdown_ends_in_a_blank_welcome_screen(bundle: Bundle) -> None:
    app = kiosk_app(bundle, "fr", idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")  # English
        await answer_young_person(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "Finish and erase" in screen_text(app)
        await pilot.press("f3")  # another theme
        assert app.kiosk is not None
        app.kiosk.set_times(0.3, 3)
        old_screens = {name: app.get_screen(name) for name in ("question", "review", "results")}
        await wait_until(pilot, lambda: isinstance(app.screen, CountdownScreen))
        await pilot.pause()
        assert "Still there?" in screen_text(app)
        await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.pause()
        await assert_blank(app, pilot, old_screens)


async def assert_blank(app: AlternanceApp, pilot: Pilot[Any], old: dict[str, Any]) -> None:
    """Nothing of the last person is left: answers, drafts, language, theme,
    the screens that showed them, notifications."""
    assert app.kiosk is not None
    app.kiosk.set_times(60, 60)  # no countdown while this looks around
    assert app.lang == app.options.lang
    assert app.theme == KIOSK
    assert answer_free(app)
    assert app.interview is not None and app.interview.place == "welcome"
    assert app.autosave.previous is None and app.resume_offer is None
    assert not app._notifications
    for name, screen in old.items():
        assert app.get_screen(name) is not screen, name
        assert not screen.is_attached, name
    assert len(app.screen_stack) == 2
    # Going back shows nothing of before.
    await pilot.press("enter")
    assert isinstance(app.screen, QuestionScreen)
    assert app.screen.query_one("#number-input", Input).value == ""
    await pilot.press("escape", "escape")
    assert isinstance(app.screen, WelcomeScreen)


@pilot_test
async def test_finish_and_erase_on_the_results_erases_at_once(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await answer_young_person(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        old = {name: app.get_screen(name) for name in ("question", "review", "results")}
        await tap(pilot, "#finish-erase")
        await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.pause()
        await assert_blank(app, pilot, old)


@pilot_test
async def test_f9_on_a_kiosk_says_nothing_is_kept_and_starts_again(bundle: Bundle) -> None:
    """Issue 19: F9 asked to erase 'this session, the previous one and the
    notes from this computer', which a kiosk never keeps."""
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "0", "enter")
        await wait_until(pilot, lambda: app.interview is not None and bool(app.interview.answers))
        await pilot.press("f9")
        await pilot.pause()
        asked = screen_text(app)
        assert "keeps nothing" in asked and "previous" not in asked and "notes" not in asked
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and not answer_free(app)
        await pilot.press("f9", "y")
        await wait_until(pilot, lambda: app.kiosk is not None and app.kiosk.resets == 1)
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and answer_free(app)


@pilot_test
async def test_ctrl_e_on_the_results_erases_too(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await answer_young_person(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert answer_free(app)


@pilot_test
async def test_a_number_being_typed_is_erased_too(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "4", "2")
        assert app.interview is not None and app.interview.drafts
        assert app.kiosk is not None
        app.kiosk.set_times(0.3, 0.3)
        await wait_until(pilot, lambda: app.kiosk is not None and app.kiosk.resets == 1)
        await pilot.pause()
        assert answer_free(app)
        app.kiosk.set_times(60, 60)
        await pilot.press("enter")
        assert app.screen.query_one("#number-input", Input).value == ""


# --- the staff exit --------------------------------------------------------------------


@pilot_test
async def test_without_a_code_nothing_quits(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q", "ctrl+c", "ctrl+backslash", "ctrl+z", "ctrl+p")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, WelcomeScreen)
        # Staff who forgot to set one are told why Ctrl+Q does nothing.
        assert "No staff exit code is set" in notifications(app)


@pilot_test
async def test_staff_leave_with_the_code_which_is_never_shown(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, PinScreen)
        await pilot.press("4", "7", "1", "1")
        await pilot.pause()
        shown = screen_text(app)
        assert "4711" not in shown and "••••" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running
    assert exit_status(app) == 0  # what the restart loop and the unit read (docs/kiosk.md)


@pilot_test
async def test_in_a_kiosk_any_other_exit_is_not_status_0(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        app.exit(0)  # a way out other than the code (none is known): restarted all the same
        await pilot.pause()
    assert exit_status(app) == 1


@pilot_test
async def test_a_wrong_code_does_not_quit_and_three_lock_the_prompt(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.press("ctrl+q", "1", "2", "3", "4", "enter")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, WelcomeScreen)
        assert "Wrong code" in notifications(app)
        await pilot.press("ctrl+q", "4", "7", "1", "1", "enter")  # the right code, too early
        await pilot.pause()
        assert app.is_running and "Too many tries" in notifications(app)


@pilot_test
async def test_during_the_lockout_a_typed_code_stays_in_the_prompt(bundle: Bundle) -> None:
    """Issue 19: after three wrong codes, Ctrl+Q only said so, and the code staff
    then typed with Enter landed in the open question, for the next person to see."""
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        for _ in range(3):
            await pilot.press("ctrl+q", "1", "2", "3", "4", "enter")
            await pilot.pause()
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, PinScreen)
        assert "accepted again in" in screen_text(app)
        await pilot.press("4", "7", "1", "1", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuestionScreen)
        assert app.screen.query_one(Input).value == ""
        assert "4711" not in screen_text(app)
        assert "accepted again in" in notifications(app)


@pilot_test
async def test_the_code_pad_has_a_delete_key_a_finger_reaches(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, PinScreen)
        for key in ("#keypad-4", "#keypad-7", "#keypad-9", "#keypad-delete", "#keypad-1"):
            await tap(pilot, key)
        await tap(pilot, "#keypad-1")
        assert app.screen.code == "4711"
        await tap(pilot, "#pin-ok")
        await pilot.pause()
        assert app.return_code == 0


@pilot_test
async def test_the_app_keys_do_not_reach_under_the_code_prompt(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q", "f2", "ctrl+n", "ctrl+n", "f3")
        assert isinstance(app.screen, PinScreen) and app.lang == "en" and app.theme == KIOSK
        await pilot.press("escape")
        assert isinstance(app.screen, WelcomeScreen)


@pilot_test
async def test_the_countdown_closes_the_code_prompt(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q", "4")
        assert isinstance(app.screen, PinScreen) and app.kiosk is not None
        app.kiosk.set_times(0.3, 0.3)
        await wait_until(pilot, lambda: app.kiosk is not None and app.kiosk.resets == 1)
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 2


# --- by mouse or touch alone -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
@pilot_test
async def test_a_whole_interview_by_touch_alone(bundle: Bundle, lang: str) -> None:
    app = kiosk_app(bundle, lang, idle=60)
    async with app.run_test(size=SIZE) as pilot:

        async def choose(number: int) -> None:
            """Tap the choice numbered ``number`` in the list (by its line)."""
            choices = app.screen.query_one("#choices").region
            await tap_at(pilot, choices.x + 6, choices.y + number)  # inside the frame

        await tap(pilot, "#start")
        assert isinstance(app.screen, QuestionScreen)
        await tap(pilot, "#next")  # an empty age: refused, still here
        assert app.interview is not None and app.interview.current == "age"
        for key in ("#keypad-2", "#keypad-7", "#keypad-delete", "#keypad-0"):
            await tap(pilot, key)
        assert app.screen.query_one("#number-input", Input).value == "20"
        await tap(pilot, "#back")  # back to the welcome screen, and on again
        assert isinstance(app.screen, WelcomeScreen)
        await tap(pilot, "#start")
        await tap(pilot, "#next")
        assert app.interview.answers["age"] == 20
        await choose(1)  # a private company
        await choose(2)  # general baccalaureate
        await tap(pilot, "#next")  # current situation: the default
        assert app.interview.answers["status"] == "unknown"
        # Tapped while Next still shows the last press (issue 12: it took no tap then).
        await tap(pilot, "#next")  # year of study: the default
        assert app.interview.current == "duration_months", app.interview.current
        for key in ("#keypad-2", "#keypad-4", "#next"):  # 24 months
            await tap(pilot, key)
        assert app.interview.answers["duration_months"] == 24
        while isinstance(app.screen, QuestionScreen):
            shown = app.interview.current
            await tap(pilot, "#next")  # the defaults
            assert app.interview.current != shown, shown  # every tap moves on
        assert isinstance(app.screen, ReviewScreen)
        # A key bar item is a click target too: "R" (results).
        bar = app.screen.query_one("KeyBar")
        await click_key_bar(pilot, bar, "R ")
        assert isinstance(app.screen, ResultsScreen)
        await click_key_bar(pilot, app.screen.query_one("KeyBar"), "Esc ")
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen.query_one("#review-list").region
        await tap_at(pilot, review.x + 4, review.bottom - 2)  # "See the results"
        assert isinstance(app.screen, ResultsScreen)
        await tap(pilot, "#finish-erase")
        await wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert answer_free(app)


@pilot_test
async def test_a_key_of_the_number_pad_tapped_twice_types_twice(bundle: Bundle) -> None:
    """Textual's Button takes no click while it shows its last press (0.2 s):
    the second "2" of 22, or of a staff code, was lost."""
    app = kiosk_app(bundle, idle=60)
    async with app.run_test(size=SIZE) as pilot:
        await tap(pilot, "#start")
        key = app.screen.query_one("#keypad-2").region
        x, y = key.x + key.width // 2, key.y + key.height // 2
        for _ in range(2):  # both before the app has handled either
            mouse(app, events.MouseDown, x, y)
            mouse(app, events.MouseUp, x, y)
        field = app.screen.query_one("#number-input", Input)
        await wait_until(pilot, lambda: field.value == "22")
        await tap(pilot, "#next")
        assert app.interview is not None and app.interview.answers["age"] == 22


async def click_key_bar(pilot: Pilot[Any], bar: Any, label: str) -> None:
    """Click the key bar item that starts with ``label``."""
    text = str(bar.content)
    column = text.index(label)
    await tap_at(pilot, bar.region.x + 1 + column, bar.region.y)


@pilot_test
async def test_a_flow_loaded_under_the_countdown_waits_for_it(bundle: Bundle) -> None:
    """Enter pressed before the flow has loaded starts the interview once it
    has; if the countdown is up by then, the interview must not replace it."""
    app = kiosk_app(bundle, idle=60, countdown=60)
    async with app.run_test(size=SIZE) as pilot:
        assert app.kiosk is not None
        app.kiosk.start_countdown()
        await pilot.pause()
        app.action_start()  # what the loaded flow does for an early Enter
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        await pilot.press("x")
        assert isinstance(app.screen, QuestionScreen)
        assert len(app.screen_stack) == 2


@pilot_test
async def test_keys_after_the_code_prompt_closes_go_nowhere_else(bundle: Bundle) -> None:
    """Found by the monkey: Enter, Enter queued on the prompt closed it twice,
    popping the page below it."""
    app = kiosk_app(bundle, idle=60, pin="4711")
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(events.Key("ctrl+q", "\x11"))
        for _ in range(4):
            app.post_message(events.Key("enter", "\r"))
            app.post_message(events.Key("escape", "\x1b"))
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and len(app.screen_stack) >= 2
        assert isinstance(app.screen_stack[1], WelcomeScreen | QuestionScreen)
