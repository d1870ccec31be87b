"""Pausing Python's cyclic garbage collector while a flow is read and checked.

Reading and checking a big flow makes hundreds of thousands of small objects
that hold no reference cycles; each of the collector's full passes rescans all
of them and the whole flow, so on a flow of 10,000 questions the collector took
about as long as the work itself. Objects are still freed as usual (reference
counting); the collector just runs once, later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block (nested uses are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
