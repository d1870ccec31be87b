"""The condition language of flow files.

Conditions such as ``age <= 29 or "rqth" in situations`` are parsed with
Python's ``ast`` module, but only a whitelist of node types is accepted and the
result is compiled into the small tree below, which this module evaluates
itself: nothing a flow file contains ever reaches ``eval`` or ``exec``.

Evaluation uses three-valued logic: a question that was not answered (and has
no default) is *unknown*, and so is any comparison that involves it. ``and`` /
``or`` / ``not`` follow Kleene's rules, so ``unknown or True`` is ``True``.
"""

from __future__ import annotations

import ast
import difflib
import math
import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple, cast

# A value an answer can take. ``None`` stands for "not answered".
Value = int | float | str | bool | frozenset[str] | None
Scalar = int | float | str | bool

MAX_SOURCE_LENGTH = 2000
MAX_DEPTH = 50

ComparisonOp = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not in"]
ArithmeticOp = Literal["+", "-", "*", "/"]

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


def _is_number(value: object) -> bool:
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
        return -inner if _is_number(inner) else None  # type: ignore[operator]
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
    if not (_is_number(left) and _is_number(right)):
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
    if not (_is_number(left) and _is_number(right)):
        return None
    a, b = float(left), float(right)  # type: ignore[arg-type]
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return None if b == 0 else a / b


# --- compiled evaluation ---------------------------------------------------------
#
# The checker evaluates the same conditions hundreds of thousands of times on big
# flows, and a recommendation evaluates the same few dozen thousands of times (every
# rule for every "not known yet" variant, every trial answer of "what would change
# it"). ``compile_tree`` turns a tree once into nested closures that give exactly
# what ``evaluate`` gives, without walking the tree and testing node types at each
# call: comparisons are specialised by operator, and an answer compared with a
# constant (``age <= 29``, ``"rqth" in situations``) is read straight from the
# answers, which is most conditions. ``evaluate`` stays the reference they are
# tested against.

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
        return -value if _is_number(value) else None  # type: ignore[operator]

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
    """``_compare`` for one operator."""
    if op in _ORDER:
        order = _ORDER[op]

        def ordered(a: object, b: object) -> bool | None:
            if _is_number(a) and _is_number(b):  # None is not a number
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
    if op in _ORDER and _is_number(constant):
        order = _ORDER[op]
        bound = float(constant)  # type: ignore[arg-type]
        if answer_left:

            def below_or_above(env: Mapping[str, Value]) -> bool | None:
                value = env.get(name)
                kind = value.__class__
                if kind is int or kind is float or _is_number(value):
                    return order(float(value), bound)  # type: ignore[arg-type]
                return None

            return below_or_above

        def above_or_below(env: Mapping[str, Value]) -> bool | None:
            value = env.get(name)
            kind = value.__class__
            if kind is int or kind is float or _is_number(value):
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
            if not (_is_number(a) and _is_number(b)):
                return None
            divisor = float(b)  # type: ignore[arg-type]
            return None if divisor == 0 else float(a) / divisor  # type: ignore[arg-type]

        return divide
    function = _ARITHMETIC[op]

    def run(env: Mapping[str, Value]) -> Value:
        a, b = left(env), right(env)
        if not (_is_number(a) and _is_number(b)):
            return None
        return function(float(a), float(b))  # type: ignore[arg-type]

    return run


# --- inspection -----------------------------------------------------------------


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
    # on the other answers; the checker works it out (see check.py).
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


def _compare_parts(item: Compare, found: Analysis) -> None:
    numbers, members = found.numbers, found.members
    if len(item.ops) == 1 and item.ops[0] not in ("in", "not in"):
        # The most common comparison, an answer against a number (``age >= 26``).
        left, right = item.left, item.rights[0]
        if isinstance(left, Name) and isinstance(right, Const) and _is_number(right.value):
            numbers.setdefault(left.name, set()).add(float(right.value))
            return
    operands = (item.left, *item.rights)
    for index, op in enumerate(item.ops):
        left, right = operands[index], operands[index + 1]
        direct = False
        for name_side, value_side in ((left, right), (right, left)):
            if not isinstance(name_side, Name):
                continue
            if isinstance(value_side, Const) and _is_number(value_side.value):
                numbers.setdefault(name_side.name, set()).add(float(value_side.value))
                direct = True
            elif isinstance(value_side, Seq) and op in ("in", "not in"):
                direct = True
                values = {float(v) for v in value_side.items if _is_number(v)}
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
                found.relations.extend((left, Const(v)) for v in right.items if _is_number(v))
        elif _may_be_number(right) and not (isinstance(left, Const) and isinstance(right, Const)):
            found.relations.append((left, right))


def _may_be_number(node: Node) -> bool:
    return not isinstance(node, Seq) and not (
        isinstance(node, Const) and not _is_number(node.value)
    )


# --- type checking --------------------------------------------------------------

VarKind = Literal["number", "choice", "multi", "yes_no"]


@dataclass(frozen=True, slots=True)
class Variable:
    """What the type checker needs to know about a question."""

    kind: VarKind
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
_KIND_TYPES: dict[VarKind, Literal["number", "bool", "choice", "set"]] = {
    "number": "number",
    "yes_no": "bool",
    "choice": "choice",
    "multi": "set",
}


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
        return _Type(_KIND_TYPES[variable.kind], question=node.name)
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
            if left.kind == "number" and all(_is_number(i) for i in right.items):
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
