"""R on the review -> the results drawn, in CPU time and in Python function
calls, against a bare Textual screen pushed the same way in the same run.

Run: .venv/bin/python benchmarks/bench_results.py [--runs 5] [--size 80x24] [--json FILE]

In one process, on Textual's headless driver, with the date fixed: for each
run a new app types the interview to the review (age 20, a private employer,
general bac, 24 months, the defaults), then R; the clock runs from R to the
results screen filled and drawn (no message left to handle). Reported: the
CPU time of that step (``time.process_time``: what the work costs, whatever
else the machine runs; the wall time is printed beside it), the first
showing (what a person gets) and a second one (Esc, then R again: the screen
is kept), and, from one more run under cProfile, the number of Python
function calls the first showing makes: the same from run to run whatever the
load, so it compares two versions on a busy machine. The bare app is a label;
its step is a key that pushes a screen holding one label (Textual's own floor
for "a key shows a new screen").

Target (issue 24): review -> results drawn in 100 ms or less.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label

import journey  # beside this script
from alternance_tui.advice.load import check_bundle, default_flow_path
from alternance_tui.advice.model import Bundle
from alternance_tui.tui.app import AlternanceApp
from alternance_tui.tui.facts import facts_of
from alternance_tui.tui.options import TuiOptions

AS_OF = dt.date(2026, 1, 1)
TARGET_MS = 100.0
STEPS = 40  # more screens than any path through the flow has


def make_app(bundle: Bundle) -> AlternanceApp:
    options = TuiOptions(
        flow=None,
        lang="en",
        lang_given=False,
        as_of=AS_OF,
        kiosk=False,
        resume=None,
        answers={},
        answers_file=None,
    )
    return AlternanceApp(options, facts_of(bundle), default_flow_path(), bundle)


async def settled(app: App[Any], pilot: Any) -> None:
    """Until the screen has nothing left to do (the results put in, drawn)."""
    for _ in range(200):
        await pilot.pause()
        if not getattr(app.screen, "filling", False):
            break
    await pilot.pause()


async def to_review(app: AlternanceApp, pilot: Any) -> None:
    """From the welcome screen to the review, each question answered by what it
    asks (journey.py: 20, a private employer, a general bac, 24 months, the
    defaults): a fixed list of keys goes stale as soon as the flow changes."""
    await app.workers.wait_for_complete()
    await settled(app, pilot)
    await pilot.press("enter")  # the welcome screen: start
    for _ in range(STEPS):
        await app.workers.wait_for_complete()
        await settled(app, pilot)
        interview = app.interview
        question = interview.question if interview is not None else None
        if type(app.screen).__name__ == "ReviewScreen" or question is None:
            return
        typed, answer = journey.keys_for(question)
        await pilot.press(*typed, "enter" if answer == "\r" else answer)


async def results_once(
    bundle: Bundle, size: tuple[int, int], prof: cProfile.Profile | None
) -> dict[str, float]:
    app = make_app(bundle)
    async with app.run_test(size=size) as pilot:
        await to_review(app, pilot)
        if type(app.screen).__name__ != "ReviewScreen":
            raise SystemExit(f"the typed interview did not reach the review ({app.screen})")
        out: dict[str, float] = {}
        for name in ("first", "second"):
            wall, cpu = time.perf_counter(), time.process_time()
            if prof is not None and name == "first":
                prof.enable()
            await pilot.press("r")
            await settled(app, pilot)
            if prof is not None and name == "first":
                prof.disable()
            out[f"{name}_cpu_ms"] = (time.process_time() - cpu) * 1000
            out[f"{name}_wall_ms"] = (time.perf_counter() - wall) * 1000
            if type(app.screen).__name__ != "ResultsScreen":
                raise SystemExit(f"R did not show the results ({app.screen})")
            await pilot.press("escape")
            await settled(app, pilot)
    return out


class _Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Bare Textual app ready")

    def on_key(self) -> None:
        screen: Screen[None] = Screen()
        self.push_screen(screen)
        screen.mount(Label("A new screen"))


async def bare_once(size: tuple[int, int]) -> dict[str, float]:
    app = _Bare()
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        wall, cpu = time.perf_counter(), time.process_time()
        await pilot.press("x")
        await settled(app, pilot)
        return {
            "cpu_ms": (time.process_time() - cpu) * 1000,
            "wall_ms": (time.perf_counter() - wall) * 1000,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="80x24", help="the terminal, COLUMNSxROWS")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    size = (columns, rows)
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

    built, problems, _ = check_bundle(default_flow_path())
    if built is None:
        raise SystemExit("\n".join(map(str, problems)))
    asyncio.run(bare_once(size))  # warm-up: imports, Textual's first CSS parse
    asyncio.run(results_once(built, size, None))
    ours, bare = [], []
    for _ in range(args.runs):
        bare.append(asyncio.run(bare_once(size)))
        ours.append(asyncio.run(results_once(built, size, None)))
    prof = cProfile.Profile()
    asyncio.run(results_once(built, size, prof))
    calls = pstats.Stats(prof).total_calls  # type: ignore[attr-defined]

    def med(rows: list[dict[str, float]], key: str) -> float:
        return round(statistics.median(r[key] for r in rows), 1)

    numbers = {
        "size": args.size,
        "runs": args.runs,
        "results_first_cpu_ms": med(ours, "first_cpu_ms"),
        "results_first_wall_ms": med(ours, "first_wall_ms"),
        "results_second_cpu_ms": med(ours, "second_cpu_ms"),
        "results_second_wall_ms": med(ours, "second_wall_ms"),
        "bare_screen_cpu_ms": med(bare, "cpu_ms"),
        "bare_screen_wall_ms": med(bare, "wall_ms"),
        "results_first_calls": calls,
        "load_average": round(os.getloadavg()[0], 1),
    }
    numbers["results_first_cpu_ratio"] = round(
        numbers["results_first_cpu_ms"] / max(numbers["bare_screen_cpu_ms"], 0.1), 1
    )
    print(
        f"R -> results drawn, {args.size}, median of {args.runs}"
        f" (load {numbers['load_average']}):\n"
        f"  first showing   {numbers['results_first_cpu_ms']:>7.1f} ms CPU"
        f" ({numbers['results_first_wall_ms']:.1f} ms wall), {calls:,} function calls\n"
        f"  second showing  {numbers['results_second_cpu_ms']:>7.1f} ms CPU"
        f" ({numbers['results_second_wall_ms']:.1f} ms wall)\n"
        f"  bare screen     {numbers['bare_screen_cpu_ms']:>7.1f} ms CPU"
        f" ({numbers['bare_screen_wall_ms']:.1f} ms wall)\n"
        f"  first showing: {numbers['results_first_cpu_ratio']}x a bare screen; target"
        f" {TARGET_MS:g} ms: {'met' if numbers['results_first_cpu_ms'] <= TARGET_MS else 'not met'}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
