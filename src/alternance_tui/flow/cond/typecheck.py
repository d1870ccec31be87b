"""Type checking of conditions against the questions in scope.

A flow file's conditions are checked when the flow is built: every name a real
question, every quoted choice a choice of its question, numbers compared with
numbers, and the whole a yes/no test. Problems are readable messages, with a
"did you mean" where a name or choice is close to a real one.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, assert_never

from alternance_tui.flow.cond.tree import (
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
    is_number,
)
from alternance_tui.flow.kinds import QuestionKind


@dataclass(frozen=True, slots=True)
class Variable:
    """What the type checker needs to know about a question."""

    kind: QuestionKind
    choices: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Type:
    # "any" stands for an unknown name, already reported: it fits everywhere.
    kind: Literal["number", "bool", "text", "choice", "set", "seq", "any"]
    question: str | None = None
    text: str | None = None
    items: tuple[Scalar, ...] = ()


def check(condition: Condition, scope: Mapping[str, Variable]) -> list[str]:
    """Problems with the condition against the questions in scope (empty if sound)."""
    problems: list[str] = []
    result = _type_of(condition.tree, scope, problems)
    if not problems and result.kind not in ("bool", "any"):
        problems.append(
            f"{condition.source!r} is not a yes/no test; compare it, e.g. {condition.source} >= 18"
            if result.kind == "number"
            else f"{condition.source!r} is not a yes/no test"
        )
    return problems


def _unknown_name(name: str, scope: Mapping[str, Variable]) -> str:
    close = difflib.get_close_matches(name, list(scope), n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    return f'unknown question "{name}"{hint}'


_BOOL = _Type("bool")
_NUMBER = _Type("number")
_ANY = _Type("any")


def _kind_type(kind: QuestionKind) -> Literal["number", "bool", "choice", "set"]:
    """What a condition sees of a question's answer."""
    match kind:
        case "number":
            return "number"
        case "yes_no":
            return "bool"
        case "choice":
            return "choice"
        case "multi":
            return "set"
        case _:
            assert_never(kind)


def _type_of(node: Node, scope: Mapping[str, Variable], problems: list[str]) -> _Type:
    # The most common nodes first; the types are disjoint.
    if isinstance(node, Compare):
        operands = [node.left, *node.rights]
        types = [_type_of(o, scope, problems) for o in operands]
        for index, op in enumerate(node.ops):
            if "any" in (types[index].kind, types[index + 1].kind):
                continue
            _check_comparison(op, types[index], types[index + 1], scope, problems)
        return _BOOL
    if isinstance(node, Name):
        variable = scope.get(node.name)
        if variable is None:
            problems.append(_unknown_name(node.name, scope))
            return _ANY
        return _Type(_kind_type(variable.kind), question=node.name)
    if isinstance(node, Const):
        if isinstance(node.value, bool):
            return _BOOL
        if isinstance(node.value, str):
            return _Type("text", text=node.value)
        return _NUMBER
    if isinstance(node, BoolOp):
        for operand in node.operands:
            _expect_bool(operand, scope, problems, node.op)
        return _BOOL
    if isinstance(node, Seq):
        return _Type("seq", items=node.items)
    if isinstance(node, Not):
        _expect_bool(node.operand, scope, problems, "not")
        return _BOOL
    if isinstance(node, Neg):
        inner = _type_of(node.operand, scope, problems)
        if inner.kind not in ("number", "any"):
            problems.append("a minus sign needs a number after it")
        return _NUMBER
    for side in (node.left, node.right):
        side_type = _type_of(side, scope, problems)
        if side_type.kind not in ("number", "any"):
            problems.append(f"{node.op} needs numbers on both sides, not {_show(side_type)}")
    return _NUMBER


def _expect_bool(
    node: Node, scope: Mapping[str, Variable], problems: list[str], context: str
) -> None:
    found = _type_of(node, scope, problems)
    if found.kind not in ("bool", "any"):
        problems.append(f"'{context}' needs yes/no tests on each side, not {_show(found)}")


def _show(t: _Type) -> str:
    if t.kind == "text":
        return f'the text "{t.text}"'
    if t.question:
        kinds = {"number": "number", "choice": "choice", "set": "multi-choice", "bool": "yes/no"}
        return f'the {kinds.get(t.kind, t.kind)} question "{t.question}"'
    return {"number": "a number", "bool": "a yes/no value", "seq": "a list"}.get(t.kind, t.kind)


def _check_choice(question: str, value: Scalar, scope: Mapping[str, Variable]) -> str | None:
    variable = scope[question]
    if isinstance(value, str) and value in variable.choices:
        return None
    known = ", ".join(f'"{c}"' for c in sorted(variable.choices))
    close = difflib.get_close_matches(str(value), list(variable.choices), n=1)
    hint = f'; did you mean "{close[0]}"?' if close else f"; its choices are {known}"
    return f'"{value}" is not a choice of question "{question}"{hint}'


def _check_comparison(
    op: ComparisonOp,
    left: _Type,
    right: _Type,
    scope: Mapping[str, Variable],
    problems: list[str],
) -> None:
    if op in ("in", "not in"):
        if right.kind == "set" and right.question:
            if left.kind == "text" and left.text is not None:
                if (problem := _check_choice(right.question, left.text, scope)) is not None:
                    problems.append(problem)
                return
            if left.kind == "seq":
                for item in left.items:
                    if (problem := _check_choice(right.question, item, scope)) is not None:
                        problems.append(problem)
                return
        if right.kind == "seq":
            if left.kind == "choice" and left.question:
                for item in right.items:
                    if (problem := _check_choice(left.question, item, scope)) is not None:
                        problems.append(problem)
                return
            if left.kind == "number" and all(is_number(i) for i in right.items):
                return
        problems.append(
            f"'{op}' needs a quoted choice and a multi-choice question "
            f'("red" in colours) or a question and a list (colour in ["red", "blue"]),'
            f" not {_show(left)} and {_show(right)}"
        )
        return
    if op in ("==", "!="):
        for a, b in ((left, right), (right, left)):
            if a.kind == "choice" and a.question and b.kind == "text" and b.text is not None:
                if (problem := _check_choice(a.question, b.text, scope)) is not None:
                    problems.append(problem)
                return
        if left.kind == right.kind and left.kind in ("number", "bool"):
            return
        problems.append(f"cannot compare {_show(left)} with {_show(right)}")
        return
    if left.kind != "number" or right.kind != "number":
        problems.append(f"'{op}' compares numbers, not {_show(left)} and {_show(right)}")
