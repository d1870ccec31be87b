"""Kiosk mode (``alternance --kiosk``): the next person never sees the last one's
answers, and only staff can leave.

- **Idle reset.** After ``idle_seconds`` without a key, a click (or tap) or a
  wheel turn, a countdown asks whether anyone is still there; when it runs out
  the app forgets everything (``erase.erase_everything``). A key or a
  click during the countdown only cancels it: it does not also act on the
  screen below. Mouse moves do not count as presence: a mouse nudged by a bag
  must not hold someone's results on screen.
- **Staff exit.** Ctrl+Q opens a code prompt only when a code was configured
  (``--exit-pin`` or ``ALTERNANCE_KIOSK_PIN``); the code is never shown.

Everything goes through Textual events and timers (``App.on_event`` calls
``intercept`` first), so it works the same in a terminal and in a browser
(``alternance serve --kiosk``).
"""

from __future__ import annotations

import hmac
import math
import time
from typing import TYPE_CHECKING

from textual import events

from alternance_tui.tui.kiosk.ui import CountdownScreen, PinScreen
from alternance_tui.tui.part import Part

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

# What says "a person is here". Mouse moves are left out on purpose (see above).
PRESENCE = (
    events.Key,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.Paste,
)
PIN_TRIES = 3  # wrong codes in a row before the prompt locks
PIN_LOCK_SECONDS = 60.0


