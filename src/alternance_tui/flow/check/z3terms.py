"""A flow's conditions as formulas of the z3 solver, with the engine's three values.

An answer that was not given (and has no default) is *unknown* to the engine,
and so is any comparison or sum that reads it (cond/tree.py); ``and`` and
``or`` follow Kleene's rules. Each condition therefore becomes two formulas, for
"it is true" and "it is false" (both false: unknown), and each number a formula
for "it is known" with its value. Where a question's answer counts as given is
the caller's to say (``Present``); z3paths.py ties it to the path taken.

Numbers keep z3's integer sort as long as they stay whole (``a + 2 * b``), so
that z3 reasons over integers exactly where the answers are whole; a division
or a decimal makes them real numbers (exact fractions, never rounded). The
module imports z3 at once: the checker imports it only for a flow whose
conditions tie answers together (see exact.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import z3

from alternance_tui.flow import cond
from alternance_tui.flow.cond import Scalar, Value
from alternance_tui.flow.model import Flow, Question

# z3's Python objects carry no type hints.
Expr = Any
# Whether the answer to a question counts as given where a condition reads it.
Present = Callable[[str], Expr]


class Undecided(Exception):
    """A condition this translation cannot state exactly (never met in a flow that
    passed the type check, kept so that such a case is a warning, not a pass)."""


@dataclass(frozen=True, slots=True)
class Truth:
    """A condition: ``true`` when it holds, ``false`` when it is known not to."""

    true: Expr
    false: Expr


@dataclass(frozen=True, slots=True)
class Number:
    known: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class Choice:
    """A choice answer, as the number of its id (ids are numbered flow-wide)."""

    known: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class Members:
    """A multi-choice answer: whether it holds each choice."""

    known: Expr
    holds: Callable[[str], Expr]


@dataclass(frozen=True, slots=True)
class Text:
    value: str


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[Scalar, ...]


Term = Truth | Number | Choice | Members | Text | Items

TRUE, FALSE = z3.BoolVal(True), z3.BoolVal(False)


def number_value(value: float) -> Expr:
    """A number of a flow file, exactly: an integer, or the fraction a float is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return z3.IntVal(value)
    if not math.isfinite(value):
        raise Undecided("a number that is not finite")
    exact = Fraction(value)
    if exact.denominator == 1:
        return z3.IntVal(exact.numerator)
    return z3.Q(exact.numerator, exact.denominator)


def _real(value: Expr) -> Expr:
    return z3.ToReal(value) if value.is_int() else value


class Answers:
    """The answers as z3 constants, made the first time a condition reads them;
    each number's range, each choice's list, is asserted as it is made."""

    def __init__(self, flow: Flow, solver: z3.Solver) -> None:
        self.flow = flow
        self.solver = solver
        self.numbers: dict[str, Expr] = {}
        self.flags: dict[str, Expr] = {}
        self.choices: dict[str, Expr] = {}
        self.members: dict[tuple[str, str], Expr] = {}
        self.answered: dict[str, Expr] = {}
        self.ids: dict[str, int] = {}
        # When assumed, decimal answers are in hundredths (examples a person can type).
        self.hundredths = z3.Bool("hundredths")

    def text_id(self, text: str) -> int:
        return self.ids.setdefault(text, len(self.ids))

    def is_answered(self, name: str) -> Expr:
        """Whether a question on the path holds an answer (an optional one may not)."""
        if not self.flow.questions[name].optional:
            return TRUE
        found = self.answered.get(name)
        if found is None:
            found = self.answered[name] = z3.Bool(f"answered!{name}")
        return found

    def number(self, question: Question) -> Expr:
        found = self.numbers.get(question.id)
        if found is not None:
            return found
        name = question.id
        low: float | None
        high: float | None
        if question.integer:
            found = z3.Int(f"n!{name}")
            low = None if question.minimum is None else math.ceil(question.minimum)
            high = None if question.maximum is None else math.floor(question.maximum)
        else:
            found = z3.Real(f"n!{name}")
            low, high = question.minimum, question.maximum
            cents = z3.Int(f"cents!{name}")
            self.solver.add(z3.Implies(self.hundredths, found * 100 == cents))
        if low is not None:
            self.solver.add(found >= number_value(low))
        if high is not None:
            self.solver.add(found <= number_value(high))
        self.numbers[name] = found
        return found

    def flag(self, question: Question) -> Expr:
        found = self.flags.get(question.id)
        if found is None:
            found = self.flags[question.id] = z3.Bool(f"yes!{question.id}")
        return found

    def choice(self, question: Question) -> Expr:
        found = self.choices.get(question.id)
        if found is None:
            found = self.choices[question.id] = z3.Int(f"choice!{question.id}")
            ids = [self.text_id(c) for c in question.choice_ids]
            self.solver.add(z3.Or([found == i for i in ids]) if ids else FALSE)
        return found

    def member(self, question: Question, choice: str) -> Expr:
        if choice not in question.choice_ids:
            return FALSE
        key = (question.id, choice)
        found = self.members.get(key)
        if found is None:
            found = self.members[key] = z3.Bool(f"has!{question.id}!{choice}")
        return found


