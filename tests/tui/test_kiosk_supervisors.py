"""The kiosk's two documented supervisors (docs/kiosk/) against every way the
app can end (issue 19): the restart loop and the systemd unit start it again
after anything but the staff exit, so the machine never ends on a shell or a
blank tty1.

The loop is run for real, around the real app on a pseudo-terminal. The unit
cannot be started here (no systemd as PID 1), so its settings are read with
systemd's documented restart rules, which were checked against a real
systemd 252 booted in a Debian root (tests/manual/kiosk_systemd.sh), and
`systemd-analyze verify` parses it where installed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.tui.pty_app import (
    CTRL_G,
    CTRL_Q,
    F1,
    FIRST_QUESTION,
    TIMEOUT,
    WELCOME,
    Terminal,
    crashable_argv,
    environment,
)

ROOT = Path(__file__).resolve().parents[2]
LOOP = ROOT / "docs" / "kiosk" / "alternance-kiosk-loop.sh"
UNIT = ROOT / "docs" / "kiosk" / "alternance-kiosk.service"
PIN = "2468"
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="pseudo-terminals and /proc")


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def apps(loop: int) -> list[int]:
    """The loop's children that are the app (not stty or sleep)."""
    found = []
    for pid in children(loop):
        try:
            if b"--kiosk" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            continue
    return found


class Loop:
    """The documented loop on a terminal, around the app (crashable by F1 and Ctrl+G)."""

    def __init__(self, tmp_path: Path) -> None:
        app = tmp_path / "alternance"
        argv = " ".join(f"'{part}'" for part in crashable_argv())
        app.write_text(f'#!/bin/sh\nexec {argv} "$@"\n', encoding="utf-8")
        app.chmod(0o755)
        env = environment(tmp_path, ALTERNANCE_KIOSK_PIN=PIN, ALTERNANCE=str(app))
        self.terminal = Terminal(["sh", str(LOOP), "--lang", "en"], env)
        self.app = 0

    @property
    def shell(self) -> int:
        return self.terminal.process.pid

    def next_app(self) -> int:
        """A newly started app's pid, once it shows its welcome screen and then,
        after Enter, its first question."""
        deadline = time.monotonic() + TIMEOUT
        since = len(self.terminal.output)
        while not (started := [p for p in apps(self.shell) if p != self.app]):
            assert time.monotonic() < deadline, "the loop started no new app"
            assert self.terminal.process.poll() is None, "the loop ended"
            self.terminal.read()
        self.app = started[0]
        self.terminal.wait_for(WELCOME, since)
        self.terminal.wait_for(FIRST_QUESTION, self.terminal.send(b"\r"))
        return self.app


@linux_only
def test_the_loop_restarts_the_app_after_every_way_out_but_the_staff_exit(tmp_path: Path) -> None:
    loop = Loop(tmp_path)
    try:
        first = loop.next_app()
        # Signals sent to the loop itself (as Ctrl+C would between two runs) do not end it.
        for signum in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
            os.kill(loop.shell, signum)
        ways_out = [
            lambda: os.kill(loop.app, signal.SIGINT),
            lambda: os.kill(loop.app, signal.SIGTERM),
            lambda: os.kill(loop.app, signal.SIGHUP),
            lambda: os.kill(loop.app, signal.SIGKILL),
            lambda: loop.terminal.send(F1),  # a crash in an action
            lambda: loop.terminal.send(CTRL_G),  # a crash in the input thread
        ]
        seen = {first}
        for way_out in ways_out:
            way_out()
            seen.add(loop.next_app())
        assert len(seen) == len(ways_out) + 1
        # An invalid byte does not end it at all.
        loop.terminal.send(b"\xff")
        loop.terminal.read(1.0)
        assert apps(loop.shell) == [loop.app]
        # The staff exit ends the loop itself, with status 0.
        loop.terminal.wait_for(b"Staff", loop.terminal.send(CTRL_Q))
        loop.terminal.send(PIN.encode() + b"\r")
        assert loop.terminal.wait_exit() == 0
    finally:
        loop.terminal.close()
        for pid in [*children(loop.shell), loop.app]:
            if pid and Path(f"/proc/{pid}").exists():
                os.kill(pid, signal.SIGKILL)


