"""Deleted sessions kept for a while: a delete moves the file into a bin folder
beside the sessions (``.bin``, hidden from every list), from which it can be
put back; files in the bin longer than ``KEEP_DAYS`` are removed the next time
the bin is used. Nothing is erased by one key.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from pathlib import Path

KEEP_DAYS = 30
_STAMP = "%Y%m%dT%H%M%S"
_BINNED = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6})(?:-(?P<n>\d+))?\.json$")


@dataclass(frozen=True, slots=True)
class Binned:
    stem: str  # the session's file name, without .json
    path: Path  # where it waits in the bin


class SessionBin:
    def __init__(self, sessions: Path) -> None:
        self.sessions = sessions
        self.folder = sessions / ".bin"

    def put(self, source: Path) -> Binned:
        """Move ``source`` (a session file) into the bin; OSError if it cannot be."""
        self.empty_old()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
        target = self.folder / f"{source.stem}.{stamp}.json"
        n = 1
        while target.exists():
            n += 1
            target = self.folder / f"{source.stem}.{stamp}-{n}.json"
        source.replace(target)
        target.touch()  # its days in the bin count from now, not from its last save
        return Binned(source.stem, target)

    def restore(self, binned: Binned) -> Path:
        """Put it back under its name; FileExistsError if that name was taken since."""
        target = self.sessions / f"{binned.stem}.json"
        if target.exists():
            raise FileExistsError(target)
        binned.path.replace(target)
        return target

    def latest(self, stem: str) -> Binned | None:
        """The session file ``stem`` put in the bin last, or None: what `alternance
        sessions restore` brings back, from any window or none, while the bin keeps it."""
        best: tuple[str, int, Path] | None = None
        if not self.folder.is_dir():
            return None
        for path in self.folder.glob("*.json"):
            found = _BINNED.match(path.name)
            if found is None or found["stem"] != stem or not path.is_file():
                continue
            key = (found["stamp"], int(found["n"] or 1), path)
            if best is None or key[:2] > best[:2]:
                best = key
        return None if best is None else Binned(stem, best[2])

    def empty_old(self, days: int = KEEP_DAYS) -> None:
        if not self.folder.is_dir():
            return
        limit = time.time() - days * 86400
        for old in self.folder.glob("*.json"):
            try:
                if old.stat().st_mtime < limit:
                    old.unlink()
            except OSError:
                continue  # gone already
