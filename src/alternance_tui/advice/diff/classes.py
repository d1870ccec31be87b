"""What an item reads, and how each part of its result sees an answer.

An item's rules and its pay each tell answers apart only through the
comparisons they make: a pay that tests ``"rqth" in situations`` sees two
situations, a grid sees an age only through its bands as they shift each
contract year. Answers one part cannot tell apart get one *class*, so that
`alternance diff` works each part out once per class (profiles.py, aspects.py).

An answer a part computes with, or compares with another answer, is its own
class. Texts that quote an answer (``{age}``) do not split classes: a text is
filled in the same way for every answer, so it changes between two states of
the rules for one answer of a class exactly when it does for all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

from alternance_tui.advice import model
from alternance_tui.advice.compiled import conditions_in
from alternance_tui.advice.judge import PLACEHOLDER
from alternance_tui.flow import cond
from alternance_tui.flow.cond import Value
from alternance_tui.flow.cond.tree import BoolOp, Compare, Const, Name, Neg, Not, Seq
from alternance_tui.flow.model import Question

Classify = Callable[[Value], Hashable]
"""An answer as one part of an item's result sees it."""


def texts_names(data: object, into: set[str]) -> None:
    """The answers texts name as ``{age}`` (a reason that quotes an answer changes with it)."""
    if isinstance(data, str):
        into.update(PLACEHOLDER.findall(data))  # those the engine fills
    elif dataclasses.is_dataclass(data) and not isinstance(data, type):
        for field in dataclasses.fields(data):
            texts_names(getattr(data, field.name), into)
    elif isinstance(data, tuple | list):
        for element in data:
            texts_names(element, into)
    elif isinstance(data, Mapping):
        for element in data.values():
            texts_names(element, into)


def grid_thresholds(
    pay: model.GridPay,
    rates: Mapping[str, model.RateSeries],
    dates: Sequence[dt.date],
    into: dict[str, set[float]],
) -> None:
    """Where a grid's pay changes: each band's ages as they shift with each contract
    year, the contract years' lengths, and where a percentage of another answer
    overtakes the reference's on each date compared."""
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
        # It moves with the reference value, so it is worked out on each date compared.
        other = into.setdefault(band.also_of, set())
        for day in dates:
            value = series.at(day)
            if value is None:
                continue
            for year in range(1, pay.max_years + 1):
                also = band.also_percent_for(year)
                if also:
                    other.add(round(band.percent_for(year) * value.value / also, 2))


def pay_names(pay: model.Pay | None) -> set[str]:
    """The answers a pay reads besides those its conditions name."""
    if isinstance(pay, model.GridPay):
        return {pay.age, pay.months} | {b.also_of for b in pay.bands if b.also_of}
    if isinstance(pay, model.HourlyPay):
        return {pay.months, pay.weekly_hours}
    return set()


def _pay_amounts(pay: model.Pay | None) -> set[str]:
    """The answers a pay computes with, not only compares: each value is its own class."""
    if isinstance(pay, model.GridPay):
        return {b.also_of for b in pay.bands if b.also_of}
    if isinstance(pay, model.HourlyPay):
        return {pay.months, pay.weekly_hours}
    return set()


Cut = tuple[float, bool]

_MIRROR = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


def _cuts(op: str, value: float, name_first: bool) -> tuple[Cut, ...]:
    """Where ``answer op value`` (or ``value op answer``) can change truth."""
    if not name_first:
        op = _MIRROR.get(op, op)
    if op in ("<", ">="):
        return ((value, False),)
    if op in ("<=", ">"):
        return ((value, True),)
    return (value, False), (value, True)  # ==, !=, in: the value itself is apart


@dataclasses.dataclass
class _Seen:
    """How conditions use each answer."""

    # Where a number's class changes: (t, True) between t and above, (t, False)
    # between below t and t (``age <= 35``, ``age >= 16``).
    numbers: dict[str, set[Cut]] = dataclasses.field(default_factory=dict)
    members: dict[str, set[str]] = dataclasses.field(default_factory=dict)  # multi-choice
    words: dict[str, set[str]] = dataclasses.field(default_factory=dict)  # choice ids
    as_given: set[str] = dataclasses.field(default_factory=set)  # in any other way


def _names(node: object, into: set[str]) -> None:
    into |= cond.analyse(node).names  # type: ignore[arg-type]


