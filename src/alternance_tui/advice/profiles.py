"""Every distinct profile a bundle can produce, item by item: the answers to
compare two states of the rules on (``alternance diff``).

The checker's own cells (flow/check/cells.py) stand for every answer: each
choice, yes and no, the tested combinations of a multi-choice answer, and for
numbers each threshold with a number on either side. Here the thresholds are
those of everything that can change an item's result, not only the route: the
flow's ``next`` rules, the item's conditions (rules, notes, fits, pay bands),
its pay grid's age bands as they shift with each contract year, the contract
year boundaries, and the comparisons that tie answers together (solved by the
checker's crossings.py).

The whole product of every answer's cells is far too large (hundreds of
interest combinations times ages times hours a week...), but an item's result
reads only a few answers. So each item gets its own enumeration: every path of
the flow, with the cells of the answers the item or the route reads, and one
value for every other answer; two paths giving the item the same answers are
one profile. Nothing here names a question: one added to a flow is enumerated
like the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from alternance_tui.advice import model
from alternance_tui.advice.compiled import conditions_in
from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import make_cells
from alternance_tui.flow.check.crossings import add_crossings
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.walk import next_node

Answers = tuple[tuple[str, Value], ...]
"""The answers given on one path, in the order asked: hashable, comparable."""

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _texts_names(data: object, into: set[str]) -> None:
    """The answers texts name as ``{age}`` (a reason that quotes an answer changes with it)."""
    if isinstance(data, str):
        into.update(_PLACEHOLDER.findall(data))
    elif dataclasses.is_dataclass(data) and not isinstance(data, type):
        for field in dataclasses.fields(data):
            _texts_names(getattr(data, field.name), into)
    elif isinstance(data, tuple | list):
        for element in data:
            _texts_names(element, into)
    elif isinstance(data, Mapping):
        for element in data.values():
            _texts_names(element, into)


def _grid_thresholds(
    pay: model.GridPay,
    rates: Mapping[str, model.RateSeries],
    dates: Sequence[dt.date],
    into: dict[str, set[float]],
) -> None:
    ages = into.setdefault(pay.age, set())
    months = into.setdefault(pay.months, set())
    for year in range(pay.max_years):
        # An answer of low - year is in the band in contract year year + 1.
        for band in pay.bands:
            ages.update((band.low - year, band.high + 1 - year))
        if year:
            months.add(12.0 * year)  # contract years are ceil(months / 12): 12 is 1, 13 is 2
    series = rates.get(pay.reference)
    for band in pay.bands:
        if not band.also_of or series is None:
            continue
        # Where the answer's percentage overtakes the reference's: it moves with the
        # reference value, so it is worked out on each date compared.
        other = into.setdefault(band.also_of, set())
        for day in dates:
            value = series.at(day)
            if value is None:
                continue
            for year in range(1, pay.max_years + 1):
                also = band.also_percent_for(year)
                if also:
                    other.add(round(band.percent_for(year) * value.value / also, 2))


def _pay_names(pay: model.Pay | None) -> set[str]:
    if isinstance(pay, model.GridPay):
        return {pay.age, pay.months} | {b.also_of for b in pay.bands if b.also_of}
    if isinstance(pay, model.HourlyPay):
        return {pay.months, pay.weekly_hours}
    return set()


@dataclasses.dataclass
class ItemSpace:
    """What one item reads, and the values each answer takes for it."""

    names: tuple[str, ...]  # the answers its result depends on, sorted
    values: dict[str, list[Value]]
    rule_names: tuple[str, ...] = ()  # those its status and reasons read
    pay_names: tuple[str, ...] = ()  # those its pay reads


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
                    reads |= _pay_names(item.pay)
                    _texts_names(item, reads)
                    for rule in item.rules:
                        rule_reads.update(c for x in conditions_in(rule) for c in x.names())
                        _texts_names(rule, rule_reads)
                    if item.pay is not None:
                        pay_reads |= _pay_names(item.pay)
                        pay_reads.update(c for x in conditions_in(item.pay) for c in x.names())
                        _texts_names(item.pay, pay_reads)
                    if isinstance(item.pay, model.GridPay):
                        _grid_thresholds(item.pay, bundle.rates, self._dates, found.numbers)
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
        )


def _route_ahead(flow: Flow) -> dict[str, tuple[str, ...]]:
    """For each question: the answers the ``next`` rules from there on read (where
    the rest of the path can go depends on these only)."""
    ahead: dict[str, tuple[str, ...]] = {}

    def visit(node: str) -> tuple[str, ...]:
        known = ahead.get(node)
        if known is not None:
            return known
        question = flow.questions.get(node)
        if question is None:
            return ()
        ahead[node] = ()  # (the checker has proved there is no cycle)
        names: set[str] = set()
        for rule in question.next:
            if rule.when is not None:
                names |= rule.when.names()
            names.update(visit(rule.goto))
        ahead[node] = tuple(sorted(names & set(flow.questions)))
        return ahead[node]

    visit(flow.start)
    return ahead


Suffix = tuple[Answers, tuple[tuple[str, Value], ...]]
"""The rest of a path: the answers given on it, and those among them the item reads."""


def _suffixes(flow: Flow, space: ItemSpace) -> list[Suffix]:
    """Every path of ``flow``, one per distinct set of answers the item reads.

    The rest of a path depends only on the question reached and the answers the
    rules still ahead read, so what follows each such state is worked out once,
    keeping one path per distinct set of answers the item reads. Without this the
    answers only the route reads (an age, for a course) multiply the paths."""
    reads = set(space.names)
    ahead = _route_ahead(flow)
    env: dict[str, Value] = {q.id: q.default for q in flow.questions.values()}
    memo: dict[tuple[str, tuple[Value, ...]], list[Suffix]] = {}

    def visit(node: str) -> list[Suffix]:
        question = flow.questions.get(node)
        if question is None:  # an outcome
            return [((), ())]
        key = (node, tuple(env[n] for n in ahead[node]))
        known = memo.get(key)
        if known is not None:
            return known
        found: dict[tuple[tuple[str, Value], ...], Answers] = {}
        for value in space.values.get(node) or [question.default]:
            given = value if value is not None else question.default
            env[node] = given
            target = next_node(flow, question, env)
            if target is None:
                continue
            mine = ((node, given),) if node in reads else ()
            step = ((node, value),) if value is not None else ()
            for answers, assigned in visit(target):
                found.setdefault(mine + assigned, step + answers)
        env[node] = question.default
        memo[key] = [(answers, assigned) for assigned, answers in found.items()]
        return memo[key]

    return visit(flow.start)


def item_profiles(
    flows: Iterable[Flow], space: ItemSpace
) -> dict[tuple[Value, ...], tuple[Answers, dict[str, Value]]]:
    """The distinct profiles for one item: what it reads -> the first answers giving
    it, with what conditions see for them (the defaults for the answers not given)."""
    found: dict[tuple[Value, ...], tuple[Answers, dict[str, Value]]] = {}
    names = space.names
    for flow in flows:
        defaults = {q.id: q.default for q in flow.questions.values()}
        for answers, assigned in _suffixes(flow, space):
            env = dict(defaults)
            env.update(assigned)
            env.update(answers)
            key = tuple(env.get(n) for n in names)
            if key not in found:
                found[key] = (answers, env)
    return found
