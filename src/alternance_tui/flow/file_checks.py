"""Checks every file builder shares (flows and the data files they use): that a
text has each language of the flow, and that a condition parses and names
real questions and choices, each problem located."""

from __future__ import annotations

import re

from alternance_tui.flow import cond
from alternance_tui.flow.model import (
    Text,
)
from alternance_tui.flow.problems import KeyPath, Problem, format_path

# What a text shown to people may not hold: control characters (an escape
# sequence would drive the terminal of whoever reads the results) but the line
# break and the tab, and the marks that reorder text behind the reader's back.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class TextChecker:
    """Checks that a text is given in exactly the flow's languages, as plain text."""

    def __init__(self, file: str, languages: list[str], problems: list[Problem]) -> None:
        self.file = file
        self.languages = languages
        self.problems = problems
        self._expected = set(languages)

    def __call__(self, text: Text | None, path: KeyPath) -> None:
        if text is None:
            return
        for lang, words in text.items():
            if (found := _CONTROL.search(words)) is not None:
                self.problems.append(
                    Problem(
                        self.file,
                        f"the {lang} text holds a control character "
                        f"(U+{ord(found.group()):04X}, at character {found.start() + 1}): "
                        "texts are plain text; remove it",
                        (*path, lang),
                    )
                )
        if text.keys() == self._expected:  # the usual case, at once
            return
        missing = [lang for lang in self.languages if lang not in text]
        extra = [lang for lang in text if lang not in self.languages]
        if missing:
            self.problems.append(
                Problem(
                    self.file,
                    f"missing translation: no {', '.join(missing)} text "
                    f"(every text needs {', '.join(self.languages)})",
                    path,
                )
            )
        if extra:
            self.problems.append(
                Problem(
                    self.file,
                    f"text in {', '.join(extra)}, which is not among the flow's languages "
                    f"({', '.join(self.languages)}); add it to `languages` or remove it",
                    path,
                )
            )


def parse_checked_condition(
    source: str,
    scope: dict[str, cond.Variable],
    file: str,
    path: KeyPath,
    problems: list[Problem],
) -> cond.Condition | None:
    """``source`` parsed and type-checked against ``scope``; what is wrong goes to
    ``problems`` (None when it cannot be parsed). Not ``cond.compile_condition``,
    which turns a parsed condition into a closure."""
    try:
        condition = cond.parse(source)
    except cond.ConditionError as exc:
        problems.append(Problem(file, str(exc), path))
        return None
    for message in cond.check(condition, scope):
        problems.append(Problem(file, f"in {condition.source!r}: {message}", path))
    return condition


# How a list's items are named in a message ("duplicate item id").
_ITEM_NAMES = {"series": "series", "items": "item", "choices": "choice", "rules": "rule"}


def duplicate_ids(document: object, file: str, *, elsewhere: tuple[str, ...] = ()) -> list[Problem]:
    """Every table whose ``id`` an earlier table of the same list already has, in
    any list of tables of a validated file (``[[questions.choices]]``,
    ``[[attributes]]``, ``[[items.rules]]`` …), located at the second one's id,
    in the file's order. ``elsewhere``: the top-level lists whose ids the caller
    checks itself (a flow's questions and outcomes share theirs); the lists
    inside them are still checked."""
    problems: list[Problem] = []
    _duplicates_in(document, (), file, elsewhere, problems)
    return problems


def _duplicates_in(
    node: object, path: KeyPath, file: str, elsewhere: tuple[str, ...], problems: list[Problem]
) -> None:
    # A validated file is a few tables deep: recursion is fine.
    fields = getattr(type(node), "model_fields", None)
    if fields is None:  # not a table
        return
    for name, info in fields.items():
        key = info.alias or name
        value = getattr(node, name)
        if not isinstance(value, list):
            _duplicates_in(value, (*path, key), file, elsewhere, problems)
            continue
        first: dict[str, int] = {}
        checked = bool(path) or key not in elsewhere
        for index, item in enumerate(value):
            item_id = getattr(item, "id", None)
            if checked and isinstance(item_id, str):
                if item_id in first:
                    noun = _ITEM_NAMES.get(key, key.removesuffix("s"))
                    earlier = format_path((*path, key, first[item_id]))
                    problems.append(
                        Problem(
                            file,
                            f'duplicate {noun} id "{item_id}": already used at {earlier}; '
                            "each needs an id of its own",
                            (*path, key, index, "id"),
                        )
                    )
                else:
                    first[item_id] = index
            _duplicates_in(item, (*path, key, index), file, elsewhere, problems)
