"""Writing a file so that it is whole or absent, and waiting for the disk: what
the session store and the settings file share."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    ``durable=False`` does not wait for the disk (an fsync can take tens of
    milliseconds on a busy machine): the file is still whole for readers and
    after the process is killed, and ``sync_file`` makes it survive a power cut.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sync_file(path: Path) -> None:
    """Wait until ``path`` and its folder entry are on the disk."""
    for target, flags in ((path, os.O_RDONLY), (path.parent, os.O_RDONLY | os.O_DIRECTORY)):
        handle = os.open(target, flags)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
