"""Walking a flow: where an interview stands for a given set of answers.

Everything here is a pure function of the flow and the answers. Answers are a
mapping of question id to value; values for questions that are not on the
current path are ignored (not deleted: the caller keeps them, so that a person
who changes their mind back finds what they typed).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question


class FlowLoopError(RuntimeError):
    """Raised only for flows that skipped the checker: a walk that revisits a question."""


@dataclass(frozen=True, slots=True)
class Walk:
    """Where the interview stands."""

    # Questions on the path, in order, the current (unanswered) one last if any.
    path: tuple[str, ...]
    # The answers the path uses, defaults filled in where `use_defaults` was asked.
    answers: Mapping[str, Value] = field(default_factory=dict)
    current: str | None = None
    outcome: str | None = None

    @property
    def complete(self) -> bool:
        return self.outcome is not None

    def previous(self, question_id: str) -> str | None:
        """The question asked before ``question_id`` on this path."""
        if question_id not in self.path:
            return None
        index = self.path.index(question_id)
        return self.path[index - 1] if index > 0 else None

    def following(self, question_id: str) -> str | None:
        if question_id not in self.path:
            return None
        index = self.path.index(question_id)
        return self.path[index + 1] if index + 1 < len(self.path) else None


def condition_env(flow: Flow, answers: Mapping[str, Value]) -> dict[str, Value]:
    """What conditions see: the answers given, and defaults for the rest."""
    env: dict[str, Value] = {}
    derived = []
    for question in flow.questions.values():
        value = answers.get(question.id)
        env[question.id] = value if value is not None else question.default
        if value is None and question.defaults:
            derived.append(question)
    # Derived defaults read only questions without any, all filled in above.
    for question in derived:
        env[question.id] = question.default_in(env)
    return env


def next_node(flow: Flow, question: Question, env: Mapping[str, Value]) -> str | None:
    """Where the first rule that holds leads; None when no rule holds."""
    for rule in question.next:
        if rule.when is None or rule.when.holds(env):
            return rule.goto
    return None


def walk(flow: Flow, answers: Mapping[str, Value], *, use_defaults: bool = False) -> Walk:
    """Follow the flow from its start with ``answers``.

    Stops at the first question without an answer (with ``use_defaults``, at
    the first *required* question without one: optional questions and
    questions with defaults are passed with their default).
    """
    path: list[str] = []
    on_path: set[str] = set()
    used: dict[str, Value] = {}
    env = _Env(flow, used)
    node = flow.start
    while node in flow.questions:
        if node in on_path:
            raise FlowLoopError(f"the flow loops back to {node!r}")
        question = flow.questions[node]
        path.append(node)
        on_path.add(node)
        if node in answers or use_defaults:
            # An optional question may be answered with "nothing" (None).
            value = answers.get(node)
            if value is None:
                value = question.default_in(env)
            if value is None and not question.optional:
                return Walk(tuple(path), used, current=node)
            used[node] = value
        else:
            return Walk(tuple(path), used, current=node)
        target = next_node(flow, question, env)
        if target is None:
            return Walk(tuple(path), used, current=node)
        node = target
    return Walk(tuple(path), used, outcome=node if node in flow.outcomes else None)


class _Env(Mapping[str, Value]):
    """What conditions see while walking: the answers used so far (all on the
    path), and defaults for every other question. A view, not a copy: building a
    dict of every question at every step made walking a long flow quadratic."""

    __slots__ = ("_flow", "_used")

    def __init__(self, flow: Flow, used: Mapping[str, Value]) -> None:
        self._flow = flow
        self._used = used

    def __getitem__(self, key: str) -> Value:
        question = self._flow.questions[key]
        value = self._used.get(key)
        return value if value is not None else question.default_in(self)

    def __iter__(self) -> Iterator[str]:
        return iter(self._flow.questions)

    def __len__(self) -> int:
        return len(self._flow.questions)


def predicted_path(flow: Flow, answers: Mapping[str, Value]) -> tuple[str, ...]:
    """The whole path as it looks now: answered questions, then the questions
    most likely to come, following defaults (unknown conditions are taken as
    false, so the prediction follows each question's fallback rule)."""
    state = walk(flow, answers)
    path = list(state.path)
    if state.current is None:
        return tuple(path)
    assumed: dict[str, Value] = dict(state.answers)
    env = _Env(flow, assumed)
    on_path = set(path)
    node: str | None = state.current
    while node in flow.questions and node is not None:
        question = flow.questions[node]
        if node not in assumed:
            assumed[node] = answers.get(node, question.default_in(env))
        node = next_node(flow, question, env)
        if node is not None and node in flow.questions:
            if node in on_path:
                break
            path.append(node)
            on_path.add(node)
    return tuple(path)


@dataclass(frozen=True, slots=True)
class Progress:
    """ "Question 4 of about 7": position counts only questions actually asked."""

    position: int
    total: int

    @property
    def exact(self) -> bool:
        return self.position == self.total


def progress(flow: Flow, answers: Mapping[str, Value], question_id: str) -> Progress:
    path = predicted_path(flow, answers)
    position = path.index(question_id) + 1 if question_id in path else len(walk(flow, answers).path)
    return Progress(position, max(position, len(path)))
