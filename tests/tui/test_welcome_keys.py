"""Enter on the welcome screen starts the interview, wherever the focus ended up."""

from __future__ import annotations

from tests.tui.conftest import SIZE, MakeApp, pilot_test
from textual.containers import VerticalScroll

from alternance_tui.tui.pages.question import QuestionScreen
from alternance_tui.tui.pages.welcome import WelcomeScreen


@pilot_test
async def test_enter_starts_even_when_mashing_left_the_focus_on_the_page(
    make_app: MakeApp,
) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        # Tab and Shift+Tab among the mashed keys: the page itself takes the focus.
        for _ in range(4):
            if isinstance(app.focused, VerticalScroll):
                break
            await pilot.press("shift+tab")
        assert isinstance(app.screen, WelcomeScreen)
        assert isinstance(app.focused, VerticalScroll)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
