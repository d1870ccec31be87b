"""Every path through a flow ending in an outcome, checked exhaustively.

The path check is exhaustive without enumerating every answer: a number only
matters through the thresholds conditions compare it with, a multi-choice
answer only through the choices conditions test for, so each question's
possible answers are split into a few *cells* (cells.py; for ``age >= 26``: 25,
26, 27 and the ends of the range). The exploration then carries, from question
to question, only the cells of answers that a condition further on still reads,
and visits each (question, those cells) state once. A flow whose conditions
read only recent answers is checked in time linear in its size.

Comparisons that tie answers together (``age + months / 12 > 21``, ``months >
age``) have no threshold of their own: crossings.py adds the numbers where they
change outcome, which finds most dead ends behind them at once, with real
examples. That is a sample, not a proof (``a + b == 137 and a - b == 3`` holds
at one point, rarely tried), and so is combining at most ``MAX_TESTED_MEMBERS``
tested choices of a multi-choice answer (cells.py): past either, exact.py
decides with an SMT solver what this exploration did not find. What remains:

- The solver computes exactly, the engine in binary floating point: where the
  rounding of decimals or of very large numbers decides a comparison (``x +
  1e16 == 1e16`` holds for x = 1 in floating point), they can differ. What the
  solver finds is replayed through the engine before it is reported (exact
  answers floating point refuses are tried again as short decimals, then
  warned about), so this can hide a dead end only where exact arithmetic has no
  answer at all and floating point has one, and never invent one.
- What the solver cannot decide in its time (non-linear arithmetic over
  unbounded answers) is a warning ("could not prove"), never a pass.

The parts: order.py (the questions' order, where each answer is live),
signatures.py (the tests as bits, cells' signatures), steps.py (the records the
exploration keeps), exact.py with z3terms.py and z3paths.py (the solver).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping

from alternance_tui.flow.check.cells import ABSENT, MAX_TESTED_MEMBERS, Cell, make_cells
from alternance_tui.flow.check.findings import may_be_unanswered, no_outcome
from alternance_tui.flow.check.order import live_sets, question_children, topological_order
from alternance_tui.flow.check.rules import compile_rules
from alternance_tui.flow.check.signatures import number_tests, packed, sign_cells
from alternance_tui.flow.check.steps import (
    At,
    PlanBase,
    Reads,
    Rule,
    State,
    Step,
    Take,
    fresh_states,
    make_reads,
    make_step,
    taker,
    to_outcome,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.gcpause import paused_gc
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.problems import Problem

__all__ = ["PathExplorer", "question_children", "topological_order"]


class PathExplorer:
    """Follows every distinguishable answer through the flow (see module docstring)."""

    def __init__(
        self,
        flow: Flow,
        *,
        children: dict[str, tuple[str, ...]] | None = None,
        order: list[str] | None = None,
    ) -> None:
        """``children`` and ``order``, when the caller has them: ``question_children(flow)``
        and ``topological_order`` of it."""
        self.flow = flow
        self._children = children if children is not None else question_children(flow)
        if order is None:
            order = topological_order(self._children)
        rules = compile_rules(flow.questions.values())
        # For each question: the answers its rules read, and the rules compiled.
        self.refs, self.rules = rules.refs, rules.rules
        self.bounds, self.members = rules.bounds, rules.members
        # Answers some rule compares with another answer or computes with: their
        # cells are never merged (see signatures.py).
        self.opaque = rules.opaque
        # Where the exploration samples (exact.py then decides): comparisons tying
        # answers, multi-choice answers with more choices tested than cells combine.
        self.tied = bool(rules.relations)
        self.many_members = {n for n, m in rules.members.items() if len(m) > MAX_TESTED_MEMBERS}
        self.refs_order = {q: tuple(sorted(names)) for q, names in self.refs.items()}
        self.defaults = {q.id: q.default for q in flow.questions.values()}
        self.live = live_sets(self._children, self.refs, order)
        self.live_order = {q: tuple(sorted(names)) for q, names in self.live.items()}
        bits = number_tests(
            rules.own_tests,
            flow.questions.keys(),
            self.opaque,
            rules.compiled,
            self.live,
            self._children,
            order,
        )
        self.test_fns, self.tests = bits.functions, bits.ahead
        self._reads = {node: self._what_rules_read(node, bits.own[node]) for node in self.refs}
        # Worked out as the exploration needs them, once each.
        self._plan_base: dict[str, PlanBase] = {}
        self._steps: dict[tuple[str, str, tuple[Cell | None, ...]], Step] = {}
        self._ats: dict[str, At] = {}
        self._ahead: dict[str, tuple[int, ...]] = {}
        self._takers: dict[tuple[int, ...], Take] = {}
        self._cells: dict[str, list[Cell]] = {}
        self._own: dict[str, list[Cell]] = {}
        # The last run's problems, and the answers each rule may read unanswered.
        self.problems: dict[tuple[str, str], Problem] = {}
        self.unknown: dict[tuple[str, str], set[str]] = {}
        # How many states the last run visited (for benchmarks).
        self.visited = 0

    def _what_rules_read(self, node: str, masks: dict[str, int]) -> Reads | None:
        """What the rules of ``node`` can tell of the other answers they read (see
        ``Reads``); ``masks``: its own tests on each answer."""
        others = [name for name in self.refs_order[node] if name != node]
        if not others:
            return None
        at = [self.live_order[node].index(name) for name in others]
        masked = [packed(self.test_fns, n, masks.get(n), missing=True) for n in others]
        if len(others) == 1:
            return make_reads(take=None, masks=(), position=at[0], mask=masked[0])
        return make_reads(take=taker(at), masks=(*masked, 0), position=0, mask=0)

    def cells(self, question: Question) -> list[Cell]:
        known = self._cells.get(question.id)
        if known is None:
            known = self._cells[question.id] = make_cells(
                question, self.bounds, self.members, question.id in self.opaque
            )
        return known

    def _own_cells(self, question: Question) -> list[Cell]:
        """The cells of ``question`` that the tests from there on tell apart (the first
        of each kind, so that examples in messages show a real answer)."""
        known = self._own.get(question.id)
        if known is None:
            mask = self.tests[question.id].get(question.id)
            if mask is None:
                known = self.cells(question)
            else:
                cells = self.cells(question)
                sign_cells(self.test_fns, question.id, self.defaults.get(question.id), cells)
                packed = mask | mask << len(self.test_fns.get(question.id, ()))
                classes: dict[int, Cell] = {}
                for cell in cells:
                    classes.setdefault(cell.signature & packed, cell)
                known = list(classes.values())
            self._own[question.id] = known
        return known

    def run(self) -> list[Problem]:
        with paused_gc():
            return self._explore()

    def _explore(self) -> list[Problem]:
        flow = self.flow
        problems = self.problems = {}
        self.unknown = {}
        # Each run starts afresh (steps hold the questions' records).
        self._ats.clear()
        self._steps.clear()
        # A state is a question, the cells of the answers live there (in the order
        # of ``live_order``; ABSENT for one not given on the way) and its key: in
        # place of each cell, what the tests ahead can tell of it, its signature
        # under their mask. States the rest of the flow sees alike are one: the
        # first one met is kept, so that examples in messages are real paths. The
        # tests ahead of a question include those ahead of the next, so a key there
        # is the key here under the next question's masks. Cells and keys end with
        # an ABSENT and a 0 that answers not carried are taken from.
        start = self._at(flow.start)
        size = len(self.live_order[flow.start]) + 1
        cells0, key0 = (ABSENT,) * size, (0,) * size
        start.seen.add(key0)
        stack: list[State] = [(start, cells0, key0)]
        push = stack.append
        and_ = operator.and_
        signature = operator.attrgetter("signature")
        while stack:
            at, cells, key = stack.pop()
            # Where each answer here leads depends only on the other answers its
            # rules read, and on those only through what its rules can tell of
            # them: worked out once for each of those.
            reads = at.reads
            if reads is None:
                read: object = None
            else:
                take_read, read_masks, position, mask = reads
                if take_read is None:  # one answer read
                    read = cells[position].signature & mask
                else:
                    read = tuple(map(and_, map(signature, take_read(cells)), read_masks))
            plan = at.plans.get(read)
            if plan is None:
                plan = at.plans[read] = self._plan(at.question, cells, problems)
            for goal, own, take, masks, own_at, own_keys, fixed, target in plan:
                if goal is None:
                    if not target:
                        self._no_rule(at.question, cells, own[0], problems)
                    continue
                seen = goal.seen
                if fixed is not None:  # nothing carried over from this state
                    for next_key, state in fixed:
                        count = len(seen)
                        seen.add(next_key)  # hashing the key once, not for "in" then "add"
                        if len(seen) != count:
                            push(state)
                    continue
                assert take is not None
                next_key = take(key) if masks is None else tuple(map(and_, take(key), masks))
                if own_at < 0:
                    count = len(seen)
                    seen.add(next_key)
                    if len(seen) != count:  # the cells carried, only for a new state
                        push((goal, take(cells), next_key))
                    continue
                changed, changed_key = list(take(cells)), list(next_key)
                for cell, own_key in zip(own, own_keys, strict=True):
                    changed[own_at] = cell
                    changed_key[own_at] = own_key
                    next_key = tuple(changed_key)
                    count = len(seen)
                    seen.add(next_key)
                    if len(seen) != count:
                        push((goal, tuple(changed), next_key))
        self.visited = sum(len(at.seen) for at in self._ats.values())
        return list(problems.values())

    def _at(self, node: str) -> At:
        """``node`` as the exploration sees it (see ``At``)."""
        found = self._ats.get(node)
        if found is None:
            found = self._ats[node] = At(self.flow.questions[node], self._reads[node])
        return found

    def _packed_ahead(self, target: str) -> tuple[int, ...]:
        """The masks of the tests ahead of ``target`` over the signatures of the
        answers live there, in their order, and a 0 for the end of a state."""
        found = self._ahead.get(target)
        if found is None:
            ahead = self.tests[target]
            found = (*(packed(self.test_fns, n, ahead.get(n)) for n in self.live_order[target]), 0)
            self._ahead[target] = found
        return found

    def _plan(
        self,
        question: Question,
        cells: tuple[Cell, ...],
        problems: dict[tuple[str, str], Problem],
    ) -> list[Step]:
        """Where each cell of ``question`` leads when the answers live there are
        ``cells``: targets in order of first appearance, each with its cells (None
        when the answer is not live) and how states carry over to it."""
        node = question.id
        base = self._plan_base.get(node)
        if base is None:
            here = self.live_order[node]
            own_cells = self._own_cells(question) if node in self.live[node] else (None,)
            default = self.defaults[node]
            base = self._plan_base[node] = PlanBase(
                [(n, here.index(n), self.defaults[n]) for n in self.refs_order[node] if n != node],
                own_cells,
                # The answer each cell stands for, when the rules read it.
                [default if c is None or c.value is None else c.value for c in own_cells]
                if node in self.refs[node]
                else None,
            )
        reads, own, values = base
        env: dict[str, Value] = {}
        for name, at, default in reads:
            value = cells[at].value
            env[name] = default if value is None else value
        rules = self.rules[node]
        if values is None:  # the rules do not read this answer: one target for all
            target = self._follow(node, rules, env, problems) or ""
            return [self._step(node, target, tuple(own))]
        grouped: dict[str, list[Cell | None]] = {}
        for cell, value in zip(own, values, strict=True):
            env[node] = value
            target = self._follow(node, rules, env, problems) or ""
            there = grouped.get(target)
            if there is None:
                grouped[target] = [cell]
            else:
                there.append(cell)
        return [self._step(node, target, tuple(there)) for target, there in grouped.items()]

    def _step(self, node: str, target: str, there: tuple[Cell | None, ...]) -> Step:
        """The cells ``there`` of ``node`` going to ``target`` (see ``Step``); the
        same for every plan of ``node`` that sends them there."""
        found = self._steps.get((node, target, there))
        if found is not None:
            return found
        if target not in self.flow.questions:
            found = to_outcome(there, target)
        else:
            here = self.live_order[node]
            order = self.live_order[target]
            # -1 takes the ABSENT (or 0) at the end of a state.
            positions = tuple(
                [here.index(name) if name != node and name in here else -1 for name in order]
            )
            own_at = order.index(node) if node in order else -1
            masks = self._ahead.get(target) or self._packed_ahead(target)
            goal = self._ats.get(target) or self._at(target)
            own_keys: tuple[int, ...] = ()
            if own_at >= 0:
                own_mask = masks[own_at]
                own_keys = tuple([c.signature & own_mask for c in there if c is not None])
            if max(positions, default=-1) >= 0:
                # When no test is left behind for the answers carried, their parts of
                # the key stay as they are: no masks to apply.
                mine = self._ahead.get(node) or self._packed_ahead(node)
                narrows = False
                for j, i in enumerate(positions):
                    if i >= 0 and mine[i] & masks[j] != mine[i]:
                        narrows = True
                        break
                take = self._takers.get(positions)
                if take is None:
                    take = self._takers[positions] = taker(positions)
                found = make_step(
                    goal=goal,
                    there=there,
                    take=take,
                    masks=masks if narrows else None,
                    own_at=own_at,
                    own_keys=own_keys,
                    fixed=None,
                    target=target,
                )
            else:
                # Nothing carried from the state: the states this leads to are the
                # same from every state here.
                fixed = fresh_states(goal, there, len(masks), own_at, own_keys)
                found = make_step(
                    goal=goal,
                    there=there,
                    take=None,
                    masks=masks,
                    own_at=own_at,
                    own_keys=own_keys,
                    fixed=fixed,
                    target=target,
                )
        self._steps[(node, target, there)] = found
        return found

    def _follow(
        self,
        node: str,
        rules: tuple[Rule, ...],
        env: Mapping[str, Value],
        problems: dict[tuple[str, str], Problem],
    ) -> str | None:
        for index, (rule, test, reads) in enumerate(rules):
            if test is None:
                return rule.goto
            result = test(env)
            if result is None:
                missing = {n for n in reads if env.get(n) is None}
                if missing:
                    # One warning per rule, naming every answer it may lack.
                    key = (node, f"unknown:{index}")
                    names = self.unknown.setdefault(key, set())
                    if not missing <= names or key not in problems:
                        names |= missing
                        problems[key] = may_be_unanswered(self.flow.source, rule, names)
            elif result:
                return rule.goto
        return None

    def _no_rule(
        self,
        question: Question,
        cells: tuple[Cell, ...],
        own: Cell | None,
        problems: dict[tuple[str, str], Problem],
    ) -> None:
        if (question.id, "no_rule") in problems:
            return
        state = {
            name: cell
            for name, cell in zip(self.live_order[question.id], cells)  # noqa: B905
            if cell is not ABSENT
        }
        if own is not None:
            state[question.id] = own
        problems[(question.id, "no_rule")] = no_outcome(self.flow.source, question, state)
