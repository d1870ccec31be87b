"""Advisor mode driven by keys (Pilot): named sessions, notes, scenarios, the handout.
Only the journeys that matter here; the logic below the UI is tested in tests/advisor."""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import AS_OF, SIZE, pilot_test
from textual.pilot import Pilot
from textual.widgets import DataTable

from alternance_tui.tui.advisor.sessions import SessionsScreen
from alternance_tui.tui.app import AlternanceApp, build_app
from alternance_tui.tui.options import TuiOptions
from alternance_tui.tui.pages.question import QuestionScreen


def advisor_app(lang: str = "en") -> AlternanceApp:
    return build_app(TuiOptions(lang=lang, lang_given=True, advisor=True, as_of=AS_OF))


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def new_session(pilot: Pilot[Any], name: str, age: str) -> None:
    await pilot.press("n")
    await type_text(pilot, name)
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, age)
    await pilot.press("enter", "1")  # the age, then a private employer
    await pilot.pause()


def rows(app: AlternanceApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


@pilot_test
async def test_three_named_sessions_listed_renamed_deleted_and_reopened() -> None:
    app = advisor_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("f2", "f2")  # the language changes here; the sessions stay
        assert isinstance(app.screen, SessionsScreen)
        for name, age in [("Zoé", "20"), ("K12", "30"), ("Sam", "24")]:
            await new_session(pilot, name, age)
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("f7")  # back to the sessions, this one saved
            await pilot.pause()
            assert isinstance(app.screen, SessionsScreen)
        listed = rows(app)
        assert sorted(r[0] for r in listed) == ["K12", "Sam", "Zoé"]
        assert all("2 answers" in r[2] for r in listed)
        # Rename Sam and delete K12 (the cursor stays where it was: moved there).
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=[r[0] for r in rows(app)].index("Sam"))
        await pilot.press("r", *["backspace"] * 3)
        await type_text(pilot, "Samia")
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(r[0] for r in rows(app)) == ["K12", "Samia", "Zoé"]
        table.move_cursor(row=[r[0] for r in rows(app)].index("K12"))
        await pilot.press("d", "y")
        await pilot.pause()
        assert sorted(r[0] for r in rows(app)) == ["Samia", "Zoé"]
        # Reopen Zoé: her answers come back, on the question she stopped at.
        table.move_cursor(row=[r[0] for r in rows(app)].index("Zoé"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.interview is not None
        assert app.interview.answers == {"age": 20, "employer_sector": "private"}
        assert isinstance(app.screen, QuestionScreen)
        assert app.interview.current == "diploma"


@pilot_test
async def test_notes_survive_a_restart() -> None:
    from textual.widgets import Checkbox, TextArea

    from alternance_tui.tui.widgets.dialogs import NotesScreen

    app = advisor_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot, "Zoé", "20")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await type_text(pilot, "Rappeler lundi")
        app.screen.query_one(Checkbox).value = True
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("ctrl+q")
    again = advisor_app("fr")
    async with again.run_test(size=SIZE) as pilot:
        assert [r[0] for r in rows(again)] == ["Zoé"]
        await pilot.press("enter")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(again.screen, NotesScreen)
        assert again.screen.query_one(TextArea).text == "Rappeler lundi"
        assert again.screen.query_one(Checkbox).value is True


@pilot_test
async def test_private_against_public_employer_side_by_side() -> None:
    from tests.tui.conftest import screen_text

    from alternance_tui.tui.advisor.compare import CompareScreen
    from alternance_tui.tui.pages.results import ResultsScreen
    from alternance_tui.tui.pages.review import ReviewScreen

    app = advisor_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await new_session(pilot, "Zoé", "20")
        await pilot.press(
            "2", "enter", "enter", "2", "4", "enter", *["enter"] * 9
        )  # bac, the defaults, 24 months, defaults
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f5", "plus")  # copy A into B; B opens on the review
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        app.edit("employer_sector")
        await pilot.press("2")  # a public employer, back to the review
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        cmp = app.screen.comparison
        assert cmp is not None and cmp.letters == ("A", "B")
        pro = next(r for r in cmp.sections[0].rows if r.id == "professionalisation")
        assert [c.status for c in pro.cells if c] == ["eligible", "not_eligible"]
        shown = screen_text(app)
        assert "≠ differs" in shown and "Professionalisation" in shown
        assert "Editing: scenario B" in shown
        await pilot.press("a")  # back to A: its answers come back
        await pilot.pause()
        assert app.interview is not None
        assert app.interview.answers["employer_sector"] == "private"


@pilot_test
async def test_a_handout_exported_in_french_from_the_results() -> None:
    import os
    from pathlib import Path

    from tests.tui.conftest import screen_text

    from alternance_tui.cli.main import main
    from alternance_tui.tui.pages.results import ResultsScreen
    from alternance_tui.tui.widgets.dialogs import AskScreen, ConfirmScreen, GlossaryScreen

    documents = Path(os.environ["ALTERNANCE_DOCUMENTS_DIR"])
    app = advisor_app("fr")
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot, "Zoé", "20")
        await pilot.press("2", "enter", "enter", "2", "4", "enter", *["enter"] * 9)
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f1")  # the words of the results, in French
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert "OPCO" in screen_text(app) and "Minimum conventionnel" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("enter")  # the suggested path, in the documents folder
        await pilot.pause()
        handout = documents / "handout-Zoe-fr.html"
        text = handout.read_text(encoding="utf-8")
        assert '<html lang="fr">' in text and "Vos possibilités d’alternance" in text
        assert "Conseiller ou conseillère" in text
        # `alternance sessions export` gives the same file.
        app.save_now()
        copy = documents / "copy.html"
        args = ["sessions", "export", "Zoé", "--format", "html", "--as-of", "2026-01-01"]
        assert main([*args, "-o", str(copy)]) == 0
        assert copy.read_text(encoding="utf-8") == text
        # Again: the file exists, so it asks; N keeps the old one.
        handout.write_text("kept", encoding="utf-8")
        await pilot.press("f6", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert handout.read_text(encoding="utf-8") == "kept"


@pilot_test
async def test_language_and_theme_are_remembered_but_not_in_kiosk_mode() -> None:
    import os
    from pathlib import Path

    settings_file = Path(os.environ["ALTERNANCE_CONFIG_DIR"]) / "settings.json"
    app = build_app(TuiOptions(lang="fr", as_of=AS_OF))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "f3")
        await pilot.pause()
        await app.workers.wait_for_complete()
    again = build_app(TuiOptions(lang="fr", as_of=AS_OF))
    assert again.lang == "en" and again.theme == "textual-light"
    kiosk = build_app(TuiOptions(lang="fr", as_of=AS_OF, kiosk=True))
    # A kiosk starts as every kiosk does (its own theme), never as the last person left it.
    assert kiosk.lang == "fr" and kiosk.theme == "alternance-kiosk"
    before = settings_file.read_text(encoding="utf-8")
    async with kiosk.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "f3")
        await pilot.pause()
        await kiosk.workers.wait_for_complete()
    assert settings_file.read_text(encoding="utf-8") == before


