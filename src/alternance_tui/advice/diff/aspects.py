"""One item's profiles, taken apart: who can get it, and what it pays them.

An item's status and reasons read a few answers (its rules'), its pay a few
others. Enumerating every combination of both along every path of the flow
(profiles.item_profiles) gives, for the apprenticeship, over a million profiles
that are nearly all one pay profile times one rule profile. So the flow is
walked forward once per item, keeping one path per distinct state:

- until no question ahead is read by the item's rules, a state is the question
  reached, the answers the route ahead reads, the answers the rules read, and
  the classes of the answers the pay reads (profiles.pay_classes);
- from there on, the rule answers are replaced by what they decide (``settle``:
  the item's verdict in both states of the rules, or None when the item is not
  open in both, which ends the path: a pay nobody gets does not count).

The rule profiles are those met when the rule answers are settled; the pay
profiles, the distinct states that reach an outcome. Each keeps the first path
that led to it, to show and replay.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from alternance_tui.advice.diff.classes import Classify, route_classes, unknowable
from alternance_tui.advice.diff.profiles import Answers, ItemSpace
from alternance_tui.flow.check.order import question_children, topological_order
from alternance_tui.flow.cond import Value
from alternance_tui.flow.cond.closures import compile_condition
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.walk import next_node

Env = dict[str, Value]
Settle = Callable[[Env], Hashable | None]
"""What the rule answers decide for the pay (None: the path stops counting)."""


@dataclass(slots=True)
class RuleProfile:
    node: str  # where the rule answers were all given (a question or an outcome)
    answers: Answers  # the path up to there
    env: Env  # what conditions see there


@dataclass(slots=True)
class ItemProfiles:
    rules: dict[tuple[Hashable, ...], RuleProfile] = field(default_factory=dict)
    pays: list[tuple[Answers, Env, Hashable]] = field(default_factory=list)


_OPEN = object()  # a state whose rule answers are not all given yet


def _ahead(flow: Flow) -> tuple[list[str], dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """The questions in an order where each comes before those it leads to, and for
    each: every question some path from it asks (itself included), and the answers
    the ``next`` rules from there on read (where the rest of a path can go depends
    on these only)."""
    order = topological_order(question_children(flow))  # (the checker proved no cycle)
    asked: dict[str, frozenset[str]] = {}
    reads: dict[str, tuple[str, ...]] = {}
    for node in reversed(order):
        names_asked = {node}
        names_read: set[str] = set()
        for rule in flow.questions[node].next:
            if rule.when is not None:
                names_read |= rule.when.names()
            names_asked |= asked.get(rule.goto, frozenset())
            names_read.update(reads.get(rule.goto, ()))
        asked[node] = frozenset(names_asked)
        reads[node] = tuple(sorted(names_read & flow.questions.keys()))
    return order, asked, reads


def _route_keys(
    flow: Flow, asked: dict[str, frozenset[str]], ahead: dict[str, tuple[str, ...]]
) -> tuple[dict[str, Callable[[Env], tuple[Hashable, ...]]], dict[str, Classify | None]]:
    """For each question: what tells apart the ways the rest of a path can go, the
    answers the ``next`` rules from there on read, each as those rules see it; and
    how they see the question's own answer (absent: they do not read it)."""
    keys: dict[str, Callable[[Env], tuple[Hashable, ...]]] = {}
    own: dict[str, Classify | None] = {}
    unknown = unknowable(flow.questions.values())
    for node, names in ahead.items():
        rules = [
            rule.when
            for ahead in asked[node]
            for rule in flow.questions[ahead].next
            if rule.when is not None
        ]
        classes = route_classes(rules, names, unknown)
        keys[node] = _classified(names, classes)
        if node in names:
            own[node] = classes.get(node)
    return keys, own


def _classified(
    names: tuple[str, ...], classes: dict[str, Classify]
) -> Callable[[Env], tuple[Hashable, ...]]:
    """The classes of ``names`` in an env, as a tuple."""
    pairs = [(n, classes.get(n)) for n in names]
    if all(classify is None for _, classify in pairs):
        return _getter(names)

    def key(env: Env) -> tuple[Hashable, ...]:
        return tuple([env[n] if c is None else c(env[n]) for n, c in pairs])

    return key


def _getter(names: tuple[str, ...]) -> Callable[[Env], tuple[Value, ...]]:
    """The values of ``names`` in an env, as a tuple (itemgetter gives a bare value for one)."""
    if not names:
        return lambda env: ()
    if len(names) == 1:
        name = names[0]
        return lambda env: (env[name],)
    return operator.itemgetter(*names)


