"""The advice engine's compiled conditions, each compiled once for as long as it lives.

A recommendation evaluates the same few dozen conditions thousands of times;
``flow.cond.compile_condition`` turns each into closures with exactly the
semantics of ``Condition.evaluate``. This module only keeps the compiled
functions (and other per-object results) so that each model object is compiled
once, not once per recommendation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TypeVar

from alternance_tui.flow.cond import Condition, Truth, Value, compile_condition

K = TypeVar("K")
R = TypeVar("R")

_MAX_CACHED = 4096


def per_object(function: Callable[[K], R]) -> Callable[[K], R]:
    """Cache ``function`` by the identity of its argument.

    For the engine's immutable model objects (conditions, rules, items), which
    hold dicts and so cannot be hashed. Each entry keeps its object, so that the
    object's id cannot be reused by another while the entry exists.
    """
    cache: dict[int, tuple[K, R]] = {}

    @functools.wraps(function)
    def cached(key: K) -> R:
        found = cache.get(id(key))
        if found is not None and found[0] is key:
            return found[1]
        if len(cache) >= _MAX_CACHED:
            cache.clear()
        result = function(key)
        cache[id(key)] = (key, result)
        return result

    return cached


truth: Callable[[Condition], Truth] = per_object(compile_condition)
"""A function of the answers giving what ``condition.evaluate`` gives."""


def holds(condition: Condition, env: Mapping[str, Value]) -> bool:
    """``condition.holds(env)``: true only when known to be true."""
    return truth(condition)(env) is True
