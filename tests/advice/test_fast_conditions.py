"""The advice engine's compiled conditions (``advice.fast.truth``, compiled by
``flow.cond.compile_condition``) give exactly what the tree-walking evaluation
gives, value and type alike, for every condition of the shipped flow and data
files. Conditions written to reach every operator are in tests/flow/test_compiled.py."""

from __future__ import annotations

from collections.abc import Iterator

from tests.answer_samples import sample_values

from alternance_tui.advice.fast import holds, truth
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.cond import Condition, Value, parse


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


# Both sides of the contracts' age bands and lengths.
NUMBERS = (15, 16, 21, 25, 26, 29, 30, 34, 35, 6, 6.01, 36)


def _values(bundle: Bundle, question_id: str) -> list[Value]:
    return sample_values(bundle.flow.questions[question_id], NUMBERS)


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
                    found, expected = truth(condition)(env), condition.evaluate(env)
                    assert type(found) is type(expected), condition.source
                    assert found == expected, condition.source
                    assert holds(condition, env) is (expected is True), condition.source


def test_a_condition_is_compiled_once() -> None:
    condition = parse("age >= 26")
    assert truth(condition) is truth(condition)
    assert truth(parse("age >= 26")) is not truth(condition)
