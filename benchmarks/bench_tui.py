"""Start-up time, peak memory and answer-to-next-question time of the TUI, as
ratios against a bare Textual app (benchmarks/bare_app.py) measured in the same run.

Run: .venv/bin/python benchmarks/bench_tui.py [--repeats 9] [--journeys 5] [--json FILE]

Both apps run as real processes on a pseudo-terminal of 80x24, as a person
would start them; nothing inside the apps is instrumented. From the outside:

- first screen ready: from just before the process is spawned to the moment
  the terminal receives the first frame that shows the app's first-screen
  text (Textual draws a whole first frame at once, so the text arriving is
  the screen being there). For alternance that text is the flow's title on
  the welcome screen, which is only drawn from the real data.
- peak memory: the process's maximum resident set size (ru_maxrss from
  wait4), after the first screen and one second of idling (so the flow
  engine loading in the background after the first frame is counted), then
  Ctrl+Q.
- answer -> next question: a whole interview is typed; for each answer key
  (Enter on a number, a digit on a choice, Enter on several choices), the
  time from writing the key to the pseudo-terminal to receiving the frame
  with the next question's prompt. Keys are sent once the app is idle.

Runs alternate bare / alternance to share the machine's noise; medians are
reported. Targets (issue 4): start-up <= 1.2x the bare app, peak memory
<= 1.25x, answer -> next question median < 16 ms.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
import journey  # beside this script

HERE = Path(__file__).resolve().parent
BARE = HERE / "bare_app.py"
BARE_MARKER = b"Bare Textual app ready"
APP_MARKER = b"Work-linked training at IMPGT"
COLUMNS, ROWS = 80, 24
TIMEOUT = 20.0
QUIET = 0.12  # seconds without output before the next key: the app is idle
TARGETS = {"startup": 1.2, "memory": 1.25, "answer_ms": 16.0}

# The interview typed in English, each screen answered by what it asks (journey.py).
SCREENS = journey.screens("en")
STEPS = 40  # more screens than any path through the flow has


@dataclass
class Run:
    ready_s: float
    peak_mb: float
    cpu_s: float = 0.0  # CPU time used by then (the first screen and the idling)


@dataclass
class Presses:
    key_ms: list[float] = field(default_factory=list)
    cpu_ms_per_key: float = 0.0


@dataclass
class Journey:
    answer_ms: list[float] = field(default_factory=list)
    start_ms: float = 0.0
    review_ms: float = 0.0
    results_ms: float = 0.0
    peak_mb: float = 0.0
    cpu_ms_per_answer: float = 0.0
    whole_cpu_s: float = 0.0  # from the process's start to the results drawn


class Terminal:
    """A process on a pseudo-terminal, and what it has written."""

    # Every one started, to stop those a failed run leaves behind: the pty is not
    # their controlling terminal, so closing it sends no hang-up, and Textual's
    # input thread then spins on its end of file.
    started_all: ClassVar[list[Terminal]] = []

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
        )
        os.close(slave)
        self.output = bytearray()
        Terminal.started_all.append(self)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.output += chunk
        return bool(chunk)

    def wait_for(self, marker: bytes, since: int = 0) -> float:
        """The monotonic time at which ``marker`` had arrived (after offset ``since``)."""
        deadline = time.monotonic() + TIMEOUT
        while marker not in self.output[since:]:
            if time.monotonic() > deadline or self.process.poll() is not None:
                tail = bytes(self.output[-400:])
                raise RuntimeError(f"never saw {marker!r}; last output: {tail!r}")
            self._read(0.05)
        return time.monotonic()

    def wait_for_any(
        self, screens: list[journey.Screen], since: int = 0
    ) -> tuple[float, journey.Screen]:
        """The monotonic time at which one of ``screens`` had arrived, and which."""
        deadline = time.monotonic() + TIMEOUT
        while (found := journey.which(bytes(self.output[since:]), screens)) is None:
            if time.monotonic() > deadline or self.process.poll() is not None:
                tail = bytes(self.output[-400:])
                raise RuntimeError(f"never saw {[s.name for s in screens]}; last: {tail!r}")
            self._read(0.05)
        return time.monotonic(), found

    def settle(self, quiet: float = QUIET) -> None:
        while self._read(quiet):
            pass

    def send(self, keys: str) -> tuple[int, float]:
        offset = len(self.output)
        os.write(self.master, keys.encode())
        return offset, time.monotonic()

    def cpu_seconds(self) -> float:
        """User + system CPU time the process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_idle(self, still: float = 0.3) -> None:
        """Until the process has used no CPU for ``still`` seconds (background loading done)."""
        deadline = time.monotonic() + TIMEOUT
        last, since = self.cpu_seconds(), time.monotonic()
        while time.monotonic() - since < still and time.monotonic() < deadline:
            self._read(0.05)
            now = self.cpu_seconds()
            if now != last:
                last, since = now, time.monotonic()

    def quit(self, *, kiosk: bool = False) -> float:
        """Ctrl+Q (a kiosk: SIGTERM, it ignores Ctrl+Q), then the peak resident memory in MB."""
        if kiosk:
            self.process.send_signal(signal.SIGTERM)
        else:
            os.write(self.master, b"\x11")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            self._read(0.05)
            pid, _status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                os.close(self.master)
                return usage.ru_maxrss / 1024
        self.process.send_signal(signal.SIGKILL)
        _, _, usage = os.wait4(self.process.pid, 0)
        os.close(self.master)
        return usage.ru_maxrss / 1024


