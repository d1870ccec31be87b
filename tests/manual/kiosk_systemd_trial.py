"""The kill matrix of kiosk_systemd.sh, run from the host: each way out of the
kiosk under a real systemd, then the staff exit. Prints what systemd did."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT, PID1 = sys.argv[1], sys.argv[2]
LOG = Path(ROOT, "root", "tty1.log")
PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
WELCOME = b"Commencer"
FIRST_QUESTION = "Quel âge".encode()


def inside(*command: str) -> str:
    run = ["nsenter", "-t", PID1, "-m", "-p", "-r", "-w", "env", "-i", PATH, *command]
    return subprocess.run(run, capture_output=True, text=True, check=False).stdout.strip()


def shown_since(offset: int) -> bytes:
    with LOG.open("rb") as log:
        log.seek(offset)
        return log.read()


def type_keys(keys: str) -> None:
    inside("sh", "-c", f"printf '{keys}' > /root/tty1.keys")


def wait_for(marker: bytes, offset: int, timeout: float = 30) -> float | None:
    start = time.monotonic()
    while marker not in shown_since(offset):
        if time.monotonic() - start > timeout:
            return None
        time.sleep(0.01)
    return time.monotonic()


def unit(*properties: str) -> str:
    asked = [f"-p{p}" for p in properties]
    return inside("systemctl", "show", *asked, "alternance-kiosk").replace("\n", " ")


def main() -> None:
    wait_for(WELCOME, 0, 60)
    for way in ["KILL", "TERM", "INT", "HUP", "QUIT", "SEGV", "0xff", "KILL", "TERM"]:
        offset = LOG.stat().st_size
        type_keys("\\r")  # someone on the first question
        wait_for(FIRST_QUESTION, offset)
        time.sleep(0.5)
        before, offset, start = unit("MainPID"), LOG.stat().st_size, time.monotonic()
        if way == "0xff":
            type_keys("\\377")
        else:
            inside("systemctl", "kill", "--kill-whom=main", "-s", way, "alternance-kiosk")
        shown = wait_for(WELCOME, offset, 5 if way == "0xff" else 30)
        seconds = "-" if shown is None else f"{shown - start:.2f} s"
        print(way, before, unit("MainPID", "NRestarts"), seconds, flush=True)
        if way == "0xff":
            type_keys("\\033")  # back to the welcome screen
        time.sleep(1.0)
    offset = LOG.stat().st_size
    type_keys("\\021")  # Ctrl+Q, then the code
    time.sleep(1.0)
    type_keys("2468\\r")
    time.sleep(4)
    print("staff exit:", unit("ActiveState", "Result", "ExecMainStatus", "NRestarts"))
    print("getty@tty1:", inside("systemctl", "show", "-pConditionResult", "getty@tty1"))
    shown = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", shown_since(offset))
    print(shown[-300:].decode(errors="replace"))


if __name__ == "__main__":
    main()
