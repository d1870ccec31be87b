"""Exact answers where comparisons tie answers together: the solver's part of the check.

The cell method (explore.py) is exact for conditions that compare one answer
with numbers or choices. Where a comparison ties answers together (``a + b ==
137``, ``months > age``) it tries the numbers crossings.py finds: every dead end
it reports is real, but a path reached only through a point or a thin band that
those numbers miss goes untried. Past such a comparison, this module asks an
SMT solver (z3, through z3paths.py) what the exploration answered by trying:

- can a path reach this question and find no rule there that applies? (each
  question after a tied comparison whose rules all have a `when`);
- can a rule there be tried with an answer it reads not given? (each answer a
  rule there reads that has no default and is not given on every path to it);
- last, for a dead end the cells did find there: which answers, from the start,
  lead to it (their example names only the answers still read there).

Each "yes" comes with answers that are replayed through the engine's own walk
before they are reported; a question the solver cannot decide (a non-linear
constraint it gives up on) is a located warning, never a pass. z3 is imported
only when there is something to ask: a flow without tied comparisons, or one
whose questions past them all end with a rule without `when` and read only
answers given on every path to them (the shipped flow), never loads it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import Cell
from alternance_tui.flow.check.explore import PathExplorer
from alternance_tui.flow.check.findings import (
    may_be_unanswered,
    no_outcome,
    undecided_dead_end,
    undecided_unanswered,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, NextRule
from alternance_tui.flow.walk import walk

# A dead end's example shows every answer on its path up to this many; on a
# longer path, those the rules on the way read.
MAX_SHOWN = 12
# How long the solver may look for the whole path to a dead end the cells found.
EXAMPLE_MS = 2_000


@dataclass
class Doubts:
    """What the exploration could not settle by trying: questions that may be dead
    ends, and (question, rule index, answer) that may be read before it is given."""

    dead_ends: list[str] = field(default_factory=list)
    unanswered: list[tuple[str, int, str]] = field(default_factory=list)
    # Dead ends the cells found past a tied comparison: their example names only
    # the answers live there ("c = no"), not those that lead there.
    examples: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.dead_ends or self.unanswered or self.examples)


def doubts(
    flow: Flow,
    children: Mapping[str, tuple[str, ...]],
    order: list[str],
    explorer: PathExplorer,
) -> Doubts:
    """What the exploration (``explorer``, after its run) sampled and did not
    already report: past a comparison that ties answers together, or a test of a
    multi-choice answer with more choices tested than its cells combine."""
    found = Doubts()
    problems, unknown, many = explorer.problems, explorer.unknown, explorer.many_members
    tied = [
        q.id
        for q in flow.questions.values()
        if any(r.when is not None and _sampled(r.when.tree, many) for r in q.next)
    ]
    if not tied:
        return found
    after = _descendants(children, tied)
    dominator = _dominators(flow, children, order)
    position = {q: i for i, q in enumerate(order)}
    for node in (q for q in order if q in after and q in dominator):
        question = flow.questions[node]
        if all(r.when is not None for r in question.next):
            if (node, "no_rule") in problems:
                found.examples.append(node)
            else:
                found.dead_ends.append(node)
        for index, rule in enumerate(question.next):
            if rule.when is None:
                break  # the rules after it are never tried
            reported = unknown.get((node, f"unknown:{index}"), set())
            for name in sorted(rule.when.names()):
                read = flow.questions.get(name)
                if read is None or read.default is not None or name in reported:
                    continue
                if read.optional or not _dominates(name, node, dominator, position):
                    found.unanswered.append((node, index, name))
    return found


def prove(
    flow: Flow, children: Mapping[str, tuple[str, ...]], order: list[str], explorer: PathExplorer
) -> None:
    """Settles the doubts left by ``explorer``'s run, adding to its ``problems``
    (and to ``unknown``, the answers each rule may read before they are given)."""
    problems, unknown = explorer.problems, explorer.unknown
    left = doubts(flow, children, order, explorer)
    if not left:
        return
    source = flow.source
    try:
        from alternance_tui.flow.check.z3paths import Found, Prover, Unsure
    except ImportError as exc:  # installed without its dependencies
        reason = f"the z3 solver could not be loaded: {exc}"
        for node in left.dead_ends:
            problems[(node, "undecided")] = undecided_dead_end(source, flow.questions[node], reason)
        for node, index, name in left.unanswered:
            rule = flow.questions[node].next[index]
            problems[(node, f"undecided:{index}:{name}")] = undecided_unanswered(
                source, rule, name, reason
            )
        return
    prover = Prover(flow, children, order)
    for node in left.dead_ends:
        question = flow.questions[node]
        finding = prover.dead_end(node, functools.partial(_stuck_at, flow, node=node))
        if isinstance(finding, Found):
            shown = _shown(flow, finding.answers)
            problems[(node, "no_rule")] = no_outcome(source, question, shown)
        elif isinstance(finding, Unsure):
            problems[(node, "undecided")] = undecided_dead_end(source, question, finding.reason)
    for node, index, name in left.unanswered:
        key = (node, f"unknown:{index}")
        rule = flow.questions[node].next[index]
        confirm = functools.partial(_unknown_at, flow, node=node, index=index, name=name)
        finding = prover.unanswered(node, index, name, confirm)
        if isinstance(finding, Found):
            names = unknown.setdefault(key, set())
            names.add(name)
            problems[key] = may_be_unanswered(source, rule, names)
        elif isinstance(finding, Unsure):
            problems[(node, f"undecided:{index}:{name}")] = undecided_unanswered(
                source, rule, name, finding.reason
            )
    # Last, so that the proofs above have the solver's time first: a whole path to
    # each dead end the cells found, where the solver finds one soon (a better
    # example is not worth a long wait).
    for node in left.examples:
        stuck = functools.partial(_stuck_at, flow, node=node)
        finding = prover.dead_end(node, stuck, limit_ms=EXAMPLE_MS)
        if isinstance(finding, Found):
            shown = _shown(flow, finding.answers)
            problems[(node, "no_rule")] = no_outcome(source, flow.questions[node], shown)


# --- replaying the solver's answers through the engine ------------------------------------


def _stuck_at(flow: Flow, answers: Mapping[str, Value], *, node: str) -> bool:
    state = walk(flow, answers)
    return state.current == node and node in state.answers and not state.complete


def _unknown_at(flow: Flow, answers: Mapping[str, Value], node: str, index: int, name: str) -> bool:
    """Whether, with ``answers``, the walk reaches ``node``, tries rule ``index``
    there without an answer to ``name``, and the rule gives no answer."""
    state = walk(flow, answers)
    if node not in state.path or node not in state.answers:
        return False
    given = state.path[: state.path.index(node) + 1]
    env: dict[str, Value] = {q.id: q.default for q in flow.questions.values()}
    env.update({q: state.answers[q] for q in given if state.answers[q] is not None})
    rules: tuple[NextRule, ...] = flow.questions[node].next
    if any(r.when is None or r.when.evaluate(env) for r in rules[:index]):
        return False
    when = rules[index].when
    return when is not None and when.evaluate(env) is None and env.get(name) is None


def _shown(flow: Flow, answers: Mapping[str, Value]) -> dict[str, Cell]:
    """The answers a dead end's message gives: all on its path, or on a long path,
    those its rules read (the others may be anything)."""
    names = list(answers)
    if len(names) > MAX_SHOWN:
        read: set[str] = set()
        for name in answers:
            for rule in flow.questions[name].next:
                if rule.when is not None:
                    read |= rule.when.names()
        names = [n for n in answers if n in read]
    return {name: Cell(answers[name]) for name in names}


def _sampled(tree: cond.Node, many: set[str]) -> bool:
    """Whether the exploration only samples this condition's answers."""
    analysis = cond.analyse(tree)
    return bool(analysis.relations) or not many.isdisjoint(analysis.members)


