"""Which rules a session was seen with: one short string, saved in its file.

A stand-in until issue 13's ``rules_version`` lands: a content hash of the flow
folder's files and the latest date a rate is known to change on. Kept in this
one function so that it can be replaced without touching its callers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path


def rules_version(flow_path: Path, rates_known_until: dt.date | None) -> str:
    """``2026-01-01+1a2b3c4d5e6f``: the rates' last change, then a hash of the rules' files."""
    digest = hashlib.sha256()
    folder = flow_path.parent
    for file in sorted(folder.glob("*.toml")):
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    when = rates_known_until.isoformat() if rates_known_until else "no-rates"
    return f"{when}+{digest.hexdigest()[:12]}"
