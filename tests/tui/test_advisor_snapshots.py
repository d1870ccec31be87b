"""What advisor mode looks like: the sessions screen and scenarios side by side,
at 80x24 (stacked) and 120x40 (columns). Sessions are written with fixed dates
so that no snapshot changes with today."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.tui.conftest import AS_OF
from tests.tui.test_snapshots import LARGE, SMALL, settle
from textual.pilot import Pilot

from alternance_tui.sessions.store import SessionStore
from alternance_tui.tui.app import AlternanceApp, build_app
from alternance_tui.tui.options import TuiOptions

Snap = Callable[..., bool]
PRIVATE = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def write_session(name: str, answers: dict[str, Any], when: int, **extra: Any) -> Path:
    """A session file as the app writes it, saved ``when`` hours after a fixed time."""
    path = SessionStore().path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": 1,
        "flow": "alternance",
        "answers": answers,
        "lang": "en",
        "current": None,
        "notes": "",
        "saved_at": f"2026-01-05T{9 + when:02d}:30:00+00:00",
        "drafts": {},
        "name": name,
        **extra,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    stamp = 1_767_600_000 + when * 3600  # newest first in the list
    os.utime(path, (stamp, stamp))
    return path


def advisor_app(lang: str = "en") -> AlternanceApp:
    return build_app(TuiOptions(lang=lang, lang_given=True, advisor=True, as_of=AS_OF))


def test_sessions_screen(snap_compare: Snap) -> None:
    write_session("Zoé", PRIVATE, 0)
    write_session("K12", {"age": 30}, 1)
    write_session("Sam", PRIVATE, 2, scenarios={"B": {**PRIVATE, "employer_sector": "public"}})
    assert snap_compare(advisor_app(), terminal_size=SMALL, run_before=settle)


def test_sessions_screen_in_french(snap_compare: Snap) -> None:
    """Notes, scenarios and language in the list; the footer on whole lines."""
    write_session("Mme Dupont", PRIVATE, 0, notes="Rappeler lundi", lang="fr")
    write_session("Léa", {"age": 30}, 1, lang="fr")
    write_session("Karim", PRIVATE, 2, scenarios={"B": PRIVATE, "C": PRIVATE})
    assert snap_compare(advisor_app("fr"), terminal_size=SMALL, run_before=settle)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_scenarios_side_by_side(snap_compare: Snap, size: tuple[int, int]) -> None:
    public = {**PRIVATE, "employer_sector": "public"}
    write_session("Zoé", PRIVATE, 0, scenarios={"B": public}, active="B")

    async def open_and_compare(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter", "f5")
        await settle(pilot)

    assert snap_compare(advisor_app(), terminal_size=size, run_before=open_and_compare)
