"""Soundness of a flow's graph: reachability, cycles, and every path ending in an outcome.

The path check is exhaustive without enumerating every answer: a number only
matters through the thresholds conditions compare it with, a multi-choice
answer only through the choices conditions test for, so each question's
possible answers are split into a few *cells* (for ``age >= 26``: 25, 26, 27
and the ends of the range). The exploration then carries, from question to
question, only the cells of answers that a condition further on still reads,
and visits each (question, those cells) state once. A flow whose conditions
read only recent answers is checked in time linear in its size.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from alternance_tui.flow import expr
from alternance_tui.flow.answers import format_number
from alternance_tui.flow.expr import Value
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.problems import Problem

MAX_TESTED_MEMBERS = 10


@dataclass(frozen=True, slots=True)
class _Cell:
    """One representative answer standing for every answer that no condition tells apart."""

    value: Value
    label: str


def check_flow(flow: Flow) -> list[Problem]:
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
        # The questions whose answers the rules of each question read.
        self.refs: dict[str, frozenset[str]] = {}
        self.bounds: dict[str, set[float]] = {}
        self.members: dict[str, set[str]] = {}
        for question in flow.questions.values():
            names: set[str] = set()
            for rule in question.next:
                if rule.when is None:
                    continue
                names |= rule.when.names()
                for name, numbers in expr.thresholds(rule.when.tree).items():
                    self.bounds.setdefault(name, set()).update(numbers)
                for name, members in expr.tested_members(rule.when.tree).items():
                    self.members.setdefault(name, set()).update(members)
            self.refs[question.id] = frozenset(n for n in names if n in flow.questions)
        self.live = self._live_sets()
        self.defaults = {q.id: q.default for q in flow.questions.values()}
        self._cells: dict[str, list[_Cell]] = {}

    def _live_sets(self) -> dict[str, set[str]]:
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
        position = {node: index for index, node in enumerate(self._topological())}
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

    def cells(self, question: Question) -> list[_Cell]:
        known = self._cells.get(question.id)
        if known is None:
            known = self._cells[question.id] = self._make_cells(question)
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
        step = 1.0 if question.integer else 0.01
        points: set[float] = set()
        for bound in self.bounds.get(question.id, set()):
            points.update((bound - step, bound, bound + step))
        low = question.minimum
        high = question.maximum
        if low is not None:
            points.add(low)
        if high is not None:
            points.add(high)
        if not points:
            points.add(
                float(question.default) if isinstance(question.default, int | float) else 0.0
            )
        kept = sorted(
            p
            for p in points
            if (low is None or p >= low)
            and (high is None or p <= high)
            and (not question.integer or float(p).is_integer())
        )
        return [_Cell(int(p) if float(p).is_integer() else p, format_number(p)) for p in kept]

    def run(self) -> list[Problem]:
        flow = self.flow
        problems: dict[tuple[str, str], Problem] = {}
        seen: set[tuple[str, frozenset[tuple[str, _Cell]]]] = set()
        stack: list[tuple[str, dict[str, _Cell]]] = [(flow.start, {})]
        while stack:
            node, assigned = stack.pop()
            question = flow.questions.get(node)
            if question is None:
                continue
            key = (node, frozenset(assigned.items()))
            if key in seen:
                continue
            seen.add(key)
            own = self.cells(question) if node in self.live[node] else [None]
            for cell in own:
                state = dict(assigned)
                if cell is not None:
                    state[node] = cell
                env = self._env(question, state)
                target = self._follow(question, env, state, problems)
                if target is None:
                    self._no_rule(question, state, problems)
                    continue
                if target in flow.questions:
                    live = self.live[target]
                    stack.append((target, {n: c for n, c in state.items() if n in live}))
        return list(problems.values())

    def _env(self, question: Question, state: Mapping[str, _Cell]) -> dict[str, Value]:
        """What the rules of ``question`` read: the answers in ``state``, else defaults."""
        env: dict[str, Value] = {}
        for name in self.refs[question.id]:
            cell = state.get(name)
            value = cell.value if cell is not None else None
            env[name] = value if value is not None else self.defaults.get(name)
        return env

    def _follow(
        self,
        question: Question,
        env: Mapping[str, Value],
        state: Mapping[str, _Cell],
        problems: dict[tuple[str, str], Problem],
    ) -> str | None:
        for rule in question.next:
            if rule.when is None:
                return rule.goto
            result = rule.when.evaluate(env)
            if result is None:
                missing = sorted(
                    n for n in rule.when.names() if env.get(n) is None and n in self.flow.questions
                )
                if missing:
                    problems.setdefault(
                        (question.id, "unknown:" + ",".join(missing)),
                        Problem(
                            self.flow.source,
                            f"this condition reads {', '.join(missing)}, which may not be answered "
                            "yet on some paths (it then counts as false); ask it earlier or give "
                            "it a default",
                            (*rule.where, "when"),
                            severity="warning",
                        ),
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
