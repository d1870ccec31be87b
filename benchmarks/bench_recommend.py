"""How long one recommendation takes: ``Engine.recommend()`` on the shipped alternance flow.

Run: .venv/bin/python benchmarks/bench_recommend.py [--runs 2000] [--warmup 200] [--json]

The issue's target is under 1 ms per recommendation. For each representative set
of answers below, the bundle is loaded and its engine built once (as the app
and the CLI do), recommend() is called ``--warmup``
times, then ``--runs`` times, each call timed on its own; the median, the 95th
percentile and the best are printed, with the process's CPU time per call over
the same runs (steadier when other processes share the machine), in English and
in French. Rendering is not part of recommend(); the JSON report's extra time is
printed apart.

Answer sets:
  done-when     the issue's example: 20, private employer, general bac, 24 months
  unknown       employer not known yet (4 variants), M1, interests and campus
  closed        36, public employer: most contracts closed, what-if with pairs
  internship    22, licence, 5 months at 28 h: internship and its bonus
  late-start    31 with RQTH and top athlete, job seeker, agreement minimum
  months        20, licence (M1 then M2), 24 months, born in November: the month
                schedule (24 months), the cycle position and net pay
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable, Mapping

from alternance_tui.advice.document_json import to_json
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.load import load_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.answers import parse_answers
from alternance_tui.flow.cond import Value

TARGET_MS = 1.0
AS_OF = dt.date(2026, 1, 1)
ANSWER_SETS: dict[str, dict[str, object]] = {
    "months": {
        "age": 20,
        "employer_sector": "private",
        "diploma": "licence",
        "duration_months": 24,
        "start_month": 9,
        "birth_month": 11,
    },
    "done-when": {
        "age": 20,
        "employer_sector": "private",
        "diploma": "bac_general",
        "duration_months": 24,
    },
    "unknown": {
        "age": 22,
        "employer_sector": "unknown",
        "diploma": "m1",
        "duration_months": 5,
        "interests": ["culture", "security"],
        "campus": "aix",
    },
    "closed": {
        "age": 36,
        "situations": [],
        "jobseeker_or_benefits": False,
        "employer_sector": "public",
        "diploma": "bac_general",
        "duration_months": 24,
    },
    "internship": {
        "age": 22,
        "employer_sector": "private",
        "diploma": "licence",
        "duration_months": 5,
        "weekly_hours": 28,
    },
    "late-start": {
        "age": 31,
        "situations": ["rqth", "top_athlete"],
        "jobseeker_or_benefits": True,
        "employer_sector": "private",
        "diploma": "master",
        "duration_months": 36,
        "long_term_jobseeker_or_benefits": True,
        "agreement_minimum_eur": 2400,
    },
}


def timings(call: Callable[[], object], runs: int, warmup: int) -> tuple[list[float], float]:
    """Wall-clock seconds of each call, timed on its own after ``warmup`` calls, and
    the process's CPU seconds per call over the same runs (less disturbed when other
    processes share the machine)."""
    for _ in range(warmup):
        call()
    gc.collect()
    gc.disable()
    try:
        found = []
        clock = time.perf_counter
        cpu_start = time.process_time()
        for _ in range(runs):
            start = clock()
            call()
            found.append(clock() - start)
        cpu = (time.process_time() - cpu_start) / runs
    finally:
        gc.enable()
    return found, cpu


def summary(measured: tuple[list[float], float]) -> dict[str, float]:
    seconds, cpu = measured
    ordered = sorted(seconds)
    return {
        "median_ms": statistics.median(ordered) * 1e3,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1e3,
        "best_ms": ordered[0] * 1e3,
        "cpu_ms": cpu * 1e3,
    }


def parsed(bundle: Bundle, raw: Mapping[str, object]) -> dict[str, Value]:
    answers, problems = parse_answers(bundle.flow, raw)
    if problems:
        raise SystemExit(f"bad benchmark answers: {problems}")
    return answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    bundle = load_bundle()
    engine = Engine(bundle)
    # The work itself: Engine.recommend keeps its last results, Engine.compute
    # (where there is one: an older engine has only recommend) works each out.
    compute = getattr(engine, "compute", engine.recommend)
    results: dict[str, dict[str, float]] = {}
    for name, raw in ANSWER_SETS.items():
        answers = parsed(bundle, raw)
        for lang in ("en", "fr"):

            def call(answers: dict[str, Value] = answers, lang: str = lang) -> object:
                return compute(answers, as_of=AS_OF, lang=lang)

            results[f"{name} {lang}"] = summary(timings(call, args.runs, args.warmup))
        rec = engine.recommend(answers, as_of=AS_OF, lang="en")
        json_only = summary(timings(lambda rec=rec: to_json(rec), args.runs, args.warmup))
        results[f"{name} en"]["to_json_ms"] = json_only["median_ms"]

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"recommend() per call, {args.runs} runs after {args.warmup} warm-up calls")
        print(f"{'answers':<16}{'median':>10}{'p95':>10}{'best':>10}{'cpu':>10}{'+to_json':>11}")
        for name, row in results.items():
            extra = f"{row['to_json_ms']:>9.3f}ms" if "to_json_ms" in row else ""
            print(
                f"{name:<16}{row['median_ms']:>8.3f}ms{row['p95_ms']:>8.3f}ms"
                f"{row['best_ms']:>8.3f}ms{row['cpu_ms']:>8.3f}ms{extra:>11}"
            )
    worst = max(row["median_ms"] for row in results.values())
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(
        f"slowest median {worst:.3f} ms: {verdict} the {TARGET_MS:g} ms target",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
