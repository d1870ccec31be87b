"""Placeholder until the Textual app lands (issue 4)."""

from __future__ import annotations

import sys

from alternance_tui.cli import TuiOptions


def run(options: TuiOptions) -> int:
    print(
        "The interactive interview is not built yet: use `alternance recommend`.", file=sys.stderr
    )
    del options
    return 1
