"""Soundness of a flow's graph: reachability, cycles, and every path ending in an outcome.

``check_flow`` runs the checks of the graph itself here (rules never tried,
questions and outcomes never reached, cycles), then, on a flow without cycles,
the exhaustive path check, ``PathExplorer`` (explore.py; the answers it tries
are cells, cells.py, and comparisons that tie answers together get thresholds
from crossings.py). Past a comparison that ties answers together, what the
exploration could only try is decided exactly by an SMT solver (exact.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from alternance_tui.flow.check.exact import prove
from alternance_tui.flow.check.explore import PathExplorer, question_children, topological_order
from alternance_tui.flow.gcpause import paused_gc
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.problems import Problem

__all__ = ["PathExplorer", "check_flow"]


def check_flow(flow: Flow) -> list[Problem]:
    with paused_gc():
        return _check_flow(flow)


def _check_flow(flow: Flow) -> list[Problem]:
    problems: list[Problem] = []
    file = flow.source
    problems += _dead_rules(flow)
    reachable = _reachable(flow)
    for question in flow.questions.values():
        if question.id not in reachable:
            problems.append(
                Problem(
                    file,
                    f'question "{question.id}" is never asked: no `next` rule leads to it',
                    (*question.where, "id"),
                )
            )
    for outcome in flow.outcomes.values():
        if outcome.id not in reachable:
            problems.append(
                Problem(
                    file,
                    f'outcome "{outcome.id}" is never reached: no `next` rule leads to it',
                    (*outcome.where, "id"),
                )
            )
    children = question_children(flow)
    order = topological_order(children)
    # Kahn's order takes in every question exactly when there is no cycle: the
    # search that names them is needed only otherwise.
    cycles = _cycles(flow) if len(order) < len(children) else []
    for cycle in cycles:
        first = flow.questions[cycle[0]]
        problems.append(
            Problem(
                file,
                "the interview can go round in a circle: "
                + " → ".join([*cycle, cycle[0]])
                + "; a `next` rule must lead forward",
                (*first.where, "next"),
            )
        )
    if not cycles and flow.start in flow.questions:
        explorer = PathExplorer(flow, children=children, order=order)
        explorer.run()
        if explorer.tied or explorer.many_members:
            prove(flow, children, order, explorer)
        problems += explorer.problems.values()
    return problems


def _dead_rules(flow: Flow) -> list[Problem]:
    problems = []
    for question in flow.questions.values():
        for index, rule in enumerate(question.next[:-1]):
            if rule.when is None:
                problems.append(
                    Problem(
                        flow.source,
                        f"the rules after this one are never tried: it has no `when` "
                        f"(rules {index + 2} to {len(question.next)})",
                        rule.where,
                        severity="warning",
                    )
                )
                break
    return problems


def _targets(question: Question) -> list[str]:
    return [rule.goto for rule in question.next]


def _reachable(flow: Flow) -> set[str]:
    seen = {flow.start}
    stack = [flow.start]
    while stack:
        node = stack.pop()
        question = flow.questions.get(node)
        if question is None:
            continue
        for target in _targets(question):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _cycles(flow: Flow) -> list[list[str]]:
    """One cycle per strongly tied group of questions, found by iterative DFS."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(flow.questions, white)
    found: list[list[str]] = []
    for root in flow.questions:
        if colour[root] != white:
            continue
        stack: list[tuple[str, Iterable[str]]] = [(root, iter(_targets(flow.questions[root])))]
        trail = [root]
        colour[root] = grey
        while stack:
            node, children = stack[-1]
            advanced = False
            for child in children:
                if child not in flow.questions:
                    continue
                if colour[child] == grey:
                    found.append(trail[trail.index(child) :])
                elif colour[child] == white:
                    colour[child] = grey
                    trail.append(child)
                    stack.append((child, iter(_targets(flow.questions[child]))))
                    advanced = True
                    break
            if not advanced:
                colour[node] = black
                trail.pop()
                stack.pop()
    return found
