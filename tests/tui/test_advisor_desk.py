"""The sessions screen of a counselling day (issue 18), driven by keys: the
cursor stays on the session after a refusal, a delete names what it holds and
can be undone, the list shows notes, scenarios and language, sorts, filters,
and follows what another window or the command line did."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.tui.conftest import SIZE, pilot_test
from tests.tui.test_advisor import advisor_app, type_text
from tests.tui.test_advisor_snapshots import PRIVATE, write_session
from textual.pilot import Pilot
from textual.widgets import DataTable

from alternance_tui.sessions.store import SessionStore
from alternance_tui.tui.advisor.sessions import POLL_SECONDS, SessionsScreen
from alternance_tui.tui.widgets.dialogs import ConfirmScreen


def names(app: Any) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def highlighted(app: Any) -> str:
    table = app.screen.query_one(DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


async def highlight(pilot: Pilot[Any], app: Any, name: str) -> None:
    for _ in range(len(names(app))):
        if highlighted(app) == name:
            return
        await pilot.press("down")
    assert highlighted(app) == name, names(app)


def three_students() -> None:
    write_session("Zoé", PRIVATE, 0, notes="Rappeler", scenarios={"B": PRIVATE, "C": PRIVATE})
    write_session("Karim", PRIVATE, 1)
    write_session("Léa", {"age": 30}, 2, lang="fr")


@pilot_test
async def test_a_refused_rename_keeps_the_cursor_and_a_delete_can_be_undone() -> None:
    three_students()
    app = advisor_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        assert names(app) == ["Léa", "Karim", "Zoé"]  # newest first
        await highlight(pilot, app, "Karim")
        await pilot.press("r", *["backspace"] * 5)
        await type_text(pilot, "Zoé")
        await pilot.press("enter")  # "Une session s'appelle déjà…"
        await pilot.pause()
        assert highlighted(app) == "Karim"  # not the top row
        await highlight(pilot, app, "Zoé")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        asked = app.screen.question.replace("\u00a0", " ").replace("\u202f", " ")
        assert "« Zoé » — 4 réponses, terminée, 3 scénarios, notes" in asked
        assert "corbeille" in asked
        await pilot.press("y")
        await pilot.pause()
        assert names(app) == ["Léa", "Karim"]
        assert not SessionStore().exists("Zoé")
        await pilot.press("u")  # restored, with her scenarios and notes
        await pilot.pause()
        assert sorted(names(app)) == ["Karim", "Léa", "Zoé"]
        back = SessionStore().load("Zoé", lang="fr").session
        assert back is not None and back.notes == "Rappeler" and len(back.scenarios) == 2


@pilot_test
async def test_the_list_shows_what_an_advisor_looks_for_sorts_and_filters() -> None:
    three_students()
    write_session("autosave-3", PRIVATE, 3)  # a student's: not listed
    app = advisor_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        head = [str(c.label) for c in table.columns.values()]
        assert head == ["Name", "Saved", "Progress", "Scen.", "Notes", "Language"]
        zoe = [str(c) for c in table.get_row_at(names(app).index("Zoé"))]
        assert zoe[2:] == ["4 answers, complete", "3", "yes", "en"]
        assert "autosave-3" not in names(app)
        await pilot.press("s")
        assert names(app) == ["Karim", "Léa", "Zoé"]  # by name
        await pilot.press("slash")
        await type_text(pilot, "le")  # "Léa", accent or not
        await pilot.pause()
        assert names(app) == ["Léa"]
        await pilot.press("enter")
        await pilot.press("backspace")
        assert highlighted(app) == "Léa"


@pilot_test
async def test_the_list_follows_what_the_command_line_did() -> None:
    """Issue 18, item 4: a session deleted from the command line stayed listed
    ("introuvable" on Enter) until the app was restarted."""
    three_students()
    app = advisor_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Karim" in names(app)
        SessionStore().path("Karim").unlink()  # `alternance sessions delete Karim`
        write_session("Noé", PRIVATE, 4)  # another window's new session
        await asyncio.sleep(POLL_SECONDS * 1.5)
        await pilot.pause()
        assert sorted(names(app)) == ["Léa", "Noé", "Zoé"]


@pilot_test
async def test_every_key_an_advisor_needs_shows_whole_at_80_columns() -> None:
    """Issue 18, item 14: at 80x24 F4 to F7 and ^Q were not shown at all, and
    at 120 columns the footer ended "F6 Fiche  F7"."""
    from alternance_tui.tui.widgets.controls import KeyBar

    three_students()
    for size in (SIZE, (120, 40)):
        app = advisor_app("fr")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # Léa's session: the interview's footer
            await pilot.pause()
            bar = app.screen.query_one(KeyBar)
            lines = [bar.render_line(y).text.rstrip() for y in range(bar.size.height)]
            shown = " ".join(lines).replace("\u00a0", " ")
            for words in ("F4 Notes", "F5 Scénarios", "F6 Fiche", "F7 Sessions", "^Q Quitter"):
                assert words in shown, (size, lines)
            assert all(len(line) <= size[0] for line in lines)
            assert shown.startswith("◆ Léa"), lines  # whose session this is (item 2)


@pilot_test
async def test_f6_from_the_comparison_offers_this_scenario_or_all_side_by_side() -> None:
    """Issue 18, item 9: F6 printed whichever scenario was active, unnamed."""
    import os
    from pathlib import Path

    from alternance_tui.tui.advisor.compare import CompareScreen
    from alternance_tui.tui.widgets.dialogs import PickScreen

    public = {**PRIVATE, "employer_sector": "public"}
    write_session("Zoé", PRIVATE, 0, scenarios={"B": public}, active="B")
    documents = Path(os.environ["ALTERNANCE_DOCUMENTS_DIR"])
    app = advisor_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "f5")  # Zoé's session, then her scenarios
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("1", "enter")  # this scenario, at the path offered
        await pilot.pause()
        handout = (documents / "handout-Zoe-B-en.html").read_text(encoding="utf-8")
        assert "For: Zoé · Scenario B" in handout
        await pilot.press("f6", "2", "enter")  # all of them side by side
        await pilot.pause()
        both = (documents / "comparison-Zoe-en.html").read_text(encoding="utf-8")
        assert "Session: Zoé" in both and "Scenario A" in both and "Scenario B" in both
