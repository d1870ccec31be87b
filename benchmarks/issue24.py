"""Issue 24's whole table in one command: every goal, measured in one run, for
this checkout and (with --before) an older commit, with a verdict per goal.

Run: .venv/bin/python benchmarks/issue24.py [--before REV] [--quick] [--out DIR]

It runs the benchmarks beside it as they are run alone, each writing JSON:
bench_tui.py (start-up, memory, a whole interview's CPU against a bare
Textual app's start), bench_results.py (R on the review -> the results, CPU
and function calls), bench_serve.py (50 sessions answering at once, fork
server, fast pace) and bench_recommend.py (the engine). With --before REV,
the commit's `src/` is exported (git archive) into a temporary folder and
every benchmark is run a second time against it (PYTHONPATH, inherited by the
apps they start), alternately with this checkout, benchmark by benchmark, so
both share the same machine load. The benchmarks' own scripts are this
checkout's. Nothing is written outside the temporary folder (and --out).

A full run takes about 10 minutes on an idle 2-core machine (--quick: fewer
repeats, about 4; the figures are then rougher).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_SERVE = ["--levels", "1,50", "--answering", "50"]
# name -> (script, arguments, arguments with --quick)
BENCHES: dict[str, tuple[str, list[str], list[str]]] = {
    "tui": ("bench_tui.py", ["--repeats", "9", "--journeys", "5"],
            ["--repeats", "3", "--journeys", "2"]),
    "results": ("bench_results.py", ["--runs", "7"], ["--runs", "3"]),
    "serve": ("bench_serve.py", _SERVE, _SERVE),
    "recommend": ("bench_recommend.py", ["--runs", "2000", "--warmup", "200"],
                  ["--runs", "300", "--warmup", "50"]),
}  # fmt: skip


def run(name: str, quick: bool, src: Path | None, folder: Path) -> dict[str, Any]:
    script, normal, fast = BENCHES[name]
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    out = folder / f"{name}-{'before' if src else 'after'}.json"
    command = [sys.executable, str(HERE / script), *(fast if quick else normal)]
    if name == "recommend":  # prints its JSON
        done = subprocess.run(
            [*command, "--json"], env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"{script} failed:\n{done.stderr}")
        out.write_text(done.stdout, encoding="utf-8")
    else:
        done = subprocess.run([*command, "--json", str(out)], env=env, cwd=folder, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{script} failed ({done.returncode})")
    return dict(json.loads(out.read_text(encoding="utf-8")))


def export(rev: str, folder: Path) -> Path:
    """``rev``'s source tree (and the flows it finds beside it), for PYTHONPATH."""
    target = folder / "before"
    target.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src", "flows"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "src"


def serve_level(numbers: dict[str, Any]) -> dict[str, Any]:
    """bench_serve's answering level (the one with answers)."""
    return next(level for level in numbers["levels"] if "answer_p95_ms" in level)


def slowest(numbers: dict[str, Any]) -> float:
    return max(row["median_ms"] for row in numbers.values())


