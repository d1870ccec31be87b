"""``alternance web`` under load: simulated visitors going through whole interviews.

    .venv/bin/python benchmarks/bench_web.py [--visitors 50 200 500] [--think 4]
        [--processes 1] [--json]

Starts ``alternance web`` (one process, or ``--processes N`` sharing one key, the
visitors' requests spread over them round-robin as a load balancer without sticky
sessions would) and a bare aiohttp server (one short HTML page: the floor any
aiohttp page costs), both on loopback ports chosen by the OS. For each number of
visitors, they arrive spread over one reading pause and each goes from the
welcome page to the results (the welcome, Start, every question with an
answer or its default, the review, the results: 16 pages), pausing ``--think``
seconds (±50 %) on each page as a reader would. Then it prints, per load:
pages served, the page time's median and 95th percentile (from the request
sent to the whole page read), the server processes' CPU time per page (from
/proc), and the same for the bare server at the same pace. Every visitor's
last page must be the results; errors are counted and printed.

Bounded: each load stops when its visitors are done or after ``--limit`` seconds,
whichever comes first; the servers are stopped at the end. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
PLAN = {
    "age": "20",
    "employer_sector": "private",
    "diploma": "bac_general",
    "duration_months": "24",
}
STATE = re.compile(r'name="state" value="([^"]*)"')
ASKED = re.compile(r'name="asked" value="([^"]*)"')
FIELD = re.compile(r'<input [^>]*name="answer"[^>]*>')
VALUE = re.compile(r'value="([^"]*)"')
BARE = """
import sys
from aiohttp import web
PAGE = "<!doctype html><html lang=en><title>bare</title><main><h1>Bare</h1><form method=post>" \
    "<input type=hidden name=state value=x><button>Go</button></form></main></html>"
async def page(request):
    if request.method == "POST":
        await request.post()
    return web.Response(text=PAGE, content_type="text/html")
app = web.Application()
app.router.add_get("/", page)
app.router.add_post("/", page)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


@dataclass
class Load:
    times: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)  # Server-Timing: making the page
    errors: list[str] = field(default_factory=list)
    finished: int = 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"server did not start: {command}")


def next_fields(page: str) -> tuple[str, list[tuple[str, str]]]:
    """The button to press on ``page`` and the fields a browser would send with it."""
    state = html.unescape(STATE.findall(page)[-1])
    asked = ASKED.search(page)
    if asked is None:
        go = "results" if 'value="results"' in page else "start"
        return go, [("state", state), ("go", go)]
    question = asked.group(1)
    fields = [("state", state), ("go", "next"), ("asked", question)]
    if question in PLAN:
        return "next", [*fields, ("answer", PLAN[question])]
    for tag in FIELD.findall(page):
        value = VALUE.search(tag)
        if 'type="text"' in tag or " checked" in tag:
            fields.append(("answer", html.unescape(value.group(1)) if value else ""))
    return "next", fields


async def visitor(
    session: aiohttp.ClientSession, urls: list[str], think: float, delay: float, load: Load
) -> None:
    await asyncio.sleep(delay)
    turn = random.randrange(len(urls))
    try:
        t0 = time.perf_counter()
        async with session.get(urls[turn]) as response:
            page = await response.text()
        load.times.append(time.perf_counter() - t0)
        for _ in range(30):
            await asyncio.sleep(think * random.uniform(0.5, 1.5))
            if "<h1>Your work-linked training options</h1>" in page:
                load.finished += 1
                return
            _go, fields = next_fields(page)
            turn = (turn + 1) % len(urls)
            t0 = time.perf_counter()
            async with session.post(urls[turn], data=fields) as response:
                page = await response.text()
                timing = response.headers.get("Server-Timing", "")
                if timing.startswith("app;dur="):
                    load.server.append(float(timing[8:]) / 1000)
                if response.status != 200:
                    load.errors.append(f"{response.status} {page[:200]!r}")
                    return
            load.times.append(time.perf_counter() - t0)
        load.errors.append("never reached the results")
    except (TimeoutError, aiohttp.ClientError, IndexError) as exc:
        load.errors.append(repr(exc))


async def run_load(urls: list[str], visitors: int, think: float, limit: float) -> Load:
    load = Load()
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        tasks = [
            asyncio.create_task(visitor(session, urls, think, random.uniform(0, think), load))
            for _ in range(visitors)
        ]
        _done, pending = await asyncio.wait(tasks, timeout=limit)
        for task in pending:
            task.cancel()
        if pending:
            load.errors.append(f"{len(pending)} visitors still going after {limit:g} s: stopped")
    return load


