"""Writing a file a person names (``recommend -o FILE``, a handout): what shell
redirection (``> FILE``) does, made safe where it can be.

- A regular file is replaced atomically (a temporary file beside it, renamed
  over it), so a reader never sees half a handout; it keeps its permission bits
  (and, where allowed, its owner): a handout shared with a group stays shared.
- A new file gets the permissions the umask gives (usually 0644), as ``>``
  does: a handout is meant to be printed or passed on.
- A symbolic link is followed: its target is written, the link stays.
- A character device (a terminal, /dev/null) or a pipe is written through, as
  ``>`` would; it is never replaced by a regular file. A pipe nobody reads is
  refused at once rather than waited on.
- A folder, a block device (a disk) or a socket is refused.

Every failure, a full disk included, raises ``OutputError``: the caller says so
and exits non-zero, never 0 with a file half written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Literal

Reason = Literal["folder", "refused", "no_reader", "failed"]


class OutputError(Exception):
    """Why ``path`` was not written; ``detail`` is the system's own words, if any."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        self.reason: Reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


def write_output(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` as described above."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info: os.stat_result | None = path.stat()  # through links, as ``>`` goes
    except FileNotFoundError:
        info = None  # a new file, or a link to one not there yet
    except OSError as exc:  # a loop of links, a file where a folder should be
        raise _failed(exc) from None
    if info is None or stat.S_ISREG(info.st_mode):
        _replace(Path(os.path.realpath(path)), payload, info)
    elif stat.S_ISDIR(info.st_mode):
        raise OutputError("folder")
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        _write_through(path, payload, fifo=stat.S_ISFIFO(info.st_mode))
    else:
        raise OutputError("refused")


def _failed(exc: OSError) -> OutputError:
    return OutputError("failed", exc.strerror or str(exc))


def _replace(target: Path, payload: bytes, info: os.stat_result | None) -> None:
    if info is not None and not os.access(target, os.W_OK):
        # A read-only file stays as it is, as with ``>``; renaming over it would not ask.
        raise OutputError("failed", os.strerror(errno.EACCES))
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        # 0o666 for a new file: the kernel takes the umask off, as for ``>``.
        handle = os.open(temporary, flags, 0o600 if info else 0o666)
    except OSError as exc:
        if info is not None and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            # A file one may write in a folder one may not: ``>`` writes in place.
            _write_in_place(target, payload)
            return
        raise _failed(exc) from None
    try:
        try:
            if info is not None:
                _keep_owner_and_mode(handle, info)
            _write_all(handle, payload)
            os.fsync(handle)
        finally:
            os.close(handle)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _failed(exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _keep_owner_and_mode(handle: int, info: os.stat_result) -> None:
    if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        # Only root may give a file away; where not allowed, the content matters more.
        with contextlib.suppress(PermissionError):
            os.fchown(handle, info.st_uid, info.st_gid)
    os.fchmod(handle, stat.S_IMODE(info.st_mode) & 0o777)  # no set-id bits carried over


def _write_in_place(target: Path, payload: bytes) -> None:
    try:
        handle = os.open(target, os.O_WRONLY | os.O_TRUNC)
        try:
            _write_all(handle, payload)
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError as exc:
        raise _failed(exc) from None


def _write_through(path: Path, payload: bytes, *, fifo: bool) -> None:
    # No O_CREAT, no O_TRUNC: the device or pipe is written, never replaced.
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if fifo:
        flags |= os.O_NONBLOCK  # fails at once (ENXIO) when nobody reads
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError("no_reader") from None
        raise _failed(exc) from None
    try:
        try:
            if fifo:
                os.set_blocking(handle, True)  # a slow reader is waited for, as ``>`` does
            _write_all(handle, payload)
        finally:
            os.close(handle)
    except OSError as exc:
        raise _failed(exc) from None


def _write_all(handle: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(handle, view)  # a pipe or a device may take part of it
        view = view[written:]
