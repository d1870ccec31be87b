"""Soundness of a flow's graph: reachability, cycles, and every path ending in an outcome.

The path check is exhaustive without enumerating every answer: a number only
matters through the thresholds conditions compare it with, a multi-choice
answer only through the choices conditions test for, so each question's
possible answers are split into a few *cells* (for ``age >= 26``: 25, 26, 27
and the ends of the range). The exploration then carries, from question to
question, only the cells of answers that a condition further on still reads,
and visits each (question, those cells) state once. A flow whose conditions
read only recent answers is checked in time linear in its size.

Comparisons that tie answers together, arithmetic over answers against a number
(``age + months / 12 > 21``) or one answer against another (``months > age``),
have no threshold of their own: for each number answer in one, the checker
finds where it changes outcome with the other answers at their representative
numbers (solved when the difference of the two sides is affine in that answer,
bisected between representative numbers otherwise) and adds it as a threshold;
the numbers found serve in turn for the other answers, for three rounds.
Checked against trying every answer on random flows of sums, differences and
multiples of answers. What remains approximate:

- Only the other answers' representative numbers are combined (at most
  ``MAX_COMBINATIONS`` combinations per answer and comparison, three rounds),
  and each answer gets at most ``MAX_CROSSINGS`` numbers this way (each one
  multiplies the paths it is carried on; the first found, against the other
  answers' own thresholds and range ends, are kept): an outcome reached only in
  a small region cut out by several such comparisons (an equality between
  answers that holds at numbers no round reaches) can still go untried.
- An expression that is not affine in an answer (``size * size``, a division by
  an answer) is bisected only where its sign differs between two representative
  numbers: a narrow band where it changes sign and back in between is missed.
- A crossing of a decimal answer is tried at the hundredths either side of it.
- Multi-choice answers: at most ``MAX_TESTED_MEMBERS`` tested choices are combined.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from alternance_tui.flow import expr
from alternance_tui.flow.expr import Value
from alternance_tui.flow.gcpause import paused_gc
from alternance_tui.flow.model import Flow, NextRule, Question
from alternance_tui.flow.problems import Problem

MAX_TESTED_MEMBERS = 10
# Combinations of the other answers' numbers tried per answer in a comparison that
# ties answers together.
MAX_COMBINATIONS = 400
CROSSING_ROUNDS = 3
MAX_CROSSINGS = 8


class _Cell(NamedTuple):
    """One representative answer standing for every answer that no condition tells apart."""

    value: Value
    label: str


def _show(number: float) -> str:
    """A number as examples show it: exactly the one tried (1.0025, not 1)."""
    return f"{number:.10f}".rstrip("0").rstrip(".")


def _below(bound: float, integer: bool) -> float:
    """The nearest answer under ``bound``: the whole number below, or 0.01 less."""
    return float(math.ceil(bound) - 1) if integer else bound - 0.01


def _above(bound: float, integer: bool) -> float:
    """The nearest answer over ``bound``: the whole number above, or 0.01 more."""
    return float(math.floor(bound) + 1) if integer else bound + 0.01


def _crossings(
    difference: expr.Evaluator,
    env: dict[str, Value],
    question: Question,
    points: list[float],
) -> set[float]:
    """Where ``difference`` (one side of a comparison minus the other) changes sign
    as the answer to ``question`` varies, the other answers being ``env``: numbers
    to use as thresholds of that answer."""
    name = question.id

    def at(value: float) -> float | None:
        env[name] = value
        found = difference(env)
        return found if isinstance(found, float) and math.isfinite(found) else None

    start, one, three, other = at(0.0), at(1.0), at(3.0), at(-7.25)
    if start is not None and one is not None and three is not None and other is not None:
        slope = one - start
        if all(
            math.isclose(found, start + x * slope, rel_tol=1e-9, abs_tol=1e-9)
            for x, found in ((3, three), (-7.25, other))
        ):
            root = -start / slope if slope else None
            return set() if root is None or not math.isfinite(root) else _near(root, question)
    # Not affine in this answer (``age * age``, ``1 / age``): bisection between
    # representative numbers where the sign changes.
    step = 1.0 if question.integer else 0.01
    sampled = [(p, _sign(v)) for p in points if (v := at(p)) is not None]
    found = {p for p, sign in sampled if sign == 0}
    for (low, low_sign), (high, high_sign) in itertools.pairwise(sampled):
        if low_sign * high_sign < 0:
            found |= _bisect(at, low, high, low_sign, step)
    return found


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _bisect(
    at: Callable[[float], float | None], low: float, high: float, low_sign: int, step: float
) -> set[float]:
    """Two answers at most ``step`` apart on either side of a sign change of ``at``
    between ``low`` and ``high`` (or the one answer where it is zero or undefined)."""
    while high - low > step:
        middle = math.floor((low + high) / 2) if step == 1 else round((low + high) / 2, 2)
        if not low < middle < high:
            break
        value = at(middle)
        if value is None or value == 0:
            return {middle}
        if _sign(value) == low_sign:
            low = middle
        else:
            high = middle
    return {low, high}


def _near(root: float, question: Question) -> set[float]:
    """A crossing as thresholds: itself when it is a whole number (up to rounding),
    else, for decimal answers, the two hundredths around it."""
    nearest = round(root)
    if math.isclose(root, nearest, rel_tol=1e-12, abs_tol=1e-9):
        return {float(nearest)}
    if question.integer:
        return {root}
    cents = root * 100
    if math.isclose(cents, round(cents), rel_tol=1e-12, abs_tol=1e-9):
        return {round(cents) / 100}
    return {math.floor(cents) / 100, math.ceil(cents) / 100}


def check_flow(flow: Flow) -> list[Problem]:
    with paused_gc():
        return _check_flow(flow)


def _check_flow(flow: Flow) -> list[Problem]:
    problems: list[Problem] = []
    file = flow.source
    problems += _dead_rules(flow)
    reachable = _reachable(flow)
    for question in flow.questions.values():
        if question.id not in reachable:
            problems.append(
                Problem(
                    file,
                    f'question "{question.id}" is never asked: no `next` rule leads to it',
                    (*question.where, "id"),
                )
            )
    for outcome in flow.outcomes.values():
        if outcome.id not in reachable:
            problems.append(
                Problem(
                    file,
                    f'outcome "{outcome.id}" is never reached: no `next` rule leads to it',
                    (*outcome.where, "id"),
                )
            )
    cycles = _cycles(flow)
    for cycle in cycles:
        first = flow.questions[cycle[0]]
        problems.append(
            Problem(
                file,
                "the interview can go round in a circle: "
                + " → ".join([*cycle, cycle[0]])
                + "; a `next` rule must lead forward",
                (*first.where, "next"),
            )
        )
    if not cycles and flow.start in flow.questions:
        problems += PathExplorer(flow).run()
    return problems


def _dead_rules(flow: Flow) -> list[Problem]:
    problems = []
    for question in flow.questions.values():
        for index, rule in enumerate(question.next[:-1]):
            if rule.when is None:
                problems.append(
                    Problem(
                        flow.source,
                        f"the rules after this one are never tried: it has no `when` "
                        f"(rules {index + 2} to {len(question.next)})",
                        rule.where,
                        severity="warning",
                    )
                )
                break
    return problems


def _targets(question: Question) -> list[str]:
    return [rule.goto for rule in question.next]


def _reachable(flow: Flow) -> set[str]:
    seen = {flow.start}
    stack = [flow.start]
    while stack:
        node = stack.pop()
        question = flow.questions.get(node)
        if question is None:
            continue
        for target in _targets(question):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _cycles(flow: Flow) -> list[list[str]]:
    """One cycle per strongly tied group of questions, found by iterative DFS."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(flow.questions, white)
    found: list[list[str]] = []
    for root in flow.questions:
        if colour[root] != white:
            continue
        stack: list[tuple[str, Iterable[str]]] = [(root, iter(_targets(flow.questions[root])))]
        trail = [root]
        colour[root] = grey
        while stack:
            node, children = stack[-1]
            advanced = False
            for child in children:
                if child not in flow.questions:
                    continue
                if colour[child] == grey:
                    found.append(trail[trail.index(child) :])
                elif colour[child] == white:
                    colour[child] = grey
                    trail.append(child)
                    stack.append((child, iter(_targets(flow.questions[child]))))
                    advanced = True
                    break
            if not advanced:
                colour[node] = black
                trail.pop()
                stack.pop()
    return found


