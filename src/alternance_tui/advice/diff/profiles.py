"""The answers to try for one item when comparing two states of the rules
(``alternance diff``), and what the item reads.

The checker's own cells (flow/check/cells.py) stand for every answer: each
choice, yes and no, the tested combinations of a multi-choice answer, and for
numbers each threshold with a number on either side. Here the thresholds are
those of everything that can change an item's result, not only the route: the
flow's ``next`` rules, the item's conditions (rules, notes, fits, pay bands),
its pay grid's age bands as they shift with each contract year, the contract
year boundaries, and the comparisons that tie answers together (solved by the
checker's crossings.py). An answer neither the item nor the route reads gets
one value. aspects.py walks the flow with these; nothing here names a
question: one added to a flow is enumerated like the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from alternance_tui.advice import model
from alternance_tui.advice.compiled import conditions_in
from alternance_tui.advice.diff.classes import (
    Classify,
    grid_thresholds,
    pay_classes,
    pay_names,
    rule_classes,
    texts_names,
    unknowable,
)
from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import make_cells
from alternance_tui.flow.check.crossings import add_crossings
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question

Answers = tuple[tuple[str, Value], ...]
"""The answers given on one path, in the order asked: hashable, comparable."""


@dataclasses.dataclass
class ItemSpace:
    """What one item reads, and the values each answer takes for it."""

    names: tuple[str, ...]  # the answers its result depends on, sorted
    values: dict[str, list[Value]]
    rule_names: tuple[str, ...] = ()  # those its status, reasons and notes read
    pay_names: tuple[str, ...] = ()  # those its pay reads
    # How the pay and the rules see each answer: one class, one result (classes.py).
    pay_classes: dict[str, Classify] = dataclasses.field(default_factory=dict)
    rule_classes: dict[str, Classify] = dataclasses.field(default_factory=dict)


def _analysis() -> cond.Analysis:
    return cond.Analysis(set(), {}, {}, [])


class Space:
    """The representative answers of one or more bundles (two states of the rules),
    per item; ``dates``: the dates compared (thresholds that move with a rate)."""

    def __init__(self, bundles: Sequence[model.Bundle], dates: Sequence[dt.date]) -> None:
        self.questions: dict[str, Question] = {}
        for bundle in bundles:
            for question in bundle.flow.questions.values():
                self.questions.setdefault(question.id, question)
        route = _analysis()
        for bundle in bundles:
            for question in bundle.flow.questions.values():
                for rule in question.next:
                    if rule.when is not None:
                        cond.analyse(rule.when.tree, route)
        self._route = route
        self._unknowable = unknowable(self.questions.values())
        self._dates = dates
        self._bundles = bundles

    def item(self, section_id: str, item_id: str) -> ItemSpace:
        """The space of the item ``section_id``/``item_id`` in any of the bundles."""
        found = _analysis()
        found.names.update(self._route.names)
        for name, numbers in self._route.numbers.items():
            found.numbers.setdefault(name, set()).update(numbers)
        for name, members in self._route.members.items():
            found.members.setdefault(name, set()).update(members)
        found.relations.extend(self._route.relations)
        reads: set[str] = set()
        rule_reads: set[str] = set()
        pay_reads: set[str] = set()
        pays: list[tuple[model.Pay | None, Mapping[str, model.RateSeries]]] = []
        rules: list[model.Rule | model.Note] = []
        for bundle in self._bundles:
            for section in bundle.sections:
                if section.id != section_id:
                    continue
                for item in section.items:
                    if item.id != item_id:
                        continue
                    for condition in conditions_in(item):
                        reads |= condition.names()
                        cond.analyse(condition.tree, found)
                    reads |= pay_names(item.pay)
                    texts_names(item, reads)
                    # A card's notes are judged with its status and reasons (aspects.py).
                    for part in (*item.rules, *item.notes):
                        rule_reads.update(c for x in conditions_in(part) for c in x.names())
                        texts_names(part, rule_reads)
                    if item.pay is not None:
                        pay_reads |= pay_names(item.pay)
                        pay_reads.update(c for x in conditions_in(item.pay) for c in x.names())
                        texts_names(item.pay, pay_reads)
                    if isinstance(item.pay, model.GridPay):
                        grid_thresholds(item.pay, bundle.rates, self._dates, found.numbers)
                    pays.append((item.pay, bundle.rates))
                    rules.extend((*item.rules, *item.notes))
        if found.relations:
            add_crossings(self.questions.values(), found.relations, found.numbers, set())
        values: dict[str, list[Value]] = {}
        for question in self.questions.values():
            # Never "opaque": one number between two thresholds stands for all of
            # them, the crossings being thresholds in their own right.
            cells = [c.value for c in make_cells(question, found.numbers, found.members, False)]
            if question.id in reads or question.id in self._route.names:
                values[question.id] = cells
            else:  # read by neither the item nor the route: any one answer will do
                default = question.default
                values[question.id] = [default if default is not None else cells[0]]
        known = set(self.questions)
        return ItemSpace(
            tuple(sorted(reads & known)),
            values,
            tuple(sorted(rule_reads & known)),
            tuple(sorted(pay_reads & known)),
            pay_classes(pays, self._dates, self._unknowable),
            rule_classes(rules, rule_reads, self._unknowable),
        )
