"""Conditions compiled into closures: what ``evaluate`` gives, faster.

The checker evaluates the same conditions hundreds of thousands of times on big
flows, and a recommendation evaluates the same few dozen thousands of times (every
rule for every "not known yet" variant, every trial answer of "what would change
it"). ``compile_tree`` turns a tree once into nested closures that give exactly
what ``evaluate`` gives, without walking the tree and testing node types at each
call: comparisons are specialised by operator, and an answer compared with a
constant (``age <= 29``, ``"rqth" in situations``) is read straight from the
answers, which is most conditions. ``evaluate`` (tree.py) stays the
reference they are tested against.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import cast

from alternance_tui.flow.cond.tree import (
    ArithmeticOp,
    BoolOp,
    Compare,
    ComparisonOp,
    Condition,
    Const,
    Name,
    Neg,
    Node,
    Not,
    Scalar,
    Seq,
    Value,
    is_number,
)

Evaluator = Callable[[Mapping[str, Value]], "Value | tuple[Scalar, ...]"]
Truth = Callable[[Mapping[str, Value]], "bool | None"]
_Pair = Callable[[object, object], "bool | None"]

_ORDER: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}
# Nodes whose value is always True, False or None: no conversion needed at the top.
_LOGICAL = (Compare, BoolOp, Not)


def compile_condition(condition: Condition) -> Truth:
    """A function of the answers giving what ``condition.evaluate`` gives."""
    run = compile_tree(condition.tree)
    if isinstance(condition.tree, _LOGICAL):
        return cast(Truth, run)

    def truth(env: Mapping[str, Value]) -> bool | None:
        result = run(env)
        return result if isinstance(result, bool) or result is None else bool(result)

    return truth


def compile_tree(node: Node, memo: dict[int, Evaluator] | None = None) -> Evaluator:
    """A function of the answers giving what ``evaluate(node, answers)`` gives.

    ``memo``, when given, receives that function for ``node`` and for each operand
    of its and/or/not, by ``id``, for a caller that also evaluates those parts on
    their own (the checker's tests on one answer).
    """
    compiled = _compile_node(node, memo)
    if memo is not None:
        memo[id(node)] = compiled
    return compiled


def _compile_node(node: Node, memo: dict[int, Evaluator] | None) -> Evaluator:
    if isinstance(node, Compare):
        if len(node.ops) == 1:
            return _compiled_compare_one(node.ops[0], node.left, node.rights[0])
        return _compiled_chain(
            compile_tree(node.left), node.ops, tuple(compile_tree(r) for r in node.rights)
        )
    if isinstance(node, Name):
        name = node.name
        return lambda env: env.get(name)
    if isinstance(node, BoolOp):
        return _compiled_bool(node.op == "or", tuple(compile_tree(o, memo) for o in node.operands))
    if isinstance(node, Const):
        constant = node.value
        return lambda env: constant
    if isinstance(node, Seq):
        items = node.items
        return lambda env: items
    if isinstance(node, Not):
        return _compiled_not(compile_tree(node.operand, memo))
    if isinstance(node, Neg):
        return _compiled_neg(compile_tree(node.operand))
    return _compiled_arith(node.op, compile_tree(node.left), compile_tree(node.right))


def _compiled_not(inner: Evaluator) -> Evaluator:
    def run(env: Mapping[str, Value]) -> Value:
        value = inner(env)
        return None if value is None else not value

    return run


def _compiled_neg(inner: Evaluator) -> Evaluator:
    def run(env: Mapping[str, Value]) -> Value:
        value = inner(env)
        return -value if is_number(value) else None  # type: ignore[operator]

    return run


def _compiled_bool(decisive: bool, operands: tuple[Evaluator, ...]) -> Evaluator:
    # Kleene logic: ``or`` is settled by a true operand, ``and`` by a false one.
    if len(operands) == 2:  # the usual case, without the loop
        first, second = operands

        def pair(env: Mapping[str, Value]) -> Value:
            a = first(env)
            if a is not None and bool(a) is decisive:
                return decisive
            b = second(env)
            if b is not None and bool(b) is decisive:
                return decisive
            return None if a is None or b is None else not decisive

        return pair

    def run(env: Mapping[str, Value]) -> Value:
        unknown = False
        for operand in operands:
            value = operand(env)
            if value is None:
                unknown = True
            elif bool(value) is decisive:
                return decisive
        return None if unknown else not decisive

    return run


def _pair_function(op: ComparisonOp) -> _Pair:
    """``_compare`` (tree.py) for one operator."""
    if op in _ORDER:
        order = _ORDER[op]

        def ordered(a: object, b: object) -> bool | None:
            if is_number(a) and is_number(b):  # None is not a number
                return order(float(a), float(b))  # type: ignore[arg-type]
            return None

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


def _compiled_compare_one(op: ComparisonOp, left: Node, right: Node) -> Evaluator:
    """One comparison; an answer against a constant has closures of its own."""
    if isinstance(left, Name) and isinstance(right, Const | Seq):
        return _answer_against(left.name, op, right, answer_left=True)
    if isinstance(right, Name) and isinstance(left, Const | Seq):
        return _answer_against(right.name, op, left, answer_left=False)
    compare = _pair_function(op)
    left_of = compile_tree(left)
    if isinstance(right, Const):  # arithmetic against a number: ``months * 52 / 12 <= 924``
        bound = right.value
        return lambda env: compare(left_of(env), bound)
    right_of = compile_tree(right)
    return lambda env: compare(left_of(env), right_of(env))


def _answer_against(
    name: str, op: ComparisonOp, fixed: Const | Seq, answer_left: bool
) -> Evaluator:
    """``name op fixed`` (or ``fixed op name``), reading the answer straight from ``env``."""
    constant: Scalar | tuple[Scalar, ...] = fixed.value if isinstance(fixed, Const) else fixed.items
    if op in _ORDER and is_number(constant):
        order = _ORDER[op]
        bound = float(constant)  # type: ignore[arg-type]
        if answer_left:

            def below_or_above(env: Mapping[str, Value]) -> bool | None:
                value = env.get(name)
                kind = value.__class__
                if kind is int or kind is float or is_number(value):
                    return order(float(value), bound)  # type: ignore[arg-type]
                return None

            return below_or_above

        def above_or_below(env: Mapping[str, Value]) -> bool | None:
            value = env.get(name)
            kind = value.__class__
            if kind is int or kind is float or is_number(value):
                return order(bound, float(value))  # type: ignore[arg-type]
            return None

        return above_or_below
    if op in ("==", "!="):
        equal = op == "=="

        def equality(env: Mapping[str, Value]) -> bool | None:
            value = env.get(name)
            return None if value is None else (value == constant) is equal

        return equality
    if op in ("in", "not in") and answer_left and isinstance(constant, tuple):
        wanted = op == "in"

        def among(env: Mapping[str, Value]) -> bool | None:
            value = env.get(name)
            return None if value is None else (value in constant) is wanted

        return among
    if op in ("in", "not in") and not answer_left:
        wanted = op == "in"

        def contains(env: Mapping[str, Value]) -> bool | None:
            value = env.get(name)
            if isinstance(value, frozenset | tuple):
                return (constant in value) is wanted
            return None

        return contains
    # The rest (an order against text, a membership in a scalar) is never true or
    # false; left to the general function so that it stays what ``_compare`` says.
    compare = _pair_function(op)
    if answer_left:
        return lambda env: compare(env.get(name), constant)
    return lambda env: compare(constant, env.get(name))


def _compiled_chain(
    left: Evaluator, ops: tuple[ComparisonOp, ...], rights: tuple[Evaluator, ...]
) -> Evaluator:
    pairs = tuple((_pair_function(op), right) for op, right in zip(ops, rights, strict=True))

    def run(env: Mapping[str, Value]) -> Value:
        current = left(env)
        result: bool | None = True
        for compare, right in pairs:
            following = right(env)
            outcome = compare(current, following)
            if outcome is False:
                return False
            if outcome is None:
                result = None
            current = following
        return result

    return run


def _compiled_arith(op: ArithmeticOp, left: Evaluator, right: Evaluator) -> Evaluator:
    if op == "/":

        def divide(env: Mapping[str, Value]) -> Value:
            a, b = left(env), right(env)
            if not (is_number(a) and is_number(b)):
                return None
            divisor = float(b)  # type: ignore[arg-type]
            return None if divisor == 0 else float(a) / divisor  # type: ignore[arg-type]

        return divide
    function = _ARITHMETIC[op]

    def run(env: Mapping[str, Value]) -> Value:
        a, b = left(env), right(env)
        if not (is_number(a) and is_number(b)):
            return None
        return function(float(a), float(b))  # type: ignore[arg-type]

    return run
