"""Whole interviews driven like a person would, by keyboard and by mouse (Pilot)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.tui.conftest import AS_OF, SIZE, MakeApp, notifications, pilot_test, screen_text
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from alternance_tui.advice.load import load_bundle
from alternance_tui.tui.app import AlternanceApp, build_app
from alternance_tui.tui.options import TuiOptions
from alternance_tui.tui.pages.question import QuestionScreen
from alternance_tui.tui.pages.results import ResultsScreen
from alternance_tui.tui.pages.review import ReviewScreen
from alternance_tui.tui.pages.small import TooSmallScreen
from alternance_tui.tui.pages.welcome import WelcomeScreen
from alternance_tui.tui.widgets.controls import ChoiceList

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general"}


async def answer_young_person(pilot: Pilot[int]) -> None:
    """From the welcome screen: 20 years old, private employer, general bac, 24 months."""
    await pilot.press("enter")  # start
    await pilot.press("2", "0", "enter")  # age
    await pilot.press("1")  # a private company
    await pilot.press("2")  # general baccalaureate
    await pilot.press("enter")  # current situation: "rather not say", the default
    await pilot.press("enter")  # year of study: "a first year", pre-selected from the bac
    await pilot.press("2", "4", "enter")  # 24 months
    await pilot.press("enter")  # RQTH: no, the default
    await pilot.press("enter")  # no previous apprenticeship, the default
    await pilot.press("enter")  # starts in September, the default
    await pilot.press("enter")  # birth month: not given
    await pilot.press("enter")  # 35 h a week, the default
    await pilot.press("enter")  # agreement minimum: not known
    await pilot.press("enter")  # no interests ticked
    await pilot.press("enter")  # either campus, the default
    await pilot.pause()


def prompt(app: AlternanceApp) -> str:
    assert isinstance(app.screen, QuestionScreen)
    return str(app.screen.query_one("#prompt").content)  # type: ignore[attr-defined]


@pilot_test
async def test_an_english_interview_by_keyboard_reaches_the_results(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        assert "Nothing is sent anywhere" in screen_text(app)
        await answer_young_person(pilot)
        assert isinstance(app.screen, ReviewScreen)
        review = screen_text(app)
        assert "20 years" in review and "General baccalaureate" in review
        await pilot.press("enter")  # "See the results" is highlighted
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        shown = screen_text(app)
        assert "As of" in shown or "as of 1 January 2026" in shown
        assert "rates known up to" in shown
        # Eligible contracts first, each with its status in words and a symbol.
        titles = [card.card.title for card in app.screen.query("ResultCard")][:4]
        assert titles[-1] == "Internship agreement"
        assert "✔ Open to you" in shown and "✘ Not open to you" in shown
        assert "€783.90" in shown  # apprenticeship, year 1 at 20: 43 % of the SMIC
        assert "1 January 2026" in shown
        # The SMIC it is worked out on, with its date: under the first card's
        # "Sources and calculation", opened on demand (Tab to the card, Enter).
        assert "€1,823.03" not in shown
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert "€1,823.03 from 1 January 2026" in screen_text(app)
        # Which rules these results follow, as the handout and the JSON say it.
        from alternance_tui.advice.version import rules_version

        assert app.bundle is not None
        assert f"Rules version: {rules_version(app.bundle)}" in shown


@pilot_test
async def test_a_french_interview_with_the_mouse(make_app: MakeApp) -> None:
    app = make_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        assert prompt(app).startswith("Quel âge")
        app.screen.query_one("#number-input", Input).value = "20"
        await pilot.click("#next")
        await pilot.pause()
        assert prompt(app).startswith("Avec quel type d’employeur")
        await pilot.click("#choices", offset=(6, 2))  # the second choice: public
        await pilot.pause()
        assert app.interview is not None
        assert app.interview.answers["employer_sector"] == "public"
        assert prompt(app).startswith("Quel est votre diplôme")
        await pilot.click("#back")
        await pilot.pause()
        assert prompt(app).startswith("Avec quel type d’employeur")
        assert "(•) 2" in screen_text(app)  # the answer given is shown chosen


@pilot_test
async def test_a_clicked_choice_is_no_click_on_the_next_question(make_app: MakeApp) -> None:
    """The click that answers a question is over once it has: Textual's own
    OptionList handler used to take it too, on the list already refilled with
    the next question. It highlighted the line clicked there, so that Next took
    that line rather than the choice marked (•), and stopped the app when the
    next question had fewer lines."""
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "0", "enter")
        await pilot.click("#choices", offset=(6, 1))  # a private company
        await pilot.click("#choices", offset=(6, 2))  # general baccalaureate
        assert prompt(app).startswith("What is your situation")
        choices = app.screen.query_one("#choices", ChoiceList)
        assert choices.highlighted == choices.ids.index("unknown")  # the default, (•)
        await pilot.press("escape")
        assert prompt(app).startswith("What is your highest diploma")
        await pilot.click("#choices", offset=(6, 8))  # the last of 8; the next has 5
        await pilot.pause()
        assert app.is_running
        assert app.interview is not None and app.interview.answers["diploma"] == "master"
        await pilot.press("enter")  # the situation's default
        assert app.interview.answers["status"] == "unknown"


@pilot_test
async def test_enter_on_a_yes_no_after_a_yes_no_takes_the_default_shown(
    make_app: MakeApp,
) -> None:
    """Pressing "N" answers a yes/no without redrawing it; when the next question is a
    yes/no too, with "No" as its default (RQTH after a year of job seeking), the
    list must still be drawn again: it showed no mark and kept the highlight on
    "Yes", so Enter recorded a disability status nobody declared."""
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "2", "enter", "1", "1", "enter", "enter")
        await pilot.press("3", "0", "enter")  # no bac, 30 months
        assert prompt(app).startswith("Do you hold a vocational")
        await pilot.press("y")  # a CAP: the 36 months then need a year of job seeking
        assert prompt(app).startswith("Have you been registered as a job seeker")
        await pilot.press("n")
        await pilot.pause()
        assert prompt(app).startswith("Do you have RQTH")
        assert "(•) 2 No" in screen_text(app)
        await pilot.press("enter")
        assert app.interview is not None and app.interview.answers["rqth"] is False


@pilot_test
async def test_back_and_forth_keeps_every_answer(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "0", "enter", "3")
        assert prompt(app).startswith("What is your highest diploma")
        await pilot.press("escape")
        assert prompt(app).startswith("With what kind of employer")
        await pilot.press("escape")
        assert prompt(app).startswith("How old")
        field = app.screen.query_one("#number-input", Input)
        assert field.value == "20"
        # The answer is selected, so typing replaces it; Backspace edits the
        # text field and does not go back.
        await pilot.press("2", "2", "backspace")
        assert field.value == "2"
        assert prompt(app).startswith("How old")
        await pilot.press("1", "enter")
        assert prompt(app).startswith("With what kind of employer")
        assert "(•) 3" in screen_text(app)
        await pilot.press("enter")  # keeps "a private individual"
        assert prompt(app).startswith("What is your highest diploma")
        # Outside a text field, Backspace goes back too.
        await pilot.press("backspace")
        assert prompt(app).startswith("With what kind of employer")


@pilot_test
async def test_a_wrong_number_shows_an_error_and_stays(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1")
        assert "✘" not in screen_text(app)  # "1" may still become "18"
        await pilot.press("enter")
        assert "✘ Enter a number between 15 and 99 years." in screen_text(app)
        assert prompt(app).startswith("How old")
        await pilot.press("x")
        assert "is not a number" in screen_text(app)
        await pilot.press("backspace", "9", "enter")
        assert prompt(app).startswith("With what kind of employer")


@pilot_test
async def test_switching_language_mid_way_keeps_the_answers(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "7", "enter")
        assert prompt(app).startswith("Are you a registered job seeker")
        await pilot.press("f2")
        assert prompt(app).startswith("Êtes-vous inscrit")
        assert "Oui" in screen_text(app)
        await pilot.press("o")  # oui
        await pilot.press("escape", "escape")
        assert prompt(app).startswith("Quel âge")
        assert app.screen.query_one("#number-input", Input).value == "27"
        await pilot.press("f2")
        assert prompt(app).startswith("How old")
        assert app.interview is not None
        assert app.interview.answers["jobseeker_or_benefits"] is True


@pilot_test
async def test_typed_text_survives_a_language_switch(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "4")
        await pilot.press("f2")
        assert app.screen.query_one("#number-input", Input).value == "4"


@pilot_test
async def test_editing_from_the_review_returns_to_it_and_keeps_the_rest(
    make_app: MakeApp,
) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await answer_young_person(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("home", "down", "down", "enter")  # the diploma
        assert prompt(app).startswith("What is your highest diploma")
        assert "Enter saves and returns to the review" in screen_text(app)
        await pilot.press("7")  # M1
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "First year of a master’s" in text and "20 years" in text and "24 months" in text


@pilot_test
async def test_a_question_an_edit_brings_is_asked_and_said_to_be_new(make_app: MakeApp) -> None:
    """Employer public, then private in the review: the agreement minimum now counts,
    so it is asked ("1 new question after your change"), then the review again."""
    app = make_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "2", "enter", "2", "6")  # 22, public, licence
        await pilot.press(*["enter"] * 2, "1", "2", "enter")  # 12 months
        # the defaults and optional answers (RQTH, previous apprenticeship, same-level
        # diploma, months, hours, interests, campus), to the review
        await pilot.press(*["enter"] * 8)
        assert isinstance(app.screen, ReviewScreen)
        assert "Minimum conventionnel" not in screen_text(app)
        await pilot.press("home", "down", "enter", "1")  # the employer: a private company
        assert prompt(app).startswith("Connaissez-vous le salaire minimum")
        assert "1 nouvelle question après votre changement" in screen_text(app)
        await pilot.press("enter")  # left empty: not known
        assert isinstance(app.screen, ReviewScreen)
        assert "(par défaut)" not in screen_text(app).split("Minimum conventionnel")[1][:40]


@pilot_test
async def test_editing_from_the_results_goes_straight_back_to_updated_results(
    make_app: MakeApp,
) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await answer_young_person(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "€783.90" in screen_text(app)
        await pilot.press("escape")  # to the review
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("home", "enter")  # age
        await pilot.press("2", "7", "enter")
        # 27: a new question applies before the results.
        assert prompt(app).startswith("Are you a registered job seeker")
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        shown = screen_text(app)
        assert "Aged 27" in shown
        assert "€783.90" not in shown


@pilot_test
async def test_answers_file_opens_on_the_results(make_app: MakeApp) -> None:
    answers = {"age": 20, "employer_sector": "private", "diploma": "bac_general"}
    app = make_app("en", answers={**answers, "duration_months": 24})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "€783.90" in screen_text(app)


@pilot_test
async def test_switching_language_on_the_results_rewrites_them(make_app: MakeApp) -> None:
    app = make_app("en", answers={**YOUNG, "duration_months": 24})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "€783.90" in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "783,90\u00a0€" in shown and "Ouvert pour vous" in shown
        assert "1er janvier 2026" in shown


@pilot_test
async def test_answers_file_with_a_bad_value_opens_on_that_question(make_app: MakeApp) -> None:
    app = make_app(
        "en",
        answers={
            "age": 20,
            "employer_sector": "nasa",
            "diploma": "bac_general",
            "duration_months": 6,
        },
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert prompt(app).startswith("With what kind of employer")
        said = notifications(app)
        assert "Some answers in me.json were not taken" in said
        assert "employer_sector: “nasa” is not one of the choices" in said
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)  # the other answers were kept


@pilot_test
async def test_a_small_window_asks_to_be_enlarged_then_recovers(make_app: MakeApp) -> None:
    app = make_app("fr")
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = screen_text(app)
        assert "Agrandissez la fenêtre" in text and "50 × 15" in text
        await pilot.press("enter")  # no effect while too small
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        assert prompt(app).startswith("Quel âge")
        await pilot.resize_terminal(59, 24)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert prompt(app).startswith("Quel âge")


@pilot_test
async def test_autosave_then_resume_where_the_person_left(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "0", "enter", "1")
        app.save_now()
    saved = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions" / "autosave.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"] == {"age": 20, "employer_sector": "private"}
    assert data["current"] == "diploma"

    again = make_app("en", resume="")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert prompt(again).startswith("What is your highest diploma")
        assert "Session resumed (2 answers)" in notifications(again)


@pilot_test
async def test_resuming_keeps_the_session_language_unless_lang_is_given(
    make_app: MakeApp,
) -> None:
    app = make_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "0", "enter")
        app.save_now()
    # The locale says English, but the person was answering in French.
    again = make_app("en", resume="")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert prompt(again).startswith("Avec quel type d’employeur")
    forced = make_app("en", resume="", lang_given=True)
    async with forced.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert prompt(forced).startswith("With what kind of employer")


@pilot_test
async def test_a_new_interview_offers_the_saved_one_and_keeps_it(make_app: MakeApp) -> None:
    first = make_app("en")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "4", "0", "enter")
        first.save_now()
    second = make_app("en")
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)  # the saved session is looked for after the first frame
        await second.workers.wait_for_complete()
        await pilot.pause()
        assert "Resume (1 answers" in screen_text(second)
        await pilot.press("enter", "2", "0", "enter")
        second.save_now()
    sessions = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    previous = json.loads((sessions / "previous.json").read_text(encoding="utf-8"))
    assert previous["answers"] == {"age": 40}  # set aside, not overwritten


@pilot_test
async def test_ctrl_n_twice_starts_again_and_keeps_the_old_answers_aside(
    make_app: MakeApp,
) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "3", "3", "enter")
        await pilot.press("ctrl+n")
        assert "Press Ctrl+N again" in notifications(app)
        assert prompt(app).startswith("Are you a registered job seeker")  # nothing lost yet
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.interview is not None and app.interview.answers == {}
        app.save_now()
    sessions = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    previous = json.loads((sessions / "previous.json").read_text(encoding="utf-8"))
    assert previous["answers"] == {"age": 33}


@pilot_test
async def test_a_damaged_saved_session_is_set_aside_with_a_message(make_app: MakeApp) -> None:
    sessions = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "autosave.json").write_text("{half a file", encoding="utf-8")
    os.utime(sessions / "autosave.json", (1e9, 1e9))  # long damaged: no write in progress
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "was damaged" in notifications(app) and "set aside" in notifications(app)
        assert isinstance(app.screen, WelcomeScreen)
    assert not (sessions / "autosave.json").exists()
    assert list(sessions.glob("autosave.damaged-*.json.bak"))


@pilot_test
async def test_kiosk_mode_cannot_quit_and_writes_nothing(make_app: MakeApp) -> None:
    app = make_app("fr", kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "Rien n’est envoyé ni enregistré" in screen_text(app)
        await answer_young_person(pilot)
        await pilot.press("ctrl+q", "ctrl+c")
        await pilot.pause(0.5)
        assert app.is_running
        app.save_now()
    data = Path(os.environ["ALTERNANCE_DATA_DIR"])
    assert not data.exists() or not any(data.rglob("*.json"))


@pilot_test
async def test_key_mashing_never_breaks_the_app(make_app: MakeApp) -> None:
    app = make_app("en")
    keys = ["enter", "9", "x", "escape", "backspace", "f1", "f2", "f3", "up", "down", "space"]
    async with app.run_test(size=SIZE) as pilot:
        for round_ in range(6):
            await pilot.press(*keys[round_:], *keys[:round_], "enter", "enter", "1")
        await pilot.pause()
        assert app.is_running


async def type_in_one_burst(pilot: Pilot[int], *keys: str) -> None:
    """Keys arriving together, as from a fast typist, a paste or a browser
    session: all of them queued before the app handles the first (pilot.press
    waits for the app after each key)."""
    app = pilot.app
    assert app._driver is not None
    characters = {"enter": "\r", "backspace": "\x7f", "left": None, "escape": "\x1b"}
    for key in keys:
        event = events.Key(key, characters.get(key, key))
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(len(keys) + 2):  # a key handed on to the next question takes a turn
        await pilot.pause()


@pilot_test
async def test_keys_typed_in_one_burst_answer_each_question_in_turn(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        # age 20, a private company, general bac, an employee, the year of study
        # offered, 24 months, no RQTH, no previous apprenticeship: all typed at once
        await type_in_one_burst(
            pilot, "2", "0", "enter", "1", "2", "2", "enter", "2", "4", "enter", "enter", "enter"
        )
        assert app.interview is not None
        assert app.interview.answers == {
            "age": 20,
            "employer_sector": "private",
            "diploma": "bac_general",
            "status": "employee",
            "entry_level": "other",
            "duration_months": 24,
            "rqth": False,
            "previous_apprenticeship": "none",
        }
        assert prompt(app) == "In which month would the contract start?"
        # A month's two digits in a burst, then the birth month left unknown.
        await type_in_one_burst(pilot, "1", "1", "enter")
        assert app.interview.answers["start_month"] == 11
        assert app.interview.answers["birth_month"] is None
        assert prompt(app) == "How many hours a week?"
        # Backspace between characters is applied where it was typed.
        await type_in_one_burst(pilot, "3", "0", "backspace", "8", "left", "2")
        assert app.screen.query_one("#number-input", Input).value == "328"


@pilot_test
async def test_help_opens_and_closes_with_f1(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f1")
        assert "It decides which contracts are open" in screen_text(app)
        await pilot.press("f1")
        assert "It decides which contracts are open" not in screen_text(app)


@pilot_test
async def test_months_are_picked_by_name_or_typed_from_1_to_12(make_app: MakeApp) -> None:
    """The start and birth months are the twelve months by name; "1" waits for a
    second digit (10, 11, 12); the optional birth month starts on "Not known"."""
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2", "0", "enter", "1", "2", "enter", "enter")
        # 24 months, no RQTH, no previous apprenticeship
        await pilot.press("2", "4", "enter", "enter", "enter")
        assert prompt(app) == "In which month would the contract start?"
        choices = app.screen.query_one("#choices", ChoiceList)
        assert choices.labels[:3] == ["January", "February", "March"]
        assert len(choices.labels) == 12 and choices.selected == {"9"}  # September
        await pilot.press("1")  # January, or the start of 10, 11, 12: not taken yet
        assert prompt(app) == "In which month would the contract start?"
        await pilot.press("2")  # December
        assert prompt(app) == "In which month were you born?"
        choices = app.screen.query_one("#choices", ChoiceList)
        assert choices.labels[-1] == "Not known" and choices.selected == {"not_known"}
        await pilot.press("enter")  # not known: no answer
        assert prompt(app) == "How many hours a week?"
        assert app.interview is not None
        assert app.interview.answers["start_month"] == 12
        assert app.interview.answers["birth_month"] is None
        await pilot.press("escape")
        await pilot.press("3")  # March, at once: no month number starts with 3 and goes on
        assert app.interview.answers["birth_month"] == 3
        await pilot.press(*["enter"] * 4)  # hours, agreement minimum, interests, campus
        assert isinstance(app.screen, ReviewScreen)
        review = screen_text(app)
        assert "December" in review and "March" in review


@pilot_test
async def test_escape_closes_the_help_before_going_back(make_app: MakeApp) -> None:
    """A person reading F1's help presses Escape to close it, not to leave the question;
    its French clauses keep their spacing (no line starts with "; pour")."""
    app = make_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f1")
        assert "\u202f; pour un contrat" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)
        assert app.interview is not None and app.interview.current == "age"
        assert "pour un contrat" not in screen_text(app)
        await pilot.press("escape")  # now it goes back
        assert isinstance(app.screen, WelcomeScreen)


@pilot_test
async def test_a_flow_without_advice_shows_its_outcome(make_app: MakeApp, bike_path: Path) -> None:
    bike = load_bundle(bike_path)
    app = make_app("en", flow_bundle=bike, flow_path=bike_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "Which bike suits you?" in screen_text(app)
        # In town, 20 km a day, nothing to carry: an electric bike.
        await pilot.press("enter", "1", "2", "0", "enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        shown = screen_text(app)
        assert "An electric bike" in shown and "Longer rides without arriving tired." in shown


@pilot_test
async def test_a_cold_start_draws_the_welcome_before_loading_the_flow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ALTERNANCE_NO_CACHE", raising=False)
    options = TuiOptions(lang="en", as_of=AS_OF)
    build_app(options)  # the first start ever works the welcome facts out and caches them
    app = build_app(options)
    assert app.bundle is None  # the second start does not load the flow before drawing
    async with app.run_test(size=SIZE) as pilot:
        assert "About " in screen_text(app)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert prompt(app).startswith("How old")


def test_a_broken_flow_is_refused_with_a_clear_message(tmp_path: Path, capsys: object) -> None:
    from alternance_tui.tui.app import run

    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nstart = "nowhere"\n', encoding="utf-8")
    code = run(TuiOptions(flow=broken, lang="en", as_of=AS_OF))
    assert code == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "broken.toml" in err and "alternance check" in err
    assert "Traceback" not in err
