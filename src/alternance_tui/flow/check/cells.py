"""Cells: a few answers to a question standing for all its answers.

The path check (explore.py) is exhaustive without enumerating every answer: a
number only matters through the thresholds conditions compare it with, a
multi-choice answer only through the choices conditions test for, so each
question's possible answers are split into a few *cells* (for ``age >= 26``: 25,
26, 27 and the ends of the range). Multi-choice answers: at most
``MAX_TESTED_MEMBERS`` tested choices are combined.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import assert_never

from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question

MAX_TESTED_MEMBERS = 10


class Cell:
    """One representative answer standing for every answer that no condition tells apart.

    Compared and hashed by identity: each question's cells are made once, and the
    exploration's keys hold them by the million.
    """

    __slots__ = ("signature", "value")

    def __init__(self, value: Value) -> None:
        self.value = value
        # What the tests on its question make of it, as bits (see
        # signatures.sign_cells); for an answer whose cells are never merged, a
        # number of its own. Never 0 but for ABSENT.
        self.signature = 0

    @property
    def label(self) -> str:
        """The answer as examples show it (made only for messages, which are few)."""
        value = self.value
        if value is None:
            return "no answer"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str):
            return f'"{value}"'
        if isinstance(value, frozenset):
            return "[" + ", ".join(f'"{s}"' for s in sorted(value)) + "]"
        return str(value) if isinstance(value, int) else _show(value)

    def __repr__(self) -> str:
        return f"Cell({self.value!r})"


# In a state, the cell of an answer not given on the way (its value: none).
ABSENT = Cell(None)


def _show(number: float) -> str:
    """A number as examples show it: exactly the one tried (1.0025, not 1)."""
    return f"{number:.10f}".rstrip("0").rstrip(".")


def _below(bound: float, integer: bool) -> float:
    """The nearest answer under ``bound``: the whole number below, or 0.01 less."""
    return float(math.ceil(bound) - 1) if integer else bound - 0.01


def _above(bound: float, integer: bool) -> float:
    """The nearest answer over ``bound``: the whole number above, or 0.01 more."""
    return float(math.floor(bound) + 1) if integer else bound + 0.01


def make_cells(
    question: Question,
    bounds: Mapping[str, set[float]],
    members: Mapping[str, set[str]],
    opaque: bool,
) -> list[Cell]:
    """The cells of ``question``: numbers standing for every answer (see
    ``number_points``; ``bounds``, the thresholds of each number question), its
    choices, yes and no, or the combinations of the choices conditions test for
    (``members``, by multi-choice question); no answer too when it is optional.
    Those of an ``opaque`` answer (one conditions compare with another answer or
    compute with) get a number of their own as signature: they are never merged."""
    cells: list[Cell]
    match question.kind:
        case "number":
            cells = _number_cells(question, bounds, opaque)
        case "choice":
            cells = [Cell(c.id) for c in question.choices]
        case "yes_no":
            cells = [Cell(True), Cell(False)]
        case "multi":
            tested = sorted(members.get(question.id, set()))[:MAX_TESTED_MEMBERS]
            cells = [
                Cell(frozenset(subset))
                for size in range(len(tested) + 1)
                for subset in itertools.combinations(tested, size)
            ]
        case _:
            assert_never(question.kind)
    if question.optional:
        cells.append(Cell(None))
    if opaque:  # (the others are signed by signatures.sign_cells)
        for number, cell in enumerate(cells, 1):
            cell.signature = number
    return cells


def _number_cells(question: Question, bounds: Mapping[str, set[float]], opaque: bool) -> list[Cell]:
    return [
        Cell(int(p) if float(p).is_integer() else p)
        for p in number_points(question, bounds.get(question.id, set()), opaque)
    ]


def number_points(question: Question, found: set[float], opaque: bool) -> list[float]:
    """Numbers standing for every answer: each threshold, a number on each side of
    it, and the ends of the range. For an answer only ever compared with numbers
    one number between two thresholds is enough; one that conditions also
    compute with (opaque) gets numbers on both sides of each threshold."""
    integer = question.integer
    low, high = question.minimum, question.maximum
    bounds = sorted(found)
    points: set[float] = set(bounds)
    if opaque:
        for bound in bounds:
            points.update((_below(bound, integer), _above(bound, integer)))
    elif bounds:
        points.add(_below(bounds[0], integer))
        points.add(_above(bounds[-1], integer))
        for lower, upper in itertools.pairwise(bounds):
            between = _above(lower, integer)
            if between >= upper and not integer:
                between = (lower + upper) / 2
            if between < upper:
                points.add(between)
    if low is not None:
        points.add(low)
    if high is not None:
        points.add(high)
    if not points:
        points.add(float(question.default) if isinstance(question.default, int | float) else 0.0)
    return sorted(
        p
        for p in points
        if (low is None or p >= low)
        and (high is None or p <= high)
        and (not integer or float(p).is_integer())
    )
