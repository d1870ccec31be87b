"""Keys typed before the screen meant to take them is ready, kept in order.

A person who types ahead (Enter, "2", "0", Enter, "1" as the welcome screen
appears, or while the flow is still loading) expects each key to reach the
question it was typed for. Textual hands a key to whatever has the focus when
the key arrives: before the first screen is mounted that is nothing (the key
is lost), and between "start" and the first question it is the language list
(a "2" switches to English). So while the app says it is not ready, keys wait
here and are sent again, in order, once it is; a key that finds the app
unready again (it started a new screen) waits again, behind the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.timer import Timer

POLL = 0.01  # seconds between two looks at whether the app is ready
MAX_WAIT = 2.0  # seconds after which held keys go on anyway (never stuck)
# Quitting is never held back behind a slow load.
NEVER_HELD = frozenset({"ctrl+q", "ctrl+c"})


class KeyQueue:
    """One key at a time: a key goes on only once the one before it has been
    handled (a callback queued behind it has run in the widget it went to and
    in each one up to the app) and the app is ready; the others wait here, in
    the order they were typed."""

    def __init__(self, app: App[Any], ready: Callable[[], bool]) -> None:
        self._app = app
        self._ready = ready
        self._keys: list[events.Key] = []
        self._released: set[events.Key] = set()
        self._in_flight = False
        self._since = 0.0
        self._timer: Timer | None = None

    def hold(self, event: events.Key) -> bool:
        """Keep ``event`` for later unless it may go on now; True if kept."""
        if event in self._released:
            self._released.discard(event)
        elif event.key in NEVER_HELD:
            return False
        elif self._keys or self._in_flight or not self._ready():
            self._keep(events.Key(event.key, event.character), first=False)
            return True
        self._in_flight = True
        self._since = time.monotonic()
        return False

    def forwarded(self, target: DOMNode) -> None:
        """The key that went on was given to ``target``: the next one may go
        once it has been handled there and wherever it bubbles to."""
        target.call_later(self._handled_by, target)

    def _handled_by(self, node: DOMNode) -> None:
        # Queued behind the key in each queue it may bubble through, up to the app.
        if node.parent is not None:
            node.parent.call_later(self._handled_by, node.parent)
            return
        self._in_flight = False
        self._release()

    def put_back(self, event: events.Key) -> None:
        """A key that reached a widget no longer meant to take it goes first."""
        self._in_flight = False
        self._keep(events.Key(event.key, event.character), first=True)

    def _keep(self, key: events.Key, *, first: bool) -> None:
        if not self._keys and not self._in_flight:
            self._since = time.monotonic()
        self._keys.insert(0 if first else len(self._keys), key)
        if self._timer is None:
            self._timer = self._app.set_timer(POLL, self._tick)

    def _tick(self) -> None:
        self._timer = None
        self._release()
        if self._keys and self._timer is None:
            self._timer = self._app.set_timer(POLL, self._tick)

    def _release(self) -> None:
        overdue = time.monotonic() - self._since > MAX_WAIT
        if overdue:
            self._in_flight = False
        if not self._keys or self._in_flight or not (overdue or self._ready()):
            return
        key = self._keys.pop(0)
        self._released.add(key)
        self._in_flight = True
        self._since = time.monotonic()
        self._app.post_message(key)
