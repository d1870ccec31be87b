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


def undecided_dead_end(source: str, question: Question, reason: str) -> Problem:
    """The warning for a question the solver could not prove always has a rule that applies."""
    return Problem(
        source,
        "could not prove that every path through this question ends in an outcome: "
        f"the solver gave up on its conditions or those before it ({reason}); "
        "simplify the arithmetic that ties answers together, or add a last rule without `when`",
        (*question.where, "next"),
        severity="warning",
    )


def undecided_unanswered(source: str, rule: NextRule, name: str, reason: str) -> Problem:
    """The warning for a rule the solver could not prove never reads ``name`` unanswered."""
    return Problem(
        source,
        f"could not prove that {name} is always answered when this condition is tried: "
        f"the solver gave up on the conditions before it ({reason}); "
        f"ask {name} earlier, give it a default, or simplify the arithmetic that ties "
        "answers together",
        (*rule.where, "when"),
        severity="warning",
    )
