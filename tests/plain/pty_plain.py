"""``alternance --plain`` as a person meets it: a real child process on a
pseudo-terminal that is its controlling terminal, so that the terminal's own
line editing, its echo, Ctrl+C (SIGINT) and Ctrl+D (end of input) work as at a
real keyboard."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from tests.tui.pty_app import environment

TIMEOUT = 30.0  # seconds to wait for anything (a loaded 2-core machine)
ENTER = b"\r"  # what the Enter key sends; the terminal makes it a line break
CTRL_C, CTRL_D = b"\x03", b"\x04"


def _controlling_terminal() -> None:  # in the child, after setsid
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PlainTerminal:
    """``alternance --plain ARGS`` on an 80x24 terminal, in ``home``."""

    def __init__(self, home: Path, *args: str, **env: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.master = master
        self.env = environment(home, **env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "alternance_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            start_new_session=True,
            preexec_fn=_controlling_terminal,  # noqa: PLW1509 (a test's own child)
        )
        os.close(slave)
        self.output = bytearray()
        self.seen = 0  # where the next wait starts

    def read(self, seconds: float = 0.05) -> None:
        if select.select([self.master], [], [], seconds)[0]:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:
                time.sleep(seconds)

    def wait_for(self, marker: str | bytes, timeout: float = TIMEOUT) -> str:
        """Until ``marker`` is printed after the last one waited for; the text up to it."""
        wanted = marker.encode() if isinstance(marker, str) else marker
        deadline = time.monotonic() + timeout
        while (found := self.output.find(wanted, self.seen)) < 0:
            if time.monotonic() > deadline:
                tail = bytes(self.output[-1500:]).decode(errors="replace")
                raise AssertionError(f"never saw {marker!r}; last output:\n{tail}")
            self.read()
        text = bytes(self.output[self.seen : found + len(wanted)]).decode(errors="replace")
        self.seen = found + len(wanted)
        return text

    def type(self, text: str | bytes, *, enter: bool = True) -> None:
        data = text.encode() if isinstance(text, str) else text
        os.write(self.master, data + (ENTER if enter else b""))

    def answer(self, text: str | bytes, then: str) -> str:
        """Type ``text`` and Enter; the output up to ``then``."""
        self.type(text)
        return self.wait_for(then)

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        deadline = time.monotonic() + timeout
        while (code := self.process.poll()) is None:
            if time.monotonic() > deadline:
                tail = bytes(self.output[-800:]).decode(errors="replace")
                raise AssertionError(f"still running after {timeout} s:\n{tail}")
            self.read()
        for _ in range(5):
            self.read(0.02)
        return code

    @property
    def text(self) -> str:
        return bytes(self.output).decode(errors="replace")

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        with contextlib.suppress(OSError):
            os.close(self.master)
