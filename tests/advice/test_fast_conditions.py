"""The advice engine's compiled conditions (advice/fast.py) give exactly what the
flow engine's evaluator gives, for every condition of the shipped data and for
conditions written to reach every corner of the language."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from alternance_tui.advice.fast import holds, truth
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.expr import Condition, Value, parse

# Conditions reaching every node type, operator and the three-valued corners.
WRITTEN = [
    "age >= 26",
    "16 <= age <= 29",
    "29 >= age > 15 != weekly",
    "age == 15 and done",
    "not done",
    "not (age < 18 or done)",
    'sector in ["private", "public"]',
    'sector not in ["private", "public"]',
    '"rqth" in situations',
    '"rqth" not in situations',
    'situations == "rqth"',
    "sector != 'public'",
    "months * weekly * 52 / 12 <= 924",
    "age + months / 12 > 21",
    "-age < -20",
    "-(age - 30) > 0",
    "months / weekly > 1",
    "months - 0 == months",
    "age",
    "done",
    "sector",
    "situations",
    "true",
    "false",
    "true and age",
    "age or done",
    "1",
    "0 or done",
    "age in [15, 16, 17]",
    "age in situations",
    "done == true",
    "done != false and sector == 'private' or age > 40",
]

ENV = st.fixed_dictionaries(
    {
        "age": st.one_of(st.none(), st.integers(-5, 120), st.floats(-5, 120), st.booleans()),
        "months": st.one_of(st.none(), st.integers(0, 48), st.floats(0, 48)),
        "weekly": st.one_of(st.none(), st.integers(0, 48), st.just(0.0)),
        "done": st.one_of(st.none(), st.booleans()),
        "sector": st.one_of(st.none(), st.sampled_from(["private", "public", "individual", ""])),
        "situations": st.one_of(
            st.none(),
            st.frozensets(st.sampled_from(["rqth", "top_athlete", "business_project"])),
        ),
    }
)


@settings(max_examples=300, deadline=None)
@given(env=ENV)
def test_written_conditions_agree(env: dict[str, Value]) -> None:
    for source in WRITTEN:
        condition = parse(source)
        assert truth(condition)(env) == condition.evaluate(env), source
        assert holds(condition, env) is condition.holds(env), source


def _shipped(bundle: Bundle) -> Iterator[Condition]:
    for question in bundle.flow.questions.values():
        for rule in question.next:
            if rule.when is not None:
                yield rule.when
    for section in bundle.sections:
        for item in section.items:
            for rule in item.rules:
                if rule.when is not None:
                    yield rule.when
                yield from (a.when for a in rule.alternatives)
            yield from (n.when for n in item.notes if n.when is not None)
            yield from (f.when for f in item.fit)
            pay = item.pay
            bands = getattr(pay, "bands", ())
            yield from (b.when for b in bands if b.when is not None)


def _values(bundle: Bundle, question_id: str) -> list[Value]:
    question = bundle.flow.questions[question_id]
    if question.kind == "choice":
        return [None, *question.choice_ids]
    if question.kind == "yes_no":
        return [None, True, False]
    if question.kind == "multi":
        ids = question.choice_ids
        return [None, frozenset(), frozenset(ids[:1]), frozenset(ids[1:3]), frozenset(ids)]
    low = question.minimum or 0
    high = question.maximum or 100
    return [None, low, high, (low + high) / 2, 15, 16, 21, 25, 26, 29, 30, 34, 35, 6, 6.01, 36]


def test_every_shipped_condition_agrees(bundle: Bundle) -> None:
    conditions = list(_shipped(bundle))
    assert len(conditions) > 40
    questions = list(bundle.flow.questions)
    # every value of every question, the others at a fixed point, then shifted
    for shift in range(4):
        for question_id in questions:
            for value in _values(bundle, question_id):
                env: dict[str, Value] = {
                    q: _values(bundle, q)[(shift + i) % len(_values(bundle, q))]
                    for i, q in enumerate(questions)
                }
                env[question_id] = value
                for condition in conditions:
                    assert truth(condition)(env) == condition.evaluate(env), condition.source
