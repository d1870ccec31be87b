"""Quitting changes nothing the person did not change (issue 23, item 4).

A data folder holds a short autosave and a long ``previous``: opening the app
and quitting, starting and quitting, or resuming ``previous`` and quitting
must leave both files byte for byte as they were; continuing a resumed
``previous`` swaps the two, so that neither is lost.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.tui.conftest import SIZE, MakeApp, pilot_test, screen_text

from alternance_tui.sessions.store import Session, SessionStore

SHORT = {"age": 20, "employer_sector": "private"}
LONG = {
    "age": 24,
    "employer_sector": "public",
    "diploma": "licence",
    "status": "employee",
    "entry_level": "m1",
    "duration_months": 24,
    "previous_apprenticeship": "none",
    "start_month": 9,
    "weekly_hours": 35,
}


def _folder() -> tuple[SessionStore, Path, Path]:
    store = SessionStore()
    store.save(Session("alternance", dict(SHORT), lang="en", current="diploma"))
    store.save(Session("alternance", dict(LONG), lang="en"), "previous")
    autosave, previous = store.path("autosave"), store.path("previous")
    # Saved an hour ago: a rewrite would show in the times as well as the bytes.
    for path in (autosave, previous):
        os.utime(path, (path.stat().st_atime - 3600, path.stat().st_mtime - 3600))
    return store, autosave, previous


def _state(*paths: Path) -> list[tuple[bytes, int]]:
    return [(p.read_bytes(), p.stat().st_mtime_ns) for p in paths]


def _answers(path: Path) -> dict[str, object]:
    answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    assert isinstance(answers, dict)
    return answers


@pilot_test
async def test_opening_the_app_and_quitting_keeps_both_sessions(make_app: MakeApp) -> None:
    _, autosave, previous = _folder()
    before = _state(autosave, previous)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)  # the saved session is looked for after the first frame
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Resume (2 answers" in screen_text(app)
        await pilot.press("ctrl+q")
    app.save_now()
    assert _state(autosave, previous) == before


@pilot_test
async def test_starting_without_answering_and_quitting_keeps_both(make_app: MakeApp) -> None:
    _, autosave, previous = _folder()
    before = _state(autosave, previous)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # "Start", not "Resume": then nothing typed
        await pilot.press("ctrl+q")
    app.save_now()
    assert _state(autosave, previous) == before


@pilot_test
async def test_resuming_previous_and_quitting_keeps_both(make_app: MakeApp) -> None:
    _, autosave, previous = _folder()
    before = _state(autosave, previous)
    app = make_app("en", resume="previous")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.interview is not None and len(app.interview.answers) == len(LONG)
        await pilot.press("ctrl+q")
    app.save_now()
    assert _state(autosave, previous) == before


@pilot_test
async def test_resuming_the_autosave_from_the_offer_and_quitting_keeps_both(
    make_app: MakeApp,
) -> None:
    _, autosave, previous = _folder()
    before = _state(autosave, previous)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.action_resume()
        await pilot.pause()
        assert app.interview is not None and app.interview.answers == SHORT
        await pilot.press("ctrl+q")
    app.save_now()
    assert _state(autosave, previous) == before


@pilot_test
async def test_continuing_previous_swaps_it_with_the_autosave(make_app: MakeApp) -> None:
    _, autosave, previous = _folder()
    app = make_app("en", resume="previous")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.interview is not None
        app.edit("age")
        await pilot.pause()
        await pilot.press("backspace", "backspace", "2", "5", "enter")
        await pilot.pause()
        assert app.interview.answers["age"] == 25
    app.save_now()
    assert _answers(autosave) == {**LONG, "age": 25}  # the session continued
    assert _answers(previous) == SHORT  # and the one it replaced, set aside


@pilot_test
async def test_a_first_answer_after_the_offer_sets_the_old_autosave_aside(
    make_app: MakeApp,
) -> None:
    _, autosave, previous = _folder()
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter", "3", "0", "enter")
        await pilot.pause()
    app.save_now()
    assert _answers(autosave) == {"age": 30}
    assert _answers(previous) == SHORT
