"""How long an interview takes to read and answer, said on every welcome page."""

from __future__ import annotations

# A person reads, thinks and answers in about this many seconds per question.
SECONDS_PER_QUESTION = 15


def minutes(questions: int) -> int:
    """About how many minutes ``questions`` take (at least one)."""
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))
