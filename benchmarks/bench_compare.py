"""How long scenarios side by side take to appear: from the last answer to the
comparison drawn (issue 11's target: under 50 ms). Not a timed test.

Run: .venv/bin/python benchmarks/bench_compare.py [--runs 30]

Two measures, each the median (and worst) of ``--runs``:
  compare   below the UI: two recommendations and their comparison (advice/compare.py)
  screen    in the app (Textual's headless driver, 120x40 and 80x24): from scenario B's
            last answer (the action its key calls) and F5 to the comparison's frame
            composed for the terminal (App._display; the headless driver then
            writes nothing): the answer, the comparison of both
            scenarios, the screen's layout and its first frame all count.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import tempfile
import time
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from alternance_tui.advice.compare import compare
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.load import load_bundle

TARGET_MS = 50.0
AS_OF = dt.date(2026, 1, 1)
PRIVATE: dict[str, Any] = {
    "age": 20,
    "employer_sector": "private",
    "diploma": "bac_general",
    "duration_months": 24,
}


def bench_compare(runs: int) -> list[float]:
    bundle = load_bundle(None)
    engine = Engine(bundle)
    public = {**PRIVATE, "employer_sector": "public"}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        recs = {
            k: engine.recommend(v, as_of=AS_OF, lang="fr")
            for k, v in (("A", PRIVATE), ("B", public))
        }
        compare(recs, bundle)
        times.append((time.perf_counter() - start) * 1000)
    return times


class _Bare(Screen[None]):
    """The cheapest screen change: one label (the machine's own floor, same run)."""

    def compose(self) -> ComposeResult:
        yield Static("≠ bare")


async def bench_screen(runs: int, size: tuple[int, int]) -> dict[str, list[float]]:
    """Per run: scenario B's last answer (the action its key calls) to the review's
    frame; then F5 to the comparison's first frame composed for the terminal
    (App._display: the headless driver writes nothing after it); and a bare
    one-label screen pushed the same way, as the floor on this machine now."""
    from alternance_tui.tui.advisor.compare import CompareScreen
    from alternance_tui.tui.app import build_app
    from alternance_tui.tui.options import TuiOptions
    from alternance_tui.tui.pages.review import ReviewScreen

    os.environ["ALTERNANCE_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-compare-")
    app = build_app(TuiOptions(lang="fr", lang_given=True, advisor=True, as_of=AS_OF))
    times: dict[str, list[float]] = {"answer": [], "compare": [], "both": [], "bare": []}
    async with app.run_test(size=size) as pilot:
        app.desk.new_session("bench")
        await pilot.pause()
        assert app.interview is not None
        app.interview.load_answers(PRIVATE)
        app.action_results()
        app.desk.new_scenario()  # B, on the review
        await pilot.pause()
        frames: dict[type, asyncio.Event] = {
            k: asyncio.Event() for k in (ReviewScreen, CompareScreen, _Bare)
        }
        plain_display = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None and type(screen) in frames:
                frames[type(screen)].set()
            plain_display(screen, renderable)

        app._display = display  # type: ignore[method-assign]

        async def frame(kind: type) -> None:
            await asyncio.wait_for(frames[kind].wait(), 5)

        for run in range(runs):
            app.edit("employer_sector")
            await pilot.pause()
            for event in frames.values():
                event.clear()
            start = time.perf_counter()
            app.answer("public" if run % 2 == 0 else "private")  # the last answer
            await frame(ReviewScreen)
            answered = time.perf_counter()
            app.action_compare()  # F5
            await frame(CompareScreen)
            done = time.perf_counter()
            times["answer"].append((answered - start) * 1000)
            times["compare"].append((done - answered) * 1000)
            times["both"].append((done - start) * 1000)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
            start = time.perf_counter()
            app.push_screen(_Bare())
            await frame(_Bare)
            times["bare"].append((time.perf_counter() - start) * 1000)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
    return times


def show(name: str, times: list[float]) -> None:
    median, worst = statistics.median(times), max(times)
    print(
        f"{name:<16} median {median:6.2f} ms  worst {worst:6.2f} ms  "
        f"target {TARGET_MS:.0f} ms: median/target {median / TARGET_MS:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    show("compare", bench_compare(args.runs * 10))
    for width, height in ((120, 40), (80, 24)):
        times = asyncio.run(bench_screen(args.runs, (width, height)))
        for name, values in times.items():
            show(f"{width}x{height} {name}", values)
        ratio = statistics.median(times["compare"]) / statistics.median(times["bare"])
        print(f"{width}x{height} comparison / bare screen (medians): {ratio:.1f}x")


if __name__ == "__main__":
    main()
