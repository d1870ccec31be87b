"""What a condition tells the checker and the advice: the answers it reads, the
numbers and choices it tests them against, and the comparisons that tie answers
together (which the checker resolves in check/crossings.py).
"""

from __future__ import annotations

from typing import NamedTuple

from alternance_tui.flow.cond.tree import (
    Arith,
    BoolOp,
    Compare,
    Const,
    Name,
    Neg,
    Node,
    Not,
    Seq,
    is_number,
)


def thresholds(node: Node) -> dict[str, set[float]]:
    """The numbers each question is compared with directly (``age >= 26`` gives age: 26)."""
    return analyse(node).numbers


def tested_members(node: Node) -> dict[str, set[str]]:
    """The choices each multi-choice question is tested for (``"rqth" in situations``)."""
    return analyse(node).members


class Analysis(NamedTuple):
    names: set[str]
    # The numbers each answer is compared with directly (``age >= 26``).
    numbers: dict[str, set[float]]
    # The choices each multi-choice answer is tested for (``"rqth" in situations``).
    members: dict[str, set[str]]
    # Comparisons that no single threshold describes, as (left side, right side):
    # arithmetic over answers (``age + months / 12 > 21``, ``-age < -20``) or an
    # answer against another (``months > age``). Where they change outcome depends
    # on the other answers; the checker works it out (see check/crossings.py).
    relations: list[tuple[Node, Node]]


def analyse(node: Node, into: Analysis | None = None) -> Analysis:
    """In one walk: the names in the tree, its thresholds, its tested members and
    the comparisons that tie answers together; added to ``into`` when given."""
    found = Analysis(set(), {}, {}, []) if into is None else into
    names = found.names
    # walk_nodes inlined: the checker analyses every rule of flows of thousands of
    # questions, and a generator step per node was most of the time.
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Compare):
            _compare_parts(item, found)
            stack.extend(reversed(item.rights))
            stack.append(item.left)
        elif isinstance(item, Name):
            names.add(item.name)
        elif isinstance(item, BoolOp):
            stack.extend(reversed(item.operands))
        elif isinstance(item, Not | Neg):
            stack.append(item.operand)
        elif isinstance(item, Arith):
            stack.append(item.right)
            stack.append(item.left)
    return found


def analyse_one_constant(item: Compare, into: Analysis) -> str | None:
    """For a comparison of one answer with one constant, the most common
    (``age >= 26``, ``colour == "red"``, ``"rqth" in situations``): adds to
    ``into`` what ``analyse`` would, and gives the answer; for any other
    comparison, adds nothing and gives None."""
    if len(item.ops) != 1:
        return None
    left, right = item.left, item.rights[0]
    if isinstance(left, Name) and isinstance(right, Const):
        name, value = left.name, right.value
        if is_number(value):
            into.numbers.setdefault(name, set()).add(float(value))
    elif isinstance(left, Const) and isinstance(right, Name):
        name, value = right.name, left.value
        if is_number(value):
            into.numbers.setdefault(name, set()).add(float(value))
        elif isinstance(value, str) and item.ops[0] in ("in", "not in"):
            into.members.setdefault(name, set()).add(value)
    else:
        return None
    into.names.add(name)
    return name


def _compare_parts(item: Compare, found: Analysis) -> None:
    numbers, members = found.numbers, found.members
    if len(item.ops) == 1 and item.ops[0] not in ("in", "not in"):
        # The most common comparison, an answer against a number (``age >= 26``).
        left, right = item.left, item.rights[0]
        if isinstance(left, Name) and isinstance(right, Const) and is_number(right.value):
            numbers.setdefault(left.name, set()).add(float(right.value))
            return
    operands = (item.left, *item.rights)
    for index, op in enumerate(item.ops):
        left, right = operands[index], operands[index + 1]
        direct = False
        for name_side, value_side in ((left, right), (right, left)):
            if not isinstance(name_side, Name):
                continue
            if isinstance(value_side, Const) and is_number(value_side.value):
                numbers.setdefault(name_side.name, set()).add(float(value_side.value))
                direct = True
            elif isinstance(value_side, Seq) and op in ("in", "not in"):
                direct = True
                values = {float(v) for v in value_side.items if is_number(v)}
                numbers.setdefault(name_side.name, set()).update(values)
        if op in ("in", "not in") and isinstance(right, Name):
            if isinstance(left, Const) and isinstance(left.value, str):
                members.setdefault(right.name, set()).add(left.value)
            elif isinstance(left, Seq):
                members.setdefault(right.name, set()).update(
                    v for v in left.items if isinstance(v, str)
                )
        if direct or not _may_be_number(left):
            continue
        if op in ("in", "not in"):
            if isinstance(right, Seq):  # ``age + 1 in [16, 18]``: equal to one of them
                found.relations.extend((left, Const(v)) for v in right.items if is_number(v))
        elif _may_be_number(right) and not (isinstance(left, Const) and isinstance(right, Const)):
            found.relations.append((left, right))


def _may_be_number(node: Node) -> bool:
    return not isinstance(node, Seq) and not (isinstance(node, Const) and not is_number(node.value))
