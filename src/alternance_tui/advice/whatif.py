"""What would change it: the smallest changes of answers that open a closed item.

Computed from the item's own rules, never written per case: each answer that a
failing rule reads is tried with every other value (for numbers, the range of
values that opens the item, found from the thresholds the rules compare with
and then narrowed by bisection, so arithmetic conditions get exact bounds too).
When no single change is enough, pairs of changes are tried.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import assert_never

from alternance_tui.advice import model
from alternance_tui.advice.compiled import CompiledRules
from alternance_tui.advice.result import Change, ChangePart
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question, tr
from alternance_tui.wording.catalogue.advice import ADVICE

Opens = Callable[[Mapping[str, Value]], bool]
MAX_PAIRS = 6


class WhatIf:
    def __init__(
        self,
        flow: Flow,
        item: model.Item,
        fixed: Iterable[str],
        lang: str,
        rules: CompiledRules,
    ) -> None:
        self.flow = flow
        self.item = item
        self.fixed = set(fixed)
        self.lang = lang
        self.bounds = rules.thresholds(item)
        self.truths = rules.rule_truths(item)
        self.names = rules.rule_names

    def opens(self, env: Mapping[str, Value]) -> bool:
        return all(rule(env) is True for rule in self.truths)

    def changes(self, env: Mapping[str, Value]) -> tuple[Change, ...]:
        failing = [
            self.names(rule)
            for rule, truth_of in zip(self.item.rules, self.truths, strict=True)
            if truth_of(env) is not True
        ]
        names: set[str] = set().union(*failing)
        ordered = [q for q in self.flow.questions.values() if q.id in names]
        ordered.sort(key=lambda q: q.id in self.fixed)  # answers people can change first
        singles = [
            part
            for q in ordered
            # A failing rule that does not read this answer fails whatever it becomes.
            if all(q.id in read for read in failing)
            and (part := self._single(q, env, self._opens_changing(q.id))) is not None
        ]
        if singles:
            return tuple(Change((part,), part.text) for part in singles)
        return self._pairs([q for q in ordered if q.kind != "number"], env)

    def _opens_changing(self, question_id: str) -> Opens:
        """``opens`` for answers that differ only in ``question_id``, when every rule
        that fails reads it: the rules that do not read it hold, and keep holding."""
        reading = tuple(
            truth_of
            for rule, truth_of in zip(self.item.rules, self.truths, strict=True)
            if question_id in self.names(rule)
        )
        return lambda env: all(rule(env) is True for rule in reading)

    def _candidates(self, question: Question, env: Mapping[str, Value]) -> list[Value]:
        current = env.get(question.id)
        match question.kind:
            case "choice":
                return [c.id for c in question.choices if not c.unknown and c.id != current]
            case "yes_no":
                return [not current] if isinstance(current, bool) else [True, False]
            case "multi":
                have = current if isinstance(current, frozenset) else frozenset()
                return [have | {c.id} for c in question.choices if c.id not in have]
            case "number":
                return []  # a number is looked for as a range (_number_range)
            case _:
                assert_never(question.kind)

    def _with(self, env: Mapping[str, Value], **changed: Value) -> dict[str, Value]:
        trial = dict(env)
        trial.update(changed)
        return trial

    @staticmethod
    def _with_one(env: Mapping[str, Value], question_id: str, value: Value) -> dict[str, Value]:
        trial = dict(env)
        trial[question_id] = value
        return trial

    def _single(
        self, question: Question, env: Mapping[str, Value], opens: Opens
    ) -> ChangePart | None:
        if question.kind == "number":
            return self._number_range(question, env, opens)
        opening = [
            v for v in self._candidates(question, env) if opens(self._with_one(env, question.id, v))
        ]
        if not opening:
            return None
        return self._part(question, opening, env)

    def _part(
        self, question: Question, values: list[Value], env: Mapping[str, Value]
    ) -> ChangePart:
        label = tr(question.short, self.lang)
        if question.kind == "multi":
            have = env.get(question.id)
            have_set = have if isinstance(have, frozenset) else frozenset()
            added = [next(iter(v - have_set)) for v in values if isinstance(v, frozenset)]
            shown = ADVICE(self.lang, "or").join(
                show_value(question, frozenset({a}), self.lang) for a in added
            )
            return ChangePart(
                question.id,
                ADVICE(self.lang, "add", question=label, values=shown),
                tuple(added),
                fixed=question.id in self.fixed,
            )
        shown = ADVICE(self.lang, "or").join(show_value(question, v, self.lang) for v in values)
        return ChangePart(
            question.id,
            ADVICE(self.lang, "one_of", question=label, values=shown),
            tuple(values),
            fixed=question.id in self.fixed,
        )

    def _number_range(
        self, question: Question, env: Mapping[str, Value], opens: Opens
    ) -> ChangePart | None:
        step = 1.0 if question.integer else 0.01
        low = question.minimum if question.minimum is not None else 0.0
        bounds = self.bounds.get(question.id, set())
        high = (
            question.maximum
            if question.maximum is not None
            else max([low + 100, *(b * 2 for b in bounds)])
        )
        points = {low, high}
        for bound in bounds:
            points.update((bound - step, bound, bound + step))
        current = env.get(question.id)
        if isinstance(current, int | float) and not isinstance(current, bool):
            points.add(float(current))
        grid = sorted(p for p in points if low <= p <= high)

        def opens_at(value: float) -> bool:
            shown: Value = int(value) if question.integer else round(value, 2)
            return opens(self._with_one(env, question.id, shown))

        results = [opens_at(p) for p in grid]
        if not any(results):
            return None
        first = results.index(True)
        last = len(results) - 1 - results[::-1].index(True)
        start = (
            grid[first] if first == 0 else self._edge(grid[first - 1], grid[first], opens_at, step)
        )
        end = (
            grid[last]
            if last == len(grid) - 1
            else self._edge(grid[last + 1], grid[last], opens_at, step)
        )
        low_open = None if first == 0 else start
        high_open = None if last == len(grid) - 1 else end
        shown = _readable(question, low_open, high_open, opens_at)
        return self._range_part(question, low_open, high_open, shown)

    @staticmethod
    def _edge(
        closed: float, opened: float, opens_at: Callable[[float], bool], step: float
    ) -> float:
        """The open value nearest to ``closed`` (bisection to ``step``)."""
        while abs(opened - closed) > step:
            middle = round((closed + opened) / 2 / step) * step
            if middle in (closed, opened):
                break
            if opens_at(middle):
                opened = middle
            else:
                closed = middle
        return opened

    def _range_part(
        self,
        question: Question,
        low: float | None,
        high: float | None,
        shown: tuple[float | None, float | None],
    ) -> ChangePart:
        """``low``..``high``: the exact bounds (the JSON's); ``shown``: the same range
        as a person reads it (``_readable``)."""
        label = tr(question.short, self.lang)
        low_text = show_value(question, shown[0], self.lang) if low is not None else ""
        high_text = show_value(question, shown[1], self.lang) if high is not None else ""
        if low is not None and high is not None:
            text = ADVICE(self.lang, "range_between", question=label, low=low_text, high=high_text)
        elif high is not None:
            text = ADVICE(self.lang, "range_at_most", question=label, high=high_text)
        elif low is not None:
            text = ADVICE(self.lang, "range_at_least", question=label, low=low_text)
        else:
            text = label
        return ChangePart(question.id, text, low=low, high=high, fixed=question.id in self.fixed)

    def _pairs(self, questions: list[Question], env: Mapping[str, Value]) -> tuple[Change, ...]:
        found: list[Change] = []
        for first, second in itertools.combinations(questions, 2):
            for a in self._candidates(first, env):
                for b in self._candidates(second, env):
                    if not self.opens(self._with(env, **{first.id: a, second.id: b})):
                        continue
                    parts = (self._part(first, [a], env), self._part(second, [b], env))
                    found.append(
                        Change(parts, ADVICE(self.lang, "and").join(p.text for p in parts))
                    )
                    if len(found) >= MAX_PAIRS:
                        return tuple(found)
        return tuple(found)


def _readable(
    question: Question,
    low: float | None,
    high: float | None,
    opens_at: Callable[[float], bool],
) -> tuple[float | None, float | None]:
    """The bounds a person can act on: "6 months or less", not the 6.09 the
    bisection found. Rounded inwards (a lower bound up, an upper bound down), so
    every value the text allows still opens the item; in whole units when that
    leaves a range, else to a tenth, else as found."""
    if question.integer:
        return low, high
    for digits in (0, 1):
        scale = 10**digits
        # The bounds are found to a hundredth: 6.09 may be 6.0899999.
        shown_low = None if low is None else math.ceil(round(low * scale, 6)) / scale
        shown_high = None if high is None else math.floor(round(high * scale, 6)) / scale
        inside = [v for v in (shown_low, shown_high) if v is not None]
        if shown_low is not None and shown_high is not None and shown_low > shown_high:
            continue
        if any(
            (question.minimum is not None and v < question.minimum)
            or (question.maximum is not None and v > question.maximum)
            or not opens_at(v)
            for v in inside
        ):
            continue
        return shown_low, shown_high
    return low, high
