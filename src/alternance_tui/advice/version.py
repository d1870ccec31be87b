"""The rules version every result, handout and saved session carries: the latest
effective date in the data, and a short hash of the flow files' content
(``2026-06-01+3f2a9c1e``).

Two results with the same version were computed from the same rules; a session
saved under another version was saved under other rules. The date tells a person
how recent the rules are; the hash tells apart two edits with the same dates (a
course removed, a wording fixed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from alternance_tui.advice.model import Bundle

# One per bundle, computed once: the bundle is immutable. Keyed by id, holding
# the bundle itself so that the id cannot be reused while the entry lives.
_VERSIONS: dict[int, tuple[Bundle, str]] = {}


def _dates(data: object) -> Iterator[dt.date]:
    """Every date something comes into force on inside ``data`` (a rate's ``start``, a
    dated rule's ``start``), without naming where they sit, so that new dated data
    counts too. An ``end`` (a rule's last day) is not a date rules took effect on."""
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        for field in dataclasses.fields(data):
            value = getattr(data, field.name)
            if isinstance(value, dt.date):
                if field.name == "start":
                    yield value
            else:
                yield from _dates(value)
    elif isinstance(data, tuple | list):
        for element in data:
            yield from _dates(element)
    elif isinstance(data, Mapping):
        for element in data.values():
            yield from _dates(element)


def _content_hash(bundle: Bundle) -> str:
    """The flow file and the data files it uses, by name and content: as they
    were read (``Bundle.digest``), never by a path that depends on the folder
    the program runs in (a bundle cached as read from ``flows/alternance.toml``
    is used from elsewhere too)."""
    if bundle.digest:
        return bundle.digest[:8]
    digest = hashlib.sha256()
    source = Path(bundle.flow.source)
    files = [source, *(source.parent / name for name in bundle.flow.uses)]
    try:
        for path in sorted(files, key=lambda p: p.name):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        # Files gone since the bundle was read (or a bundle built in memory): its
        # content as Python sees it, stable within one run only.
        digest = hashlib.sha256(repr(bundle).encode())
    return digest.hexdigest()[:8]


def rules_version(bundle: Bundle) -> str:
    """``LATEST-DATE+HASH``: see the module docstring."""
    known = _VERSIONS.get(id(bundle))
    if known is not None and known[0] is bundle:
        return known[1]
    dates = list(_dates(bundle.rates)) + list(_dates(bundle.sections))
    latest = max(dates).isoformat() if dates else "undated"
    version = f"{latest}+{_content_hash(bundle)}"
    _VERSIONS[id(bundle)] = (bundle, version)
    return version
