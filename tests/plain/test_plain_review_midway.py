"""``review`` typed part-way through the questions, then Enter, which the
prompt says goes "on with the questions": the next question is the one the
person left, not a jump past every question that has a default (their
situation, their birth month, their campus) straight to the results."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.tui.pty_app import environment

AS_OF = "2026-12-07"


def converse(home: Path, lang: str, typed: list[str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "alternance_tui", "--plain", "--lang", lang, "--as-of", AS_OF],
        input="\n".join(typed) + "\n",
        capture_output=True,
        text=True,
        env=environment(home),
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("lang", "review", "situation"),
    [("en", "review", "What is your situation today?"), ("fr", "réponses", "Quelle est votre")],
)
def test_enter_at_a_review_midway_goes_on_where_the_person_was(
    tmp_path: Path, lang: str, review: str, situation: str
) -> None:
    # Age, employer, diploma; then the review at the fourth question; then Enter.
    said = converse(tmp_path, lang, ["22", "1", "6", review, "", "24"])
    after = said.split(f"{review}\n", 1)[1]
    blocks = [b for b in after.split("\n\n") if b.strip()]
    asked_next = blocks[1]  # the review's rows, then the next place
    assert situation in asked_next, after[:1500]
