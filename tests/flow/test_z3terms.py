"""The solver's reading of a condition (flow/check/z3terms.py) gives what the engine
gives: for random conditions over every kind of question (whole and decimal
numbers, choices, multi-choice, yes/no; with and without defaults) and random
answers, some not given, "true", "false" and "unknown" (``evaluate``) are the
solver's too. Numbers are whole or halves, where floating point is exact."""

from __future__ import annotations

from typing import Any

import z3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alternance_tui.flow import cond
from alternance_tui.flow.check.z3terms import FALSE, TRUE, Answers, Terms
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Choice, Flow, Question

COLOURS = ("red", "blue", "green")


def _question(qid: str, kind: Any, default: Value = None, **more: Any) -> Question:
    choices = tuple(Choice(c, {"en": c}) for c in COLOURS) if kind in ("choice", "multi") else ()
    return Question(
        qid, kind, {"en": "?"}, {"en": "?"}, (), choices=choices, default=default, **more
    )


QUESTIONS = [
    _question("n", "number", integer=True, minimum=-5, maximum=5),
    _question("m", "number", integer=True, minimum=0, maximum=4, default=2),
    _question("x", "number", minimum=-3, maximum=3),
    _question("c", "choice"),
    _question("d", "choice", default="blue"),
    _question("s", "multi"),
    _question("t", "multi", default=frozenset({"red"})),
    _question("y", "yes_no"),
    _question("z", "yes_no", default=False),
]
FLOW = Flow(
    "terms", {"en": "T"}, ("en",), "n", {q.id: q for q in QUESTIONS}, {}, source="terms.toml"
)
SCOPE = FLOW.scope()


def _number(depth: int) -> st.SearchStrategy[str]:
    atom = st.sampled_from(["n", "m", "x", "0", "1", "2", "-3", "0.5", "2.5", "(1 / n)", "(x / m)"])
    if depth >= 2:
        return atom
    inner = _number(depth + 1)
    return st.one_of(
        atom,
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        inner.map(lambda e: f"-{e}"),
    )


def _condition(depth: int = 0) -> st.SearchStrategy[str]:
    number = _number(1)
    op = st.sampled_from(["<", "<=", ">", ">=", "==", "!="])
    colour = st.sampled_from([*COLOURS, "purple"])
    atoms = st.one_of(
        st.tuples(number, op, number).map(" ".join),
        st.tuples(number, op, number, op, number).map(" ".join),
        st.tuples(st.sampled_from(["c", "d"]), st.sampled_from(["==", "!="]), colour).map(
            lambda t: f'{t[0]} {t[1]} "{t[2]}"'
        ),
        st.tuples(colour, st.sampled_from(["in", "not in"]), st.sampled_from(["s", "t"])).map(
            lambda t: f'"{t[0]}" {t[1]} {t[2]}'
        ),
        st.tuples(st.sampled_from(["c", "d"]), st.sampled_from(["in", "not in"])).map(
            lambda t: f'{t[0]} {t[1]} ["red", "green"]'
        ),
        st.tuples(number, st.sampled_from(["in", "not in"])).map(
            lambda t: f"{t[0]} {t[1]} [1, 2.5]"
        ),
        st.sampled_from(["y", "z", "y == z", "y != true", "c == d", "true"]),
    )
    if depth >= 2:
        return atoms
    inner = _condition(depth + 1)
    return st.one_of(
        atoms,
        inner.map(lambda e: f"not ({e})"),
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
            lambda t: f"({t[0]}) {t[1]} ({t[2]})"
        ),
    )


def _answer(question: Question) -> st.SearchStrategy[Value]:
    if question.kind == "number":
        low, high = int(question.minimum or 0), int(question.maximum or 0)
        # Zero often: a division by an answer of zero is unknown to the engine.
        whole = st.one_of(st.just(max(low, 0)), st.integers(low, high))
        if question.integer:
            return whole
        return st.one_of(whole, st.integers(low, high - 1).map(lambda v: v + 0.5))
    if question.kind == "choice":
        return st.sampled_from(COLOURS)
    if question.kind == "multi":
        return st.frozensets(st.sampled_from(COLOURS))
    return st.booleans()


@st.composite
def _answers(draw: st.DrawFn) -> dict[str, Value]:
    """Some questions answered (within their range), the others not."""
    return {q.id: draw(_answer(q)) for q in QUESTIONS if draw(st.booleans())}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=_condition(), answers=_answers())
def test_the_solver_reads_a_condition_as_the_engine_does(
    source: str, answers: dict[str, Value]
) -> None:
    condition = cond.parse(source)
    if cond.check(condition, SCOPE):
        return  # not a condition a flow may hold
    env = {q.id: answers.get(q.id, q.default) for q in QUESTIONS}
    expected = cond.evaluate(condition.tree, env)

    solver = z3.Solver()
    values = Answers(FLOW, solver)
    truth = Terms(values, lambda name: TRUE if name in answers else FALSE).truth(condition.tree)
    for name, value in answers.items():
        question = FLOW.questions[name]
        if question.kind == "number" and name in values.numbers:
            solver.add(values.numbers[name] == z3.RealVal(str(value)))
        elif question.kind == "yes_no" and name in values.flags:
            solver.add(values.flags[name] == value)
        elif question.kind == "choice" and name in values.choices:
            solver.add(values.choices[name] == values.text_id(str(value)))
        elif question.kind == "multi":
            for (owner, colour), member in values.members.items():
                if owner == name:
                    solver.add(member == (colour in value))  # type: ignore[operator]
    assert solver.check() == z3.sat
    model = solver.model()
    true = z3.is_true(model.eval(truth.true, model_completion=True))
    false = z3.is_true(model.eval(truth.false, model_completion=True))
    got = True if true else False if false else None
    assert not (true and false)
    assert got == (None if expected is None else bool(expected)), (source, env)
