"""Flow files into runtime objects: what the schema (schema.py) cannot say.

``build_flow`` checks ids are unique, every language is present, defaults fit
their question and conditions name real questions and choices, and builds
``model.Flow``.
"""

from __future__ import annotations

import keyword
from pathlib import Path, PurePosixPath
from typing import assert_never

from alternance_tui.flow import cond
from alternance_tui.flow.defaults import check_default, check_derived_defaults, derived_defaults
from alternance_tui.flow.file_checks import TextChecker, duplicate_ids, parse_checked_condition
from alternance_tui.flow.model import (
    Choice,
    Flow,
    GlossaryEntry,
    NextRule,
    Outcome,
    Question,
)
from alternance_tui.flow.problems import KeyPath, Problem, format_path
from alternance_tui.flow.schema import FlowFile, QuestionFile


def build_flow(
    model: FlowFile, file: str, base_dir: Path | None = None
) -> tuple[Flow, list[Problem]]:
    """The runtime flow and every problem the schema could not catch."""
    problems: list[Problem] = []
    check_text = TextChecker(file, model.languages, problems)
    if len(set(model.languages)) != len(model.languages):
        problems.append(Problem(file, "a language is listed twice", ("languages",)))
    check_text(model.title, ("title",))
    check_text(model.description, ("description",))

    # Ids twice in one list of tables; questions and outcomes share theirs (below).
    problems += duplicate_ids(model, file, elsewhere=("questions", "outcomes"))
    seen: dict[str, KeyPath] = {}
    for index, question_model in enumerate(model.questions):
        _claim_id(question_model.id, ("questions", index, "id"), seen, file, problems)
    for index, outcome_model in enumerate(model.outcomes):
        _claim_id(outcome_model.id, ("outcomes", index, "id"), seen, file, problems)

    # The first question of an id counts (a duplicate is reported above), as below.
    scope: dict[str, cond.Variable] = {}
    for question_model in model.questions:
        scope.setdefault(question_model.id, _variable(question_model))
    questions: dict[str, Question] = {}
    for index, question_model in enumerate(model.questions):
        following = model.questions[index + 1].id if index + 1 < len(model.questions) else None
        question = _build_question(
            question_model, index, following, scope, seen, file, check_text, problems
        )
        questions.setdefault(question.id, question)

    outcomes: dict[str, Outcome] = {}
    for index, outcome_model in enumerate(model.outcomes):
        path: KeyPath = ("outcomes", index)
        check_text(outcome_model.title, (*path, "title"))
        check_text(outcome_model.text, (*path, "text"))
        outcomes.setdefault(
            outcome_model.id,
            Outcome(outcome_model.id, outcome_model.title, outcome_model.text, _where(path)),
        )

    start = model.start or model.questions[0].id
    if model.start is not None and model.start not in questions:
        problems.append(
            Problem(file, f'start names "{model.start}", which is not a question', ("start",))
        )
    for index, used in enumerate(model.uses):
        problem = _used_file_problem(used, base_dir)
        if problem is not None:
            problems.append(Problem(file, problem, ("uses", index)))

    glossary = _build_glossary(model, file, check_text, problems)
    flow = Flow(
        id=model.id,
        title=model.title,
        description=model.description,
        languages=tuple(model.languages),
        start=start,
        questions=questions,
        outcomes=outcomes,
        source=file,
        uses=tuple(model.uses),
        glossary=glossary,
    )
    problems += check_derived_defaults(flow, file)
    return flow, problems


def _build_glossary(
    model: FlowFile, file: str, check_text: TextChecker, problems: list[Problem]
) -> tuple[GlossaryEntry, ...]:
    """The glossary's entries, each word in every language, explained in every one."""
    entries = []
    seen: set[str] = set()
    for index, entry in enumerate(model.glossary):
        path: KeyPath = ("glossary", index)
        term = (
            dict.fromkeys(model.languages, entry.term)
            if isinstance(entry.term, str)
            else entry.term
        )
        if not isinstance(entry.term, str):
            check_text(entry.term, (*path, "term"))
        check_text(entry.means, (*path, "means"))
        check_text(entry.short, (*path, "short"))
        for word in {*term.values(), *entry.matches}:
            if word in seen:
                problems.append(
                    Problem(file, f'"{word}" is explained twice in the glossary', (*path, "term"))
                )
            seen.add(word)
        entries.append(GlossaryEntry(term, entry.means, tuple(entry.matches), entry.short))
    return tuple(entries)


def _used_file_problem(used: str, base_dir: Path | None) -> str | None:
    """What is wrong with ``uses`` naming ``used``, if anything: only files in
    the flow's folder or below it may be read, whatever links lead elsewhere."""
    if "\x00" in used:
        return "a file name cannot hold a NUL character (\\u0000)"
    outside = (
        f'uses "{used}": a data file must be in the flow\'s folder or below it, '
        'named by a relative path such as "rates.toml"'
    )
    parts = PurePosixPath(used.replace("\\", "/")).parts
    if not parts or parts[0].startswith("/") or ".." in parts or ":" in used:
        return outside
    if base_dir is None:
        return None
    target = base_dir / used
    try:
        # A link (the file or a folder on the way) may point anywhere, /etc/passwd
        # included: where it really is decides.
        inside = target.resolve(strict=True).is_relative_to(base_dir.resolve(strict=True))
    except FileNotFoundError:
        inside = True  # said below, in plainer words
    except (OSError, RuntimeError):  # RuntimeError: a loop of links
        return f'uses "{used}", which cannot be read (a loop of links?)'
    if not inside:
        return outside + "; this one is a link to a file outside it"
    if target.is_dir():
        return f'uses "{used}", which is a folder, not a data file'
    if target.exists() and not target.is_file():
        return f'uses "{used}", which is not a regular file (a device or a pipe?)'
    if not target.is_file():
        return f'uses "{used}", which does not exist beside the flow file'
    return None


