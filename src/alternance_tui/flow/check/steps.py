"""What the path exploration (explore.py) records as it goes: the records are
named tuples, unpacked in its inner loop, which runs once per state."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, NamedTuple

from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import ABSENT, Cell
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import NextRule, Question

# Takes some of a state's cells, or of its key, and the last one.
Take = Callable[[tuple[Any, ...]], tuple[Any, ...]]


def taker(positions: tuple[int, ...] | list[int]) -> Take:
    """The function taking the items at ``positions`` of a tuple, and its last."""
    if not positions:
        return lambda items: items[-1:]
    return operator.itemgetter(*positions, -1)


# Rule, Reads and Step are plain tuples, made by ``make_rule()``, ``make_reads()``
# and ``make_step()`` with named fields and unpacked by name: the exploration
# unpacks one or more per state, and
# only an exact tuple unpacks at full speed (a NamedTuple made the dense
# benchmark flows about 10 % slower to check).

# A ``next`` rule of a question as the exploration runs it: (rule, test, reads).
Rule = tuple[NextRule, "cond.Evaluator | None", tuple[str, ...]]


def make_rule(*, rule: NextRule, test: cond.Evaluator | None, reads: tuple[str, ...]) -> Rule:
    """``test``: its condition compiled (None: always taken); ``reads``: the
    questions it reads."""
    return (rule, test, reads)


# What a question's rules can tell of the other answers they read, with the
# "no answer" bit: (take, masks, position, mask); see ``make_reads``.
Reads = tuple["Take | None", tuple[int, ...], int, int]


def make_reads(*, take: Take | None, masks: tuple[int, ...], position: int, mask: int) -> Reads:
    """For one answer read (the most common): ``position``, where its cell is in a
    state, and ``mask``, over its signature. For several: ``take``, taking their
    cells from a state, and ``masks`` over their signatures (and a 0 for the end
    of a state)."""
    return (take, masks, position, mask)


class PlanBase(NamedTuple):
    """What every plan of a question starts from, worked out once."""

    # The other answers its rules read: name, index in a state there, default.
    others: list[tuple[str, int, Value]]
    own: list[Cell] | tuple[None]  # its cells ((None,): its answer is not carried)
    # The answer each cell stands for, when its rules read it; else None.
    values: list[Value] | None


# Where some answers to a question lead, for one plan of it: (goal, there, take,
# masks, own_at, own_keys, fixed, target); see ``make_step``.
Step = tuple[
    "At | None",
    tuple["Cell | None", ...],
    "Take | None",
    "tuple[int, ...] | None",
    int,
    tuple[int, ...],
    "list[tuple[tuple[int, ...], State]] | None",
    str,
]


def make_step(
    *,
    goal: At | None,
    there: tuple[Cell | None, ...],
    take: Take | None,
    masks: tuple[int, ...] | None,
    own_at: int,
    own_keys: tuple[int, ...],
    fixed: list[tuple[tuple[int, ...], State]] | None,
    target: str,
) -> Step:
    """``goal``: the target question (None for an outcome or a dead end);
    ``there``: those answers (None: the answer is not carried); ``take``: taking
    what a state carries to the target from its cells (and its key); ``masks``:
    of the tests ahead of the target over those cells' signatures (None when they
    would leave the key as it is); ``own_at``: where the question's own answer
    goes (-1: not carried); ``own_keys``: what the tests ahead tell of each of
    those answers; ``fixed``: when the state carries nothing else there, the
    states it leads to (their keys and themselves); ``target``: the target's id
    ("": a dead end)."""
    return (goal, there, take, masks, own_at, own_keys, fixed, target)


def to_outcome(there: tuple[Cell | None, ...], target: str) -> Step:
    """The answers ``there`` leading to the outcome ``target`` ("": to a dead end)."""
    return make_step(
        goal=None,
        there=there,
        take=None,
        masks=(),
        own_at=-1,
        own_keys=(),
        fixed=None,
        target=target,
    )


# A state: the question, the cells of the answers live there and its key (see
# PathExplorer._explore). A plain tuple: millions are made on big flows.
State = tuple["At", tuple[Cell, ...], tuple[int, ...]]


class At:
    """A question as the exploration sees it: the keys of the states met there,
    its plans by what its rules can tell of the answers they read, and how to
    take that from a state."""

    __slots__ = ("plans", "question", "reads", "seen")

    def __init__(self, question: Question, reads: Reads | None) -> None:
        self.question = question
        self.reads = reads
        self.seen: set[tuple[int, ...]] = set()
        self.plans: dict[object, list[Step]] = {}


def fresh_states(
    goal: At, there: tuple[Cell | None, ...], width: int, own_at: int, own_keys: tuple[int, ...]
) -> list[tuple[tuple[int, ...], State]]:
    """The states at ``goal`` that a question's answers ``there`` lead to when
    nothing else is carried (``width``: the length of a state there), with their
    keys: one with no answer at all, or one for each answer ``there`` (at
    ``own_at``, its key ``own_keys``)."""
    blank = (ABSENT,) * width, (0,) * width
    if own_at < 0:
        return [(blank[1], (goal, *blank))]
    fixed: list[tuple[tuple[int, ...], State]] = []
    present = [c for c in there if c is not None]
    for cell, own_key in zip(present, own_keys, strict=True):
        key = (*blank[1][:own_at], own_key, *blank[1][own_at + 1 :])
        cells = (*blank[0][:own_at], cell, *blank[0][own_at + 1 :])
        fixed.append((key, (goal, cells, key)))
    return fixed