def environment(home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ALTERNANCE_", "TEXTUAL", "NO_COLOR"))
        # An installed app has its bytecode compiled (pip does it, or the first
        # run); without this a source checkout recompiles itself at every start.
        and key != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "ALTERNANCE_DATA_DIR": str(home / "data"),
            "ALTERNANCE_CACHE_DIR": str(home / "cache"),
            "COLUMNS": str(COLUMNS),
            "LINES": str(ROWS),
        }
    )
    return env


def app_argv() -> list[str]:
    return [sys.executable, "-m", "alternance_tui", "--lang", "en", "--as-of", "2026-01-01"]


def start_once(argv: list[str], marker: bytes, env: dict[str, str], idle: float) -> Run:
    terminal = Terminal(argv, env)
    ready = terminal.wait_for(marker) - terminal.started
    time.sleep(idle)
    terminal.settle()
    cpu = terminal.cpu_seconds()
    return Run(ready, terminal.quit(kiosk="--kiosk" in argv), cpu)


def journey_once(env: dict[str, str]) -> Journey:
    terminal = Terminal(app_argv(), env)
    terminal.wait_for(APP_MARKER)
    terminal.wait_idle()  # the flow engine loads after the first frame
    terminal.settle()
    result = Journey()
    cpu_answers = 0.0
    shown = SCREENS[0]
    for _ in range(STEPS):
        if shown.question is not None:
            typed, key = journey.keys_for(shown.question)
        else:  # the welcome screen and the review: Enter goes on
            typed, key = "", "\r"
        for character in typed:
            terminal.send(character)
            terminal.settle()
        cpu_before = terminal.cpu_seconds()
        offset, sent = terminal.send(key)
        drawn, found = terminal.wait_for_any([s for s in SCREENS if s is not shown], offset)
        elapsed = (drawn - sent) * 1000
        terminal.settle()
        if shown.name == "welcome":
            result.start_ms = elapsed
        elif shown.name == "review":
            result.results_ms = elapsed
        elif found.name == "review":
            result.review_ms = elapsed
        else:
            result.answer_ms.append(elapsed)
            cpu_answers += terminal.cpu_seconds() - cpu_before
        if found.name == "results":
            break
        shown = found
    else:
        raise RuntimeError(f"no results after {STEPS} screens")
    result.whole_cpu_s = terminal.cpu_seconds()
    # CPU is counted in clock ticks (10 ms): only a sum over many answers means much.
    result.cpu_ms_per_answer = cpu_answers * 1000 / len(result.answer_ms)
    result.peak_mb = terminal.quit()
    return result


