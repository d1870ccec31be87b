"""A real process on a pseudo-terminal (an 80x24 xterm), for the tests that
need what only a real one does: signals, exit statuses, bytes on the tty."""

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

SRC = Path(__file__).resolve().parents[2] / "src"
TIMEOUT = 30.0  # seconds to wait for anything (a loaded 2-core machine)
# Textual has put the terminal in raw mode once it hides the cursor.
RAW_MODE = b"\x1b[?25l"
WELCOME = b"Work-linked training at IMPGT"
FIRST_QUESTION = b"How old will you be"
ALT_SCREEN_LEFT = b"\x1b[?1049l"  # Textual puts the terminal back on its way out


def environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose every folder is ``home``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ALTERNANCE_", "XDG_", "TEXTUAL", "NO_COLOR"))
    }
    env.update(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home),
            "XDG_CONFIG_HOME": str(home),
            "XDG_CACHE_HOME": str(home),
            "XDG_STATE_HOME": str(home),
            "TMPDIR": str(home),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    env.update(extra)
    return env


class Terminal:
    """``argv`` running on a new pseudo-terminal, its own session leader."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.master: int | None = master
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, seconds: float = 0.05) -> None:
        if self.master is None:
            time.sleep(seconds)
            return
        if select.select([self.master], [], [], seconds)[0]:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:
                time.sleep(seconds)  # every process has closed the terminal

    def wait_for(self, marker: bytes, since: int = 0, timeout: float = TIMEOUT) -> int:
        """Until ``marker`` is shown after offset ``since``; the offset after it."""
        deadline = time.monotonic() + timeout
        while (found := self.output.find(marker, since)) < 0:
            if time.monotonic() > deadline:
                tail = bytes(self.output[-600:])
                raise AssertionError(f"never saw {marker!r}; last output: {tail!r}")
            self.read()
        return found + len(marker)

    def send(self, data: bytes) -> int:
        """``data`` typed; the output offset before it."""
        offset = len(self.output)
        assert self.master is not None
        os.write(self.master, data)
        return offset

    def hang_up(self) -> None:
        """The terminal goes away (its window closed, the line dropped)."""
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """The process's return code (-N: killed by signal N)."""
        deadline = time.monotonic() + timeout
        while (code := self.process.poll()) is None:
            if time.monotonic() > deadline:
                tail = bytes(self.output[-600:])
                raise AssertionError(f"still running after {timeout} s; last output: {tail!r}")
            self.read()
        self.read(0)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.hang_up()


def app_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "alternance_tui", *args]


F1 = b"\x1bOP"
CTRL_G = b"\x07"
CTRL_Q = b"\x11"
# The app with two ways to crash it, for the tests' sake: F1 raises in an
# action (Textual's exception handler), Ctrl+G in the input thread (Textual's
# panic, as an invalid byte did).
CRASHABLE = """
import sys
from textual._xterm_parser import XTermParser
from alternance_tui.cli.main import main
from alternance_tui.tui.app import AlternanceApp

def help_crashes(self):
    raise RuntimeError("a crash in an action")

feed = XTermParser.feed

def feed_crashes(self, data):
    if "\\x07" in data:
        raise RuntimeError("a crash in the input thread")
    return feed(self, data)

AlternanceApp.action_help = help_crashes
XTermParser.feed = feed_crashes
sys.exit(main(sys.argv[1:]))
"""


def crashable_argv(*args: str) -> list[str]:
    return [sys.executable, "-c", CRASHABLE, *args]
