"""``alternance serve``: the same app in a web browser, through textual-serve."""

from __future__ import annotations

import shlex
import sys


def serve(host: str, port: int, *, kiosk: bool = False, lang: str = "fr") -> int:
    from textual_serve.server import Server

    command = [sys.executable, "-m", "alternance_tui", "--lang", lang]
    if kiosk:
        command.append("--kiosk")
    server = Server(shlex.join(command), host=host, port=port, title="alternance-tui")
    server.serve()
    return 0
