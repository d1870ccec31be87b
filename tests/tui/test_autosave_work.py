"""A session that writes nothing (a kiosk, a browser tab) does not make the session
it would write: making it judges every item for its rules stamp, at every answer."""

from __future__ import annotations

from typing import Any

from alternance_tui.sessions.store import Session
from alternance_tui.tui.autosave import Autosave


def _counting() -> tuple[list[int], Any]:
    made: list[int] = []

    def snapshot() -> Session:
        made.append(1)
        return Session(flow_id="alternance", answers={"age": 20})

    return made, snapshot


def test_nothing_is_made_to_write_when_nothing_is_written() -> None:
    made, snapshot = _counting()
    autosave = Autosave(None, snapshot, lambda: "en", kiosk=True)  # type: ignore[arg-type]
    autosave.write()
    autosave.at_exit()
    assert made == []


def test_a_session_that_writes_makes_it_each_time() -> None:
    made, snapshot = _counting()
    autosave = Autosave(None, snapshot, lambda: "en", kiosk=False)  # type: ignore[arg-type]
    autosave.write()
    autosave.at_exit()
    assert made == [1, 1]
    autosave.close()
