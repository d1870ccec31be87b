"""The checker against a walk that tries every answer, on flows whose conditions tie
answers together so that they hold only at a point or in a thin band (a sum and a
difference, a product, multiples, two bounds one apart): the checker must report
every dead end and every condition read before its answer is given that the walk
finds, and nothing else.

A fixed seed runs in CI (tests/conftest.py); HYPOTHESIS_PROFILE=explore searches
further, with more examples."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alternance_tui.flow.build import build_flow
from alternance_tui.flow.check.run import check_flow
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.schema import FlowFile

# Whole-number answers from 0 to SMALL (0 to 3 for a third number question): few
# enough to try them all, wide enough that a point inside is not one of the
# numbers the cell method tries (it finds points near the ends of small ranges).
SMALL = 30
HIGH = {"n0": SMALL, "n1": SMALL, "n2": 3}
EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") == "explore"
UNREAD = "which may not be answered yet on some paths"
DEAD_END = "a path ends here with no outcome"


@st.composite
def tied_flows(draw: st.DrawFn) -> dict[str, Any]:
    """Two or three whole-number questions, then a yes/no one; rules compare sums,
    differences, multiples and products of answers given so far, pinning them to a
    drawn point (away from the ends of the range) or a band one wide, mixed with
    plain comparisons."""
    count = draw(st.integers(2, 3))
    names = [f"n{i}" for i in range(count)]

    def point(name: str) -> int:
        high = HIGH[name]
        inside = 2 if high > 5 else 1
        return draw(st.integers(inside, high - inside), label=f"{name} at")

    def term(pool: list[str]) -> str:
        factor = draw(st.sampled_from(["", "2 * ", "3 * ", "-1 * "]))
        return factor + draw(st.sampled_from(pool))

    def plain(pool: list[str]) -> str:
        op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
        right = draw(st.one_of(st.integers(-2, 2 * SMALL).map(str), st.just(term(pool))))
        return f"{term(pool)} {op} {right}"

    def pinned(pool: list[str]) -> str:
        """Two or more tied comparisons that hold at one point, or in a thin band."""
        if len(pool) < 2:
            a = pool[0]
            x = point(a)
            return draw(
                st.sampled_from(
                    [
                        f"{a} * {a} == {x * x}",
                        f"2 * {a} + 1 == {2 * x + 1}",
                        f"{a} * {a} - {a} == {x * x - x}",
                    ]
                )
            )
        a, b = draw(st.permutations(pool))[:2]
        x, y = point(a), point(b)
        shape = draw(st.sampled_from(["sum", "product", "multiple", "band", "between"]))
        if shape == "sum":
            found = f"{a} + {b} == {x + y} and {a} - {b} == {x - y}"
        elif shape == "product":
            found = f"{a} * {b} == {x * y} and {a} + {b} == {x + y}"
        elif shape == "multiple":
            found = f"2 * {a} - 3 * {b} == {2 * x - 3 * y} and {a} + {b} >= {x + y}"
        elif shape == "band":
            found = f"{a} + {b} > {x + y - 1} and {a} + {b} < {x + y + 1} and {a} >= {b} + {x - y}"
        else:
            found = f"{a} - {b} <= {x - y} and {a} - {b} >= {x - y} and {a} * {b} > {x * y - 1}"
        return found + (f" and {plain(pool)}" if draw(st.booleans()) else "")

    questions: list[dict[str, Any]] = []
    for index, name in enumerate(names):
        later = names[index + 1 :]
        pool = names[: index + 1]
        # Only a pinned rule leads to the yes/no question, whose "no" may lead nowhere.
        rules = [
            {"when": pinned(pool), "goto": draw(st.sampled_from([*later, "y"]))}
            if draw(st.booleans())
            else {"when": plain(pool), "goto": draw(st.sampled_from([*later, "end_a", "end_b"]))}
            for _ in range(draw(st.integers(1, 3)))
        ]
        if draw(st.booleans()):
            rules.append({"goto": draw(st.sampled_from([*later, "end_a"]))})
        question: dict[str, Any] = {
            "id": name,
            "kind": "number",
            "prompt": {"en": "?"},
            "integer": True,
            "min": 0,
            "max": HIGH[name],
            "next": rules,
        }
        if index and draw(st.integers(0, 4)) == 0:
            question["optional"] = True
        questions.append(question)
    last = [{"when": "y", "goto": "end_a"}]
    if draw(st.booleans()):
        last.append({"when": f"not y and {pinned(names)}", "goto": "end_b"})
    if draw(st.integers(0, 3)) == 0:
        last.append({"goto": "end_b"})
    questions.append({"id": "y", "kind": "yes_no", "prompt": {"en": "?"}, "next": last})
    return {
        "id": "ties",
        "title": {"en": "Ties"},
        "languages": ["en"],
        "questions": questions,
        "outcomes": [{"id": "end_a", "title": {"en": "A"}}, {"id": "end_b", "title": {"en": "B"}}],
    }


def _answers(question: Question) -> list[Value]:
    if question.kind == "yes_no":
        options: list[Value] = [True, False]
    else:
        options = list(range(HIGH[question.id] + 1))
    return [*options, None] if question.optional else options


def _trying_every_answer(flow: Flow) -> tuple[set[str], dict[tuple[str, int], set[str]]]:
    """The questions where some answers leave no rule to follow, and for each rule
    tried with an answer it reads not given (and no result), those answers."""
    dead: set[str] = set()
    unread: dict[tuple[str, int], set[str]] = {}
    defaults = {q.id: q.default for q in flow.questions.values()}

    def visit(node: str, given: dict[str, Value]) -> None:
        question = flow.questions[node]
        for value in _answers(question):
            here = {**given, node: value}
            env = {**defaults, **{k: v for k, v in here.items() if v is not None}}
            target = None
            for index, rule in enumerate(question.next):
                if rule.when is None:
                    target = rule.goto
                    break
                result = rule.when.evaluate(env)
                if result is None:
                    missing = {n for n in rule.when.names() if env.get(n) is None}
                    if missing:
                        unread.setdefault((node, index), set()).update(missing)
                elif result:
                    target = rule.goto
                    break
            if target is None:
                dead.add(node)
            elif target in flow.questions:
                visit(target, here)

    visit(flow.start, {})
    return dead, unread


def _reported(flow: Flow) -> tuple[set[str], dict[tuple[str, int], set[str]]]:
    ids = list(flow.questions)
    dead: set[str] = set()
    unread: dict[tuple[str, int], set[str]] = {}
    for problem in check_flow(flow):
        assert "could not prove" not in problem.message, problem
        if problem.path[0] != "questions":
            continue  # an outcome never reached
        question = ids[problem.path[1]]  # type: ignore[index]
        if DEAD_END in problem.message:
            dead.add(question)
        elif UNREAD in problem.message:
            listed = problem.message.split("this condition reads ", 1)[1].split(", which")[0]
            unread[(question, problem.path[3])] = set(listed.split(", "))  # type: ignore[index]
    return dead, unread


# The flow, on this test's domains: n0 = 20, n1 = 17, y = no ends nowhere.
PINNED_POINT = {
    "id": "ties",
    "title": {"en": "Ties"},
    "languages": ["en"],
    "questions": [
        {
            "id": "n0",
            "kind": "number",
            "prompt": {"en": "?"},
            "integer": True,
            "min": 0,
            "max": SMALL,
            "next": [{"goto": "n1"}],
        },
        {
            "id": "n1",
            "kind": "number",
            "prompt": {"en": "?"},
            "integer": True,
            "min": 0,
            "max": SMALL,
            "next": [{"when": "n0 + n1 == 37 and n0 - n1 == 3", "goto": "y"}, {"goto": "end_a"}],
        },
        {
            "id": "y",
            "kind": "yes_no",
            "prompt": {"en": "?"},
            "next": [{"when": "y", "goto": "end_a"}],
        },
    ],
    "outcomes": [{"id": "end_a", "title": {"en": "A"}}],
}


@settings(
    max_examples=1000 if EXPLORE else 120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=tied_flows())
@example(data=PINNED_POINT)
def test_the_checker_reports_what_trying_every_answer_finds(data: dict[str, Any]) -> None:
    flow, problems = build_flow(FlowFile.model_validate(data), "ties.toml")
    assert [p for p in problems if p.severity == "error"] == []
    assert _reported(flow) == _trying_every_answer(flow)
