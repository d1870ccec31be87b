"""A question's default, checked against its choices or bounds, and defaults
derived from other answers (``[[questions.default_from]]``): each rule's
condition and value checked, and no branching on a question whose default is
derived, since the path checker knows only fixed defaults."""

from __future__ import annotations

from typing import assert_never

from alternance_tui.flow import cond
from alternance_tui.flow.file_checks import parse_checked_condition
from alternance_tui.flow.model import (
    DerivedDefault,
    Flow,
)
from alternance_tui.flow.problems import KeyPath, Problem
from alternance_tui.flow.schema import QuestionFile


def derived_defaults(
    model: QuestionFile,
    choice_ids: set[str],
    path: KeyPath,
    scope: dict[str, cond.Variable],
    file: str,
    problems: list[Problem],
) -> tuple[DerivedDefault, ...]:
    built = []
    for index, rule in enumerate(model.defaults):
        where: KeyPath = (*path, "defaults", index)
        if model.default is None:
            problems.append(
                Problem(file, "`defaults` needs a `default` for when none holds", where)
            )
        value = check_default(
            model.model_copy(update={"default": rule.value}),
            choice_ids,
            where,
            file,
            problems,
            "value",
        )
        condition = parse_checked_condition(rule.when, scope, file, (*where, "when"), problems)
        if condition is not None and value is not None:
            built.append(DerivedDefault(condition, value))
    return tuple(built)


def check_derived_defaults(flow: Flow, file: str) -> list[Problem]:
    """Derived defaults read only questions without any (so one pass fills them
    all), and no branching reads them: the checker proves paths with each
    question's fixed `default`."""
    problems = []
    derived = {q.id for q in flow.questions.values() if q.defaults}
    for question in flow.questions.values():
        for index, derived_rule in enumerate(question.defaults):
            read = sorted(derived_rule.when.names() & derived)
            if read:
                problems.append(
                    Problem(
                        file,
                        f"this default reads {', '.join(read)}, whose default follows other "
                        "answers too; read only questions with a fixed default",
                        (*question.where, "defaults", index, "when"),
                    )
                )
        for next_rule in question.next:
            if next_rule.when is not None and (read := sorted(next_rule.when.names() & derived)):
                problems.append(
                    Problem(
                        file,
                        f"this condition reads {', '.join(read)}, whose default follows other "
                        "answers; branching may read only questions with a fixed default",
                        (*next_rule.where, "when"),
                    )
                )
    return problems


def check_default(
    model: QuestionFile,
    choice_ids: set[str],
    path: KeyPath,
    file: str,
    problems: list[Problem],
    key: str = "default",
) -> cond.Value:
    value = model.default
    if value is None:
        return None
    where: KeyPath = (*path, key)

    def bad(message: str) -> cond.Value:
        problems.append(Problem(file, message, where))
        return None

    match model.kind:
        case "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                return bad(f"the default of a number question must be a number, not {value!r}")
            if model.integer and not float(value).is_integer():
                return bad(f"the default {value} is not a whole number")
            if (model.min is not None and value < model.min) or (
                model.max is not None and value > model.max
            ):
                return bad(f"the default {value} is outside min..max")
            return value
        case "yes_no":
            if not isinstance(value, bool):
                return bad("the default of a yes/no question is true or false")
            return value
        case "choice":
            if not isinstance(value, str) or value not in choice_ids:
                return bad(f"the default {value!r} is not one of this question's choices")
            return value
        case "multi":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return bad(
                    'the default of a multi-choice question is a list, e.g. ["a", "b"] or []'
                )
            unknown = [v for v in value if v not in choice_ids]
            if unknown:
                return bad(
                    f"the default names {', '.join(map(repr, unknown))}, "
                    "not choices of this question"
                )
            return frozenset(value)
        case _:
            assert_never(model.kind)
