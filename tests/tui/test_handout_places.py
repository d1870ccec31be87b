"""Where F6 puts the handout (issue 23, item 1; tui/advisor/handout.py).

At a terminal it is a file the person names, written as ``-o`` writes it
(a link stays a link, a pipe nobody reads is refused at once, a file is
replaced only after a yes); started by ``alternance serve`` the app asks for
no path at all. The browser's download is tested in tests/test_serve_handout.py.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from tests.nodes import fifo
from tests.tui.conftest import SIZE, MakeApp, notifications, pilot_test
from textual.widgets import Input

from alternance_tui.tui.pages.results import ResultsScreen
from alternance_tui.tui.widgets.dialogs import AskScreen, ConfirmScreen

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def _documents() -> Path:
    return Path(os.environ["ALTERNANCE_DOCUMENTS_DIR"])


@pilot_test
async def test_a_served_app_asks_for_no_path_and_writes_nothing(make_app: MakeApp) -> None:
    app = make_app("en", answers=YOUNG)
    app.options = dataclasses.replace(app.options, served=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert not isinstance(app.screen, AskScreen)
        assert "No handout here" in notifications(app)
    assert not _documents().exists() or not any(_documents().iterdir())


@pilot_test
async def test_a_handout_to_a_link_writes_its_target_and_keeps_the_link(
    make_app: MakeApp, tmp_path: Path
) -> None:
    target = tmp_path / "kept" / "real.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.html"
    link.symlink_to(target)
    app = make_app("en", answers=YOUNG)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        app.screen.query_one(Input).value = str(link)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # it exists: asked first
        await pilot.press("y")
        await pilot.pause()
        assert "Handout saved" in notifications(app)
    assert link.is_symlink()
    assert "Apprenticeship" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o640  # as `-o` keeps it


@pilot_test
async def test_a_handout_to_a_pipe_nobody_reads_is_refused_at_once(
    make_app: MakeApp, tmp_path: Path
) -> None:
    pipe = fifo(tmp_path / "pipe")
    app = make_app("en", answers=YOUNG)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one(Input).value = str(pipe)
        await pilot.press("enter")
        await pilot.pause()
        said = notifications(app)
        assert "could not be saved" in said and "no program is reading" in said
    assert pipe.exists() and not pipe.is_file()  # still the pipe, not replaced