# goal, how to read it, unit, target, lower is better (always)
ROWS: list[tuple[str, str, Callable[[dict[str, Any]], float], str, float]] = [
    ("whole interview to the results, CPU, to a bare app's start", "tui",
     lambda n: n["whole_interview_cpu_ratio"], "x", 2.0),
    ("review -> results drawn, CPU (first showing, 80x24)", "results",
     lambda n: n["results_first_cpu_ms"], " ms", 100.0),
    ("50 answering: answer -> next, p95", "serve",
     lambda n: serve_level(n)["answer_p95_ms"], " ms", 100.0),
    ("50 answering: review -> results, p95", "serve",
     lambda n: serve_level(n)["results_p95_ms"] / 1000, " s", 1.5),
    ("50 answering: CPU per interview", "serve",
     lambda n: serve_level(n)["cpu_per_interview_s"], " s", 0.3),
    ("recommend(), slowest median", "recommend", slowest, " ms", 0.5),
    ("start-up, to a bare app", "tui", lambda n: n["startup_ratio"], "x", 1.05),
]  # fmt: skip
# Shown beside the goals: what explains them, or what must not grow.
CONTEXT: list[tuple[str, str, Callable[[dict[str, Any]], float], str]] = [
    ("load average (1 min) at the end", "tui", lambda n: n["load_average"], ""),
    ("bare app's start, CPU", "tui", lambda n: n["bare_start_cpu_s_median"], " s"),
    ("whole interview to the results, CPU", "tui",
     lambda n: n["whole_interview_cpu_s_median"], " s"),
    ("CPU per answer (bare app: per key)", "tui", lambda n: n["cpu_ms_per_answer"], " ms"),
    ("review -> results, wall (a real terminal)", "tui",
     lambda n: n["review_to_results_ms_median"], " ms"),
    ("peak memory, to a bare app", "tui", lambda n: n["memory_ratio"], "x"),
    ("review -> results: function calls", "results", lambda n: n["results_first_calls"], ""),
    ("review -> results: a bare screen's CPU", "results",
     lambda n: n["bare_screen_cpu_ms"], " ms"),
    ("review -> results again (screen kept), CPU", "results",
     lambda n: n["results_second_cpu_ms"], " ms"),
    ("50 answering: answer -> next, p50", "serve",
     lambda n: serve_level(n)["answer_p50_ms"], " ms"),
    ("50 answering: load after", "serve",
     lambda n: serve_level(n)["load_after_answering"], ""),
    ("50 at once: first frame p95", "serve",
     lambda n: n["levels"][-1]["first_frame_p95_ms"] / 1000, " s"),
    ("PSS per session at the results", "serve",
     lambda n: serve_level(n)["pss_per_session_at_results_mb"], " MB"),
    ("50 answering: sessions that failed", "serve", lambda n: serve_level(n)["failed"], ""),
    ("recommend(), slowest of the best times", "recommend",
     lambda n: max(row["best_ms"] for row in n.values()), " ms"),
    ("recommend(), slowest CPU per call", "recommend",
     lambda n: max(row["cpu_ms"] for row in n.values()), " ms"),
]  # fmt: skip


def cell(value: float, unit: str) -> str:
    if unit in {" s", "x"} or (unit == " ms" and value < 10):
        text = f"{value:.2f}"
    elif isinstance(value, int) or value >= 1000:
        text = f"{value:,.0f}"
    else:
        text = f"{value:.1f}"
    return text + unit


def table(after: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]] | None) -> str:
    head = ["goal", "target", *(["before"] if before else []), "after", "met?"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for goal, bench, read, unit, target in ROWS:
        value = read(after[bench])
        row = [goal, "<= " + cell(target, unit)]
        if before:
            row.append(cell(read(before[bench]), unit))
        row += [cell(value, unit), "yes" if value <= target else "no"]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "| also measured | " + ("before | " if before else "") + "after |",
              "|---|" + ("---|" if before else "") + "---|"]  # fmt: skip
    for what, bench, read, unit in CONTEXT:
        row = [
            what,
            *([cell(read(before[bench]), unit)] if before else []),
            cell(read(after[bench]), unit),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also measure this commit, alternately")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (rougher)")
    parser.add_argument(
        "--only", help="some benchmarks, comma-separated (tui,results,serve,recommend)"
    )
    parser.add_argument("--out", type=Path, help="keep the JSON of every benchmark in this folder")
    parser.add_argument("--table-from", type=Path, metavar="DIR", help="print the table of --out")
    args = parser.parse_args()
    if args.table_from:
        saved = {
            p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in args.table_from.glob("*.json")
        }
        after_only = {n: saved[f"{n}-after"] for n in BENCHES}
        before_only = {n: saved[f"{n}-before"] for n in BENCHES if f"{n}-before" in saved}
        print(table(after_only, before_only or None))
        return 0
    names = args.only.split(",") if args.only else list(BENCHES)
    folder = Path(tempfile.mkdtemp(prefix="alternance-issue24-"))
    try:
        src = export(args.before, folder) if args.before else None
        after: dict[str, dict[str, Any]] = {}
        before: dict[str, dict[str, Any]] = {}
        for name in names:
            if src is not None:
                print(f"--- {name}, before ({args.before})", flush=True)
                before[name] = run(name, args.quick, src, folder)
            print(f"--- {name}, after (this checkout)", flush=True)
            after[name] = run(name, args.quick, None, folder)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            for path in folder.glob("*.json"):
                shutil.copy(path, args.out / path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if set(names) != set(BENCHES):
        print(json.dumps({"after": after, "before": before}, indent=2))
        return 0
    print()
    print(table(after, before or None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
