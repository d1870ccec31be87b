"""What the TUI is started with: the app's own settings, whoever starts it.

The command line (cli/interview.py), the browser server and the tests all build one;
the app reads nothing else about how it was started.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Kiosk defaults (issue 12): long enough to read the results, short enough that
# the next person never finds the last one's answers.
IDLE_SECONDS = 90.0
COUNTDOWN_SECONDS = 15.0
PIN_VARIABLE = "ALTERNANCE_KIOSK_PIN"
MAX_PIN = 32  # characters the kiosk's PIN pad takes


def pin_problem(pin: str, lang: str = "en") -> str | None:
    """Why the staff exit code could never be typed on the PIN pad, or None."""
    from alternance_tui.wording.catalogue.cli import CLI  # said by the command line

    if len(pin) > MAX_PIN:
        return CLI(lang, "pin_too_long", length=len(pin), most=MAX_PIN)
    if not pin.isprintable():
        return CLI(lang, "pin_untypable")
    return None


# Set by `alternance serve` for the apps it starts: the person at the keyboard is
# a visitor in a browser, who may not name files on the server.
SERVED_VARIABLE = "ALTERNANCE_SERVED"


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
    # Started by `alternance serve` (SERVED_VARIABLE): no file named from the keyboard.
    served: bool = False
    advisor: bool = False
    resume: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    answers_file: str | None = None
    # Kiosk only: quiet seconds before the countdown, the countdown's length,
    # and the staff exit code ("" when none: then nobody leaves from the keyboard).
    idle_seconds: float = IDLE_SECONDS
    countdown_seconds: float = COUNTDOWN_SECONDS
    exit_pin: str = field(default="", repr=False)