@pilot_test
async def test_forget_me_erases_the_session_previous_and_notes() -> None:
    from alternance_tui.sessions.store import SessionStore
    from alternance_tui.tui.pages.welcome import WelcomeScreen

    app = advisor_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot, "Zoé", "20")
        assert app.advisor is not None
        app.advisor.notes = "private"
        app.save_now()
        store = SessionStore()
        store.save(store.load("Zoé", lang="en").session, "previous")  # type: ignore[arg-type]
        assert store.exists("Zoé") and store.exists("previous")
        await pilot.press("ctrl+n")  # offers "forget me" with "press again"
        await pilot.pause()
        assert "F9: forget me" in "\n".join(n.message for n in app._notifications)
        await pilot.press("f9", "y")
        await pilot.pause(0.5)
        assert not store.exists("Zoé") and not store.exists("previous")
        assert store.named() == []
        assert isinstance(app.screen, WelcomeScreen)
        assert app.interview is not None and app.interview.answers == {}
        assert app.advisor.notes == ""


@pilot_test
async def test_a_broken_settings_file_gives_a_notice_and_the_defaults() -> None:
    import os
    from pathlib import Path

    settings_file = Path(os.environ["ALTERNANCE_CONFIG_DIR"]) / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('{"lang": "en", "theme": "neon"}', encoding="utf-8")
    app = build_app(TuiOptions(lang="en", lang_given=True, as_of=AS_OF))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [n.message for n in app._notifications]
    assert any("Settings unreadable" in m for m in shown), shown
    assert app.theme != "neon"


@pilot_test
async def test_a_session_open_in_another_window_is_neither_opened_renamed_nor_deleted() -> None:
    import os

    from alternance_tui.sessions.store import SessionStore

    app = advisor_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await new_session(pilot, "Zoé", "20")
        await pilot.press("f7")
        await new_session(pilot, "Sam", "24")
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        # Another advisor's window (another process) has Zoé open.
        elsewhere = SessionStore().lock("Zoé")
        assert elsewhere is not None and elsewhere >= 0
        try:
            app.desk.open_session("Zoé")
            app.desk.rename_session("Zoé", "Zoe2")
            app.desk.delete_session("Zoé")
            await pilot.pause()
            shown = [n.message for n in app._notifications]
            assert sum("open in another window" in m for m in shown) == 3, shown
            assert isinstance(app.screen, SessionsScreen)  # still here, Sam's answers kept
            assert sorted(r[0] for r in rows(app)) == ["Sam", "Zoé"]
        finally:
            os.close(elsewhere)
        # Closed there: it opens here, and this window now holds it.
        app.desk.open_session("Zoé")
        await pilot.pause()
        assert app.advisor is not None and app.advisor.name == "Zoé"
        assert SessionStore().lock("Zoé") is None
