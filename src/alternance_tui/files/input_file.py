"""Reading a file a person names (flows, answers, saved sessions) without surprises.

A name can point at anything: ``/dev/zero`` never ends, a pipe waits for ever
for a writer, a device may answer a read with side effects. Only regular files
are read, and never more than a limit, whatever their size claims; standard
input is read up to the same limit. Callers word the refusal in their own
language from ``ReadRefused.reason``.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

MAX_BYTES = 1024 * 1024
# Digits beyond this are no answer anyone means; Python refuses to turn more
# than 4,300 into an int at all, so longer ones become an infinite float that
# the range check then refuses in words.
_MAX_INT_DIGITS = 400

Reason = Literal["missing", "folder", "not_regular", "too_large", "unreadable"]


class ReadRefused(Exception):
    """Why a file was not read; ``detail`` is the system's own words, if any."""

    def __init__(self, reason: Reason, *, size: int = 0, detail: str = "") -> None:
        self.reason: Reason = reason
        self.size = size
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``; ``ReadRefused`` for anything else."""
    try:
        # stat first: merely opening some devices has effects (a tape rewinds).
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise ReadRefused("folder")
        if not stat.S_ISREG(mode):
            raise ReadRefused("not_regular")
        # O_NONBLOCK: should the name have become a pipe since, open returns
        # at once instead of waiting for a writer, and fstat refuses it.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise ReadRefused("missing") from None
    except IsADirectoryError:
        raise ReadRefused("folder") from None
    except OSError as exc:
        raise ReadRefused("unreadable", detail=exc.strerror or str(exc)) from None
    except ValueError:  # a NUL in the name: no file is called that
        raise ReadRefused("missing") from None
    with os.fdopen(handle, "rb") as stream:
        try:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReadRefused("not_regular")
            return _read_at_most(stream, limit, info.st_size)
        except OSError as exc:
            raise ReadRefused("unreadable", detail=exc.strerror or str(exc)) from None


def read_stream_bounded(stream: IO[Any], limit: int = MAX_BYTES) -> bytes:
    """Standard input (or any stream), as bytes, refused beyond ``limit``."""
    binary = getattr(stream, "buffer", None)
    try:
        if binary is not None:
            return _read_at_most(binary, limit, 0)
        text = stream.read(limit + 1)  # a text stream (tests): characters, near enough
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    except OSError as exc:
        raise ReadRefused("unreadable", detail=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise ReadRefused("too_large", size=len(data))
    return data


def _read_at_most(stream: IO[bytes], limit: int, claimed: int) -> bytes:
    data = stream.read(limit + 1)  # never more, whatever stat said
    if len(data) > limit:
        raise ReadRefused("too_large", size=max(claimed, len(data)))
    return data


# --- JSON --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A key given more than once in the top-level object: every value, in order."""

    key: str
    values: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class JsonDocument:
    data: object
    duplicates: list[Duplicate] = field(default_factory=list)


class JsonRefused(Exception):
    """Not JSON this program can read: ``line``/``column`` where known, 0 otherwise."""

    def __init__(
        self,
        reason: Literal["syntax", "too_deep", "not_utf8"],
        detail: str = "",
        line: int = 0,
        column: int = 0,
    ) -> None:
        self.reason = reason
        self.detail = detail
        self.line = line
        self.column = column
        super().__init__(detail or reason)


def _json_int(text: str) -> int | float:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        return float(text)  # inf, with its sign
    return int(text)


def parse_json(raw: bytes) -> JsonDocument:
    """The document in ``raw``, with the keys the top-level object repeats."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise JsonRefused("not_utf8", f"byte 0x{raw[exc.start]:02x}", line) from None
    seen: dict[int, list[Duplicate]] = {}
    hook: Callable[[list[tuple[str, Any]]], dict[str, Any]] = _pairs_hook(seen)
    try:
        data = json.loads(text, object_pairs_hook=hook, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise JsonRefused("syntax", exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonRefused("too_deep") from None
    return JsonDocument(data, seen.get(id(data), []))


def _pairs_hook(
    seen: dict[int, list[Duplicate]],
) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """Objects as dicts (the last value of a key wins, as JSON readers do), noting
    repeated keys by the id of their object: only the top-level one's are wanted,
    and it is built last, once every inner object exists (so no id is reused)."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) < len(pairs):
            values: dict[str, list[object]] = {}
            for key, value in pairs:
                values.setdefault(key, []).append(value)
            seen[id(result)] = [Duplicate(k, tuple(v)) for k, v in values.items() if len(v) > 1]
        return result

    return build
