"""The order of a flow's questions, and where each answer still matters."""

from __future__ import annotations

from collections.abc import Mapping

from alternance_tui.flow.model import Flow


def question_children(flow: Flow) -> dict[str, tuple[str, ...]]:
    """The questions each question leads to, each once."""
    questions = flow.questions
    return {
        q.id: tuple(dict.fromkeys(r.goto for r in q.next if r.goto in questions))
        for q in questions.values()
    }


def topological_order(children: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The questions in an order where each comes before those it leads to (Kahn's);
    those on a cycle, and after one, are left out."""
    indegree = dict.fromkeys(children, 0)
    for targets in children.values():
        for target in targets:
            indegree[target] += 1
    ready = [q for q, d in indegree.items() if d == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for target in children[node]:
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return order


def live_sets(
    children: Mapping[str, tuple[str, ...]],
    refs: Mapping[str, frozenset[str]],
    order: list[str],
) -> dict[str, set[str]]:
    """For each question, the answers a rule there or further on reads (``refs``:
    those each question's rules read), among those that can be given before it
    (its own included).

    Answer ``a`` matters at question ``v`` when ``v`` comes after ``a`` and
    before (or is) a question reading ``a``. Walking back from the readers of
    ``a``, never past ``a`` in topological order, visits those questions (and
    perhaps side branches where ``a`` is never given, which costs nothing): the
    work is the total length of the answers' live ranges, not questions times
    answers.
    """
    position = {node: index for index, node in enumerate(order)}
    parents: dict[str, list[str]] = {q: [] for q in children}
    for node, targets in children.items():
        for target in targets:
            parents[target].append(node)
    readers: dict[str, list[str]] = {}
    for node, names in refs.items():
        for name in names:
            readers.setdefault(name, []).append(node)
    live: dict[str, set[str]] = {q: set() for q in children}
    at = position.get
    for name, nodes in readers.items():
        floor = at(name, 0)
        seen = set(nodes)
        stack = list(nodes)
        while stack:
            node = stack.pop()
            live[node].add(name)
            for parent in parents[node]:
                if parent not in seen and at(parent, -1) >= floor:
                    seen.add(parent)
                    stack.append(parent)
    return live