class Kiosk(Part):
    """The idle watch and the staff exit of one app (a part of it, part.py)."""

    def __init__(self, app: App[int]) -> None:
        super().__init__(app)
        options = self.host.options
        self.idle_seconds = max(0.01, options.idle_seconds)
        self.countdown_seconds = max(0.01, options.countdown_seconds)
        self._pin = options.exit_pin
        self._last = time.monotonic()
        # Someone has done something since the last reset: an untouched
        # welcome screen has nothing to erase, so it shows no countdown.
        self._used = False
        self._idle_timer: Timer | None = None
        self._tick: Timer | None = None
        self._deadline = 0.0
        self.countdown: CountdownScreen | None = None
        self.pin_screen: PinScreen | None = None
        self._swallow_mouse_up = False
        self._erasing = False
        self._wrong_pins = 0
        self._locked_until = 0.0
        self.resets = 0  # how many times everything was erased (tests read it)
        # The right code was given: the only exit with status 0 (ending.py).
        self.staff_left = False

    # --- events -----------------------------------------------------------------

    def intercept(self, event: events.Event) -> bool:
        """Called by the app before it handles ``event``; True: swallowed."""
        if not isinstance(event, events.InputEvent | events.Resize) or event.is_forwarded:
            return False
        if self._erasing:
            # Nothing reaches a screen being rebuilt, and nothing is pushed
            # over it: the next person starts once it is done.
            return not isinstance(event, events.Resize)
        if isinstance(event, events.Resize):
            # The app reshapes its screen stack on resizes (the "too small"
            # screen); a kiosk prompt on top would be in its way.
            self.close_prompts()
            return False
        if isinstance(event, events.MouseUp) and self._swallow_mouse_up:
            # The release of the tap that cancelled the countdown: not a click.
            self._swallow_mouse_up = False
            return True
        if not isinstance(event, PRESENCE):
            return False
        if self.countdown is not None:
            self._swallow_mouse_up = isinstance(event, events.MouseDown)
            self.cancel_countdown()
            return True
        self._last = time.monotonic()
        self._used = True
        self._arm(self.idle_seconds)
        if isinstance(event, events.Key) and self.pin_screen is not None:
            # Straight to the prompt, in order, even before it is drawn: the
            # app's own keys (F2, Ctrl+N...) and a digit typed fast would
            # otherwise act on the screen below it.
            self.pin_screen.post_message(events.Key(event.key, event.character))
            return True
        return False

    # --- the idle watch ------------------------------------------------------------

    def _arm(self, delay: float) -> None:
        # One timer, moved forward lazily: a key only stamps the time, and the
        # timer, when it fires early, waits for the rest.
        if self._idle_timer is None:
            self._idle_timer = self.app.set_timer(delay, self._check_idle, name="kiosk-idle")

    def _check_idle(self) -> None:
        self._idle_timer = None
        if not self._used or self.countdown is not None or self._erasing:
            return
        quiet = time.monotonic() - self._last
        if quiet < self.idle_seconds:
            self._arm(self.idle_seconds - quiet)
            return
        self.start_countdown()

    def start_countdown(self) -> None:
        self.close_pin()
        self._deadline = time.monotonic() + self.countdown_seconds
        self.countdown = CountdownScreen(self.host.lang, self._remaining())
        self.app.push_screen(self.countdown)
        self._tick = self.app.set_interval(
            min(1.0, self.countdown_seconds / 4), self._count, name="kiosk-countdown"
        )

    def _remaining(self) -> int:
        return max(1, math.ceil(self._deadline - time.monotonic()))

    def _count(self) -> None:
        if self.countdown is None:
            return
        if time.monotonic() < self._deadline:
            self.countdown.show(self._remaining())
            return
        self._stop_tick()
        # From the app's own queue: a timer's callback runs in the timer's
        # task, which stopping the timer would cancel halfway through.
        self.app.call_later(self.erase)

    def set_times(self, idle_seconds: float, countdown_seconds: float) -> None:
        """New idle and countdown times, counted from now (tests, a staff change)."""
        self.idle_seconds = max(0.01, idle_seconds)
        self.countdown_seconds = max(0.01, countdown_seconds)
        if self._idle_timer is not None:
            self._idle_timer.stop()
            self._idle_timer = None
        self._last = time.monotonic()
        self._arm(self.idle_seconds)

    def cancel_countdown(self) -> None:
        self._stop_tick()
        screen, self.countdown = self.countdown, None
        if screen is not None and self.app.screen is screen:
            self.app.pop_screen()
            self.host.sync()  # what changed below it meanwhile (the flow loaded)
        self._last = time.monotonic()
        self._arm(self.idle_seconds)

    def _stop_tick(self) -> None:
        if self._tick is not None:
            self._tick.stop()
            self._tick = None

    async def erase(self) -> None:
        """Everything forgotten at once (the countdown ran out, or "Finish and erase")."""
        if self._erasing:
            return  # one at a time: a second one would rebuild screens being rebuilt
        self._erasing = True
        try:
            await self._erase()
        finally:
            self._erasing = False

    async def _erase(self) -> None:
        self._stop_tick()
        if self._idle_timer is not None:
            self._idle_timer.stop()
            self._idle_timer = None
        self.countdown = None
        self.pin_screen = None
        self._used = False
        self.resets += 1
        from alternance_tui.tui.kiosk.erase import erase_everything

        await erase_everything(self.app, self.host)

    def close_prompts(self) -> None:
        if self.countdown is not None:
            self.cancel_countdown()
        self.close_pin()

    # --- the staff exit ----------------------------------------------------------

    def ask_pin(self) -> None:
        """Ctrl+Q: the code prompt, when a code is configured and not locked."""
        if self.pin_screen is not None or self.countdown is not None:
            return
        if not self._pin:
            # Staff who forgot the code file learn why Ctrl+Q does nothing.
            self.app.notify(self._t("pin_none"), severity="warning", timeout=6)
            return
        if self._erasing:
            return
        # Opened even while locked: a code typed then goes into the prompt,
        # which says when it will be accepted, never into the question below.
        self.pin_screen = PinScreen(self.host.lang, self._locked_until)
        self.app.push_screen(self.pin_screen, self._pin_given)

    def close_pin(self) -> None:
        screen, self.pin_screen = self.pin_screen, None
        if screen is not None and self.app.screen is screen:
            self.app.pop_screen()
            self.host.sync()

    def _pin_given(self, code: str | None) -> None:
        self.pin_screen = None
        self.host.sync()
        if code is None:  # cancelled
            return
        if time.monotonic() < self._locked_until:
            seconds = math.ceil(self._locked_until - time.monotonic())
            self.app.notify(self._t("pin_locked", seconds=seconds), severity="warning", timeout=4)
            return
        if hmac.compare_digest(code.encode(), self._pin.encode()):
            self.staff_left = True
            self.app.exit(0)
            return
        self._wrong_pins += 1
        if self._wrong_pins >= PIN_TRIES:
            self._wrong_pins = 0
            self._locked_until = time.monotonic() + PIN_LOCK_SECONDS
        self.app.notify(self._t("pin_wrong"), severity="warning", timeout=3)

    def _t(self, key: str, **values: object) -> str:
        from alternance_tui.wording.catalogue.tui import TUI as t

        return t(self.host.lang, key, **values)
