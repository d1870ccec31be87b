"""Where comparisons that tie answers together change outcome.

Comparisons that tie answers together, arithmetic over answers against a number
(``age + months / 12 > 21``) or one answer against another (``months > age``),
have no threshold of their own: for each number answer in one, the checker
finds where it changes outcome with the other answers at their representative
numbers (solved when the difference of the two sides is affine in that answer,
bisected between representative numbers otherwise) and adds it as a threshold;
the numbers found serve in turn for the other answers, for three rounds.
This is a sample: it finds most dead ends behind such comparisons at once, with
real examples, and exact.py decides exactly (with a solver) what it misses.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable

from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import number_points
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question

# Combinations of the other answers' numbers tried per answer in a comparison that
# ties answers together.
MAX_COMBINATIONS = 400
CROSSING_ROUNDS = 3
MAX_CROSSINGS = 8


def add_crossings(
    questions: Iterable[Question],
    ties: Iterable[tuple[cond.Node, cond.Node]],
    thresholds: dict[str, set[float]],
    opaque: set[str],
) -> None:
    """Adds to the ``thresholds`` of each number in a comparison that ties answers
    together (``ties``: ``age + months / 12 > 21``, ``months > age``) where that
    comparison changes outcome, the other answers being at their representative
    numbers: ages of 20 and 21 for 1 month, 17 and 18 for 48 months.

    Where the two sides differ by an affine function of the answer (any sum of
    answers times numbers, or a product of answers, taken one answer at a time),
    the crossing is solved for; otherwise it is looked for by bisection between
    the answer's representative numbers where the sign changes. The numbers found
    for one answer are representative numbers for the others in the next round
    (36 months for an age of 18), for a few rounds.
    """
    numbers = {q.id: q for q in questions if q.kind == "number"}
    relations = []
    for left, right in ties:
        names = sorted(n for n in cond.names_in(left) | cond.names_in(right) if n in numbers)
        if names:
            relations.append((names, cond.compile_tree(cond.Arith("-", left, right))))
    involved = {name for names, _ in relations for name in names}
    bounds = {name: thresholds.setdefault(name, set()) for name in involved}
    # Each number tried multiplies the paths through every answer it is carried
    # with: a few crossings per answer, the first found (against the others'
    # own thresholds and range ends) first.
    budget = dict.fromkeys(involved, MAX_CROSSINGS)
    tried: set[tuple[int, str, tuple[float, ...]]] = set()
    for _ in range(CROSSING_ROUNDS):
        points = {n: number_points(numbers[n], bounds[n], n in opaque) for n in involved}
        added = False
        for index, (names, difference) in enumerate(relations):
            for name in names:
                if not budget[name]:
                    continue
                others = [n for n in names if n != name]
                combinations = itertools.product(*(points[o] for o in others))
                for values in itertools.islice(combinations, MAX_COMBINATIONS):
                    if (index, name, values) in tried:
                        continue
                    tried.add((index, name, values))
                    env: dict[str, Value] = dict(zip(others, values, strict=True))
                    found = _crossings(difference, env, numbers[name], points[name])
                    question = numbers[name]
                    new = sorted(
                        v
                        for v in found - bounds[name]
                        if (question.minimum is None or v >= question.minimum)
                        and (question.maximum is None or v <= question.maximum)
                    )[: budget[name]]
                    if new:
                        bounds[name].update(new)
                        budget[name] -= len(new)
                        added = True
                        if not budget[name]:
                            break
        if not added:
            break


def _crossings(
    difference: cond.Evaluator,
    env: dict[str, Value],
    question: Question,
    points: list[float],
) -> set[float]:
    """Where ``difference`` (one side of a comparison minus the other) changes sign
    as the answer to ``question`` varies, the other answers being ``env``: numbers
    to use as thresholds of that answer."""
    name = question.id

    def at(value: float) -> float | None:
        env[name] = value
        found = difference(env)
        return found if isinstance(found, float) and math.isfinite(found) else None

    start, one, three, other = at(0.0), at(1.0), at(3.0), at(-7.25)
    if start is not None and one is not None and three is not None and other is not None:
        slope = one - start
        if all(
            math.isclose(found, start + x * slope, rel_tol=1e-9, abs_tol=1e-9)
            for x, found in ((3, three), (-7.25, other))
        ):
            root = -start / slope if slope else None
            return set() if root is None or not math.isfinite(root) else _near(root, question)
    # Not affine in this answer (``age * age``, ``1 / age``): bisection between
    # representative numbers where the sign changes.
    step = 1.0 if question.integer else 0.01
    sampled = [(p, _sign(v)) for p in points if (v := at(p)) is not None]
    found = {p for p, sign in sampled if sign == 0}
    for (low, low_sign), (high, high_sign) in itertools.pairwise(sampled):
        if low_sign * high_sign < 0:
            found |= _bisect(at, low, high, low_sign, step)
    return found


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _bisect(
    at: Callable[[float], float | None], low: float, high: float, low_sign: int, step: float
) -> set[float]:
    """Two answers at most ``step`` apart on either side of a sign change of ``at``
    between ``low`` and ``high`` (or the one answer where it is zero or undefined)."""
    while high - low > step:
        middle = math.floor((low + high) / 2) if step == 1 else round((low + high) / 2, 2)
        if not low < middle < high:
            break
        value = at(middle)
        if value is None or value == 0:
            return {middle}
        if _sign(value) == low_sign:
            low = middle
        else:
            high = middle
    return {low, high}


def _near(root: float, question: Question) -> set[float]:
    """A crossing as thresholds: itself when it is a whole number (up to rounding),
    else, for decimal answers, the two hundredths around it."""
    nearest = round(root)
    if math.isclose(root, nearest, rel_tol=1e-12, abs_tol=1e-9):
        return {float(nearest)}
    if question.integer:
        return {root}
    cents = root * 100
    if math.isclose(cents, round(cents), rel_tol=1e-12, abs_tol=1e-9):
        return {round(cents) / 100}
    return {math.floor(cents) / 100, math.ceil(cents) / 100}
