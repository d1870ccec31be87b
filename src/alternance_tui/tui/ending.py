"""How the app ends, and the exit status its supervisor reads (a kiosk's restart
loop or systemd unit, docs/kiosk.md: it starts the app again after any exit but
the staff's, so a wrong 0 would leave the machine on a shell).

- Only a deliberate exit is status 0: Ctrl+Q in the app, and in kiosk mode the
  staff code alone. A crash is 1, whatever Textual's ``run()`` returns (the
  value given to ``exit``, None after a crash).
- SIGINT, SIGTERM and SIGHUP end the app as Ctrl+Q would (the terminal put
  back, the answers saved), then the process dies of that same signal, so that
  its parent sees it (a shell reads 130, 143, 129; systemd, a stop). A second
  one ends it at once.
- An invalid byte on the terminal (0xff, a Latin-1 keyboard's é, line noise)
  is dropped, and the keys around it still count: Textual's input thread
  decodes UTF-8 strictly, and one such byte killed it (Textual issue 6456).
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Protocol

EXIT_CRASH = 1
ENDING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class _Staffed(Protocol):
    staff_left: bool  # the kiosk's staff code was given


class Ending(Protocol):
    """The app, as this module sees it (app.py passes itself: no import back)."""

    @property
    def return_code(self) -> int | None: ...

    @property
    def kiosk(self) -> _Staffed | None: ...

    async def run_async(self) -> int | None: ...

    def exit(self, *, return_code: int) -> None: ...

    def save_now(self) -> None: ...


def drop_invalid_bytes() -> None:
    """Textual's terminal driver reads keys through a UTF-8 decoder that raises
    on an invalid byte, which ends its input thread and so the app. Its module
    is given a decoder that skips such bytes instead (tests/tui/test_exit_status.py
    fails if Textual stops taking it)."""
    if sys.platform == "win32":
        return  # another driver, which reads no bytes
    from textual.drivers import linux_driver

    linux_driver.getincrementaldecoder = _lenient  # type: ignore[attr-defined,assignment]


def _lenient(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="ignore")


def run_until_ended(app: Ending) -> int:
    """Run ``app`` in this terminal; its exit status (after a signal, the
    process dies of it here instead of returning)."""
    drop_invalid_bytes()
    caught: list[int] = []
    with asyncio.Runner() as runner:
        loop = runner.get_loop()

        def ended_by(signum: int) -> None:
            if not caught:
                caught.append(signum)
            for each in ENDING_SIGNALS:  # the next one is not handled: it kills at once
                loop.remove_signal_handler(each)
            app.exit(return_code=128 + signum)

        for signum in ENDING_SIGNALS:
            loop.add_signal_handler(signum, ended_by, signum)
        runner.run(app.run_async())
    app.save_now()
    if caught:
        die_of(caught[0])
    return exit_status(app)


def exit_status(app: Ending) -> int:
    code = app.return_code
    if code is None:
        return EXIT_CRASH  # ended without exit(): Textual's panic (its input thread died)
    if code == 0 and app.kiosk is not None and not app.kiosk.staff_left:
        return EXIT_CRASH  # in a kiosk, 0 means the staff code was given: nothing else may
    return code


def die_of(signum: int) -> None:
    """End the process by ``signum``, as if it had not been caught."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum])
    os.kill(os.getpid(), signum)
    # Only reached where the signal does not end a process (never on Linux).
    raise SystemExit(128 + signum)
