"""What the tests of a flow's conditions tell of an answer, as bits.

A *test* is a part of a condition that reads one answer alone (``age >= 26``,
``"a" in x``, a yes/no answer itself). Each answer's tests are numbered, one bit
each; a cell's *signature* is what those tests make of it, and the tests still
ahead of a question are a mask over it. Two cells of an answer that every test
ahead sees alike lead to the same paths, so the exploration (explore.py) visits
them once: an age of 17 or of 20 is the same thing once only ``age >= 18`` is
left to ask.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import Cell
from alternance_tui.flow.cond import Value

# Each answer's tests, as (bit, the test compiled).
TestFunctions = dict[str, list[tuple[int, cond.Evaluator]]]


def collect_tests(
    node: cond.Node, found: dict[str, list[cond.Node]], into: cond.Analysis, opaque: set[str]
) -> None:
    """The tests on one answer alone in a condition, into ``found`` by answer;
    answers in any other part go to ``opaque``. On the way, each part is analysed
    into ``into`` (one walk of the tree for both)."""
    if (
        isinstance(node, cond.Compare)
        and (name := cond.analyse_one_constant(node, into)) is not None
    ):
        # The most common test, one answer against one constant: no walk.
        found.setdefault(name, []).append(node)
    elif isinstance(node, cond.BoolOp):
        for operand in node.operands:
            collect_tests(operand, found, into, opaque)
    elif isinstance(node, cond.Not):
        collect_tests(node.operand, found, into, opaque)
    elif isinstance(node, cond.Name):
        into.names.add(node.name)
        found.setdefault(node.name, []).append(node)
    elif not isinstance(node, cond.Const):
        cond.analyse(node, into)
        if isinstance(node, cond.Compare) and (name := _only_name(node)) is not None:
            found.setdefault(name, []).append(node)
            return
        names = cond.names_in(node)
        if len(names) == 1 and isinstance(node, cond.Compare):
            found.setdefault(next(iter(names)), []).append(node)
        else:
            opaque.update(names)


def _only_name(node: cond.Compare) -> str | None:
    """The answer in the most common comparisons, one answer against constants
    (``age >= 26``, ``16 <= age <= 29``, ``"a" in x``); None for any other."""
    name = None
    for operand in (node.left, *node.rights):
        if isinstance(operand, cond.Name):
            if name is not None and operand.name != name:
                return None
            name = operand.name
        elif not isinstance(operand, cond.Const | cond.Seq):
            return None
    return name


def _test_key(test: cond.Node) -> object:
    """What tells a test apart from another: its text for a comparison of an answer
    with constants or an answer alone (types included: ``x < 1`` is not
    ``x < true``), else the test itself."""
    if isinstance(test, cond.Name):
        return test.name
    if isinstance(test, cond.Compare):
        left, right = test.left, test.rights[0]
        if len(test.ops) == 1 and isinstance(left, cond.Name) and isinstance(right, cond.Const):
            return (test.ops, left.name, type(right.value), right.value)
        parts: list[object] = [test.ops]
        for operand in (test.left, *test.rights):
            if isinstance(operand, cond.Name):
                parts.append(operand.name)
            elif isinstance(operand, cond.Const):
                parts.append((type(operand.value), operand.value))
            elif isinstance(operand, cond.Seq):
                parts.append(tuple((type(v), v) for v in operand.items))
            else:
                return id(test)
        return tuple(parts)
    return id(test)


@dataclass
class Bits:
    """The flow's tests as bits: ``functions`` by answer; ``own``: for each
    question, the mask of its own rules' tests on each answer; ``ahead``: the
    same for its rules and every rule after it, for the live answers there that
    are not opaque."""

    functions: TestFunctions = field(default_factory=dict)
    own: dict[str, dict[str, int]] = field(default_factory=dict)
    ahead: dict[str, dict[str, int]] = field(default_factory=dict)


def number_tests(
    own_tests: Mapping[str, Mapping[str, list[cond.Node]]],
    questions: Collection[str],
    opaque: set[str],
    compiled: Mapping[int, cond.Evaluator],
    live: Mapping[str, set[str]],
    children: Mapping[str, tuple[str, ...]],
    order: list[str],
) -> Bits:
    """``own_tests``: each question's tests by answer (see ``collect_tests``);
    ``compiled``: the rules' parts already compiled, by id."""
    bits = Bits()
    # A test written the same way in several rules (an age read again and again)
    # is one bit; any other test is a bit of its own (two that always agree tell
    # cells apart no differently than one).
    numbering: dict[str, dict[object, int]] = {}
    for node, found in own_tests.items():
        masks: dict[str, int] = {}
        for name, nodes in found.items():
            if name in opaque or name not in questions:
                continue
            numbers = numbering.setdefault(name, {})
            mask = 0
            for test in nodes:
                key = _test_key(test)
                bit = numbers.get(key)
                if bit is None:
                    bit = numbers[key] = 1 << len(numbers)
                    function = compiled.get(id(test)) or cond.compile_tree(test)
                    bits.functions.setdefault(name, []).append((bit, function))
                mask |= bit
            masks[name] = mask
        bits.own[node] = masks
    ahead = bits.ahead
    for node in reversed(order):
        after = [ahead[t] for t in children[node]]
        mine = bits.own[node]
        masks = {}
        for name in live[node] - opaque if opaque else live[node]:
            mask = mine.get(name, 0)
            for child in after:
                mask |= child.get(name, 0)
            masks[name] = mask
        ahead[node] = masks
    return bits


def sign_cells(functions: TestFunctions, name: str, default: Value, cells: list[Cell]) -> None:
    """Sets each cell's signature: with n tests on ``name``, bits 0 to n - 1 for
    those that hold, n to 2n - 1 for those that cannot tell, 2n for no answer
    at all, and 2n + 1 always set, so that a cell is never 0 as ABSENT is."""
    tests = functions.get(name, ())
    shift = len(tests)
    present = 1 << 2 * shift + 1
    env: dict[str, Value] = {}
    for cell in cells:
        value = env[name] = cell.value if cell.value is not None else default
        true = unknown = 0
        for bit, test in tests:
            result = test(env)
            if result is None:
                unknown |= bit
            elif result:
                true |= bit
        cell.signature = true | unknown << shift | (value is None) << 2 * shift | present


def packed(functions: TestFunctions, name: str, mask: int | None, missing: bool = False) -> int:
    """``mask`` over a cell's signature (see ``sign_cells``): the tests that hold
    and those that cannot tell, whether there is an answer there at all, and
    with ``missing`` whether it is no answer. For an answer whose cells are
    never merged (``mask`` None), every bit: the cell's own number."""
    if mask is None:
        return -1
    shift = len(functions.get(name, ()))
    return mask | mask << shift | (1 << 2 * shift if missing else 0) | 1 << 2 * shift + 1