def bare_presses(env: dict[str, str], count: int) -> Presses:
    """Textual's own key -> frame time: N in the bare app relabels its label."""
    terminal = Terminal([sys.executable, str(BARE)], env)
    terminal.wait_for(BARE_MARKER)
    time.sleep(0.3)
    terminal.settle()
    result = Presses()
    cpu = 0.0
    for press in range(1, count + 1):
        cpu_before = terminal.cpu_seconds()
        offset, sent = terminal.send("n")
        drawn = terminal.wait_for(f"Pressed {press} times".encode(), offset)
        result.key_ms.append((drawn - sent) * 1000)
        terminal.settle()
        cpu += terminal.cpu_seconds() - cpu_before
    result.cpu_ms_per_key = cpu * 1000 / count
    terminal.quit()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9, help="start-ups of each app")
    parser.add_argument("--journeys", type=int, default=5, help="whole interviews typed")
    parser.add_argument("--idle", type=float, default=1.0, help="seconds idling before Ctrl+Q")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument(
        "--kiosk", action="store_true", help="also time `--kiosk` starts, in the same rounds"
    )
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="alternance-bench-"))
    try:
        env = environment(home)
        # A first start fills the flow caches (a normal start, not a first install),
        # and compiles the bytecode of both apps.
        start_once(app_argv(), APP_MARKER, env, 0.8)
        start_once([sys.executable, str(BARE)], BARE_MARKER, env, 0.1)

        bare: list[Run] = []
        ours: list[Run] = []
        kiosk: list[Run] = []
        for _ in range(args.repeats):
            bare.append(start_once([sys.executable, str(BARE)], BARE_MARKER, env, args.idle))
            ours.append(start_once(app_argv(), APP_MARKER, env, args.idle))
            if args.kiosk:
                # No cache at all (a kiosk writes none): shipped welcome facts,
                # the flow checked in memory after the first frame.
                argv = [*app_argv(), "--kiosk"]
                kiosk.append(start_once(argv, APP_MARKER, env, args.idle))
        journeys = []
        presses: list[Presses] = []
        for _ in range(args.journeys):
            presses.append(bare_presses(env, 12))
            journeys.append(journey_once(env))
    finally:
        for terminal in Terminal.started_all:
            if terminal.process.poll() is None:
                terminal.process.kill()
                terminal.process.wait()
        shutil.rmtree(home, ignore_errors=True)

    def median(values: Sequence[float]) -> float:
        return statistics.median(values)

    bare_ready = median([r.ready_s for r in bare]) * 1000
    ours_ready = median([r.ready_s for r in ours]) * 1000
    bare_mb = median([r.peak_mb for r in bare])
    ours_mb = median([r.peak_mb for r in ours])
    answers = [ms for j in journeys for ms in j.answer_ms]
    numbers = {
        "repeats": args.repeats,
        "journeys": args.journeys,
        "bare_first_screen_ms": round(bare_ready, 1),
        "alternance_first_screen_ms": round(ours_ready, 1),
        "startup_ratio": round(ours_ready / bare_ready, 3),
        "bare_peak_mb": round(bare_mb, 1),
        "alternance_peak_mb": round(ours_mb, 1),
        "memory_ratio": round(ours_mb / bare_mb, 3),
        "answer_to_next_ms_median": round(median(answers), 2),
        "answer_to_next_ms_p90": round(sorted(answers)[int(len(answers) * 0.9)], 2),
        "answer_to_next_ms_max": round(max(answers), 2),
        "answer_samples": len(answers),
        "bare_key_to_frame_ms_median": round(median([ms for p in presses for ms in p.key_ms]), 2),
        "cpu_ms_per_answer": round(statistics.mean([j.cpu_ms_per_answer for j in journeys]), 1),
        "bare_cpu_ms_per_key": round(statistics.mean([p.cpu_ms_per_key for p in presses]), 1),
        "welcome_to_first_question_ms_median": round(median([j.start_ms for j in journeys]), 1),
        "last_question_to_review_ms_median": round(median([j.review_ms for j in journeys]), 1),
        "review_to_results_ms_median": round(median([j.results_ms for j in journeys]), 1),
        "journey_peak_mb_median": round(median([j.peak_mb for j in journeys]), 1),
        "bare_start_cpu_s_median": round(median([r.cpu_s for r in bare]), 3),
        "whole_interview_cpu_s_median": round(median([j.whole_cpu_s for j in journeys]), 3),
        "load_average": os.getloadavg()[0],
    }
    numbers["whole_interview_cpu_ratio"] = round(
        numbers["whole_interview_cpu_s_median"] / numbers["bare_start_cpu_s_median"], 2
    )
    print(f"{'':34}{'bare Textual':>14}{'alternance':>14}{'ratio':>9}{'target':>9}")
    print(
        f"{'first screen ready (median)':34}{bare_ready:>11.1f} ms{ours_ready:>11.1f} ms"
        f"{numbers['startup_ratio']:>8.2f}x{TARGETS['startup']:>8.2f}x"
    )
    print(
        f"{'peak memory (median)':34}{bare_mb:>11.1f} MB{ours_mb:>11.1f} MB"
        f"{numbers['memory_ratio']:>8.2f}x{TARGETS['memory']:>8.2f}x"
    )
    print(
        f"{'answer -> next question':34}{'':>14}{numbers['answer_to_next_ms_median']:>11.2f} ms"
        f"{'':>9}{TARGETS['answer_ms']:>6.0f} ms"
        f"   (median of {len(answers)}; p90 {numbers['answer_to_next_ms_p90']} ms,"
        f" max {numbers['answer_to_next_ms_max']} ms)"
    )
    print(
        f"{'key -> label redrawn (bare app)':34}{numbers['bare_key_to_frame_ms_median']:>11.2f} ms"
        "   (Textual's own floor on this machine now)"
    )
    print(
        f"{'CPU time per answer (mean)':34}{numbers['bare_cpu_ms_per_key']:>11.1f} ms"
        f"{numbers['cpu_ms_per_answer']:>11.1f} ms   (bare: per key; steadier than wall time"
        " when the machine is shared)"
    )
    print(
        f"other steps (medians): welcome -> first question "
        f"{numbers['welcome_to_first_question_ms_median']} ms, last question -> review "
        f"{numbers['last_question_to_review_ms_median']} ms, review -> results "
        f"{numbers['review_to_results_ms_median']} ms; peak memory after a whole interview "
        f"{numbers['journey_peak_mb_median']} MB"
    )
    print(
        f"whole interview to the results, CPU (median): {numbers['whole_interview_cpu_s_median']} s"
        f", {numbers['whole_interview_cpu_ratio']}x a bare app's start "
        f"({numbers['bare_start_cpu_s_median']} s); load average {numbers['load_average']}"
    )
    if kiosk:
        kiosk_ready = median([r.ready_s for r in kiosk]) * 1000
        kiosk_mb = median([r.peak_mb for r in kiosk])
        numbers["kiosk_first_screen_ms"] = round(kiosk_ready, 1)
        numbers["kiosk_startup_ratio"] = round(kiosk_ready / bare_ready, 3)
        numbers["kiosk_peak_mb"] = round(kiosk_mb, 1)
        numbers["kiosk_memory_ratio"] = round(kiosk_mb / bare_mb, 3)
        print(
            f"{'kiosk: first screen ready (median)':34}{'':>14}{kiosk_ready:>11.1f} ms"
            f"{numbers['kiosk_startup_ratio']:>8.2f}x{TARGETS['startup']:>8.2f}x"
        )
        print(
            f"{'kiosk: peak memory (median)':34}{'':>14}{kiosk_mb:>11.1f} MB"
            f"{numbers['kiosk_memory_ratio']:>8.2f}x{TARGETS['memory']:>8.2f}x"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