def walk_item(flow: Flow, space: ItemSpace, settle: Settle) -> ItemProfiles:
    """The rule profiles and the pay profiles of one item (see the module's text)."""
    order, asked, ahead = _ahead(flow)
    rule_set = set(space.rule_names)
    rules_of = _classified(space.rule_names, space.rule_classes)
    ahead_of, route_sees = _route_keys(flow, asked, ahead)
    # Settled on arriving there: no question ahead is one the rules read.
    settles = {node: not rule_set & names for node, names in asked.items()}
    # Once settled, done on arriving there: no question ahead is one the pay reads,
    # so the rest of the path only has to reach an outcome (its first way does).
    pay_set = set(space.pay_names)
    done = {node: not pay_set & names for node, names in asked.items()}
    where = {name: index for index, name in enumerate(space.pay_names)}
    found = ItemProfiles()
    settled: dict[tuple[Hashable, ...], Hashable | None] = {}
    outcomes: dict[Hashable, None] = {}
    states: dict[str, dict[Hashable, tuple[Env, Answers, object, tuple[Hashable, ...]]]] = {
        n: {} for n in flow.questions
    }

    def arrive(
        target: str, env: Env, answers: Answers, token: object, pays: tuple[Hashable, ...]
    ) -> None:
        if token is _OPEN and settles.get(target, True):
            values = rules_of(env)
            if values not in settled:
                found.rules[values] = RuleProfile(target, answers, env)
                settled[values] = settle(env)
            token = settled[values]
            if token is None:
                return
        if token is not _OPEN and done.get(target, True):
            if (token, pays) in outcomes:
                return
            whole = _completion(flow, space, target, env, answers)
            if whole is not None:
                outcomes[token, pays] = None
                found.pays.append((whole[0], whole[1], token))
            return
        key = (
            (ahead_of[target](env), True, rules_of(env))
            if token is _OPEN
            else (
                ahead_of[target](env),
                False,
                token,
            )
        )
        states[target].setdefault((key, pays), (env, answers, token, pays))

    start: Env = {q.id: q.default for q in flow.questions.values()}
    # A question the other state of the rules asks and this flow does not: never
    # answered here, so "not given" (as conditions see a question off the path).
    for name in (*space.names, *space.rule_names, *space.pay_names):
        start.setdefault(name, None)
    arrive(flow.start, start, (), _OPEN, tuple(_class(space, n, start[n]) for n in space.pay_names))
    for node in order:
        question = flow.questions[node]
        next_of = _router(question)
        index = where.get(node)
        choices = _distinct(
            [
                (value, question.default if value is None else value)
                for value in space.values.get(node) or [question.default]
            ],
            [
                seen
                for seen, reads in (
                    (space.rule_classes.get(node), node in rule_set),
                    (space.pay_classes.get(node), node in pay_set),
                    (route_sees.get(node), node in route_sees),
                )
                if reads
            ],
        )
        classes = [_class(space, node, given) for _, given in choices]
        for env, answers, token, pays in states.pop(node, {}).values():
            for (value, given), cls in zip(choices, classes, strict=True):
                if env[node] == given and type(env[node]) is type(given):
                    after = env  # (the default, an answer the item does not read)
                else:
                    after = dict(env)
                    after[node] = given
                target = next_of(after)
                if target is None:
                    continue
                step = (*answers, (node, value)) if value is not None else answers
                now = pays if index is None else (*pays[:index], cls, *pays[index + 1 :])
                arrive(target, after, step, token, now)
    return found


def _router(question: Question) -> Callable[[Env], str | None]:
    """``next_node`` for one question, its conditions compiled (it runs for every state)."""
    rules = [
        (compile_condition(rule.when) if rule.when is not None else None, rule.goto)
        for rule in question.next
    ]

    def next_of(env: Env) -> str | None:
        for truth, goto in rules:
            if truth is None or truth(env) is True:
                return goto
        return None

    return next_of


def _distinct(
    choices: list[tuple[Value, Value]], seers: list[Classify | None]
) -> list[tuple[Value, Value]]:
    """One answer of each class the rules, the pay and the route together tell
    apart (as (tried, given) pairs): the others would only lead to the same states."""
    kept: dict[tuple[Hashable, ...], tuple[Value, Value]] = {}
    for value, given in choices:
        key = tuple(given if seer is None else seer(given) for seer in seers)
        kept.setdefault(key, (value, given))
    return list(kept.values())


def _class(space: ItemSpace, name: str, value: Value) -> Hashable:
    """How the item's pay sees ``value`` of ``name`` (as given if it has no class)."""
    classify = space.pay_classes.get(name)
    return classify(value) if classify is not None else value


def complete(flow: Flow, space: ItemSpace, node: str, env: Env, answers: Answers) -> Answers | None:
    """A whole path from ``node`` on, after ``answers``: the first answers that reach
    an outcome (None if none does)."""
    whole = _completion(flow, space, node, env, answers)
    return whole[0] if whole is not None else None


def _completion(
    flow: Flow, space: ItemSpace, node: str, env: Env, answers: Answers
) -> tuple[Answers, Env] | None:
    """``complete``'s answers, with what conditions see at the end of the path."""
    question = flow.questions.get(node)
    if question is None:
        return answers, env
    for value in space.values.get(node) or [question.default]:
        after = dict(env)
        after[node] = value if value is not None else question.default
        target = next_node(flow, question, after)
        if target is None:
            continue
        step = (*answers, (node, value)) if value is not None else answers
        whole = _completion(flow, space, target, after, step)
        if whole is not None:
            return whole
    return None
