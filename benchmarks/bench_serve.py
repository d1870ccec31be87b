"""`alternance serve` under many browsers at once: memory per connected session,
first-frame time at 1, 10 and 50 concurrent connections, and answer-key to
next-frame time with 50 people answering at once.

Run: .venv/bin/python benchmarks/bench_serve.py [--levels 1,10,50] [--answering 50]
     [--think 0.5:2.0] [--no-fork] [--json FILE]

It starts `alternance serve` on a free 127.0.0.1 port (data and cache folders
in a temporary folder, removed at the end) and plays the browsers itself, over
the same websocket a browser page uses (with the page's Origin header); nothing
leaves the machine. Every wait is bounded (TIMEOUT), and it stops by itself.

- first frame: from just before a connection's websocket is opened to the
  arrival of the bytes that draw the welcome screen's title. textual-serve
  starts one app process per connection, so this is a process start-up. At a
  level of N, the N connections are opened at the same moment (the worst
  case: a class arriving together).
- memory: once every connection of a level shows its welcome screen and the
  apps have loaded what they load in the background (a settle of --settle
  seconds), the app processes under the server (found through /proc) are
  summed: RSS, PSS (shared pages split between the processes sharing them:
  what they really cost together) and USS (private pages only); per session
  is that sum over N, plus the server's own growth over N. With the fork
  server (the default), the sessions are forked from one process that has
  loaded the app: its own memory is reported apart (fork_server_pss_mb), a
  cost paid once; PSS shares the pages it and the sessions have in common
  between them.
- CPU: user+system time the app processes have used by then, per session
  (the cost of starting one).
- answer -> next frame: with --answering sessions open (50), each one types a
  whole interview (age 20, a private employer, general bac, 24 months, the
  defaults), answering each screen by what it asks (journey.py: the question
  is known by its prompt, read from the flow), with a think time drawn
  uniformly in --think seconds before each answer (people read; a seeded
  random draw), all at once. For each answer key, the time from sending it
  to the arrival of the next question's prompt.
  p50, p95 and max over all the answers of all the sessions. Then the last
  question leads to the review and R to the results: review -> results (the
  advice engine runs, the results screen is built) is reported apart. And the
  CPU time the apps and the server used over that phase, per interview (its
  answers, the typing, the review and the results; not its start), and
  the memory per session again, every session now showing its results.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
import journey  # beside this script

TIMEOUT = 120.0  # any single wait; a level as a whole is bounded by it too
SCREENS = journey.screens("en")
WELCOME = SCREENS[0]
STEPS = 40  # more screens than any path through the flow has
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Memory:
    processes: int = 0
    rss_mb: float = 0.0
    pss_mb: float = 0.0
    uss_mb: float = 0.0
    cpu_s: float = 0.0


@dataclass
class Level:
    sessions: int
    first_frame_ms: list[float] = field(default_factory=list)
    failed: int = 0
    apps: Memory = field(default_factory=Memory)
    server_rss_mb: float = 0.0
    server_growth_mb: float = 0.0
    answer_ms: list[float] = field(default_factory=list)
    results_ms: list[float] = field(default_factory=list)
    at_results: Memory = field(default_factory=Memory)  # once every session shows its results
    fork_server: Memory = field(default_factory=Memory)  # shared by all the sessions
    answer_cpu_s: float = 0.0  # apps and server, over the whole answering phase
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after it

    def summary(self) -> dict[str, float | int]:
        n = self.sessions
        frames = sorted(self.first_frame_ms)
        out: dict[str, float | int] = {
            "sessions": n,
            "failed": self.failed,
            "first_frame_median_ms": round(statistics.median(frames), 1) if frames else 0.0,
            "first_frame_p95_ms": round(_percentile(frames, 95), 1),
            "first_frame_max_ms": round(max(frames, default=0.0), 1),
            "app_processes": self.apps.processes,
            "rss_per_session_mb": round(self.apps.rss_mb / n, 1),
            "pss_per_session_mb": round((self.apps.pss_mb + self.server_growth_mb) / n, 1),
            "uss_per_session_mb": round(self.apps.uss_mb / n, 1),
            "cpu_per_session_start_s": round(self.apps.cpu_s / n, 2),
            "server_rss_mb": round(self.server_rss_mb, 1),
            "fork_server_pss_mb": round(self.fork_server.pss_mb, 1),
        }
        if self.answer_ms:
            answers = sorted(self.answer_ms)
            out |= {
                "answers": len(answers),
                "answer_p50_ms": round(_percentile(answers, 50), 1),
                "answer_p95_ms": round(_percentile(answers, 95), 1),
                "answer_max_ms": round(answers[-1], 1),
                "results_p50_ms": round(_percentile(self.results_ms, 50), 1),
                "results_p95_ms": round(_percentile(self.results_ms, 95), 1),
                "cpu_per_interview_s": round(self.answer_cpu_s / max(1, len(self.results_ms)), 2),
                "pss_per_session_at_results_mb": round(self.at_results.pss_mb / n, 1),
                "uss_per_session_at_results_mb": round(self.at_results.uss_mb / n, 1),
                "load_before_answering": self.load[0],
                "load_after_answering": self.load[1],
            }
        return out


def _percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


# --- processes, from /proc ------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def descendants(pid: int) -> list[int]:
    tree, found, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _is_fork_server(pid: int) -> bool:
    try:
        return b"alternance_tui.serve.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def apps(server_pid: int) -> list[int]:
    """The session processes under the server: its descendants but the fork server
    (a direct child; the sessions it forks are its children and share its
    command line, so they are told apart by their parent)."""
    tree = _children()
    fork_servers = {c for c in tree.get(server_pid, []) if _is_fork_server(c)}
    return [p for p in descendants(server_pid) if p not in fork_servers]


def fork_server_of(server_pid: int) -> list[int]:
    return [c for c in _children().get(server_pid, []) if _is_fork_server(c)]


def _wait_fork_server(server_pid: int, deadline: float) -> None:
    """Until the fork server listens (its socket, named on its command line, exists):
    before that, sessions start as new processes."""
    while time.monotonic() < deadline:
        for pid in fork_server_of(server_pid):
            try:
                socket_path = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[-2]
            except (OSError, IndexError):
                continue
            if Path(socket_path.decode()).exists():
                return
        time.sleep(0.1)
    raise SystemExit("the fork server never listened")


def _rollup(pid: int) -> dict[str, int]:
    values: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, _, rest = line.partition(":")
            values[key] = int(rest.split()[0])  # kB
    except (OSError, ValueError, IndexError):
        pass
    return values


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def memory_of(pids: Sequence[int]) -> Memory:
    total = Memory()
    for pid in pids:
        rollup = _rollup(pid)
        if not rollup:
            continue
        total.processes += 1
        total.rss_mb += rollup.get("Rss", 0) / 1024
        total.pss_mb += rollup.get("Pss", 0) / 1024
        total.uss_mb += (rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)) / 1024
        total.cpu_s += _cpu_seconds(pid)
    return total


def rss_mb(pid: int) -> float:
    return _rollup(pid).get("Rss", 0) / 1024


# --- the browsers ---------------------------------------------------------------------


class Browser:
    """One connection, read by a task of its own into a buffer."""

    def __init__(self, port: int, session: aiohttp.ClientSession) -> None:
        self.port = port
        self.session = session
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.buffer = b""
        self.arrived = asyncio.Event()
        self.reader: asyncio.Task[None] | None = None

    async def open(self) -> float:
        """Milliseconds from opening the websocket to the welcome screen."""
        started = time.perf_counter()
        self.ws = await self.session.ws_connect(
            f"ws://127.0.0.1:{self.port}/ws?width=100&height=30",
            headers={"Origin": f"http://127.0.0.1:{self.port}"},
            max_msg_size=0,
        )
        self.reader = asyncio.create_task(self._read())
        await self.wait_for([WELCOME])
        return (time.perf_counter() - started) * 1000

    async def _read(self) -> None:
        assert self.ws is not None
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.buffer += message.data
                self.arrived.set()

    async def wait_for(self, screens: list[journey.Screen]) -> journey.Screen:
        async with asyncio.timeout(TIMEOUT):
            while (found := journey.which(self.buffer, screens)) is None:
                self.arrived.clear()
                await self.arrived.wait()
        return found

    async def key(self, data: str, shown: journey.Screen) -> tuple[float, journey.Screen]:
        """Send ``data``; milliseconds until another screen than ``shown`` arrives."""
        assert self.ws is not None
        self.buffer = b""
        started = time.perf_counter()
        await self.ws.send_json(["stdin", data])
        found = await self.wait_for([s for s in SCREENS if s is not shown])
        return (time.perf_counter() - started) * 1000, found

    async def interview(
        self, think: tuple[float, float], rng: random.Random
    ) -> tuple[list[float], float]:
        """A whole interview, each screen answered by what it asks (journey.py): the
        question-to-next-question times, and review -> results."""
        assert self.ws is not None
        times: list[float] = []
        shown = WELCOME
        for _ in range(STEPS):
            await asyncio.sleep(rng.uniform(*think))
            if shown.question is not None:
                typed, answer = journey.keys_for(shown.question)
            else:  # the welcome screen (Enter starts), the review (R for the results)
                typed, answer = "", "r" if shown.name == "review" else "\r"
            for char in typed:
                await self.ws.send_json(["stdin", char])
            elapsed, found = await self.key(answer, shown)
            if shown.name == "review":
                if found.name != "results":
                    raise RuntimeError(f"R on the review led to {found.name}")
                return times, elapsed
            if shown.question is not None and found.question is not None:
                times.append(elapsed)
            shown = found
        raise RuntimeError(f"no results after {STEPS} screens")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()


async def run_level(
    port: int, server_pid: int, n: int, *, answering: bool, args: argparse.Namespace
) -> Level:
    level = Level(n)
    server_before = rss_mb(server_pid)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as session:
        browsers = [Browser(port, session) for _ in range(n)]
        try:
            async with asyncio.timeout(TIMEOUT * 3):
                opened = await asyncio.gather(*(b.open() for b in browsers), return_exceptions=True)
            for result in opened:
                if isinstance(result, BaseException):
                    level.failed += 1
                else:
                    level.first_frame_ms.append(result)
            await asyncio.sleep(args.settle)
            level.apps = memory_of(apps(server_pid))
            level.fork_server = memory_of(fork_server_of(server_pid))
            level.server_rss_mb = rss_mb(server_pid)
            level.server_growth_mb = max(0.0, level.server_rss_mb - server_before)
            if answering:
                cpu_before = memory_of([server_pid, *descendants(server_pid)]).cpu_s
                load_before = os.getloadavg()[0]
                rng = random.Random(args.seed)
                think = args.think
                async with asyncio.timeout(TIMEOUT * 3):
                    journeys = await asyncio.gather(
                        *(b.interview(think, random.Random(rng.random())) for b in browsers),
                        return_exceptions=True,
                    )
                cpu_after = memory_of([server_pid, *descendants(server_pid)]).cpu_s
                level.answer_cpu_s = cpu_after - cpu_before
                level.load = (load_before, os.getloadavg()[0])
                level.at_results = memory_of(apps(server_pid))
                for done in journeys:
                    if isinstance(done, BaseException):
                        if not level.failed:
                            print(f"a journey failed: {done!r}", file=sys.stderr)
                        level.failed += 1
                    else:
                        level.answer_ms.extend(done[0])
                        level.results_ms.append(done[1])
        finally:
            await asyncio.gather(*(b.close() for b in browsers), return_exceptions=True)
    # The apps quit when their connection closes; wait (bounded) for them to go.
    deadline = time.monotonic() + TIMEOUT
    while apps(server_pid) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    return level


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path, extra: Sequence[str] = ()) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {
        **os.environ,
        "ALTERNANCE_DATA_DIR": str(folder / "data"),
        "ALTERNANCE_CACHE_DIR": str(folder / "cache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "alternance_tui", "serve", "--port", str(port)]
    command += ["--lang", "en", "--as-of", "2026-01-01", *extra]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder
    )
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            if "--no-fork" not in extra:
                _wait_fork_server(server.pid, deadline)
            return server, port
        except OSError:
            if server.poll() is not None:
                raise SystemExit("alternance serve did not start") from None
            time.sleep(0.1)
    server.kill()
    raise SystemExit("alternance serve never listened")


@dataclass
class Report:
    load_before: tuple[float, float, float]
    cpus: int
    levels: list[dict[str, float | int]]


def _think(text: str) -> tuple[float, float]:
    low, _, high = text.partition(":")
    return float(low), float(high or low)


def _levels(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


@dataclass
class _Server:
    process: subprocess.Popen[bytes]
    port: int
    folder: Path


def _server(extra: Sequence[str]) -> Iterator[_Server]:
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    process, port = start_server(folder, extra)
    try:
        yield _Server(process, port, folder)
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


async def measure(args: argparse.Namespace) -> Report:
    report = Report(os.getloadavg(), os.cpu_count() or 0, [])
    for server in _server(["--no-fork"] if args.no_fork else []):
        # One connection first: the flow caches are filled and the bytecode written.
        await run_level(server.port, server.process.pid, 1, answering=False, args=args)
        for n in args.levels:
            answering = n == args.answering
            level = await run_level(
                server.port, server.process.pid, n, answering=answering, args=args
            )
            summary = level.summary()
            report.levels.append(summary)
            print(json.dumps(summary), flush=True)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", type=_levels, default=[1, 10, 50])
    parser.add_argument("--answering", type=int, default=50, help="the level that answers")
    parser.add_argument("--think", type=_think, default=(0.5, 2.0), metavar="LOW:HIGH")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds before memory")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", type=Path, metavar="FILE")
    parser.add_argument(
        "--no-fork", action="store_true", help="serve --no-fork: a new Python per session"
    )
    args = parser.parse_args(argv)
    report = asyncio.run(measure(args))
    print(f"load average before: {report.load_before}, CPUs: {report.cpus}")
    header = (
        "sessions",
        "first frame median / p95 / max ms",
        "PSS / USS / RSS per session MB",
        "CPU per start s",
        "answer p50 / p95 / max ms",
        "review -> results p50 / p95 ms",
        "CPU per interview s",
    )
    print(" | ".join(header))
    for row in report.levels:
        answers = (
            f"{row['answer_p50_ms']} / {row['answer_p95_ms']} / {row['answer_max_ms']} | "
            f"{row['results_p50_ms']} / {row['results_p95_ms']} | {row['cpu_per_interview_s']}"
            f" | at the results: PSS {row['pss_per_session_at_results_mb']}, "
            f"USS {row['uss_per_session_at_results_mb']} MB | load "
            f"{row['load_before_answering']} -> {row['load_after_answering']}"
            if "answers" in row
            else "- | - | -"
        )
        print(
            f"{row['sessions']} | {row['first_frame_median_ms']} / {row['first_frame_p95_ms']}"
            f" / {row['first_frame_max_ms']} | {row['pss_per_session_mb']} / "
            f"{row['uss_per_session_mb']} / {row['rss_per_session_mb']} | "
            f"{row['cpu_per_session_start_s']} | {answers}"
            + (f" | FAILED {row['failed']}" if row["failed"] else "")
        )
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    # A failed connection or journey fails the run: the figures above then measure
    # fewer sessions than asked, or none (as when the typed keys went stale).
    failed = sum(int(row["failed"]) for row in report.levels)
    if failed:
        print(f"{failed} connection(s) or journey(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