def _where(path: KeyPath) -> KeyPath:
    return path


def _claim_id(
    node_id: str, path: KeyPath, seen: dict[str, KeyPath], file: str, problems: list[Problem]
) -> None:
    if keyword.iskeyword(node_id) or node_id in cond.RESERVED_NAMES:
        problems.append(
            Problem(file, f'"{node_id}" is a reserved word of the condition language', path)
        )
    if node_id in seen:
        problems.append(
            Problem(
                file,
                f'duplicate id "{node_id}": already used at {format_path(seen[node_id])}; '
                "questions and outcomes need distinct ids",
                path,
            )
        )
    else:
        seen[node_id] = path


def _variable(question: QuestionFile) -> cond.Variable:
    return cond.Variable(question.kind, frozenset(c.id for c in question.choices))


def _build_question(
    model: QuestionFile,
    index: int,
    following: str | None,
    scope: dict[str, cond.Variable],
    known_ids: dict[str, KeyPath],
    file: str,
    check_text: TextChecker,
    problems: list[Problem],
) -> Question:
    path: KeyPath = ("questions", index)
    check_text(model.prompt, (*path, "prompt"))
    check_text(model.short, (*path, "short"))
    check_text(model.help, (*path, "help"))
    check_text(model.unit, (*path, "unit"))
    _check_kind_fields(model, path, file, problems)

    choices: list[Choice] = []
    choice_ids: set[str] = set()
    for c_index, choice_model in enumerate(model.choices):
        c_path: KeyPath = (*path, "choices", c_index)
        check_text(choice_model.label, (*c_path, "label"))
        check_text(choice_model.help, (*c_path, "help"))
        choice_ids.add(choice_model.id)  # (one given twice: duplicate_ids in build_flow)
        choices.append(
            Choice(choice_model.id, choice_model.label, choice_model.help, choice_model.unknown)
        )

    default = check_default(model, choice_ids, path, file, problems)
    derived = derived_defaults(model, choice_ids, path, scope, file, problems)

    rules: list[NextRule] = []
    if model.next is None:
        if following is None:
            problems.append(
                Problem(
                    file, "the last question needs `next` (the outcome it leads to)", (*path, "id")
                )
            )
        else:
            rules.append(NextRule(following, None, _where((*path, "next"))))
    else:
        if not model.next:
            problems.append(
                Problem(file, "`next` is empty: say where the interview goes", (*path, "next"))
            )
        for r_index, rule_model in enumerate(model.next):
            r_path: KeyPath = (*path, "next", r_index)
            if rule_model.goto not in known_ids:
                problems.append(_dangling(rule_model.goto, known_ids, file, (*r_path, "goto")))
            condition = None
            if rule_model.when is not None:
                condition = parse_checked_condition(
                    rule_model.when, scope, file, (*r_path, "when"), problems
                )
            rules.append(NextRule(rule_model.goto, condition, _where(r_path)))

    short = model.short or model.prompt
    return Question(
        id=model.id,
        kind=model.kind,
        prompt=model.prompt,
        short=short,
        help=model.help,
        choices=tuple(choices),
        minimum=model.min,
        maximum=model.max,
        integer=model.integer,
        unit=model.unit,
        optional=model.optional,
        default=default,
        next=tuple(rules),
        where=_where(path),
        defaults=derived,
        shown_as=model.shown_as,
        ordered=model.ordered,
    )


def _dangling(target: str, known: dict[str, KeyPath], file: str, path: KeyPath) -> Problem:
    import difflib

    close = difflib.get_close_matches(target, list(known), n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    return Problem(
        file, f'goes to "{target}", which is neither a question nor an outcome{hint}', path
    )


def _check_kind_fields(
    model: QuestionFile, path: KeyPath, file: str, problems: list[Problem]
) -> None:
    kind = model.kind
    match kind:
        case "choice" | "multi":
            needed = 2 if kind == "choice" else 1
            if len(model.choices) < needed:
                message = f"a {kind} question needs at least {needed} choices"
                problems.append(Problem(file, message, (*path, "choices")))
        case "number" | "yes_no":
            if model.choices:
                message = f"a {kind} question has no choices; remove `choices`"
                problems.append(Problem(file, message, (*path, "choices")))
        case _:
            assert_never(kind)
    if kind != "number":
        for key in ("min", "max", "unit"):
            if getattr(model, key) is not None:
                problems.append(
                    Problem(file, f"`{key}` is only for number questions", (*path, key))
                )
        if model.integer:
            problems.append(
                Problem(file, "`integer` is only for number questions", (*path, "integer"))
            )
    if model.shown_as == "month" and not (
        kind == "number"
        and model.integer
        and model.unit is None
        and model.min is not None
        and model.max is not None
        and 1 <= model.min <= model.max <= 12
    ):
        problems.append(
            Problem(
                file,
                'shown_as = "month" is for a number question with integer = true, min and '
                "max between 1 and 12, and no unit",
                (*path, "shown_as"),
            )
        )
    if model.min is not None and model.max is not None and model.min > model.max:
        problems.append(
            Problem(
                file, f"min ({model.min:g}) is greater than max ({model.max:g})", (*path, "min")
            )
        )
    if kind != "choice":
        for c_index, choice in enumerate(model.choices):
            if choice.unknown:
                problems.append(
                    Problem(
                        file,
                        "`unknown` choices are only for single-choice questions",
                        (*path, "choices", c_index, "unknown"),
                    )
                )
