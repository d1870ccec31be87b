"""The checker tries numbers on both sides of comparisons that tie answers together:
arithmetic over answers against a number (``age + months / 12 > 21``, as in the
shipped flow) and one answer against another (``months > age``). A dead end that
only such a boundary leads to is found, with an example that is a real dead end;
a sound flow using them raises nothing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alternance_tui.flow.build import build_flow
from alternance_tui.flow.check.run import check_flow
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow
from alternance_tui.flow.schema import FlowFile
from alternance_tui.flow.walk import walk

from .conftest import WriteFlow, outcomes_toml, problems_of, question_toml
from .test_check import _assert_dead_end_is_real

AGE = "integer = true\nmin = 15\nmax = 99"
MONTHS = "integer = true\nmin = 1\nmax = 48"


def test_a_dead_end_behind_an_age_plus_a_duration(write_flow: WriteFlow) -> None:
    # Stuck from 18 when the age at the end of the contract is over 20 and at most
    # 21: e.g. 18 with 25 to 36 months. No threshold compares age or months alone
    # with those numbers.
    path = write_flow(
        question_toml("age", "number", extra=AGE, next_rules=[(None, "months")]),
        question_toml(
            "months",
            "number",
            extra=MONTHS,
            next_rules=[
                ("age + months / 12 > 21", "older"),
                ("age < 18", "younger"),
                ("age + months / 12 <= 20", "younger"),
            ],
        ),
        outcomes_toml("older", "younger"),
    )
    example = _assert_dead_end_is_real(path, "months")
    age, months = example["age"], example["months"]
    assert isinstance(age, int) and isinstance(months, int)
    assert age >= 18 and 20 < age + months / 12 <= 21


def test_a_dead_end_where_two_answers_are_equal(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("age", "number", extra=AGE, next_rules=[(None, "months")]),
        question_toml(
            "months",
            "number",
            extra=MONTHS,
            next_rules=[("months > age", "more"), ("months < age", "fewer")],
        ),
        outcomes_toml("more", "fewer"),
    )
    example = _assert_dead_end_is_real(path, "months")
    assert example["months"] == example["age"]


def test_a_dead_end_behind_a_product_of_a_decimal_and_a_whole_number(
    write_flow: WriteFlow,
) -> None:
    path = write_flow(
        question_toml("price", "number", extra="min = 0\nmax = 500", next_rules=[(None, "count")]),
        question_toml(
            "count",
            "number",
            extra="integer = true\nmin = 1\nmax = 10",
            next_rules=[("price * count > 100", "big"), ("price * count < 99.5", "small")],
        ),
        outcomes_toml("big", "small"),
    )
    example = _assert_dead_end_is_real(path, "count")
    price, count = example["price"], example["count"]
    assert isinstance(price, int | float) and isinstance(count, int)
    assert 99.5 <= price * count <= 100


def test_a_dead_end_behind_a_square(write_flow: WriteFlow) -> None:
    # Not affine: the boundary is found by bisection (49 is neither >= 50 nor < 40).
    path = write_flow(
        question_toml(
            "side",
            "number",
            extra="integer = true\nmin = 0\nmax = 20",
            next_rules=[("side * side >= 50", "large"), ("side * side < 40", "small")],
        ),
        outcomes_toml("large", "small"),
    )
    assert _assert_dead_end_is_real(path, "side") == {"side": 7}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("age + months / 12 > 21", "age + months / 12 <= 21"),
        ("months > age", "months <= age"),
        ("age * 12 + months >= 300", "months < 300 - 12 * age"),
        ("-age < -20 or months - age == 3", "age <= 20"),
    ],
)
def test_no_false_alarm_on_sound_arithmetic(write_flow: WriteFlow, first: str, second: str) -> None:
    path = write_flow(
        question_toml("age", "number", extra=AGE, next_rules=[(None, "months")]),
        question_toml(
            "months",
            "number",
            extra=MONTHS,
            next_rules=[(first, "one"), (second, "other")],
        ),
        outcomes_toml("one", "other"),
    )
    assert problems_of(path) == []


# --- against a walk that tries every answer ---------------------------------------------------

SMALL = 12  # whole-number answers from 0 to SMALL: few enough to try them all


@st.composite
def arithmetic_flows(draw: st.DrawFn) -> dict[str, Any]:
    """Small flows of whole-number questions (0 to SMALL) whose rules compare sums,
    differences and multiples of answers with numbers and with each other."""
    count = draw(st.integers(1, 3))
    names = [f"n{i}" for i in range(count)]

    def term(index: int) -> str:
        name = draw(st.sampled_from(names[: index + 1]))
        factor = draw(st.sampled_from(["", "2 * ", "3 * ", "-1 * "]))
        return factor + name

    def atom(index: int) -> str:
        left = term(index)
        if draw(st.booleans()):
            left += draw(st.sampled_from([" + ", " - "])) + term(index)
        op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
        right = draw(
            st.one_of(st.integers(-5, 3 * SMALL).map(str), st.builds(term, st.just(index)))
        )
        return f"{left} {op} {right}"

    questions = []
    for index, name in enumerate(names):
        targets = [*names[index + 1 : index + 3], "end_a", "end_b"]
        rules = [
            {
                "when": draw(st.sampled_from([" and ", " or "])).join(
                    atom(index) for _ in range(draw(st.integers(1, 2)))
                ),
                "goto": draw(st.sampled_from(targets)),
            }
            for _ in range(draw(st.integers(1, 3)))
        ]
        if draw(st.booleans()):
            rules.append({"goto": draw(st.sampled_from(targets))})
        questions.append(
            {
                "id": name,
                "kind": "number",
                "prompt": {"en": "?"},
                "integer": True,
                "min": 0,
                "max": SMALL,
                "next": rules,
            }
        )
    return {
        "id": "arithmetic",
        "title": {"en": "Arithmetic"},
        "languages": ["en"],
        "questions": questions,
        "outcomes": [{"id": "end_a", "title": {"en": "A"}}, {"id": "end_b", "title": {"en": "B"}}],
    }


def _dead_ends_trying_every_answer(flow: Flow) -> set[str]:
    found: set[str] = set()

    def explore(answers: dict[str, Value]) -> None:
        state = walk(flow, answers)
        if state.complete or state.current is None:
            return
        if state.current in answers:
            found.add(state.current)
            return
        for value in range(SMALL + 1):
            explore({**answers, state.current: value})

    explore({})
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=arithmetic_flows())
def test_the_checker_finds_the_dead_ends_that_trying_every_answer_finds(
    data: dict[str, Any],
) -> None:
    flow, problems = build_flow(FlowFile.model_validate(data), "arithmetic.toml")
    assert [p for p in problems if p.severity == "error"] == []
    reported = {
        list(flow.questions)[p.path[1]]  # type: ignore[index]
        for p in check_flow(flow)
        if "a path ends here with no outcome" in p.message
    }
    assert reported == _dead_ends_trying_every_answer(flow)
