"""Killing the app while a person types never loses an answer it showed as accepted.

The app runs as a real process on a pseudo-terminal, as `alternance` does;
keys are typed from the first instant (some before the welcome screen is
drawn, some while the flow loads) and the process is killed (SIGKILL, no
chance to save on the way out) at random moments, a third of them within
100 ms of an answer being accepted. An answer counts as accepted once the next
question is on the terminal; each one must then be in the saved session.
"""

from __future__ import annotations

import json
import os
import pty
import random
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KILLS = 31
KEY_GAP = 0.05  # seconds between keys: a quick typist
# Textual has put the terminal in raw mode once it hides the cursor: keys typed
# before that would go through the line discipline (Enter turned into ^J).
RAW_MODE = b"\x1b[?25l"
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[a-zA-Z]")
LAST_WAIT = 2.5  # seconds after the last key by which every answer is on screen
# (key, the answer it completes if any, the prompt that shows it was accepted)
KEYS: list[tuple[str, tuple[str, object] | None, bytes | None]] = [
    ("\r", None, None),  # start
    ("2", None, None),
    ("0", None, None),
    ("\r", ("age", 20), b"With what kind of employer"),
    ("1", ("employer_sector", "private"), b"What is your highest diploma"),
    ("2", ("diploma", "bac_general"), b"What is your situation today"),
    ("\r", ("status", "unknown"), b"Which year of study"),  # rather not say, the default
    ("\r", ("entry_level", "other"), b"How many months would"),  # the year offered
    ("2", None, None),
    ("4", None, None),
    ("\r", ("duration_months", 24), b"Do you have RQTH"),
    ("\r", ("rqth", False), b"Have you been an apprentice before"),  # no, the default
]


EVERY_ANSWER = dict(answer for _, answer, _ in KEYS if answer is not None)


def answered(home: Path) -> dict[str, object]:
    saved = home / "data" / "sessions" / "autosave.json"
    if not saved.exists():
        return {}
    answers: dict[str, object] = json.loads(saved.read_text(encoding="utf-8"))["answers"]
    return answers


@dataclass
class Trial:
    kill_after_answer: int | None  # kill shortly after this answer is accepted (index in KEYS)
    kill_at: float  # or at this many seconds after the first key
    first_key: float  # seconds from raw mode (before the first frame) to the first key
    patience: float = 2.5  # seconds after the last key by which every answer is on screen
    seen: bytearray = field(default_factory=bytearray)
    accepted: dict[str, object] = field(default_factory=dict)


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALTERNANCE_", "TEXTUAL"))}
    env.update(
        {
            "ALTERNANCE_DATA_DIR": str(home / "data"),
            "ALTERNANCE_CACHE_DIR": str(home / "cache"),
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
            "PYTHONPATH": os.pathsep.join(
                [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
        }
    )
    return env


def _run(trial: Trial, env: dict[str, str]) -> None:
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "alternance_tui", "--lang", "en", "--as-of", "2026-01-01"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    try:
        start = time.monotonic()
        next_key = start + 3600.0  # set once the terminal is in raw mode
        typed = 0
        kill_at: float | None = None
        while process.poll() is None:
            now = time.monotonic()
            if typed == 0 and next_key > now + 60 and RAW_MODE in trial.seen:
                next_key = now + trial.first_key
                if trial.kill_after_answer is None:
                    kill_at = next_key + trial.kill_at
            if now - start > 30:
                break  # never hang the suite: the assertions below say what was missing
            if kill_at is not None and now >= kill_at:
                break
            if typed < len(KEYS) and now >= next_key:
                os.write(primary, KEYS[typed][0].encode())
                typed += 1
                next_key = now + KEY_GAP
            if select.select([primary], [], [], 0.005)[0]:
                try:
                    trial.seen += os.read(primary, 65536)
                except OSError:
                    break
            shown = ESCAPES.sub(b"", trial.seen)
            for key, answer, prompt in KEYS[:typed]:
                if answer is None or prompt is None or answer[0] in trial.accepted:
                    continue
                if prompt in shown:
                    trial.accepted[answer[0]] = answer[1]
                    if kill_at is None and KEYS.index((key, answer, prompt)) >= (
                        trial.kill_after_answer or 0
                    ):
                        kill_at = time.monotonic() + random.uniform(0, 0.1)
            if kill_at is None and typed == len(KEYS) and now > next_key + trial.patience:
                kill_at = now  # the answer waited for never came: kill now all the same
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        os.close(primary)


def test_every_accepted_answer_survives_a_kill(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    answers_at = [i for i, (_, answer, _) in enumerate(KEYS) if answer is not None]
    rng = random.Random(20261129)
    random.seed(20261129)
    last_answer = answers_at[-1]
    # The first start fills the caches; then all the keys, typed from the first
    # instant (before the first frame), reach the questions they were typed for.
    sessions = tmp_path / "data" / "sessions"
    for first_key in (0.5, 0.0):
        (sessions / "autosave.json").unlink(missing_ok=True)
        whole = Trial(kill_after_answer=last_answer, kill_at=0, first_key=first_key, patience=20)
        _run(whole, env)
        # Answers typed ahead may be drawn in one frame: the last one shown is enough.
        assert "duration_months" in whole.accepted, ESCAPES.sub(b"", whole.seen)[-400:]
        assert answered(tmp_path) == EVERY_ANSWER
    kills_near_an_answer = 0
    for number in range(KILLS):
        for old in sessions.glob("*.json"):
            old.unlink()
        near = number % 3 == 0
        trial = Trial(
            kill_after_answer=rng.choice(answers_at) if near else None,
            kill_at=rng.uniform(0.05, KEY_GAP * len(KEYS) + 1.0),
            # Near an answer: typed once the flow is loaded, so each answer is drawn.
            first_key=1.0 if near else rng.choice([0.0, rng.uniform(0, 0.8)]),
        )
        _run(trial, env)
        answers = answered(tmp_path)
        for question, value in trial.accepted.items():
            assert answers.get(question) == value, (number, trial, answers)
        kills_near_an_answer += near and bool(trial.accepted)
    assert kills_near_an_answer >= 6
