"""What the path exploration reports, in the words of a flow's author."""

from __future__ import annotations

from collections.abc import Mapping

from alternance_tui.flow.check.cells import Cell
from alternance_tui.flow.model import NextRule, Question
from alternance_tui.flow.problems import Problem


def may_be_unanswered(source: str, rule: NextRule, names: set[str]) -> Problem:
    """The warning for a rule reading ``names``, which some path reaches unanswered."""
    return Problem(
        source,
        f"this condition reads {', '.join(sorted(names))}, which may not be "
        "answered yet on some paths (it then counts as false); ask it "
        "earlier or give it a default",
        (*rule.where, "when"),
        severity="warning",
    )


def no_outcome(source: str, question: Question, state: Mapping[str, Cell]) -> Problem:
    """The error for a question none of whose rules applies to the answers ``state``."""
    example = ", ".join(f"{n} = {c.label}" for n, c in sorted(state.items())) or "any answer"
    return Problem(
        source,
        f"a path ends here with no outcome: no `next` rule applies when {example}; "
        "add a last rule without `when`",
        (*question.where, "next"),
    )
