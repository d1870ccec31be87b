"""A flow's ``next`` rules compiled for the path exploration, and what they read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from alternance_tui.flow import cond
from alternance_tui.flow.check.crossings import add_crossings
from alternance_tui.flow.check.signatures import collect_tests
from alternance_tui.flow.check.steps import Rule, make_rule
from alternance_tui.flow.model import Question


@dataclass
class CompiledRules:
    """What the exploration needs of a flow's rules, gathered in one walk of them."""

    # For each question: the answers its rules read, and its rules compiled.
    refs: dict[str, frozenset[str]] = field(default_factory=dict)
    rules: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    # The numbers each answer is compared with, the choices tested for.
    bounds: dict[str, set[float]] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)
    # Answers some rule compares with another answer or computes with.
    opaque: set[str] = field(default_factory=set)
    relations: list[tuple[cond.Node, cond.Node]] = field(default_factory=list)
    # The functions of the rules' parts by id, for the tests on one answer among them.
    compiled: dict[int, cond.Evaluator] = field(default_factory=dict)
    # Each question's tests on one answer alone, by answer (see collect_tests).
    own_tests: dict[str, dict[str, list[cond.Node]]] = field(default_factory=dict)


def compile_rules(questions: Iterable[Question]) -> CompiledRules:
    """Compiles every rule and gathers the flow's thresholds, members and relations,
    adding the numbers where relations change outcome (crossings.py)."""
    questions = list(questions)
    known = {q.id for q in questions}
    found = CompiledRules()
    for question in questions:
        names: set[str] = set()
        tests: dict[str, list[cond.Node]] = {}
        compiled: list[Rule] = []
        for rule in question.next:
            if rule.when is None:
                compiled.append(make_rule(rule=rule, test=None, reads=()))
                continue
            tree = rule.when.tree
            read: set[str] = set()
            into = cond.Analysis(read, found.bounds, found.members, found.relations)
            collect_tests(tree, tests, into, found.opaque)
            test = cond.compile_tree(tree, found.compiled)
            compiled.append(make_rule(rule=rule, test=test, reads=tuple(read & known)))
            names |= read
        found.rules[question.id] = tuple(compiled)
        found.refs[question.id] = frozenset(names & known)
        found.own_tests[question.id] = tests
    if found.relations:
        add_crossings(questions, found.relations, found.bounds, found.opaque)
    return found
