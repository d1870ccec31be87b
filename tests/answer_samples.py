"""Answers to try on a question when comparing two ways of evaluating conditions."""

from __future__ import annotations

from collections.abc import Sequence

from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question


def sample_values(question: Question, numbers: Sequence[float]) -> list[Value]:
    """No answer, then every choice, yes and no, a few sets of choices, or, for a
    number question, its range's ends and middle followed by ``numbers`` (the
    thresholds the caller cares about, on both sides)."""
    if question.kind == "choice":
        return [None, *question.choice_ids]
    if question.kind == "yes_no":
        return [None, True, False]
    if question.kind == "multi":
        ids = question.choice_ids
        return [None, frozenset(), frozenset(ids[:1]), frozenset(ids[1:3]), frozenset(ids)]
    low = question.minimum or 0
    high = question.maximum or 100
    return [None, low, high, (low + high) / 2, *numbers]