class Terms:
    """Translates conditions read at one place of the flow, where ``present`` says
    whether each answer counts as given."""

    def __init__(self, answers: Answers, present: Present) -> None:
        self.answers = answers
        self.present = present

    def truth(self, node: cond.Node) -> Truth:
        term = self.term(node)
        if not isinstance(term, Truth):
            raise Undecided("a condition that is not a yes/no test")
        return term

    def term(self, node: cond.Node) -> Term:
        if isinstance(node, cond.Compare):
            return self._compare(node)
        if isinstance(node, cond.Name):
            return self._name(node.name)
        if isinstance(node, cond.BoolOp):
            parts = [self.truth(operand) for operand in node.operands]
            trues, falses = [p.true for p in parts], [p.false for p in parts]
            if node.op == "and":
                return Truth(z3.And(trues), z3.Or(falses))
            return Truth(z3.Or(trues), z3.And(falses))
        if isinstance(node, cond.Not):
            inner = self.truth(node.operand)
            return Truth(inner.false, inner.true)
        if isinstance(node, cond.Const):
            return _constant(node.value)
        if isinstance(node, cond.Seq):
            return Items(node.items)
        if isinstance(node, cond.Neg):
            operand = self._number(node.operand)
            return Number(operand.known, -operand.value)
        return self._arith(node)

    def _number(self, node: cond.Node) -> Number:
        term = self.term(node)
        if not isinstance(term, Number):
            raise Undecided("arithmetic on something other than numbers")
        return term

    def _arith(self, node: cond.Arith) -> Number:
        left, right = self._number(node.left), self._number(node.right)
        known = z3.And(left.known, right.known)
        a, b = left.value, right.value
        if node.op == "+":
            return Number(known, a + b)
        if node.op == "-":
            return Number(known, a - b)
        if node.op == "*":
            return Number(known, a * b)
        # The engine's division by zero is unknown, not an error.
        return Number(z3.And(known, b != 0), _real(a) / _real(b))

    def _name(self, name: str) -> Term:
        question = self.answers.flow.questions.get(name)
        if question is None:
            raise Undecided(f"an unknown question {name!r}")
        present = self.present(name)
        default = question.default
        known = present if default is None else TRUE
        if question.kind == "number":
            value = self.answers.number(question)
            if default is not None:
                fallback = number_value(default)  # type: ignore[arg-type]
                if value.is_int() and not fallback.is_int():
                    value = z3.ToReal(value)
                elif fallback.is_int() and not value.is_int():
                    fallback = z3.ToReal(fallback)
                value = z3.If(present, value, fallback)
            return Number(known, value)
        if question.kind == "yes_no":
            flag = self.answers.flag(question)
            if default is not None:
                flag = z3.If(present, flag, z3.BoolVal(bool(default)))
            return Truth(z3.And(known, flag), z3.And(known, z3.Not(flag)))
        if question.kind == "choice":
            value = self.answers.choice(question)
            if isinstance(default, str):
                value = z3.If(present, value, self.answers.text_id(default))
            return Choice(known, value)
        return self._members(question, present, known, default)

    def _members(self, question: Question, present: Expr, known: Expr, default: Value) -> Members:
        chosen = default if isinstance(default, frozenset) else frozenset()
        answers = self.answers

        def holds(choice: str) -> Expr:
            member = answers.member(question, choice)
            if default is None:
                return member
            return z3.If(present, member, z3.BoolVal(choice in chosen))

        return Members(known, holds)

    def _compare(self, node: cond.Compare) -> Truth:
        operands = [self.term(node.left)] + [self.term(right) for right in node.rights]
        parts = [
            self._pair(op, operands[index], operands[index + 1])
            for index, op in enumerate(node.ops)
        ]
        if len(parts) == 1:
            return parts[0]
        # A chain (16 <= age <= 29): false as soon as one part is, true if all are.
        return Truth(z3.And([p.true for p in parts]), z3.Or([p.false for p in parts]))

    def _pair(self, op: cond.ComparisonOp, left: Term, right: Term) -> Truth:
        if op in ("in", "not in"):
            known, holds = self._membership(left, right)
        elif op in ("==", "!="):
            known, holds = self._equality(left, right)
        else:
            if not (isinstance(left, Number) and isinstance(right, Number)):
                raise Undecided(f"'{op}' between things other than numbers")
            known = z3.And(left.known, right.known)
            a, b = left.value, right.value
            holds = {"<": a < b, "<=": a <= b, ">": a > b}.get(op, a >= b)
        if op in ("!=", "not in"):
            holds = z3.Not(holds)
        return Truth(z3.And(known, holds), z3.And(known, z3.Not(holds)))

    def _equality(self, left: Term, right: Term) -> tuple[Expr, Expr]:
        """Whether ``left == right`` is known, and whether it holds when it is."""
        known = z3.And(_known(left), _known(right))
        if isinstance(left, Number) and isinstance(right, Number):
            return known, left.value == right.value
        if isinstance(left, Truth) and isinstance(right, Truth):
            both = z3.Or(z3.And(left.true, right.true), z3.And(left.false, right.false))
            return known, both
        if isinstance(left, Text) and isinstance(right, Text):
            return known, z3.BoolVal(left.value == right.value)
        choices = [s for s in (left, right) if isinstance(s, Choice)]
        texts = [s for s in (left, right) if isinstance(s, Text)]
        if len(choices) == 2:
            return known, choices[0].value == choices[1].value
        if choices and texts:
            # Ids are numbered flow-wide; a text that is no choice gets a number of its own.
            return known, choices[0].value == self.answers.text_id(texts[0].value)
        raise Undecided("a comparison of answers of different kinds")

    def _membership(self, left: Term, right: Term) -> tuple[Expr, Expr]:
        if isinstance(right, Members):
            if isinstance(left, Text):
                return right.known, right.holds(left.value)
            if isinstance(left, Items):  # a list is never one of the choices
                return right.known, FALSE
        if isinstance(right, Items):
            each = [self._equality(left, _constant(item))[1] for item in right.items]
            return _known(left), z3.Or(each) if each else FALSE
        raise Undecided("'in' with something other than a list or a multi-choice question")


def _constant(value: Scalar) -> Term:
    if isinstance(value, bool):
        return Truth(z3.BoolVal(value), z3.BoolVal(not value))
    if isinstance(value, str):
        return Text(value)
    return Number(TRUE, number_value(value))


def _known(term: Term) -> Expr:
    if isinstance(term, Truth):
        return z3.Or(term.true, term.false)
    if isinstance(term, Number | Choice | Members):
        return term.known
    return TRUE
