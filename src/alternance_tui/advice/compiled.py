"""A bundle's advice conditions, compiled once when an engine is built.

A recommendation evaluates the same few dozen conditions thousands of times;
``flow.cond.compile_condition`` turns each into closures with exactly the
semantics of ``Condition.evaluate``. ``CompiledRules`` compiles every condition
of a bundle's sections up front, and works out once what "what would change
it" needs of each rule and item (the questions a rule reads, the thresholds an
item's rules compare with), so that a recommendation only looks them up.

The tables are keyed by the identity of the model objects, which are immutable
and hold dicts (so cannot be hashed); the object keeps the sections it was built
from, so that no id can be reused while it lives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping

from alternance_tui.advice import model
from alternance_tui.flow import cond
from alternance_tui.flow.cond import Condition, Truth, Value, compile_condition

RuleTruth = Callable[[Mapping[str, Value]], bool | None]
"""Whether a rule holds: True, False, or None when it depends on an answer not given."""


def conditions_in(data: object) -> Iterator[Condition]:
    """Every condition inside ``data`` (model dataclasses, tuples, mappings): rules,
    alternatives, notes, fits, pay bands and pay notes, without naming them, so that
    a condition added to the model is compiled too."""
    if isinstance(data, Condition):
        yield data
    elif dataclasses.is_dataclass(data) and not isinstance(data, type):
        for field in dataclasses.fields(data):
            yield from conditions_in(getattr(data, field.name))
    elif isinstance(data, tuple | list):
        for element in data:
            yield from conditions_in(element)
    elif isinstance(data, Mapping):
        for element in data.values():
            yield from conditions_in(element)


def rule_thresholds(rules: Iterable[model.Rule]) -> dict[str, set[float]]:
    """The numbers each answer is compared with in ``rules``, by question id."""
    found: dict[str, set[float]] = {}
    for rule in rules:
        conditions = [rule.when] if rule.when else []
        conditions += [a.when for a in rule.alternatives]
        for condition in conditions:
            for name, values in cond.thresholds(condition.tree).items():
                found.setdefault(name, set()).update(values)
    return found


def _names_of(rule: model.Rule) -> frozenset[str]:
    names = rule.when.names() if rule.when else set()
    for alternative in rule.alternatives:
        names |= alternative.when.names()
    return frozenset(names)


class CompiledRules:
    def __init__(self, sections: tuple[model.Section, ...]) -> None:
        self._sections = sections  # keeps every keyed object alive (see the module doc)
        self._truths: dict[int, Truth] = {}
        for condition in conditions_in(sections):
            if id(condition) not in self._truths:
                self._truths[id(condition)] = compile_condition(condition)
        self._rule_truths: dict[int, RuleTruth] = {}
        self._rule_names: dict[int, frozenset[str]] = {}
        self._item_truths: dict[int, tuple[RuleTruth, ...]] = {}
        self._item_thresholds: dict[int, dict[str, set[float]]] = {}
        for section in sections:
            for item in section.items:
                for rule in item.rules:
                    self._rule_truths[id(rule)] = self._rule_truth(rule)
                    self._rule_names[id(rule)] = _names_of(rule)
                self._item_truths[id(item)] = tuple(self._rule_truths[id(r)] for r in item.rules)
                self._item_thresholds[id(item)] = rule_thresholds(item.rules)

    def truth(self, condition: Condition) -> Truth:
        """A function of the answers giving what ``condition.evaluate`` gives."""
        return self._truths[id(condition)]

    def holds(self, condition: Condition, env: Mapping[str, Value]) -> bool:
        """``condition.holds(env)``: true only when known to be true."""
        return self._truths[id(condition)](env) is True

    def rule_names(self, rule: model.Rule) -> frozenset[str]:
        """The questions a rule reads."""
        return self._rule_names[id(rule)]

    def rule_truths(self, item: model.Item) -> tuple[RuleTruth, ...]:
        """Whether each rule of ``item`` holds, in order."""
        return self._item_truths[id(item)]

    def thresholds(self, item: model.Item) -> dict[str, set[float]]:
        """rule_thresholds(item.rules); callers must not change it."""
        return self._item_thresholds[id(item)]

    def _rule_truth(self, rule: model.Rule) -> RuleTruth:
        """Its condition, or the first of its alternatives that holds (None when
        that depends on an unanswered question)."""
        if rule.when is not None:
            return self.truth(rule.when)
        alternatives = tuple(self.truth(a.when) for a in rule.alternatives)

        def any_alternative(env: Mapping[str, Value]) -> bool | None:
            unknown = False
            for alternative in alternatives:
                result = alternative(env)
                if result is True:
                    return True
                if result is None:
                    unknown = True
            return None if unknown else False

        return any_alternative
