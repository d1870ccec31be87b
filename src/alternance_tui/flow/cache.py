"""A cache of validated flows, keyed by the content of their files.

Validating a flow means importing pydantic and checking every path: worth it
once, not at every start. The cache holds the built (plain dataclass) objects
with the hash of every file they came from; a change to any of those files, or
to the code that builds and defines those objects, misses the cache. (Keying on
the version number alone would let a checkout updated in place load objects
pickled from classes that have since changed.) A damaged or unreadable cache is
ignored; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from alternance_tui import __version__
from alternance_tui.files.input_file import ReadRefused, read_bounded
from alternance_tui.files.paths import cache_dir
from alternance_tui.flow.files import MAX_FILE_BYTES

T = TypeVar("T")
_FORMAT = 1


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """A hash of the engine's own source: the classes the cache pickles and the code
    that builds them live in flow/ and advice/, sub-packages included."""
    package = Path(__file__).resolve().parent.parent
    hasher = hashlib.sha256(f"{_FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    for folder in ("flow", "advice"):
        for source in sorted((package / folder).rglob("*.py")):
            hasher.update(source.relative_to(package).as_posix().encode())
            try:
                hasher.update(source.read_bytes())
            except OSError:
                hasher.update(b"?")
    return hasher.hexdigest()


def _file_digest(path: Path) -> str | None:
    """None for what the flow's reader refuses too: a pipe would wait for ever for
    a writer, /dev/zero never end; building then says why in words."""
    try:
        return _digest(read_bounded(path, MAX_FILE_BYTES))
    except ReadRefused:
        return None


def _entry(main: Path) -> Path | None:
    """Where ``main``'s result is cached (None: caching is off, or it is unreadable)."""
    directory = cache_dir()
    main_digest = _file_digest(main)
    if directory is None or main_digest is None:
        return None
    version = f"{code_fingerprint()}:{main.resolve()}"
    return directory / (_digest(f"{version}:{main_digest}".encode()) + ".pickle")


def cached(
    main: Path, build: Callable[[], tuple[T, Sequence[Path]]], kind: type[T], *, write: bool = True
) -> T:
    """``build()``'s result for ``main``, from the cache when no file it read has changed.

    ``build`` returns the object and the other files it read; it raises to refuse
    (nothing is cached then). ``write``: False to only read (a kiosk writes no file).
    """
    entry = _entry(main)
    if entry is None:
        return build()[0]
    found = _read(entry, kind)
    if found is not None:
        return found
    value, others = build()
    if write:
        _write(entry, (_dependencies(others), value))
    return value


def remember(main: Path, value: object, others: Sequence[Path]) -> None:
    """Cache ``value``, already built from ``main`` and ``others`` (`alternance
    check`: a kiosk, which writes no file, starts from it)."""
    entry = _entry(main)
    if entry is not None:
        _write(entry, (_dependencies(others), value))


def _dependencies(others: Sequence[Path]) -> list[tuple[str, str | None]]:
    return [(str(p.resolve()), _file_digest(p)) for p in others]


def _read(entry: Path, kind: type[T]) -> T | None:
    try:
        with entry.open("rb") as handle:
            deps, value = pickle.load(handle)
    except Exception:
        return None
    for path, digest in deps:
        if _file_digest(Path(path)) != digest:
            return None
    return value if isinstance(value, kind) else None


def _write(entry: Path, payload: object) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary).replace(entry)
    except (OSError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)
