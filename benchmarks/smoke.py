"""Every benchmark once, at a tiny size, so that one gone stale fails CI.

Run: .venv/bin/python benchmarks/smoke.py [NAME ...]   (.ci/run runs it after the tests)

A benchmark is not a test and is never timed here: this only proves each one
still runs to its end on today's app (bench_serve.py typed a stale interview
for two issues and measured nothing, unseen). Each runs as its own process, as
a person runs it, with the fewest repeats it accepts; a non-zero exit, or a
``bench_*.py`` missing from SIZES below, fails the run. Every folder the
benchmarks might write to (home, caches, data, temporary files) is a temporary
one, removed at the end; bytecode goes where Python always puts it (a cold
bytecode folder would make every first start compile Textual again). The
numbers printed mean nothing at this size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Each benchmark's smallest run: one session, one repeat, one size.
SIZES: dict[str, list[str]] = {
    "bench_check.py": ["--sizes", "100", "--repeats", "1", "--ties", "2"],
    "bench_compare.py": ["--runs", "1"],
    "bench_diff.py": ["--runs", "1"],
    "bench_recommend.py": ["--runs", "2", "--warmup", "1"],
    "bench_results.py": ["--runs", "1"],
    "bench_serve.py": ["--levels", "1", "--answering", "1", "--think", "0", "--settle", "0"],
    "bench_tui.py": ["--repeats", "1", "--journeys", "1", "--idle", "0.2"],
    "bench_web.py": ["--visitors", "2", "--think", "0", "--limit", "120"],
}
# A stuck benchmark fails rather than holds CI (each bounds its own waits too).
TIMEOUT_S = 600


def unlisted() -> list[str]:
    """The benchmarks SIZES does not run."""
    return sorted(p.name for p in HERE.glob("bench_*.py") if p.name not in SIZES)


def environment(folder: Path) -> dict[str, str]:
    """The caller's environment with every place a benchmark writes to in ``folder``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALTERNANCE_")}
    env.update(
        {
            "HOME": str(folder / "home"),
            "XDG_CACHE_HOME": str(folder / "xdg-cache"),
            "XDG_CONFIG_HOME": str(folder / "xdg-config"),
            "XDG_DATA_HOME": str(folder / "xdg-data"),
            "XDG_STATE_HOME": str(folder / "xdg-state"),
            "ALTERNANCE_CACHE_DIR": str(folder / "cache"),
            "ALTERNANCE_DATA_DIR": str(folder / "data"),
            "TMPDIR": str(folder / "tmp"),
        }
    )
    return env


def run(name: str, folder: Path) -> bool:
    """Run one benchmark at its smallest; True when it ran to its end."""
    workdir = folder / name.removesuffix(".py")
    env = environment(workdir)
    for key in ("HOME", "TMPDIR"):
        Path(env[key]).mkdir(parents=True)
    command = [sys.executable, str(HERE / name), *SIZES[name]]
    print(f"== {name} {' '.join(SIZES[name])}", flush=True)
    started = time.monotonic()
    try:
        done = subprocess.run(command, env=env, cwd=workdir, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        print(f"!! {name}: still running after {TIMEOUT_S} s", flush=True)
        return False
    took = time.monotonic() - started
    if done.returncode != 0:
        print(f"!! {name}: exit status {done.returncode} after {took:.0f} s", flush=True)
        return False
    print(f"-- {name}: ran to its end in {took:.0f} s", flush=True)
    return True


def main(argv: list[str]) -> int:
    missing = unlisted()
    if missing:
        print(f"!! no smoke size for {', '.join(missing)}: add it to SIZES in {__file__}")
        return 1
    names = argv or sorted(SIZES)
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        print(f"!! no such benchmark: {', '.join(unknown)} (known: {', '.join(sorted(SIZES))})")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="alternance-bench-smoke-"))
    try:
        failed = [name for name in names if not run(name, folder)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if failed:
        print(f"!! benchmarks that no longer run: {', '.join(failed)}")
        return 1
    print(f"all {len(names)} benchmarks ran at their smallest size")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