class PathExplorer:
    """Follows every distinguishable answer through the flow (see module docstring)."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        questions = flow.questions
        # For each question: the answers its rules read, and the rules compiled.
        self.refs: dict[str, frozenset[str]] = {}
        self.rules: dict[str, tuple[tuple[NextRule, expr.Evaluator | None], ...]] = {}
        self.bounds: dict[str, set[float]] = {}
        self.members: dict[str, set[str]] = {}
        # Answers some rule compares with another answer or computes with: their
        # cells are never merged (see _tests_ahead).
        self.opaque: set[str] = set()
        self.relations: list[tuple[expr.Node, expr.Node]] = []
        own_tests: dict[str, dict[str, set[expr.Node]]] = {}
        for question in questions.values():
            names: set[str] = set()
            found: dict[str, set[expr.Node]] = {}
            compiled: list[tuple[NextRule, expr.Evaluator | None]] = []
            for rule in question.next:
                if rule.when is None:
                    compiled.append((rule, None))
                    continue
                tree = rule.when.tree
                compiled.append((rule, expr.compile_tree(tree)))
                read, numbers, members, relations = expr.analyse(tree)
                names |= read
                self.relations += relations
                for name, found_numbers in numbers.items():
                    self.bounds.setdefault(name, set()).update(found_numbers)
                for name, found_members in members.items():
                    self.members.setdefault(name, set()).update(found_members)
                self._collect_tests(tree, found)
            self.rules[question.id] = tuple(compiled)
            self.refs[question.id] = frozenset(n for n in names if n in questions)
            own_tests[question.id] = found
        if self.relations:
            self._add_crossings()
        self.refs_order = {q: tuple(sorted(names)) for q, names in self.refs.items()}
        self.defaults = {q.id: q.default for q in questions.values()}
        order = self._topological()
        self.live = self._live_sets(order)
        self.test_fns: dict[str, list[tuple[int, expr.Evaluator]]] = {}
        self.tests = self._tests_ahead(order, own_tests)
        self._cells: dict[str, list[_Cell]] = {}
        self._own: dict[str, list[_Cell]] = {}
        self._bits: dict[tuple[str, _Cell], tuple[int, int]] = {}
        self._unknown: dict[tuple[str, str], set[str]] = {}
        # How many states the last run visited (for benchmarks).
        self.visited = 0

    def _collect_tests(self, node: expr.Node, found: dict[str, set[expr.Node]]) -> None:
        """The tests on one answer alone in a condition (``age >= 26``, ``"a" in x``,
        a yes/no answer itself); answers in any other part make them opaque."""
        if isinstance(node, expr.BoolOp):
            for operand in node.operands:
                self._collect_tests(operand, found)
        elif isinstance(node, expr.Not):
            self._collect_tests(node.operand, found)
        elif isinstance(node, expr.Name):
            found.setdefault(node.name, set()).add(node)
        elif not isinstance(node, expr.Const):
            names = expr.names_in(node)
            if len(names) == 1 and isinstance(node, expr.Compare):
                found.setdefault(next(iter(names)), set()).add(node)
            else:
                self.opaque.update(names)

    def _topological(self) -> list[str]:
        indegree = dict.fromkeys(self.flow.questions, 0)
        for question in self.flow.questions.values():
            for target in set(_targets(question)):
                if target in indegree:
                    indegree[target] += 1
        ready = [q for q, d in indegree.items() if d == 0]
        order = []
        while ready:
            node = ready.pop()
            order.append(node)
            for target in set(_targets(self.flow.questions[node])):
                if target in indegree:
                    indegree[target] -= 1
                    if indegree[target] == 0:
                        ready.append(target)
        return order

    def _live_sets(self, order: list[str]) -> dict[str, set[str]]:
        """For each question, the answers a rule there or further on reads, among
        those that can be given before it (its own included).

        Answer ``a`` matters at question ``v`` when ``v`` comes after ``a`` and
        before (or is) a question reading ``a``. Walking back from the readers of
        ``a``, never past ``a`` in topological order, visits those questions (and
        perhaps side branches where ``a`` is never given, which costs nothing): the
        work is the total length of the answers' live ranges, not questions times
        answers.
        """
        flow = self.flow
        position = {node: index for index, node in enumerate(order)}
        parents: dict[str, list[str]] = {q: [] for q in flow.questions}
        for question in flow.questions.values():
            for target in set(_targets(question)):
                if target in parents:
                    parents[target].append(question.id)
        readers: dict[str, list[str]] = {}
        for node, names in self.refs.items():
            for name in names:
                readers.setdefault(name, []).append(node)
        live: dict[str, set[str]] = {q: set() for q in flow.questions}
        for name, nodes in readers.items():
            floor = position.get(name, 0)
            seen = set(nodes)
            stack = list(nodes)
            while stack:
                node = stack.pop()
                live[node].add(name)
                for parent in parents[node]:
                    if parent not in seen and position.get(parent, -1) >= floor:
                        seen.add(parent)
                        stack.append(parent)
        return live

    def _tests_ahead(
        self, order: list[str], own_tests: dict[str, dict[str, set[expr.Node]]]
    ) -> dict[str, dict[str, int]]:
        """For each question and each live answer there that is not opaque, the
        tests on that answer that rules there or further on make, as bits.

        Two cells of an answer that every test ahead sees alike lead to the same
        paths, so the exploration visits them once (see ``_signature``): an age of
        17 or of 20 is the same thing once only ``age >= 18`` is left to ask.
        """
        flow = self.flow
        numbering: dict[str, dict[expr.Node, int]] = {}
        own_masks: dict[str, dict[str, int]] = {}
        for node, found in own_tests.items():
            masks: dict[str, int] = {}
            for name, nodes in found.items():
                if name in self.opaque or name not in flow.questions:
                    continue
                numbers = numbering.setdefault(name, {})
                mask = 0
                for test in nodes:
                    bit = numbers.get(test)
                    if bit is None:
                        bit = numbers[test] = 1 << len(numbers)
                        self.test_fns.setdefault(name, []).append((bit, expr.compile_tree(test)))
                    mask |= bit
                masks[name] = mask
            own_masks[node] = masks
        ahead: dict[str, dict[str, int]] = {}
        for node in reversed(order):
            children = [ahead[t] for t in set(_targets(flow.questions[node])) if t in ahead]
            mine = own_masks[node]
            masks = {}
            for name in self.live[node]:
                if name in self.opaque:
                    continue
                mask = mine.get(name, 0)
                for child in children:
                    mask |= child.get(name, 0)
                masks[name] = mask
            ahead[node] = masks
        return ahead

    def _cell_bits(self, name: str, cell: _Cell) -> tuple[int, int]:
        """Which tests on ``name`` hold for ``cell`` and which cannot tell (no answer)."""
        key = (name, cell)
        known = self._bits.get(key)
        if known is None:
            value = cell.value if cell.value is not None else self.defaults.get(name)
            env = {name: value}
            true = unknown = 0
            for bit, test in self.test_fns.get(name, ()):
                result = test(env)
                if result is None:
                    unknown |= bit
                elif result:
                    true |= bit
            known = self._bits[key] = (true, unknown)
        return known

    def cells(self, question: Question) -> list[_Cell]:
        known = self._cells.get(question.id)
        if known is None:
            known = self._cells[question.id] = self._make_cells(question)
        return known

    def _own_cells(self, question: Question) -> list[_Cell]:
        """The cells of ``question`` that the tests from there on tell apart (the first
        of each kind, so that examples in messages show a real answer)."""
        known = self._own.get(question.id)
        if known is None:
            mask = self.tests[question.id].get(question.id)
            if mask is None:
                known = self.cells(question)
            else:
                classes: dict[tuple[int, int], _Cell] = {}
                for cell in self.cells(question):
                    true, unknown = self._cell_bits(question.id, cell)
                    classes.setdefault((true & mask, unknown & mask), cell)
                known = list(classes.values())
            self._own[question.id] = known
        return known

    def _make_cells(self, question: Question) -> list[_Cell]:
        cells: list[_Cell]
        if question.kind == "number":
            cells = self._number_cells(question)
        elif question.kind == "choice":
            cells = [_Cell(c.id, f'"{c.id}"') for c in question.choices]
        elif question.kind == "yes_no":
            cells = [_Cell(True, "yes"), _Cell(False, "no")]
        else:
            tested = sorted(self.members.get(question.id, set()))[:MAX_TESTED_MEMBERS]
            cells = []
            for size in range(len(tested) + 1):
                for subset in itertools.combinations(tested, size):
                    label = "[" + ", ".join(f'"{s}"' for s in subset) + "]"
                    cells.append(_Cell(frozenset(subset), label))
        if question.optional:
            cells.append(_Cell(None, "no answer"))
        return cells

    def _number_cells(self, question: Question) -> list[_Cell]:
        return [
            _Cell(int(p), str(int(p))) if float(p).is_integer() else _Cell(p, _show(p))
            for p in self._number_points(question, self.bounds.get(question.id, set()))
        ]

    def _number_points(self, question: Question, found: set[float]) -> list[float]:
        """Numbers standing for every answer: each threshold, a number on each side of
        it, and the ends of the range. For an answer only ever compared with numbers
        one number between two thresholds is enough; one that conditions also
        compute with (opaque) gets numbers on both sides of each threshold."""
        integer = question.integer
        low, high = question.minimum, question.maximum
        bounds = sorted(found)
        points: set[float] = set(bounds)
        if question.id in self.opaque:
            for bound in bounds:
                points.update((_below(bound, integer), _above(bound, integer)))
        elif bounds:
            points.add(_below(bounds[0], integer))
            points.add(_above(bounds[-1], integer))
            for lower, upper in itertools.pairwise(bounds):
                between = _above(lower, integer)
                if between >= upper and not integer:
                    between = (lower + upper) / 2
                if between < upper:
                    points.add(between)
        if low is not None:
            points.add(low)
        if high is not None:
            points.add(high)
        if not points:
            points.add(
                float(question.default) if isinstance(question.default, int | float) else 0.0
            )
        return sorted(
            p
            for p in points
            if (low is None or p >= low)
            and (high is None or p <= high)
            and (not integer or float(p).is_integer())
        )

    def _add_crossings(self) -> None:
        """Adds to the thresholds of each number in a comparison that ties answers
        together (``age + months / 12 > 21``, ``months > age``) where that comparison
        changes outcome, the other answers being at their representative numbers:
        ages of 20 and 21 for 1 month, 17 and 18 for 48 months.

        Where the two sides differ by an affine function of the answer (any sum of
        answers times numbers, or a product of answers, taken one answer at a time),
        the crossing is solved for; otherwise it is looked for by bisection between
        the answer's representative numbers where the sign changes. The numbers found
        for one answer are representative numbers for the others in the next round
        (36 months for an age of 18), for a few rounds.
        """
        numbers = {q.id: q for q in self.flow.questions.values() if q.kind == "number"}
        relations = []
        for left, right in self.relations:
            names = sorted(n for n in expr.names_in(left) | expr.names_in(right) if n in numbers)
            if names:
                relations.append((names, expr.compile_tree(expr.Arith("-", left, right))))
        involved = {name for names, _ in relations for name in names}
        bounds = {name: self.bounds.setdefault(name, set()) for name in involved}
        # Each number tried multiplies the paths through every answer it is carried
        # with: a few crossings per answer, the first found (against the others'
        # own thresholds and range ends) first.
        budget = dict.fromkeys(involved, MAX_CROSSINGS)
        tried: set[tuple[int, str, tuple[float, ...]]] = set()
        for _ in range(CROSSING_ROUNDS):
            points = {n: self._number_points(numbers[n], bounds[n]) for n in involved}
            added = False
            for index, (names, difference) in enumerate(relations):
                for name in names:
                    if not budget[name]:
                        continue
                    others = [n for n in names if n != name]
                    combinations = itertools.product(*(points[o] for o in others))
                    for values in itertools.islice(combinations, MAX_COMBINATIONS):
                        if (index, name, values) in tried:
                            continue
                        tried.add((index, name, values))
                        env: dict[str, Value] = dict(zip(others, values, strict=True))
                        found = _crossings(difference, env, numbers[name], points[name])
                        question = numbers[name]
                        new = sorted(
                            v
                            for v in found - bounds[name]
                            if (question.minimum is None or v >= question.minimum)
                            and (question.maximum is None or v <= question.maximum)
                        )[: budget[name]]
                        if new:
                            bounds[name].update(new)
                            budget[name] -= len(new)
                            added = True
                            if not budget[name]:
                                break
            if not added:
                break

    def run(self) -> list[Problem]:
        with paused_gc():
            return self._explore()

    def _explore(self) -> list[Problem]:
        flow = self.flow
        questions = flow.questions
        live, defaults, bits = self.live, self.defaults, self._bits
        problems: dict[tuple[str, str], Problem] = {}
        # A state is a question and the cells of the answers live there. States
        # whose cells the tests ahead see alike are one: the first one met is kept,
        # so that examples in messages are real paths.
        start: tuple[str, frozenset[tuple[object, ...]]] = (flow.start, frozenset())
        seen = {start}
        stack: list[tuple[str, dict[str, _Cell]]] = [(flow.start, {})]
        # Where each answer to a question leads depends only on the other answers
        # its rules read: worked out once for each of those.
        plans: dict[tuple[str, tuple[Value, ...]], list[tuple[str | None, list[_Cell | None]]]] = {}
        while stack:
            node, assigned = stack.pop()
            refs = self.refs_order[node]
            read = tuple(
                None
                if n == node
                else defaults[n]
                if (c := assigned.get(n)) is None or c.value is None
                else c.value
                for n in refs
            )
            plan = plans.get((node, read))
            if plan is None:
                plan = plans[(node, read)] = self._plan(questions[node], read, problems)
            for target, cells in plan:
                if target is None:
                    state = dict(assigned)
                    if cells[0] is not None:
                        state[node] = cells[0]
                    self._no_rule(questions[node], state, problems)
                    continue
                if target not in questions:
                    continue
                keep, ahead = live[target], self.tests[target]
                carried = {n: c for n, c in assigned.items() if n in keep}
                items: list[tuple[object, ...]] = []
                for name, kept in carried.items():
                    mask = ahead.get(name)
                    if mask is None:
                        items.append((name, kept))
                    else:
                        true, unknown = bits.get((name, kept)) or self._cell_bits(name, kept)
                        items.append((name, true & mask, unknown & mask))
                if node not in keep:
                    key = (target, frozenset(items))
                    if key not in seen:
                        seen.add(key)
                        stack.append((target, carried))
                    continue
                own_mask = ahead.get(node)
                for cell in cells:
                    if cell is None:
                        key = (target, frozenset(items))
                        following = carried
                    else:
                        if own_mask is None:  # opaque: the cell itself
                            item: tuple[object, ...] = (node, cell)
                        else:
                            true, unknown = bits.get((node, cell)) or self._cell_bits(node, cell)
                            item = (node, true & own_mask, unknown & own_mask)
                        key = (target, frozenset((*items, item)))
                        following = {**carried, node: cell}
                    if key not in seen:
                        seen.add(key)
                        stack.append((target, following))
        self.visited = len(seen)
        return list(problems.values())

    def _plan(
        self,
        question: Question,
        read: tuple[Value, ...],
        problems: dict[tuple[str, str], Problem],
    ) -> list[tuple[str | None, list[_Cell | None]]]:
        """Where each cell of ``question`` leads when the other answers its rules
        read are ``read`` (None in the question's own place): targets in order of
        first appearance, each with its cells (None when the answer is not live)."""
        node = question.id
        refs = self.refs_order[node]
        own: list[_Cell] | tuple[None] = (
            self._own_cells(question) if node in self.live[node] else (None,)
        )
        at = refs.index(node) if node in self.refs[node] else -1
        values = list(read)
        default = self.defaults[node]
        grouped: dict[str | None, list[_Cell | None]] = {}
        for cell in own:
            if at >= 0:
                values[at] = default if cell is None or cell.value is None else cell.value
            env = dict(zip(refs, values, strict=True))
            target = self._follow(question, env, problems)
            grouped.setdefault(target, []).append(cell)
        return list(grouped.items())

    def _follow(
        self,
        question: Question,
        env: Mapping[str, Value],
        problems: dict[tuple[str, str], Problem],
    ) -> str | None:
        for index, (rule, test) in enumerate(self.rules[question.id]):
            if rule.when is None or test is None:
                return rule.goto
            result = test(env)
            if result is None:
                missing = {
                    n for n in rule.when.names() if env.get(n) is None and n in self.flow.questions
                }
                if missing:
                    # One warning per rule, naming every answer it may lack.
                    key = (question.id, f"unknown:{index}")
                    names = self._unknown.setdefault(key, set())
                    if not missing <= names or key not in problems:
                        names |= missing
                        problems[key] = Problem(
                            self.flow.source,
                            f"this condition reads {', '.join(sorted(names))}, which may not be "
                            "answered yet on some paths (it then counts as false); ask it "
                            "earlier or give it a default",
                            (*rule.where, "when"),
                            severity="warning",
                        )
            elif result:
                return rule.goto
        return None

    def _no_rule(
        self,
        question: Question,
        state: Mapping[str, _Cell],
        problems: dict[tuple[str, str], Problem],
    ) -> None:
        if (question.id, "no_rule") in problems:
            return
        example = ", ".join(f"{n} = {c.label}" for n, c in sorted(state.items())) or "any answer"
        problems[(question.id, "no_rule")] = Problem(
            self.flow.source,
            f"a path ends here with no outcome: no `next` rule applies when {example}; "
            "add a last rule without `when`",
            (*question.where, "next"),
        )