# --- the flow's shape ---------------------------------------------------------------------


def _descendants(children: Mapping[str, tuple[str, ...]], roots: list[str]) -> set[str]:
    seen = set(roots)
    stack = list(roots)
    while stack:
        for child in children[stack.pop()]:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def _dominators(
    flow: Flow, children: Mapping[str, tuple[str, ...]], order: list[str]
) -> dict[str, str]:
    """The immediate dominator of each question asked on some path (the last
    question every path to it passes through; the start's is itself), by Cooper,
    Harvey and Kennedy's intersection of the paths' dominators, in one pass in
    topological order."""
    position = {q: i for i, q in enumerate(order)}
    parents: dict[str, list[str]] = {q: [] for q in children}
    for node in order:
        for child in children[node]:
            parents[child].append(node)
    dominator = {flow.start: flow.start}
    for node in order:
        if node == flow.start:
            continue
        known = [p for p in parents[node] if p in dominator]
        if not known:
            continue  # never asked
        found = known[0]
        for other in known[1:]:
            a, b = found, other
            while a != b:
                while position[a] > position[b]:
                    a = dominator[a]
                while position[b] > position[a]:
                    b = dominator[b]
            found = a
        dominator[node] = found
    return dominator


def _dominates(
    name: str, node: str, dominator: Mapping[str, str], position: Mapping[str, int]
) -> bool:
    """Whether every path to ``node`` passes through ``name`` (or it is ``node``)."""
    at = position.get(name)
    while node in dominator and at is not None:
        if node == name:
            return True
        if position[node] <= at or dominator[node] == node:
            return False
        node = dominator[node]
    return False
