"""`--ephemeral` (each browser session of `alternance serve`): a private interview
that neither offers the saved session nor writes one."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.tui.conftest import AS_OF, SIZE, pilot_test, screen_text

from alternance_tui.advice.load import default_flow_path
from alternance_tui.advice.model import Bundle
from alternance_tui.sessions.store import Session, SessionStore
from alternance_tui.tui.app import AlternanceApp
from alternance_tui.tui.facts import facts_of
from alternance_tui.tui.options import TuiOptions
from alternance_tui.tui.pages.review import ReviewScreen


def _app(bundle: Bundle, *, ephemeral: bool, resume: str | None = None) -> AlternanceApp:
    options = TuiOptions(lang="en", as_of=AS_OF, ephemeral=ephemeral, resume=resume)
    return AlternanceApp(options, facts_of(bundle), default_flow_path(), bundle)


@pilot_test
async def test_an_ephemeral_session_neither_offers_nor_saves_a_session(bundle: Bundle) -> None:
    sessions = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    SessionStore(sessions).save(
        Session(flow_id=bundle.flow.id, answers={"age": 41, "employer_sector": "public"})
    )
    before = {p.name: p.read_bytes() for p in sessions.iterdir()}

    app = _app(bundle, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)  # the saved session would be looked for after the first frame
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Resume" not in text
        assert "Nothing is sent or saved" in text
        await pilot.press("enter", "2", "0", "enter", "1", "2", "enter", "enter", "2", "4")
        await pilot.press("enter", *["enter"] * 8)  # 24 months, then the defaults
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "41" not in screen_text(app)
        app.save_now()
        await pilot.press("ctrl+q")
    await app.workers.wait_for_complete()
    assert {p.name: p.read_bytes() for p in sessions.iterdir()} == before

    # --resume too finds nothing: an ephemeral session reads no file.
    again = _app(bundle, ephemeral=True, resume="")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.interview is not None and again.interview.answers == {}


@pilot_test
async def test_without_ephemeral_the_same_folder_is_offered(bundle: Bundle) -> None:
    """The guard above is the only difference: the normal app still offers it."""
    sessions = Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"
    SessionStore(sessions).save(Session(flow_id=bundle.flow.id, answers={"age": 41}))
    app = _app(bundle, ephemeral=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Resume (1 answers" in screen_text(app)
    saved = json.loads((sessions / "autosave.json").read_text(encoding="utf-8"))
    assert saved["answers"] == {"age": 41}


@pilot_test
async def test_an_ephemeral_session_neither_reads_nor_writes_the_settings(bundle: Bundle) -> None:
    """Issue 19: in `alternance serve`, one visitor's F2 and F3 wrote settings.json,
    and the next visitor (and a later `alternance`) opened in that language and theme."""
    config = Path(os.environ["ALTERNANCE_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    settings = config / "settings.json"
    settings.write_text(json.dumps({"lang": "fr", "theme": "textual-light"}), encoding="utf-8")
    before = settings.read_bytes()

    app = _app(bundle, ephemeral=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        assert app.lang == "en" and app.theme == "textual-dark"  # not the file's
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert app.lang == "fr" and app.theme == "textual-light"  # for this visitor only
        await app.workers.wait_for_complete()
    assert settings.read_bytes() == before
    assert sorted(p.name for p in config.iterdir()) == ["settings.json"]
