"""Conditions turned into Python closures, for the advice engine's hot loops.

``flow.expr.Condition.evaluate`` walks the condition tree and dispatches on each
node's type at every call; a recommendation evaluates the same few dozen
conditions thousands of times (every rule for every "not known yet" variant,
every trial answer of "what would change it"). Here each tree is compiled once
into nested closures with exactly the semantics of ``flow.expr.evaluate``
(three-valued logic, the same comparison rules, which it reuses), and cached
for as long as the condition lives.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping
from typing import TypeVar

from alternance_tui.flow import expr
from alternance_tui.flow.expr import Condition, Value

Env = Mapping[str, Value]
Evaluator = Callable[[Env], object]
Truth = Callable[[Env], bool | None]
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


# Nodes whose value is always True, False or None: no conversion needed at the top.
_LOGICAL = (expr.Compare, expr.BoolOp, expr.Not)


@per_object
def truth(condition: Condition) -> Truth:
    """A function of the answers giving what ``condition.evaluate`` gives."""
    inner = _compile(condition.tree)
    if isinstance(condition.tree, _LOGICAL):
        return inner  # type: ignore[return-value]

    def evaluate(env: Env) -> bool | None:
        result = inner(env)
        return result if isinstance(result, bool) or result is None else bool(result)

    return evaluate


def holds(condition: Condition, env: Env) -> bool:
    """``condition.holds(env)``: true only when known to be true."""
    return truth(condition)(env) is True


def _number(value: object) -> bool:
    kind = value.__class__
    if kind is int or kind is float:
        return True
    return isinstance(value, int | float) and not isinstance(value, bool)


def _compile(node: expr.Node) -> Evaluator:
    if isinstance(node, expr.Const):
        constant = node.value
        return lambda env: constant
    if isinstance(node, expr.Name):
        name = node.name
        return lambda env: env.get(name)
    if isinstance(node, expr.Seq):
        items = node.items
        return lambda env: items
    if isinstance(node, expr.Not):
        return _not(_compile(node.operand))
    if isinstance(node, expr.Neg):
        return _neg(_compile(node.operand))
    if isinstance(node, expr.BoolOp):
        return _bool(node.op == "or", tuple(_compile(o) for o in node.operands))
    if isinstance(node, expr.Compare):
        if len(node.ops) == 1:
            return _compare_one(node.ops[0], node.left, node.rights[0])
        return _compare(_compile(node.left), node.ops, tuple(_compile(r) for r in node.rights))
    return _arith(node.op, _compile(node.left), _compile(node.right))


def _not(operand: Evaluator) -> Evaluator:
    def evaluate(env: Env) -> object:
        inner = operand(env)
        return None if inner is None else not inner

    return evaluate


def _neg(operand: Evaluator) -> Evaluator:
    def evaluate(env: Env) -> object:
        inner = operand(env)
        return -inner if _number(inner) else None  # type: ignore[operator]

    return evaluate


def _bool(decisive: bool, operands: tuple[Evaluator, ...]) -> Evaluator:
    # Kleene logic: ``or`` is settled by a true operand, ``and`` by a false one.
    def evaluate(env: Env) -> object:
        unknown = False
        for operand in operands:
            value = operand(env)
            if value is None:
                unknown = True
            elif bool(value) is decisive:
                return decisive
        return None if unknown else not decisive

    return evaluate


_ORDER: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


Compare = Callable[[object, object], bool | None]


def _comparison(op: expr.ComparisonOp) -> Compare:
    """``flow.expr._compare`` for one operator."""
    if op in _ORDER:
        order = _ORDER[op]

        def ordered(a: object, b: object) -> bool | None:
            if a is None or b is None or not (_number(a) and _number(b)):
                return None
            return order(float(a), float(b))  # type: ignore[arg-type]

        return ordered
    if op in ("in", "not in"):
        wanted = op == "in"

        def member(a: object, b: object) -> bool | None:
            if a is None or not isinstance(b, frozenset | tuple):
                return None
            return (a in b) is wanted

        return member
    equal = op == "=="

    def equality(a: object, b: object) -> bool | None:
        if a is None or b is None:
            return None
        return (a == b) is equal

    return equality


def _fixed(node: expr.Node) -> tuple[bool, object]:
    """Whether the node's value is the same for every answer, and that value."""
    if isinstance(node, expr.Const):
        return True, node.value
    if isinstance(node, expr.Seq):
        return True, node.items
    return False, None


def _compare_one(op: expr.ComparisonOp, left: expr.Node, right: expr.Node) -> Evaluator:
    """One comparison, most often an answer against a constant: ``age <= 29``,
    ``"rqth" in situations``, ``sector in ["private", "public"]``."""
    compare = _comparison(op)
    left_fixed, left_value = _fixed(left)
    right_fixed, right_value = _fixed(right)
    if isinstance(left, expr.Name) and right_fixed:
        name = left.name
        return lambda env: compare(env.get(name), right_value)
    if left_fixed and isinstance(right, expr.Name):
        name = right.name
        return lambda env: compare(left_value, env.get(name))
    left_of, right_of = _compile(left), _compile(right)
    return lambda env: compare(left_of(env), right_of(env))


def _compare(
    left: Evaluator, ops: tuple[expr.ComparisonOp, ...], rights: tuple[Evaluator, ...]
) -> Evaluator:
    pairs = tuple((_comparison(op), right) for op, right in zip(ops, rights, strict=True))

    def evaluate(env: Env) -> object:
        current = left(env)
        result: bool | None = True
        for compare, right in pairs:
            value = right(env)
            outcome = compare(current, value)
            if outcome is False:
                return False
            if outcome is None:
                result = None
            current = value
        return result

    return evaluate


def _arith(op: expr.ArithmeticOp, left: Evaluator, right: Evaluator) -> Evaluator:
    def evaluate(env: Env) -> object:
        a, b = left(env), right(env)
        if not (_number(a) and _number(b)):
            return None
        x, y = float(a), float(b)  # type: ignore[arg-type]
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        return None if y == 0 else x / y

    return evaluate
