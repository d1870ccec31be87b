"""20,000 random keys and taps (every Ctrl chord among them) through a kiosk
app, as issue 12 asks; the suite runs 2,000 (tests/tui/test_kiosk_monkey.py).

Run from the repository:
    PYTHONPATH=src .venv/bin/python tests/manual/kiosk_monkey.py [--events 20000] [--seed 12]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# Nothing is written anywhere (a kiosk), but never the user's folders all the same.
os.environ["ALTERNANCE_DATA_DIR"] = tempfile.mkdtemp(prefix="kiosk-monkey-")
os.environ["ALTERNANCE_CACHE_DIR"] = tempfile.mkdtemp(prefix="kiosk-monkey-")

from tests.tui.monkey import monkey, on_a_valid_screen
from tests.tui.test_kiosk import kiosk_app

from alternance_tui.advice.load import check_bundle, default_flow_path


async def run(events: int, seed: int) -> int:
    bundle, problems, _ = check_bundle(default_flow_path())
    assert bundle is not None, problems
    app = kiosk_app(bundle, idle=0.5, countdown=0.5, pin="90817263")
    started = time.monotonic()
    async with app.run_test(size=(80, 24)) as pilot:
        tally = await monkey(pilot, events, seed=seed, quiet_every=2000, quiet_seconds=1.2)
        valid = on_a_valid_screen(app)
        running = app.is_running and app.return_code is None
        resets = app.kiosk.resets if app.kiosk else 0
        screen = type(app.screen).__name__
    print(
        f"{events} events in {time.monotonic() - started:.1f} s: {tally.keys} keys "
        f"({tally.ctrl} Ctrl chords), {tally.taps} taps, {tally.wheels} wheel turns, "
        f"{tally.quiet_pauses} quiet pauses, {resets} idle resets; still running: {running}; "
        f"ends on {screen} (valid: {valid}); no exception raised"
    )
    return 0 if running and valid else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    return asyncio.run(run(args.events, args.seed))


if __name__ == "__main__":
    raise SystemExit(main())