STUB = """
import os, signal, sys
from pathlib import Path
statuses = Path(sys.argv[1])
left = statuses.read_text().split()
statuses.write_text(" ".join(left[1:]))
with open(sys.argv[2], "a") as ran:
    ran.write(" ".join(sys.argv[3:]) + "\\n")
if not left:
    sys.exit(0)
kind, number = left[0].split(":")
if kind == "signal":
    signal.signal(int(number), signal.SIG_DFL)
    os.kill(os.getpid(), int(number))
sys.exit(int(number))
"""
WAYS_OUT = [
    *(f"exit:{n}" for n in (1, 2, 3, 126, 127, 129, 130, 143, 255)),
    *(f"signal:{int(s)}" for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL)),
    *(f"signal:{int(s)}" for s in (signal.SIGQUIT, signal.SIGABRT, signal.SIGSEGV)),
]


@linux_only
def test_the_loop_ends_on_status_0_alone(tmp_path: Path) -> None:
    statuses, ran = tmp_path / "statuses", tmp_path / "ran"
    statuses.write_text(" ".join(WAYS_OUT))
    stub = tmp_path / "alternance"
    program = tmp_path / "stub.py"
    program.write_text(STUB, encoding="utf-8")
    stub.write_text(f'#!/bin/sh\nexec {sys.executable} {program} {statuses} {ran} "$@"\n')
    stub.chmod(0o755)
    env = dict(os.environ, ALTERNANCE=str(stub))
    done = subprocess.run(
        ["sh", str(LOOP), "--lang", "en"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    # Started once per way out, then once more (that one exits 0), with the arguments.
    assert ran.read_text().splitlines() == ["--kiosk --lang en"] * (len(WAYS_OUT) + 1)


# --- the systemd unit ----------------------------------------------------------------------


def unit_settings() -> dict[str, str]:
    settings: dict[str, str] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


CLEAN_SIGNALS = {"SIGHUP", "SIGINT", "SIGTERM", "SIGPIPE"}


def systemd_restarts(settings: dict[str, str], how: str, value: int | str) -> bool:
    """Whether systemd starts the unit again after its process ended ``how``
    ("exit" with a status, or "signal" with a name): systemd.service(5),
    Restart= and RestartPreventExitStatus=, for a stop systemd did not ask for."""
    prevent = settings.get("RestartPreventExitStatus", "").split()
    if str(value) in prevent:
        return False
    success = settings.get("SuccessExitStatus", "").split()
    clean = (
        value == 0 or str(value) in success
        if how == "exit"
        else value in CLEAN_SIGNALS or value in success
    )
    restart = settings.get("Restart", "no")
    if restart == "always":
        return True
    if restart == "on-failure":
        return not clean
    if restart == "on-abnormal":
        return how == "signal" and not clean
    return False


def test_the_unit_restarts_the_app_after_every_way_out_but_the_staff_exit() -> None:
    settings = unit_settings()
    assert not systemd_restarts(settings, "exit", 0)  # the staff exit
    for status in (1, 2, 3, 255):  # a crash, a failed start, anything else
        assert systemd_restarts(settings, "exit", status), status
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGKILL", "SIGQUIT", "SIGABRT", "SIGSEGV"):
        assert systemd_restarts(settings, "signal", name), name
    assert settings["StartLimitIntervalSec"] == "0"  # never gives up


def test_the_unit_needs_its_environment_file() -> None:
    # Optional ("-/etc/...") would start a kiosk without a staff exit, silently.
    assert not unit_settings()["EnvironmentFile"].startswith("-")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_reads_the_unit_without_a_complaint(tmp_path: Path) -> None:
    # Pointed at an app that exists here; systemd-analyze checks that it does.
    app = shutil.which("alternance") or str(Path(sys.executable).with_name("alternance"))
    text = UNIT.read_text(encoding="utf-8").replace("/usr/local/bin/alternance", app)
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    verified = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verified.returncode == 0 and verified.stderr == "", verified.stderr
