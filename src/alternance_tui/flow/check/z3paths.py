"""The paths through a flow as one z3 formula, and the questions exact.py asks of it.

Each question gets a yes/no constant, "asked": the start is asked, and any other
question is asked when some question leading to it is asked and the rule
leading there is the first whose condition holds (z3terms.py states the
conditions with the engine's three values). In a flow without cycles exactly
one path then holds for any set of answers, so "can this question be asked
with no rule applying" is a question of satisfiability, decided over the
answers' true domains (whole or decimal numbers within their bounds, the
choices, yes and no). An answer counts as given at a question when it is that
question's own or one asked before it on the path: one that can lead to it.

Only the questions before those asked about are stated, as they are needed. A
"yes" comes with the answers on its path; it is handed to a ``confirm`` check
(the engine's own walk, in exact.py) before it is believed, since the engine
computes in floating point where the solver computes exactly.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction

import z3

from alternance_tui.flow.check.z3terms import (
    FALSE,
    TRUE,
    Answers,
    Expr,
    Present,
    Terms,
    Truth,
    Undecided,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question

# How long the solver may think about one question before it is reported
# undecided (a warning, never a pass), and about a whole flow: a flow of many
# hard questions gets its warnings in about a minute, not hours.
TIMEOUT_MS = 20_000
BUDGET_S = 60.0
# Answers the solver offers that floating point does not confirm, tried before
# giving up on a question.
MAX_TRIES = 3
NOT_IN_FLOATS = "its answers do not hold once computed in floating point"


@dataclass(frozen=True, slots=True)
class Found:
    """Answers (every question on the path, in its order) that make it happen."""

    answers: dict[str, Value]


@dataclass(frozen=True, slots=True)
class Unsure:
    reason: str


Finding = Found | Unsure | None  # None: proved impossible
Confirm = Callable[[Mapping[str, Value]], bool]


class Prover:
    def __init__(
        self,
        flow: Flow,
        children: Mapping[str, tuple[str, ...]],
        order: list[str],
    ) -> None:
        self.flow = flow
        self.solver = z3.Solver()
        self.answers = Answers(flow, self.solver)
        self.position = {q: index for index, q in enumerate(order)}
        # The rules leading to each question: (question, rule index).
        self.incoming: dict[str, list[tuple[str, int]]] = {q: [] for q in flow.questions}
        for question in flow.questions.values():
            for index, rule in enumerate(question.next):
                if rule.goto in self.incoming:
                    self.incoming[rule.goto].append((question.id, index))
        # The questions that can lead to each, as bits by position in ``order``.
        self.before: dict[str, int] = dict.fromkeys(order, 0)
        for node in order:
            mine = self.before[node] | 1 << self.position[node]
            for child in children[node]:
                self.before[child] |= mine
        self.asked: dict[str, Expr] = {}
        self._truths: dict[str, list[Truth] | Undecided] = {}
        self._taken: dict[str, list[Expr]] = {}
        self._goals = itertools.count()
        self.started = time.monotonic()

    # --- the formula ---------------------------------------------------------------

    def present_at(self, node: str) -> Present:
        """Whether each answer counts as given where ``node``'s rules read it."""
        answers = self.answers

        def present(name: str) -> Expr:
            if name == node:
                return answers.is_answered(name)
            at = self.position.get(name)
            if at is None or not self.before[node] >> at & 1:
                return FALSE  # never asked before this question
            return z3.And(self._asked(name), answers.is_answered(name))

        return present

    def truths(self, node: str) -> list[Truth]:
        """Each rule's condition at ``node`` (always true for one without ``when``)."""
        found = self._truths.get(node)
        if found is None:
            terms = Terms(self.answers, self.present_at(node))
            try:
                found = [
                    Truth(TRUE, FALSE) if rule.when is None else terms.truth(rule.when.tree)
                    for rule in self.flow.questions[node].next
                ]
            except Undecided as exc:
                found = exc
            self._truths[node] = found
        if isinstance(found, Undecided):
            raise found
        return found

    def _asked(self, node: str) -> Expr:
        found = self.asked.get(node)
        if found is not None:
            return found
        # This question and those before it not stated yet, earliest first.
        todo, stack = [node], [node]
        while stack:
            for parent, _ in self.incoming[stack.pop()]:
                if parent not in self.asked and parent not in todo:
                    todo.append(parent)
                    stack.append(parent)
        todo.sort(key=lambda q: self.position.get(q, -1))
        for name in todo:
            self.asked[name] = z3.Bool(f"asked!{name}")
        stated = []
        try:
            for name in todo:
                if name == self.flow.start:
                    stated.append(self.asked[name])
                else:
                    ways = [self._taken_rules(p)[i] for p, i in self.incoming[name]]
                    stated.append(self.asked[name] == z3.Or(ways))
        except Undecided:
            for name in todo:  # stated later, or never
                del self.asked[name]
            raise
        self.solver.add(stated)
        return self.asked[node]

    def _taken_rules(self, node: str) -> list[Expr]:
        """For each rule of ``node``: it is the one followed."""
        found = self._taken.get(node)
        if found is None:
            found = []
            before: list[Expr] = []
            for truth in self.truths(node):
                found.append(z3.And(self.asked[node], truth.true, *before))
                before.append(z3.Not(truth.true))
            self._taken[node] = found
        return found

    # --- the questions -------------------------------------------------------------

    def dead_end(self, node: str, confirm: Confirm, limit_ms: int = TIMEOUT_MS) -> Finding:
        """Whether ``node`` can be asked and no rule of it apply (thinking at most
        ``limit_ms``)."""
        try:
            truths = self.truths(node)
            goal = z3.And(self._asked(node), *[z3.Not(t.true) for t in truths])
        except Undecided as exc:
            return Unsure(str(exc))
        return self._solve(goal, node, confirm, limit_ms)

    def unanswered(self, node: str, index: int, name: str, confirm: Confirm) -> Finding:
        """Whether rule ``index`` of ``node`` can be tried, and give no answer
        (neither true nor false), with ``name`` not given."""
        try:
            truths = self.truths(node)
            rule = truths[index]
            goal = z3.And(
                self._asked(node),
                *[z3.Not(t.true) for t in truths[:index]],
                z3.Not(rule.true),
                z3.Not(rule.false),
                z3.Not(self.present_at(node)(name)),
            )
        except Undecided as exc:
            return Unsure(str(exc))
        return self._solve(goal, node, confirm)

    def _solve(
        self, goal: Expr, node: str, confirm: Confirm, limit_ms: int = TIMEOUT_MS
    ) -> Finding:
        left = BUDGET_S - (time.monotonic() - self.started)
        if left <= 0:
            return Unsure(f"the {BUDGET_S:.0f} s given to the solver for this flow ran out")
        solver = self.solver
        solver.set("timeout", int(min(limit_ms, left * 1000)))
        literal = z3.Bool(f"goal!{next(self._goals)}")
        solver.add(z3.Implies(literal, goal))
        decimals = any(not v.is_int() for v in self.answers.numbers.values())
        rejected = False
        for _ in range(MAX_TRIES):
            try:
                # Decimal answers in hundredths first: examples a person can type.
                result = solver.check(literal, self.answers.hundredths) if decimals else z3.unsat
                if result != z3.sat:
                    result = solver.check(literal)
            except z3.Z3Exception as exc:
                return Unsure(str(exc))
            if result == z3.unsat:
                # Impossible, unless only because the answers floating point
                # refused were ruled out: then it is not proved either way.
                return Unsure(NOT_IN_FLOATS) if rejected else None
            if result != z3.sat:
                return Unsure(solver.reason_unknown())
            model = solver.model()
            answers = self._path_answers(model, node)
            for nearby in self._rounded(answers):
                if confirm(nearby):
                    return Found(nearby)
            rejected = True
            # Floating point disagrees with exact arithmetic there: ask for others.
            numbers = [
                v != model.eval(v, model_completion=True) for v in self.answers.numbers.values()
            ]
            if not numbers:
                break
            solver.add(z3.Implies(literal, z3.Or(numbers)))
        return Unsure(NOT_IN_FLOATS)

    def _rounded(self, answers: dict[str, Value]) -> Iterator[dict[str, Value]]:
        """``answers``, then with their decimals rounded to 0, 1, ... 15 places (within
        each question's range): where the exact answer (a + b == 0.30000000000000004
        and a - b == 0.1 holds at a = 0.2000000000000000249…) is not what floating
        point computes, the short decimal a person would type often is (a = 0.2)."""
        yield answers
        seen = [answers]
        for places in range(16):
            rounded = {name: self._round(name, v, places) for name, v in answers.items()}
            if rounded not in seen:
                seen.append(rounded)
                yield rounded

    def _round(self, name: str, value: Value, places: int) -> Value:
        if not isinstance(value, float):
            return value
        question, near = self.flow.questions[name], round(value, places)
        low, high = question.minimum, question.maximum
        if (low is not None and near < low) or (high is not None and near > high):
            return value
        return near

    def _path_answers(self, model: z3.ModelRef, node: str) -> dict[str, Value]:
        """The answers on the path the model takes to ``node``: from the start, the
        one question each asked question leads to that is asked too (exactly one
        path holds)."""
        questions, asked = self.flow.questions, self.asked
        path, at = [], self.flow.start
        while at in questions:
            path.append(at)
            if at == node:
                break
            ahead = (r.goto for r in questions[at].next if r.goto in asked)
            at = next(
                (q for q in ahead if z3.is_true(model.eval(asked[q], model_completion=True))),
                "",
            )
        return {name: self._value(questions[name], model) for name in path}

    def _value(self, question: Question, model: z3.ModelRef) -> Value:
        def holds(expr: Expr) -> bool:
            return bool(z3.is_true(model.eval(expr, model_completion=True)))

        answers, name = self.answers, question.id
        if name in answers.answered and not holds(answers.answered[name]):
            return None
        if question.kind == "number":
            if name not in answers.numbers:
                return _any_number(question)
            return _number(model.eval(answers.numbers[name], model_completion=True))
        if question.kind == "yes_no":
            return name not in answers.flags or holds(answers.flags[name])
        if question.kind == "choice":
            if name not in answers.choices:
                return question.choice_ids[0]
            number = model.eval(answers.choices[name], model_completion=True).as_long()
            return next(text for text, i in answers.ids.items() if i == number)
        return frozenset(
            c
            for c in question.choice_ids
            if (name, c) in answers.members and holds(answers.members[name, c])
        )


def _number(value: Expr) -> int | float:
    if z3.is_algebraic_value(value):  # an irrational number, as close as a float goes
        value = value.approx(20)
    if z3.is_int_value(value):
        return int(value.as_long())
    exact = Fraction(value.numerator_as_long(), value.denominator_as_long())
    return int(exact) if exact.denominator == 1 else float(exact)


def _any_number(question: Question) -> int | float:
    """An answer to a number question no condition reads (any will do)."""
    for candidate in (question.default, question.minimum, question.maximum):
        if isinstance(candidate, int | float) and not isinstance(candidate, bool):
            return int(candidate) if float(candidate).is_integer() else candidate
    return 0