def _see(node: object, seen: _Seen) -> None:
    """Adds what one condition's tree compares each answer with."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, BoolOp):
            stack.extend(item.operands)
        elif isinstance(item, Not | Neg):
            stack.append(item.operand)
        elif isinstance(item, Name):
            seen.as_given.add(item.name)  # a bare answer, read as true or false
        elif isinstance(item, Compare):
            operands = (item.left, *item.rights)
            for index, op in enumerate(item.ops):
                _see_pair(operands[index], op, operands[index + 1], seen)
        else:
            _names(item, seen.as_given)


def _see_pair(left: object, op: str, right: object, seen: _Seen) -> None:
    for name, other in ((left, right), (right, left)):
        if not isinstance(name, Name) or not isinstance(other, Const | Seq):
            continue
        values = other.items if isinstance(other, Seq) else (other.value,)
        if isinstance(other, Seq) and op not in ("in", "not in"):
            seen.as_given.add(name.name)  # a whole answer against a list
            return
        for value in values:
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                seen.as_given.add(name.name)
            elif not isinstance(value, str):
                cuts = _cuts(op, float(value), name is left)
                seen.numbers.setdefault(name.name, set()).update(cuts)
            elif op in ("in", "not in") and name is right:  # "rqth" in situations
                seen.members.setdefault(name.name, set()).add(value)
            elif op in ("==", "!=", "in", "not in"):  # sector == "public", sector in [...]
                seen.words.setdefault(name.name, set()).add(value)
            else:
                seen.as_given.add(name.name)
        return
    # An answer against another, or computed with: each value its own class.
    _names(left, seen.as_given)
    _names(right, seen.as_given)


def as_given(value: Value) -> Hashable:
    """The class of an answer that is its own class (one a part computes with)."""
    return value


_OTHER = object()  # a choice no condition names: all such choices look alike


def _classify(cuts: set[Cut], tested: set[str], words: set[str]) -> Classify:
    """Numbers by the side of each of the ``cuts`` they fall on, multi-choice
    answers by the ``tested`` choices they hold, choices by whether a condition
    names them, yes and no as given."""
    ordered = sorted(cuts)
    members = frozenset(tested)
    named = frozenset(words)
    known: dict[Value, Hashable] = {}  # (answers are a few cells, met many times)

    def classify(value: Value) -> Hashable:
        found = known.get(value, _OTHER)
        if found is not _OTHER:
            return found
        if isinstance(value, frozenset):
            found = value & members
        elif isinstance(value, str):
            found = value if value in named else _OTHER
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found = tuple(value <= t if after else value < t for t, after in ordered)
        else:
            found = value
        known[value] = found
        return found

    return classify


def _classes(seen: _Seen, names: Iterable[str]) -> dict[str, Classify]:
    return {
        name: as_given
        if name in seen.as_given
        else _classify(
            seen.numbers.get(name, set()),
            seen.members.get(name, set()),
            seen.words.get(name, set()),
        )
        for name in names
    }


def unknowable(questions: Iterable[Question]) -> set[str]:
    """Choices with a "not known yet" answer: it opens variants, never merged."""
    return {q.id for q in questions if q.kind == "choice" and any(c.unknown for c in q.choices)}


def pay_classes(
    pays: Sequence[tuple[model.Pay | None, Mapping[str, model.RateSeries]]],
    dates: Sequence[dt.date],
    as_given: set[str],
) -> dict[str, Classify]:
    """How the ``pays`` (one item's, in each state of the rules, with that state's
    rates) see each answer they read; ``as_given``: answers never merged."""
    seen = _Seen(as_given=set(as_given))
    names: set[str] = set()
    for pay, rates in pays:
        for condition in conditions_in(pay):
            _see(condition.tree, seen)
        if isinstance(pay, model.GridPay):
            found: dict[str, set[float]] = {}
            grid_thresholds(pay, rates, dates, found)
            # A band holds from its lowest age; a contract year ends on a 12th month.
            seen.numbers.setdefault(pay.age, set()).update((t, False) for t in found[pay.age])
            seen.numbers.setdefault(pay.months, set()).update((t, True) for t in found[pay.months])
        seen.as_given |= _pay_amounts(pay)
        names |= pay_names(pay) | set(seen.numbers) | set(seen.members) | set(seen.words)
    return _classes(seen, names | seen.as_given)


def rule_classes(
    rules: Iterable[model.Rule | model.Note], names: Iterable[str], as_given: set[str]
) -> dict[str, Classify]:
    """How an item's ``rules`` and notes (in each state of the rules) see each of
    ``names``, the answers they read (an answer only their texts quote is one class)."""
    seen = _Seen(as_given=set(as_given))
    for rule in rules:
        for condition in conditions_in(rule):
            _see(condition.tree, seen)
    found = set(seen.numbers) | set(seen.members) | set(seen.words) | seen.as_given
    return _classes(seen, found | set(names))


def route_classes(
    conditions: Iterable[cond.Condition], names: Iterable[str], as_given: set[str]
) -> dict[str, Classify]:
    """How the ``conditions`` of a flow's ``next`` rules see each of ``names``: two
    answers of one class take the same way through them."""
    seen = _Seen(as_given=set(as_given))
    for condition in conditions:
        _see(condition.tree, seen)
    return _classes(seen, names)
