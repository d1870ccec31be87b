"""What the TUI is started with: the app's own settings, whoever starts it.

The command line (cli.py), the browser server and the tests all build one;
the app reads nothing else about how it was started.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class TuiOptions:
    """What the TUI is started with (see ``alternance --help``)."""

    flow: Path | None = None
    lang: str = "fr"
    lang_given: bool = False  # --lang was given (else the locale's language)
    as_of: dt.date | None = None
    kiosk: bool = False
    # A private session: nothing read from or written to the data folder (serve's default).
    ephemeral: bool = False
    advisor: bool = False
    resume: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    answers_file: str | None = None
