"""What ``--plain`` is started with (see ``alternance --help``); the command line
(cli/interview.py) and the tests build one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# As the TUI's kiosk (tui/options.py): long enough to read the results, short
# enough that the next person never finds the last one's answers.
IDLE_SECONDS = 90.0
COUNTDOWN_SECONDS = 15.0


@dataclass(frozen=True)
class PlainOptions:
    flow: Path | None = None
    lang: str = "fr"
    lang_given: bool = False  # --lang was given: a resumed session keeps it
    as_of: dt.date | None = None
    # A kiosk writes and reads nothing, cannot be left with "quit" (it erases and
    # starts again), and erases everything after idle_seconds + countdown_seconds.
    kiosk: bool = False
    ephemeral: bool = False  # nothing read from or written to the data folder
    resume: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    answers_file: str | None = None
    color: bool = False  # --color: questions in bold, errors in red
    idle_seconds: float = IDLE_SECONDS
    countdown_seconds: float = COUNTDOWN_SECONDS