async def bare_load(url: str, visitors: int, think: float, limit: float, pages: int) -> Load:
    """The same pace on the bare server: each visitor loads ``pages`` pages."""
    load = Load()

    async def one(session: aiohttp.ClientSession, delay: float) -> None:
        await asyncio.sleep(delay)
        for number in range(pages):
            if number:
                await asyncio.sleep(think * random.uniform(0.5, 1.5))
            t0 = time.perf_counter()
            async with session.post(url, data={"state": "x"}) as response:
                await response.text()
            load.times.append(time.perf_counter() - t0)
        load.finished += 1

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=timeout) as s:
        tasks = [asyncio.create_task(one(s, random.uniform(0, think))) for _ in range(visitors)]
        _done, pending = await asyncio.wait(tasks, timeout=limit)
        for task in pending:
            task.cancel()
    return load


def summary(load: Load, cpu: float) -> dict[str, float]:
    times = sorted(load.times)
    pages = len(times)
    made = sorted(load.server)
    return {
        "server_p50_ms": 1000 * statistics.median(made) if made else 0.0,
        "server_p95_ms": 1000 * made[int(0.95 * (len(made) - 1))] if made else 0.0,
        "pages": pages,
        "finished": load.finished,
        "errors": len(load.errors),
        "p50_ms": 1000 * statistics.median(times) if times else 0.0,
        "p95_ms": 1000 * times[int(0.95 * (pages - 1))] if times else 0.0,
        "cpu_ms_per_page": 1000 * cpu / pages if pages else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitors", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--think", type=float, default=4.0, help="seconds on a page (±50 %%)")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--limit", type=float, default=240.0, help="seconds a load may last")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    random.seed(21)
    folder = Path(tempfile.mkdtemp(prefix="bench-web-"))
    env = {
        **os.environ,
        "HOME": str(folder),
        "ALTERNANCE_CACHE_DIR": str(folder / "cache"),
        "ALTERNANCE_DATA_DIR": str(folder / "data"),
        "ALTERNANCE_WEB_SECRET": "bench-" + "k" * 32,
    }
    servers, urls = [], []
    for _ in range(args.processes):
        port = free_port()
        command = [sys.executable, "-m", "alternance_tui", "web", "--port", str(port)]
        servers.append(start([*command, "--lang", "en"], env, port))
        urls.append(f"http://127.0.0.1:{port}/")
    bare_port = free_port()
    bare = start([sys.executable, "-c", BARE, str(bare_port)], env, bare_port)
    results = []
    client_before = time.process_time()
    try:
        for visitors in args.visitors:
            before = sum(cpu_seconds(s.pid) for s in servers)
            load = asyncio.run(run_load(urls, visitors, args.think, args.limit))
            web = summary(load, sum(cpu_seconds(s.pid) for s in servers) - before)
            before = cpu_seconds(bare.pid)
            pages = max(1, round(len(load.times) / max(1, visitors)))
            plain = asyncio.run(
                bare_load(f"http://127.0.0.1:{bare_port}/", visitors, args.think, args.limit, pages)
            )
            floor = summary(plain, cpu_seconds(bare.pid) - before)
            results.append({"visitors": visitors, "web": web, "bare": floor})
            for error in load.errors[:5]:
                print(f"  error ({visitors} visitors): {error}", file=sys.stderr)
    finally:
        for process in [*servers, bare]:
            process.terminate()
            process.wait(15)
        shutil.rmtree(folder, ignore_errors=True)
    load_average = os.getloadavg()
    client_cpu = time.process_time() - client_before
    # A visitor that did not reach its results measured nothing: say so in the status
    # too (benchmarks/smoke.py runs this in CI to find a benchmark gone stale).
    status = 1 if any(row["web"]["errors"] for row in results) else 0
    if args.json:
        print(json.dumps({"results": results, "loadavg": load_average}, indent=2))
        print(f"load generator CPU: {client_cpu:.1f} s", file=sys.stderr)
        return status
    print(
        f"alternance web, {args.processes} process(es), think {args.think:g} s ±50 %, "
        f"load average at the end {load_average[0]:.1f}"
    )
    print(f"the load generator (this process, same CPUs) used {client_cpu:.1f} s of CPU")
    print(
        "| visitors | pages | done | errors | page p50 / p95 ms | server p50 / p95 ms "
        "| server CPU ms/page | bare aiohttp CPU ms/page (ratio) | bare page p50 / p95 ms |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in results:
        web, floor = row["web"], row["bare"]
        ratio = web["cpu_ms_per_page"] / max(floor["cpu_ms_per_page"], 1e-9)
        print(
            f"| {row['visitors']} | {web['pages']:.0f} | {web['finished']:.0f} | "
            f"{web['errors']:.0f} | {web['p50_ms']:.1f} / {web['p95_ms']:.1f} | "
            f"{web['server_p50_ms']:.1f} / {web['server_p95_ms']:.1f} | "
            f"{web['cpu_ms_per_page']:.2f} | {floor['cpu_ms_per_page']:.2f} (x{ratio:.1f}) | "
            f"{floor['p50_ms']:.1f} / {floor['p95_ms']:.1f} |"
        )
    if status:
        print("FAILED: some visitors did not reach their results (errors above)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
