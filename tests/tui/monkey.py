"""Random keys and taps through a kiosk app: it must never exit, never raise,
and end on a screen of its own.

Events go to the app as a terminal or a browser delivers them (posted to the
app, in batches, so that a run of 20,000 takes a minute rather than an hour):
every Ctrl chord, function and navigation keys, printable characters, taps and
wheel turns anywhere on the 80x24 screen, and pauses longer than the idle time
now and then so that countdowns and resets happen in the middle of it all.

Used by tests/tui/test_kiosk_monkey.py (a short run in the suite) and
tests/manual/kiosk_monkey.py (the full 20,000).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from alternance_tui.tui.app import AlternanceApp

WIDTH, HEIGHT = 80, 24
CTRL_CHORDS = [
    *(f"ctrl+{letter}" for letter in string.ascii_lowercase),
    "ctrl+backslash",
    "ctrl+right_square_bracket",
    "ctrl+circumflex_accent",
    "ctrl+underscore",
    "ctrl+at",
    "ctrl+space",
    *(f"ctrl+{key}" for key in ("up", "down", "left", "right", "home", "end", "delete")),
    *(f"ctrl+{key}" for key in ("pageup", "pagedown", "enter", "escape", "tab", "backspace")),
    *(f"ctrl+shift+{key}" for key in ("up", "down", "left", "right", "home", "end")),
    *(f"ctrl+f{n}" for n in range(1, 13)),
]
NAMED = [
    "enter",
    "escape",
    "backspace",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "delete",
    "insert",
    *(f"f{n}" for n in range(1, 13)),
    *(f"shift+f{n}" for n in range(1, 13)),
    "alt+f4",
    "super+q",
]
PRINTABLE = string.digits * 4 + string.ascii_letters + ",.-+ /\\;:!?éèà€"


@dataclass
class Tally:
    keys: int = 0
    taps: int = 0
    wheels: int = 0
    ctrl: int = 0
    quiet_pauses: int = 0


def key_event(key: str) -> events.Key:
    character: str | None = None
    if key.startswith("ctrl+") and len(key) == 6 and key[5] in string.ascii_lowercase:
        character = chr(ord(key[5]) - 96)
    elif key in ("enter", "tab", "escape", "backspace"):
        character = {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}[key]
    return events.Key(key, character)


def random_event(rng: random.Random, tally: Tally) -> list[events.Event]:
    roll = rng.random()
    if roll < 0.25:
        tally.ctrl += 1
        tally.keys += 1
        return [key_event(rng.choice(CTRL_CHORDS))]
    if roll < 0.5:
        tally.keys += 1
        return [key_event(rng.choice(NAMED))]
    if roll < 0.8:
        tally.keys += 1
        character = rng.choice(PRINTABLE)
        return [events.Key(_character_to_key(character), character)]
    x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
    if roll < 0.95:
        tally.taps += 1
        return [mouse(events.MouseDown, x, y), mouse(events.MouseUp, x, y)]
    tally.wheels += 1
    return [mouse(rng.choice((events.MouseScrollDown, events.MouseScrollUp)), x, y)]


def mouse(kind: type[events.MouseEvent], x: int, y: int) -> events.MouseEvent:
    return kind(
        widget=None,
        x=x,
        y=y,
        delta_x=0,
        delta_y=0,
        button=1,
        shift=False,
        meta=False,
        ctrl=False,
        screen_x=x,
        screen_y=y,
    )


async def monkey(
    pilot: Pilot[Any],
    count: int,
    *,
    seed: int,
    batch: int = 40,
    quiet_every: int = 2000,
    quiet_seconds: float = 0.0,
) -> Tally:
    """Send ``count`` random events; every ``quiet_every``, stay still for
    ``quiet_seconds`` (longer than the idle time: a countdown, maybe a reset)."""
    app = pilot.app
    assert isinstance(app, AlternanceApp)
    rng = random.Random(seed)
    tally = Tally()
    sent = 0
    while sent < count:
        for _ in range(min(batch, count - sent)):
            for event in random_event(rng, tally):
                app.post_message(event)
            sent += 1
        await pilot.pause()
        assert app.is_running and app.return_code is None, f"exited after {sent} events"
        if quiet_seconds and sent % quiet_every < batch:
            tally.quiet_pauses += 1
            await pilot.pause(quiet_seconds)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return tally


def on_a_valid_screen(app: AlternanceApp) -> bool:
    from alternance_tui.tui.base import Page
    from alternance_tui.tui.kiosk.ui import CountdownScreen, PinScreen
    from alternance_tui.tui.widgets.dialogs import ConfirmScreen

    screen = app.screen
    below = app.screen_stack[1] if len(app.screen_stack) > 1 else None
    # ConfirmScreen: the kiosk's F9 question ("erase everything?"), which a
    # random key or a tap on its key in the bar may leave open.
    return isinstance(below, Page) and (
        screen is below or isinstance(screen, CountdownScreen | PinScreen | ConfirmScreen)
    )
