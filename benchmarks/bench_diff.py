"""How long `alternance diff` of the shipped flow takes (issue 13: under 2 s).

Run: .venv/bin/python benchmarks/bench_diff.py [--runs 3] [--old 2026-01-01] [--new 2026-07-01]

Times, in one process, the whole diff as the command runs it: one Engine per
state of the rules, built once (here both states are dates of one bundle, so
one Engine), the profiles of every item enumerated, each evaluated under both
states, the text table rendered. Loading the bundle (from the cache, as the
command does) is timed apart. Prints wall time and the process's CPU time
(steadier when other processes share the machine), the best and the median of
``--runs``, and the profile and change counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from alternance_tui.advice.diff.run import Side, diff
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.load import load_bundle
from alternance_tui.advice.render.diff import diff_text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--old", type=dt.date.fromisoformat, default=dt.date(2026, 1, 1))
    parser.add_argument("--new", type=dt.date.fromisoformat, default=dt.date(2026, 7, 1))
    args = parser.parse_args()
    started = time.perf_counter()
    bundle = load_bundle()
    print(f"load_bundle: {1000 * (time.perf_counter() - started):.0f} ms")
    walls, cpus = [], []
    for _ in range(args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        engine = Engine(bundle)
        result = diff(
            Side(engine, args.old, str(args.old)), Side(engine, args.new, str(args.new)), "en"
        )
        diff_text(result, "en")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(f"profiles {result.profiles}, changes {len(result.changes)}")
    print(f"diff wall: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s")
    print(f"diff CPU:  best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s")


if __name__ == "__main__":
    main()
