"""Compiled conditions (``cond.compile_tree``, ``cond.compile_condition``) give exactly
what the tree-walking ``cond.evaluate`` gives, value and type alike, on conditions
written to reach every operator, every specialised comparison and the three-valued
corners, and on every condition of the shipped flow. The checker and the advice
engine both run on these closures."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.answer_samples import sample_values

from alternance_tui.flow import cond
from alternance_tui.flow.cond import Value, parse
from alternance_tui.flow.load import load_flow

from .conftest import BIKE, SHIPPED

# Every node type, every operator on either side of a constant, answers compared
# with answers, arithmetic (division by zero included), chains, and expressions
# that are not yes/no tests (their truth is converted at the top).
WRITTEN = [
    "age >= 26",
    "age > 26",
    "age <= 26.5",
    "age < 26",
    "20 < age",
    "20 <= age",
    "20 > age",
    "20 >= age",
    "16 <= age <= 29",
    "29 >= age > 15 != weekly",
    "1 < 2 < 3",
    "age == 15 and done",
    "age == 15.0",
    "15 == age",
    "age != 15",
    "15 != age",
    "age == true",
    "age < true",
    "age < 'x'",
    "'x' > age",
    "not done",
    "not (age < 18 or done)",
    "not age",
    "not sector",
    'sector in ["private", "public"]',
    'sector not in ["private", "public"]',
    'sector == "private"',
    "sector != 'public'",
    "'public' == sector",
    "'public' != sector",
    '"rqth" in situations',
    '"rqth" not in situations',
    '["rqth"] in situations',
    '["rqth"] not in situations',
    "'a' in ['a', 'b']",
    "'c' not in ['a', 'b']",
    "age in 5",
    "age not in 5",
    "5 in age",
    "age in [15, 16, 17]",
    "age not in [15, 16.0]",
    "age in situations",
    "sector in situations",
    "sector == situations",
    'situations == "rqth"',
    "age > months",
    "months <= age",
    "age == months",
    "age != sector",
    "months * weekly * 52 / 12 <= 924",
    "age + months / 12 > 21",
    "21 < age + months / 12",
    "age - months * 2 + weekly / 4 >= -3",
    "age + 1 > months - 1",
    "months / weekly > 1",
    "months / 0 > 1",
    "months - 0 == months",
    "age + 0.5 == 20.5",
    "-age < -20",
    "-(age - 30) > 0",
    "-sector < 1",
    "-age",
    "age * 1",
    "months / weekly",
    "age",
    "done",
    "sector",
    "situations",
    "true",
    "false",
    "1",
    "0",
    "'text'",
    "[1, 2]",
    "true and age",
    "age or done",
    "0 or done",
    "done and not done",
    "true or false or done",
    "done and age > 1 and sector == 'private'",
    "done or age > 1 or sector == 'private' or situations",
    "done == true",
    "done != false and sector == 'private' or age > 40",
]

ENV = st.fixed_dictionaries(
    {
        "age": st.one_of(st.none(), st.integers(-5, 120), st.floats(-5, 120), st.booleans()),
        "months": st.one_of(st.none(), st.integers(0, 48), st.floats(0, 48), st.just("x")),
        "weekly": st.one_of(st.none(), st.integers(0, 48), st.just(0.0)),
        "done": st.one_of(st.none(), st.booleans()),
        "sector": st.one_of(st.none(), st.sampled_from(["private", "public", "individual", ""])),
        "situations": st.one_of(
            st.none(),
            st.frozensets(st.sampled_from(["rqth", "top_athlete", "business_project"])),
        ),
    }
)


def same(found: object, expected: object) -> bool:
    """Equal and of the same type: True is not 1, 1.0 is not 1."""
    return type(found) is type(expected) and found == expected


@settings(max_examples=300, deadline=None)
@given(env=ENV)
def test_written_conditions_compile_to_what_evaluation_gives(env: dict[str, Value]) -> None:
    for source in WRITTEN:
        condition = parse(source)
        found, expected = cond.compile_tree(condition.tree)(env), cond.evaluate(condition.tree, env)
        assert same(found, expected), (source, found, expected)
        truth, known = cond.compile_condition(condition)(env), condition.evaluate(env)
        assert same(truth, known), (source, truth, known)


# Both sides of the shipped flows' thresholds (ages, months).
NUMBERS = (15, 18, 21, 25.5, 26, 29, 30, 6, 6.01, 36)


def test_every_condition_of_the_shipped_flows_compiles_to_what_evaluation_gives() -> None:
    for path in (SHIPPED, BIKE):
        flow = load_flow(path)
        conditions = [r.when for q in flow.questions.values() for r in q.next if r.when]
        assert conditions
        questions = list(flow.questions.values())
        domains = {q.id: sample_values(q, NUMBERS) for q in questions}
        for shift in range(4):
            for question in questions:
                for value in domains[question.id]:
                    env = {
                        q.id: domains[q.id][(shift + i) % len(domains[q.id])]
                        for i, q in enumerate(questions)
                    }
                    env[question.id] = value
                    for condition in conditions:
                        found = cond.compile_condition(condition)(env)
                        assert same(found, condition.evaluate(env)), condition.source
