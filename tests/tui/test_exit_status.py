"""The exit status a kiosk's supervisor reads (issue 19): only the staff exit is
0; a crash, a signal, anything else is not, so the restart loop and the systemd
unit (docs/kiosk/) start it again and never leave the machine on a shell.

Each test runs the real app on a pseudo-terminal, with someone on the first
question, and ends it one way. Before the fix, SIGINT and an invalid byte
(0xff) on the terminal both ended it with status 0, like the staff exit.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from tests.tui.pty_app import (
    ALT_SCREEN_LEFT,
    CTRL_G,
    CTRL_Q,
    F1,
    FIRST_QUESTION,
    WELCOME,
    Terminal,
    app_argv,
    crashable_argv,
    environment,
)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="pseudo-terminals and signals")

PIN = "2468"
KIOSK = app_argv("--kiosk", "--lang", "en")
CRASHABLE = crashable_argv("--kiosk", "--lang", "en")


def on_first_question(argv: list[str], tmp_path: Path) -> Terminal:
    terminal = Terminal(argv, environment(tmp_path, ALTERNANCE_KIOSK_PIN=PIN))
    try:
        terminal.wait_for(WELCOME)
        terminal.wait_for(FIRST_QUESTION, terminal.send(b"\r"))
    except BaseException:
        terminal.close()
        raise
    return terminal


@pytest.mark.parametrize(
    "signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["INT", "TERM", "HUP"]
)
def test_a_signal_ends_the_app_by_that_signal_with_the_terminal_put_back(
    tmp_path: Path, signum: int
) -> None:
    terminal = on_first_question(KIOSK, tmp_path)
    try:
        since = len(terminal.output)
        terminal.process.send_signal(signum)
        # A shell reads 128 + N, systemd "killed by signal": never 0.
        assert terminal.wait_exit() == -signum
        assert ALT_SCREEN_LEFT in terminal.output[since:]
    finally:
        terminal.close()


def test_a_hang_up_ends_the_app_even_with_the_terminal_gone(tmp_path: Path) -> None:
    terminal = on_first_question(KIOSK, tmp_path)
    try:
        terminal.hang_up()
        terminal.process.send_signal(signal.SIGHUP)
        assert terminal.wait_exit() == -signal.SIGHUP
    finally:
        terminal.close()


@pytest.mark.parametrize("key", [F1, CTRL_G], ids=["in-an-action", "in-the-input-thread"])
def test_a_crash_is_status_1(tmp_path: Path, key: bytes) -> None:
    terminal = on_first_question(CRASHABLE, tmp_path)
    try:
        terminal.send(key)
        assert terminal.wait_exit() == 1
        assert b"a crash in" in terminal.output  # the traceback is still shown
    finally:
        terminal.close()


def test_an_invalid_byte_is_ignored_and_the_keys_around_it_still_count(tmp_path: Path) -> None:
    terminal = on_first_question(KIOSK, tmp_path)
    try:
        # 0xff and 0xfe are never UTF-8; 0xc3 starts a character that "2" does not finish.
        for data in (b"\xff", b"\xc3", b"2", b"\xfe0\xff", b"\r"):
            terminal.send(data)
            terminal.read(0.2)
        terminal.wait_for(b"With what kind of employer")  # age 20 was taken
        assert terminal.process.poll() is None
    finally:
        terminal.close()


def test_only_the_staff_code_is_status_0(tmp_path: Path) -> None:
    terminal = on_first_question(KIOSK, tmp_path)
    try:
        terminal.wait_for(b"Staff", terminal.send(CTRL_Q))
        terminal.send(PIN.encode() + b"\r")
        assert terminal.wait_exit() == 0
        assert ALT_SCREEN_LEFT in terminal.output
    finally:
        terminal.close()
