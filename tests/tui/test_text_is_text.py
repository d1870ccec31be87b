"""Text from people and files is text everywhere on screen (issue 23, items 5, 8,
9 and 10 in the app): Rich markup in a session's name, an answer or a resumed
name is shown as typed, never parsed (a "[/]" stopped --advisor at every
start); two files holding the same name are both listed; the app's own names
are refused where a name is typed; a lone surrogate in the notes is saved."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.tui.conftest import AS_OF, SIZE, MakeApp, pilot_test
from textual.widgets import DataTable, Input
from textual.widgets._toast import Toast

from alternance_tui.sessions.store import Session, SessionStore
from alternance_tui.tui.advisor.sessions import SessionsScreen
from alternance_tui.tui.app import AlternanceApp, build_app
from alternance_tui.tui.options import TuiOptions
from alternance_tui.tui.widgets.dialogs import AskScreen

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
LINK = "Martin [link=https://example.org]x[/link]"


def advisor_app() -> AlternanceApp:
    return build_app(TuiOptions(lang="en", lang_given=True, advisor=True, as_of=AS_OF))


def rows(app: AlternanceApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def toasts(app: AlternanceApp) -> str:
    """The notifications as drawn (markup, if parsed, would be gone or an error)."""
    return "\n".join(
        str(toast.render()) for screen in app.screen_stack for toast in screen.query(Toast)
    )


@pilot_test
async def test_session_names_with_markup_are_listed_as_typed() -> None:
    store = SessionStore()
    store.save(Session("alternance", dict(YOUNG), name="Dupont [/]"), "Dupont [/]")
    store.save(Session("alternance", dict(YOUNG), name=LINK), LINK)
    app = advisor_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        names = sorted(r[0] for r in rows(app))
        assert names == sorted(["Dupont [/]", LINK])


@pilot_test
async def test_two_files_with_the_same_name_inside_are_both_listed_and_opened() -> None:
    store = SessionStore()
    path = store.save(Session("alternance", dict(YOUNG), name="Zoé"), "Zoe")
    copy = dict(json.loads(path.read_text(encoding="utf-8")), answers={"age": 31})
    (store.directory / "Zoe (copy).json").write_text(json.dumps(copy), encoding="utf-8")
    app = advisor_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        listed = [r[0] for r in rows(app)]
        assert len(listed) == 2 and all(name.startswith("Zoé") for name in listed)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=next(i for i, n in enumerate(listed) if "copy" in n))
        await pilot.press("enter")
        await pilot.pause()
        assert app.interview is not None and app.interview.answers == {"age": 31}


@pilot_test
async def test_answers_with_markup_are_reported_as_typed(make_app: MakeApp) -> None:
    app = make_app("en", answers={"[/]": 1, "age": "[b]x[/b] [/]"})
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shown = toasts(app)
        assert "[/]" in shown and "[b]x[/b] [/]" in shown


@pilot_test
async def test_a_resumed_name_with_markup_is_said_as_typed(make_app: MakeApp) -> None:
    app = make_app("en", resume="[link=https://example.org]Zoe[/link] [/]")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "[link=https://example.org]Zoe[/link] [/]" in toasts(app)


@pilot_test
async def test_the_apps_own_names_are_refused_for_a_new_session() -> None:
    app = advisor_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        said = {
            "previous": "“previous” is the name of the app's own session",
            "autosave-2": "“autosave-2” is the name of the app's own session",
            "...": "“...” cannot name a session",
            "[/]": "“[/]” cannot name a session",
        }
        for name, words in said.items():
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, AskScreen)
            app.screen.query_one(Input).value = name
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SessionsScreen), name
            assert words in toasts(app)  # drawn as typed, right away
    data = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    assert not (data / "previous.json").exists() and not (data / "autosave-2.json").exists()


@pilot_test
async def test_notes_with_a_lone_surrogate_are_saved(make_app: MakeApp) -> None:
    app = advisor_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n", "Z", "o", "e", "enter")
        await pilot.pause()
        state = app.advisor
        assert state is not None
        state.notes = "call \ud800 back [/]"
        app.autosave.write()
        await pilot.pause()
        app.save_now()
    saved = SessionStore().load("Zoe", lang="en").session
    assert saved is not None and saved.notes == "call \ufffd back [/]"
