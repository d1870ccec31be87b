"""What kiosk mode looks like at 80x24: the kiosk theme on each kind of screen,
and the idle countdown (pytest-textual-snapshot; `--snapshot-update` to accept
a deliberate change after looking at it in snapshot_report.html)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.tui.test_kiosk import kiosk_app
from tests.tui.test_snapshots import SMALL, TO_AGE, TO_EMPLOYER, settle
from textual.pilot import Pilot

from alternance_tui.advice.model import Bundle

Snap = Callable[..., bool]
YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kiosk_welcome(snap_compare: Snap, bundle: Bundle, lang: str) -> None:
    app = kiosk_app(bundle, lang, idle=600)
    assert snap_compare(app, terminal_size=SMALL, run_before=settle)


def test_kiosk_number_question_with_its_pad(snap_compare: Snap, bundle: Bundle) -> None:
    app = kiosk_app(bundle, "en", idle=600)
    assert snap_compare(app, press=[*TO_AGE, "2"], terminal_size=SMALL)


def test_kiosk_choice_question(snap_compare: Snap, bundle: Bundle) -> None:
    app = kiosk_app(bundle, "fr", idle=600)
    assert snap_compare(app, press=TO_EMPLOYER, terminal_size=SMALL)


def test_kiosk_results_with_finish_and_erase(snap_compare: Snap, bundle: Bundle) -> None:
    app = kiosk_app(bundle, "en", idle=600)

    async def to_results(pilot: Pilot[Any]) -> None:
        assert app.interview is not None
        app.interview.load_answers(YOUNG)
        app.interview.results()
        app.sync()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=to_results)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_idle_countdown(snap_compare: Snap, bundle: Bundle, lang: str) -> None:
    app = kiosk_app(bundle, lang, idle=600, countdown=15)

    async def count_down(pilot: Pilot[Any]) -> None:
        await pilot.press(*TO_AGE, "2")
        assert app.kiosk is not None
        app.kiosk.start_countdown()
        app.kiosk._stop_tick()  # held at 15 s, whatever the machine's speed
        await settle(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=count_down)
