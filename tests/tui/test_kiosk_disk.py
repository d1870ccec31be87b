"""A kiosk writes no file at all (issue 12): a real `alternance --kiosk` on a
pseudo-terminal, with HOME and every XDG folder pointed at one empty read-only
folder, goes through two whole interviews (one erased by the idle countdown,
one by "Finish and erase"); the folder is still empty afterwards, and so is
the temporary folder given to it. Where strace works, it also checks that the
process opened no file for writing anywhere (the terminal aside).

As root, chmod does not stop writes, hence the checks afterwards."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
COLUMNS, ROWS = 80, 24
TIMEOUT = 30.0
STRACE = shutil.which("strace")

# (keys, what the screen then shows)
JOURNEY = [
    ("\r", b"How old will you be"),
    ("20\r", b"With what kind of employer"),
    ("1", b"What is your highest diploma"),
    ("2", b"What is your situation today"),
    ("\r", b"Which year of study"),
    ("\r", b"How many months would"),
    ("24\r", b"Do you have RQTH"),
    ("\r", b"Have you been an apprentice"),
    ("\r", b"In which month would the contract"),
    ("\r", b"In which month were you born"),
    ("\r", b"How many hours a week"),
    ("\r", b"Do you know the collective"),
    ("\r", b"Which fields interest you"),
    ("\r", b"Which campus do you prefer"),
    ("\r", b"Your answers"),
    ("\r", b"Finish and erase"),
]
WELCOME = b"Work-linked training at IMPGT"


class Terminal:
    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, close_fds=True
        )
        os.close(slave)
        self.output = bytearray()

    def wait_for(self, marker: bytes, since: int = 0) -> None:
        deadline = time.monotonic() + TIMEOUT
        while marker not in self.output[since:]:
            if time.monotonic() > deadline or self.process.poll() is not None:
                tail = bytes(self.output[-600:])
                raise AssertionError(f"never saw {marker!r}; last output: {tail!r}")
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                with contextlib.suppress(OSError):
                    self.output += os.read(self.master, 65536)

    def wait_idle(self, still: float = 0.5) -> None:
        """Until the process (strace's child, if traced) has used no CPU for ``still`` s."""
        deadline = time.monotonic() + TIMEOUT
        last, since = -1.0, time.monotonic()
        while time.monotonic() - since < still and time.monotonic() < deadline:
            time.sleep(0.05)
            now = sum(_cpu(pid) for pid in _family(self.process.pid))
            if now != last:
                last, since = now, time.monotonic()

    def send(self, keys: str) -> int:
        offset = len(self.output)
        os.write(self.master, keys.encode())
        return offset

    def close(self) -> None:
        # The app first: under strace it is strace's child, and strace stopping
        # would leave it running on its own.
        family = _family(self.process.pid)
        for pid in reversed(family):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        try:
            self.process.wait(3)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        deadline = time.monotonic() + 3
        for pid in family[1:]:
            while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        os.close(self.master)


def _family(pid: int) -> list[int]:
    """``pid`` and its children (the app under strace)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(p for child in children for p in _family(int(child)))]


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return int(fields[11]) + int(fields[12])


def every_file(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def written_paths(trace: Path) -> list[str]:
    """Files the traced process opened for writing, created, renamed or removed."""
    found = []
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        call = re.search(
            r"(openat|open|creat|mkdir|mkdirat|rename|renameat2?|unlink|unlinkat)\(", line
        )
        if call is None or "= -1" in line:
            continue
        if call.group(1) in ("openat", "open") and not re.search(r"O_WRONLY|O_RDWR|O_CREAT", line):
            continue
        paths = re.findall(r'"([^"]*)"', line)
        if all(p.startswith(("/dev/pts/", "/dev/tty", "/dev/null", "/dev/ptmx")) for p in paths):
            continue
        found.append(line.split(" ", 1)[1])
    return found


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(sys.platform != "linux", reason="a pseudo-terminal and /proc: Linux only")
@pytest.mark.parametrize("prepared", [False, True], ids=["empty", "prepared-cache"])
def test_a_whole_kiosk_session_writes_no_file(tmp_path: Path, prepared: bool) -> None:
    """``prepared``: the flow cache `alternance check` leaves for a kiosk
    (docs/kiosk.md) is in the read-only folder; the kiosk reads it, changes nothing."""
    home = tmp_path / "home"  # HOME and every XDG folder: empty and read-only
    home.mkdir()
    scratch = tmp_path / "tmp"  # TMPDIR: must stay empty too
    scratch.mkdir()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
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
            "TMPDIR": str(scratch),
            "TERM": "xterm-256color",
            "PYTHONPATH": str(SRC),
            "PYTHONDONTWRITEBYTECODE": "1",  # Python's own caches, not the app's
            "ALTERNANCE_KIOSK_PIN": "2468",
        }
    )
    if prepared:
        check = [sys.executable, "-m", "alternance_tui", "check"]
        subprocess.run(check, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
        assert any(name.endswith(".pickle") for name in every_file(home))
    listed, before = every_file(home), contents(home)
    for folder in (home, scratch, cwd):
        folder.chmod(0o555)
    argv = [
        sys.executable,
        "-m",
        "alternance_tui",
        "--kiosk",
        "--lang",
        "en",
        "--as-of",
        "2026-01-01",
        "--idle-seconds",
        "6",  # well above a step's time on a busy machine, under strace
        "--countdown-seconds",
        "1",
    ]
    trace = tmp_path / "strace.txt"
    if STRACE and not prepared and _strace_works():
        argv = [STRACE, "-f", "-qq", "-o", str(trace), "-e", "trace=%file", *argv]
    terminal = Terminal(argv, env, cwd)
    try:
        terminal.wait_for(WELCOME)
        # The flow is checked in memory after the first frame: on a busy
        # machine that takes seconds, which the idle time must not race.
        terminal.wait_idle()
        for _ in range(2):  # the idle reset, then "Finish and erase" (Ctrl+E)
            for keys, shown in JOURNEY:
                # Sent one key at a time, each once the screen shows the last
                # one's effect, like a person (a burst is tested elsewhere).
                offset = terminal.send(keys)
                terminal.wait_for(shown, offset)
            offset = len(terminal.output)
            if not terminal.output.count(b"Still there?"):
                terminal.wait_for(b"Still there?", offset)
                terminal.wait_for(b"Work-linked training", offset)
            else:
                terminal.send("\x05")  # Ctrl+E: Finish and erase
                terminal.wait_for(b"Work-linked training", offset)
        assert terminal.process.poll() is None  # still running
    finally:
        terminal.close()
        for folder in (home, scratch, cwd):
            folder.chmod(0o755)
    assert every_file(home) == listed  # empty, or the cache alone, as it was
    assert contents(home) == before
    assert every_file(scratch) == []
    assert every_file(cwd) == []
    if trace.exists():
        assert written_paths(trace) == []


def _strace_works() -> bool:
    try:
        command = [str(STRACE), "-qq", "-o", os.devnull, "true"]
        done = subprocess.run(command, check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def test_the_shipped_welcome_facts_match_the_shipped_flow() -> None:
    """Else a kiosk loads the flow before its first frame (slower, still right):
    regenerate with `python -m alternance_tui.tui.shipped`."""
    from alternance_tui.files.paths import default_flow_path
    from alternance_tui.tui import shipped

    table = json.loads(shipped.SHIPPED.read_text(encoding="utf-8"))
    assert table == shipped.build_table([default_flow_path()])


def test_a_kiosk_starts_from_the_shipped_facts_and_touches_no_cache(tmp_path: Path) -> None:
    from alternance_tui.files.paths import default_flow_path
    from alternance_tui.tui.options import TuiOptions
    from alternance_tui.tui.start import starting_point

    cache = Path(os.environ["ALTERNANCE_CACHE_DIR"])
    _, facts, bundle = starting_point(TuiOptions(kiosk=True))
    assert bundle is None and facts.flow_id == "alternance"  # the flow loads after the first frame
    changed = tmp_path / "flows"
    shutil.copytree(default_flow_path().parent, changed)
    flow = changed / "alternance.toml"
    flow.write_text(flow.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    _, facts, bundle = starting_point(TuiOptions(kiosk=True, flow=flow))
    assert bundle is not None and facts.flow_id == "alternance"  # checked in memory, before
    assert not cache.exists() or every_file(cache) == []
