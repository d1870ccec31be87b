"""Device nodes, FIFOs and links made in a test's own folder, never the machine's /dev."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

ZERO, FULL = (1, 5), (1, 7)  # the numbers of /dev/zero and /dev/full
T = TypeVar("T")


def char_device(path: Path, numbers: tuple[int, int]) -> Path:
    """A character device node at ``path`` (skips the test where one cannot be made)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(*numbers))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root on Linux")
    return path


def fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)
    return path


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``'s result, failing the test (not hanging it) if it takes longer."""
    result: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still waiting after {seconds} s (a pipe or a device read without end?)")
    if errors:
        raise errors[0]
    return result[0]
