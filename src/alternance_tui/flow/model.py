"""The runtime form of a flow: plain frozen dataclasses.

These are what the walker, the checker, the advice engine and the UI use. They
are built from the validated file models in ``schema.py`` and, being plain
dataclasses, can be cached on disk and loaded back without importing pydantic
(which keeps the application's start-up fast).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from alternance_tui.flow.cond import Condition, Value, Variable
from alternance_tui.flow.kinds import QuestionKind

# A text a person reads, by language code ("fr", "en").
Text = Mapping[str, str]


def tr(text: Text | None, lang: str) -> str:
    """The text in ``lang``; flows are checked to have every language, so the
    fallback only matters for hand-built objects in tests."""
    if not text:
        return ""
    return text.get(lang) or next(iter(text.values()))


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: Text
    help: Text | None = None
    # "Not known yet": the advice then covers every other choice in turn.
    unknown: bool = False


@dataclass(frozen=True, slots=True)
class NextRule:
    goto: str
    when: Condition | None = None
    # Where the rule stands in its file: ("questions", 1, "next", 0).
    where: tuple[str | int, ...] = ()


@dataclass(frozen=True, slots=True)
class DerivedDefault:
    """A default that follows other answers: ``value`` when ``when`` holds."""

    when: Condition
    value: Value


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: QuestionKind
    prompt: Text
    short: Text
    next: tuple[NextRule, ...]
    help: Text | None = None
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    unit: Text | None = None
    optional: bool = False
    default: Value = None
    where: tuple[str | int, ...] = ()
    # Tried in order before ``default``; they read only questions without any.
    defaults: tuple[DerivedDefault, ...] = ()
    # "month": a number from 1 to 12 a person reads and picks as a month's name.
    shown_as: str | None = None
    # The choices run from lowest to highest: a tail of them reads "X or higher".
    ordered: bool = False

    def choice(self, choice_id: str) -> Choice | None:
        for item in self.choices:
            if item.id == choice_id:
                return item
        return None

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)

    @property
    def required(self) -> bool:
        """A person must give an answer: nothing stands in for a missing one."""
        return not self.optional and self.default is None

    def default_in(self, env: Mapping[str, Value]) -> Value:
        """The default standing in for a missing answer, given the other answers."""
        for rule in self.defaults:
            if rule.when.holds(env):
                return rule.value
        return self.default

    def variable(self) -> Variable:
        return Variable(self.kind, frozenset(self.choice_ids))


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A word a person may not know (RSA, OPCO…), and what it means."""

    term: Text
    means: Text
    # The spellings a text may use; empty: the term itself, in each language.
    matches: tuple[str, ...] = ()
    short: Text | None = None  # a few words, for a printed page


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    title: Text
    text: Text | None = None
    where: tuple[str | int, ...] = ()


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    title: Text
    languages: tuple[str, ...]
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    description: Text | None = None
    source: str = ""
    # Further data files (advice, rates, catalogues) the flow brings with it,
    # as paths relative to the flow file. The flow engine only checks they exist.
    uses: tuple[str, ...] = ()
    # Words explained to the person (flow/glossary.py finds them in a text).
    glossary: tuple[GlossaryEntry, ...] = ()

    def scope(self) -> dict[str, Variable]:
        return {q.id: q.variable() for q in self.questions.values()}
