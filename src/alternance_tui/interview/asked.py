"""What is asked now, as data: the question a front end shows and how it is answered.

The TUI draws it with Textual widgets, ``alternance web`` as an HTML form,
``--plain`` as numbered lines: each takes the prompt, the help, the choices (with
what is ticked), the number field's text and its range from here, and gives
back what the person picked or typed as strings, which ``Asked.value`` turns
into the question's answer with the same checks and messages for all of them.

Pure: no UI import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, assert_never

from alternance_tui.flow.answers import AnswerError, parse_text
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question, Text, tr
from alternance_tui.flow.walk import Progress
from alternance_tui.wording.catalogue.answers import ANSWERS
from alternance_tui.wording.catalogue.tui import TUI
from alternance_tui.wording.formats import month_name, number
from alternance_tui.wording.typography import typography

# How a question is answered: a month is a number question picked from a list.
AnswerKind = Literal["choice", "multi", "yes_no", "month", "number"]
YES, NO = "yes", "no"
NOT_KNOWN = "not_known"  # an optional month question's "Not known"


@dataclass(frozen=True, slots=True)
class Option:
    """One answer that can be picked: ``id`` is what a form or a typed line gives back."""

    id: str
    label: str
    help: str
    selected: bool


@dataclass(frozen=True, slots=True)
class Asked:
    question: Question
    lang: str
    kind: AnswerKind
    prompt: str
    short: str  # the question's short label (the review's, a field's label)
    help: str
    options: tuple[Option, ...]  # every kind but "number"
    text: str  # "number": what the field holds (a draft, else the answer or default)
    unit: str
    range: str  # "Between 15 and 99 years." ("number" only)
    optional: bool
    progress: Progress | None  # None while an answer is being changed
    changing: bool  # an answer changed from the review or the results

    @property
    def id(self) -> str:
        return self.question.id

    def value(self, picked: Sequence[str]) -> Value:
        """The answer from what was picked (options' ids, or what a person typed for
        one: a label, "oui", a month's name) or typed (one text for "number"),
        checked as every front end checks it; AnswerError says what is wrong."""
        question, lang = self.question, self.lang
        ids = {option.id for option in self.options}
        if self.kind == "number":
            return parse_text(question, picked[0] if picked else "", lang)
        if self.kind == "multi":
            chosen: set[str] = set()
            for item in picked:
                if item in ids:
                    chosen.add(item)
                    continue
                # A label, or the checks' own message: "“x” is not one of the choices: a, b".
                found = parse_text(question, item, lang)
                if isinstance(found, frozenset):
                    chosen.update(str(v) for v in found)
            return frozenset(chosen)
        if len(picked) > 1:
            raise AnswerError(ANSWERS(lang, "choose_one"))
        if not picked or not picked[0].strip():
            if self.optional and self.kind == "month":
                return None
            raise AnswerError(ANSWERS(lang, "choose_one"))
        item = picked[0]
        if item not in ids:
            return parse_text(question, item, lang)
        if self.kind == "yes_no":
            return item == YES
        if self.kind == "month":
            return None if item == NOT_KNOWN else int(item)
        return item


def asked(
    question: Question,
    value: Value,
    lang: str,
    *,
    draft: str | None = None,
    progress: Progress | None = None,
    changing: bool = False,
) -> Asked:
    """``question`` as it is asked, ``value`` (the answer kept, else the default)
    ticked or typed back, ``draft`` the text a number field held when left."""
    kind = answer_kind(question)
    typed = ""
    if kind == "number":
        typed = draft if draft is not None else number_text(value, lang)
    return Asked(
        question=question,
        lang=lang,
        kind=kind,
        prompt=text(question.prompt, lang),
        short=text(question.short, lang),
        help=text(question.help, lang),
        options=options(question, value, lang),
        text=typed,
        unit=tr(question.unit, lang),
        range=range_hint(question, lang) if kind == "number" else "",
        optional=question.optional,
        progress=progress,
        changing=changing,
    )


def number_text(value: Value, lang: str) -> str:
    """A number answer as it is typed back into its field."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value, lang)
    return ""


def text(value: Text | None, lang: str) -> str:
    """A flow text in ``lang`` with the language's spacing."""
    return typography(tr(value, lang), lang)


def answer_kind(question: Question) -> AnswerKind:
    """How ``question`` is answered: a month is a number picked from a list."""
    kind = question.kind
    match kind:
        case "number":
            return "month" if question.shown_as == "month" else "number"
        case "choice" | "multi" | "yes_no":
            return kind
        case _:
            assert_never(kind)


def range_hint(question: Question, lang: str) -> str:
    """ "Between 15 and 99 years.": what a number field takes ("" when unbounded)."""
    unit = tr(question.unit, lang)
    unit = f" {unit}" if unit else ""
    low, high = question.minimum, question.maximum
    if low is not None and high is not None:
        return TUI(lang, "number_range", min=number(low, lang), max=number(high, lang), unit=unit)
    if low is not None:
        return TUI(lang, "number_at_least", min=number(low, lang), unit=unit)
    if high is not None:
        return TUI(lang, "number_at_most", max=number(high, lang), unit=unit)
    return ""


def month_options(question: Question, lang: str) -> tuple[list[str], list[str]]:
    """A month question's choices: its months by number, then "not known" when it is
    optional (the answer stays the month's number)."""
    low, high = int(question.minimum or 1), int(question.maximum or 12)
    ids = [str(m) for m in range(low, high + 1)]
    labels = [month_name(m, lang).capitalize() for m in range(low, high + 1)]
    if question.optional:
        ids.append(NOT_KNOWN)
        labels.append(TUI(lang, "month_not_known"))
    return ids, labels


def selected_ids(question: Question, value: Value) -> set[str]:
    """The options ticked for ``value``, as ``Option.id``s."""
    kind = answer_kind(question)
    if kind == "yes_no":
        return set() if value is None else {YES if value else NO}
    if kind == "month":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {str(int(value))}
        return {NOT_KNOWN} if question.optional else set()
    if isinstance(value, frozenset):
        return {str(v) for v in value}
    return {value} if isinstance(value, str) else set()


def options(question: Question, value: Value, lang: str) -> tuple[Option, ...]:
    chosen = selected_ids(question, value)
    kind = answer_kind(question)
    if kind == "number":
        return ()
    if kind == "yes_no":
        pairs = [(YES, ANSWERS(lang, "yes"), ""), (NO, ANSWERS(lang, "no"), "")]
    elif kind == "month":
        ids, labels = month_options(question, lang)
        pairs = [(i, label, "") for i, label in zip(ids, labels, strict=True)]
    else:
        pairs = [(c.id, text(c.label, lang), text(c.help, lang)) for c in question.choices]
    return tuple(Option(i, label, hint, i in chosen) for i, label, hint in pairs)
