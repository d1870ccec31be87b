"""The tree conditions are compiled into, and what it evaluates to.

``parse`` (parser.py) turns the text of a condition into this small tree (and keeps
the text with it in a ``Condition``); this module evaluates it itself, so that
nothing a flow file contains ever reaches ``eval`` or ``exec``.

Evaluation uses three-valued logic: a question that was not answered (and has
no default) is *unknown*, and so is any comparison that involves it. ``and`` /
``or`` / ``not`` follow Kleene's rules, so ``unknown or True`` is ``True``.
``evaluate`` is the reference: the closures of closures.py give
exactly what it gives, and are tested against it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

# A value an answer can take. ``None`` stands for "not answered".
Value = int | float | str | bool | frozenset[str] | None
Scalar = int | float | str | bool

ComparisonOp = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not in"]
ArithmeticOp = Literal["+", "-", "*", "/"]


# --- the compiled tree ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Const:
    value: Scalar


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Scalar, ...]


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: Literal["and", "or"]
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Compare:
    left: Node
    ops: tuple[ComparisonOp, ...]
    rights: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Arith:
    op: ArithmeticOp
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


Node = Name | Const | Seq | Not | BoolOp | Compare | Arith | Neg


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed condition together with the text it came from."""

    source: str
    tree: Node

    def evaluate(self, env: Mapping[str, Value]) -> bool | None:
        result = evaluate(self.tree, env)
        return result if isinstance(result, bool) or result is None else bool(result)

    def holds(self, env: Mapping[str, Value]) -> bool:
        """True only when the condition is known to be true."""
        return self.evaluate(env) is True

    def names(self) -> set[str]:
        return names_in(self.tree)


def is_number(value: object) -> bool:
    kind = type(value)
    return kind is int or kind is float or (kind is not bool and isinstance(value, int | float))


# --- evaluation -----------------------------------------------------------------


def evaluate(node: Node, env: Mapping[str, Value]) -> Value | tuple[Scalar, ...]:
    if isinstance(node, Const):
        return node.value
    if isinstance(node, Name):
        return env.get(node.name)
    if isinstance(node, BoolOp):
        return _evaluate_bool(node, env)
    if isinstance(node, Not):
        inner = evaluate(node.operand, env)
        return None if inner is None else not inner
    if isinstance(node, Compare):
        return _evaluate_compare(node, env)
    if isinstance(node, Seq):
        return node.items
    if isinstance(node, Neg):
        inner = evaluate(node.operand, env)
        return -inner if is_number(inner) else None  # type: ignore[operator]
    return _evaluate_arith(node, env)


def _evaluate_bool(node: BoolOp, env: Mapping[str, Value]) -> bool | None:
    unknown = False
    decisive = node.op == "or"  # the value that settles the result at once
    for operand in node.operands:
        value = evaluate(operand, env)
        if value is None:
            unknown = True
        elif bool(value) is decisive:
            return decisive
    return None if unknown else not decisive


def _evaluate_compare(node: Compare, env: Mapping[str, Value]) -> bool | None:
    left = evaluate(node.left, env)
    result: bool | None = True
    for op, right_node in zip(node.ops, node.rights, strict=True):
        right = evaluate(right_node, env)
        outcome = _compare(op, left, right)
        if outcome is False:
            return False
        if outcome is None:
            result = None
        left = right
    return result


def _compare(op: ComparisonOp, left: object, right: object) -> bool | None:
    if left is None or right is None:
        return None
    if op in ("in", "not in"):
        if isinstance(right, frozenset | tuple):
            found = left in right
            return found if op == "in" else not found
        return None
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if not (is_number(left) and is_number(right)):
        return None
    a, b = float(left), float(right)  # type: ignore[arg-type]
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def _evaluate_arith(node: Arith, env: Mapping[str, Value]) -> Value:
    return _arith(node.op, evaluate(node.left, env), evaluate(node.right, env))


def _arith(op: ArithmeticOp, left: object, right: object) -> Value:
    if not (is_number(left) and is_number(right)):
        return None
    a, b = float(left), float(right)  # type: ignore[arg-type]
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return None if b == 0 else a / b


# --- walking ---------------------------------------------------------------------


def walk_nodes(node: Node) -> Iterator[Node]:
    """Every node of the tree, parents before children, left to right."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, Not | Neg):
            stack.append(item.operand)
        elif isinstance(item, BoolOp):
            stack.extend(reversed(item.operands))
        elif isinstance(item, Compare):
            stack.extend(reversed(item.rights))
            stack.append(item.left)
        elif isinstance(item, Arith):
            stack.append(item.right)
            stack.append(item.left)


def names_in(node: Node) -> set[str]:
    return {n.name for n in walk_nodes(node) if isinstance(n, Name)}
