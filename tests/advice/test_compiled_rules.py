"""The advice engine's compiled conditions (``CompiledRules.truth``, compiled by
``flow.cond.compile_condition``) give exactly what the tree-walking evaluation
gives, value and type alike, for every condition of the shipped flow and data
files. Conditions written to reach every operator are in tests/flow/test_compiled.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.answer_samples import sample_values

from alternance_tui.advice.compiled import CompiledRules, conditions_in
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.cond import Condition, Truth, Value, compile_condition, parse


def _flow_conditions(bundle: Bundle) -> Iterator[Condition]:
    for question in bundle.flow.questions.values():
        for rule in question.next:
            if rule.when is not None:
                yield rule.when


def _advice_conditions(bundle: Bundle) -> Iterator[Condition]:
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
    rules = CompiledRules(bundle.sections)
    compiled: list[tuple[Condition, Truth]] = [
        (c, compile_condition(c)) for c in _flow_conditions(bundle)
    ] + [(c, rules.truth(c)) for c in _advice_conditions(bundle)]
    assert len(compiled) > 40
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
                for condition, truth in compiled:
                    found, expected = truth(env), condition.evaluate(env)
                    assert type(found) is type(expected), condition.source
                    assert found == expected, condition.source


def test_every_advice_condition_is_compiled_when_the_rules_are_built(bundle: Bundle) -> None:
    """The engine compiles what it finds in the model, rule or note or pay band
    alike, so that none is missing at recommendation time."""
    found = {id(c) for c in conditions_in(bundle.sections)}
    assert {id(c) for c in _advice_conditions(bundle)} <= found
    rules = CompiledRules(bundle.sections)
    env: dict[str, Value] = {"age": 20}
    for condition in conditions_in(bundle.sections):
        assert rules.holds(condition, env) is (rules.truth(condition)(env) is True)


def test_a_condition_is_compiled_once_per_engine(bundle: Bundle) -> None:
    condition = next(_advice_conditions(bundle))
    rules = CompiledRules(bundle.sections)
    assert rules.truth(condition) is rules.truth(condition)
    assert CompiledRules(bundle.sections).truth(condition) is not rules.truth(condition)
    with pytest.raises(KeyError):  # one from elsewhere is never found by chance
        rules.truth(parse("age >= 26"))
