"""The kiosk under random keys and taps (issue 12): never exits, never raises,
ends on a screen of its own. A short run here (well under a minute); the full
20,000 events: tests/manual/kiosk_monkey.py (see its docstring)."""

from __future__ import annotations

import pytest
from tests.tui.conftest import SIZE, pilot_test
from tests.tui.monkey import monkey, on_a_valid_screen
from tests.tui.test_kiosk import kiosk_app

from alternance_tui.advice.model import Bundle

EVENTS = 2000


@pytest.mark.parametrize("seed", [1])
@pilot_test
async def test_random_keys_and_taps_never_break_the_kiosk(bundle: Bundle, seed: int) -> None:
    app = kiosk_app(bundle, idle=0.4, countdown=0.4, pin="90817263")
    async with app.run_test(size=SIZE) as pilot:
        tally = await monkey(pilot, EVENTS, seed=seed, quiet_every=500, quiet_seconds=1.0)
        assert app.is_running and app.return_code is None
        assert on_a_valid_screen(app), app.screen_stack
        assert tally.ctrl > 300 and tally.taps > 200
        assert app.kiosk is not None and app.kiosk.resets >= 1
