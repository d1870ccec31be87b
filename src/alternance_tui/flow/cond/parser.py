"""Parsing conditions: source text to the engine's own tree (tree.py).

Conditions are parsed with Python's ``ast`` module, but only a whitelist of node
types is accepted and the result is compiled into a tree of the engine's own,
which it evaluates itself: nothing a flow file contains ever reaches ``eval`` or
``exec``.
"""

from __future__ import annotations

import ast
import math
import sys
from typing import Literal

from alternance_tui.flow.cond.tree import (
    Arith,
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
)

MAX_SOURCE_LENGTH = 2000
MAX_DEPTH = 50

_COMPARISON_OPS: dict[type[ast.cmpop], ComparisonOp] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
}
_ARITHMETIC_OPS: dict[type[ast.operator], ArithmeticOp] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
}
_BOOL_WORDS = {"true": True, "false": False, "True": True, "False": False}
RESERVED_NAMES = frozenset(_BOOL_WORDS) | {"and", "or", "not", "in"}


class ConditionError(ValueError):
    """A condition that cannot be parsed or does not fit the flow's questions."""


# --- parsing --------------------------------------------------------------------


def parse(source: str) -> Condition:
    """Parse a condition; raise ConditionError with a readable message."""
    if not isinstance(source, str):
        raise ConditionError("a condition must be text")
    text = source.strip()
    if not text:
        raise ConditionError("the condition is empty")
    if len(text) > MAX_SOURCE_LENGTH:
        raise ConditionError(
            f"the condition is {len(text)} characters long; the limit is {MAX_SOURCE_LENGTH}"
        )
    if "\x00" in text:
        raise ConditionError("the condition contains a NUL character")
    try:
        module = ast.parse(text.replace("\n", " "), mode="eval")
    except SyntaxError as exc:
        column = f" at column {exc.offset}" if exc.offset else ""
        raise ConditionError(
            f"cannot read the condition {text!r}{column}: use comparisons "
            '(size >= 18, colour == "red"), and/or/not, and "red" in colours'
        ) from None
    except (RecursionError, MemoryError, ValueError):
        raise ConditionError("the condition is too deeply nested to read") from None
    return Condition(source=text, tree=_compile(module.body, text, 0))


def _compile(node: ast.expr, text: str, depth: int) -> Node:
    if depth > MAX_DEPTH:
        raise ConditionError(f"the condition is nested more than {MAX_DEPTH} levels deep")
    deeper = depth + 1
    # The most common nodes first (conditions are mostly comparisons of a name
    # with a constant); the node types are disjoint, so the order changes nothing else.
    if isinstance(node, ast.Compare):
        ops = []
        for op_node in node.ops:
            op_name = _COMPARISON_OPS.get(type(op_node))
            if op_name is None:
                raise ConditionError(
                    f"{_fragment(node, text)!r}: 'is' is not allowed; compare with == or !="
                )
            ops.append(op_name)
        return Compare(
            _compile(node.left, text, deeper),
            tuple(ops),
            tuple(_compile(c, text, deeper) for c in node.comparators),
        )
    if isinstance(node, ast.Name):
        if node.id in _BOOL_WORDS:
            return Const(_BOOL_WORDS[node.id])
        return Name(node.id)
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool | int | float | str):
            if isinstance(value, float) and not math.isfinite(value):
                raise ConditionError("numbers in conditions must be finite")
            if isinstance(value, int) and abs(value) > sys.float_info.max:
                # Answers are compared as floats: no float is this large.
                raise ConditionError(
                    f"a number in the condition has {len(str(abs(value)))} digits; "
                    "numbers in conditions go up to about 1.8e308"
                )
            return Const(value)
        raise ConditionError(f"{_fragment(node, text)!r}: only numbers and quoted text are values")
    if isinstance(node, ast.BoolOp):
        op: Literal["and", "or"] = "and" if isinstance(node.op, ast.And) else "or"
        return BoolOp(op, tuple(_compile(v, text, deeper) for v in node.values))
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            return Not(_compile(node.operand, text, deeper))
        if isinstance(node.op, ast.USub):
            inner = _compile(node.operand, text, deeper)
            folded = inner.value if isinstance(inner, Const) else None
            if isinstance(folded, int | float) and not isinstance(folded, bool):
                return Const(-folded)
            return Neg(inner)
        if isinstance(node.op, ast.UAdd):
            return _compile(node.operand, text, deeper)
    if isinstance(node, ast.BinOp):
        arith = _ARITHMETIC_OPS.get(type(node.op))
        if arith is None:
            raise ConditionError(
                f"{_fragment(node, text)!r}: only + - * / are allowed in arithmetic"
            )
        return Arith(arith, _compile(node.left, text, deeper), _compile(node.right, text, deeper))
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        items: list[Scalar] = []
        for element in node.elts:
            compiled = _compile(element, text, deeper)
            if not isinstance(compiled, Const):
                raise ConditionError(
                    f"{_fragment(node, text)!r}: a list may hold only numbers or quoted text"
                )
            items.append(compiled.value)
        return Seq(tuple(items))
    what = _describe_forbidden(node)
    raise ConditionError(
        f"{_fragment(node, text)!r}: {what} is not allowed in a condition; "
        "use comparisons, and/or/not, in, and + - * /"
    )


def _describe_forbidden(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        return "a function call"
    if isinstance(node, ast.Attribute):
        return "attribute access"
    if isinstance(node, ast.Subscript):
        return "indexing"
    if isinstance(node, ast.Lambda):
        return "a lambda"
    if isinstance(node, ast.IfExp):
        return "an if-expression"
    if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        return "a comprehension"
    if isinstance(node, ast.UnaryOp):
        return "the ~ operator"
    if isinstance(node, ast.JoinedStr | ast.FormattedValue):
        return "an f-string"
    if isinstance(node, ast.Dict):
        return "a table { ... }"
    if isinstance(node, ast.Await | ast.Yield | ast.YieldFrom):
        return "await or yield"
    if isinstance(node, ast.Starred):
        return "a starred expression"
    # Python's own name for the construct would mean nothing to a flow author.
    return "this kind of expression"


def _fragment(node: ast.expr, text: str) -> str:
    segment = ast.get_source_segment(text, node)
    return segment if segment else text
