"""Every path through a flow ending in an outcome, checked exhaustively.

The path check is exhaustive without enumerating every answer: a number only
matters through the thresholds conditions compare it with, a multi-choice
answer only through the choices conditions test for, so each question's
possible answers are split into a few *cells* (cells.py; for ``age >= 26``: 25,
26, 27 and the ends of the range). The exploration then carries, from question
to question, only the cells of answers that a condition further on still reads,
and visits each (question, those cells) state once. A flow whose conditions
read only recent answers is checked in time linear in its size.

Comparisons that tie answers together, arithmetic over answers against a number
(``age + months / 12 > 21``) or one answer against another (``months > age``),
have no threshold of their own: crossings.py finds where they change outcome
and adds those numbers as thresholds. What remains approximate:

- Only the other answers' representative numbers are combined (at most
  ``MAX_COMBINATIONS`` combinations per answer and comparison, three rounds),
  and each answer gets at most ``MAX_CROSSINGS`` numbers this way (each one
  multiplies the paths it is carried on; the first found, against the other
  answers' own thresholds and range ends, are kept): an outcome reached only in
  a small region cut out by several such comparisons (an equality between
  answers that holds at numbers no round reaches) can still go untried.
- An expression that is not affine in an answer (``size * size``, a division by
  an answer) is bisected only where its sign differs between two representative
  numbers: a narrow band where it changes sign and back in between is missed.
- A crossing of a decimal answer is tried at the hundredths either side of it.
- Multi-choice answers: at most ``MAX_TESTED_MEMBERS`` tested choices are combined.

(``MAX_COMBINATIONS`` and ``MAX_CROSSINGS`` are in crossings.py,
``MAX_TESTED_MEMBERS`` in cells.py.)
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Any

from alternance_tui.flow import cond
from alternance_tui.flow.check.cells import ABSENT, Cell, make_cells
from alternance_tui.flow.check.crossings import add_crossings
from alternance_tui.flow.check.gcpause import paused_gc
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, NextRule, Question
from alternance_tui.flow.problems import Problem


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


# Takes some of a state's cells, or of its key, and the last one.
_Take = Callable[[tuple[Any, ...]], tuple[Any, ...]]


def _taker(positions: tuple[int, ...] | list[int]) -> _Take:
    """The function taking the items at ``positions`` of a tuple, and its last."""
    if not positions:
        return lambda items: items[-1:]
    return operator.itemgetter(*positions, -1)


def _test_key(test: cond.Node) -> object:
    """What tells a test apart from another: its text for a comparison of an answer
    with constants or an answer alone (types included: ``x < 1`` is not
    ``x < true``), else the test itself."""
    if isinstance(test, cond.Name):
        return test.name
    if isinstance(test, cond.Compare):
        left, right = test.left, test.rights[0]
        if len(test.ops) == 1 and isinstance(left, cond.Name) and isinstance(right, cond.Const):
            return (test.ops, left.name, type(right.value), right.value)
        parts: list[object] = [test.ops]
        for operand in (test.left, *test.rights):
            if isinstance(operand, cond.Name):
                parts.append(operand.name)
            elif isinstance(operand, cond.Const):
                parts.append((type(operand.value), operand.value))
            elif isinstance(operand, cond.Seq):
                parts.append(tuple((type(v), v) for v in operand.items))
            else:
                return id(test)
        return tuple(parts)
    return id(test)


def _only_name(node: cond.Compare) -> str | None:
    """The answer in the most common comparisons, one answer against constants
    (``age >= 26``, ``16 <= age <= 29``, ``"a" in x``); None for any other."""
    name = None
    for operand in (node.left, *node.rights):
        if isinstance(operand, cond.Name):
            if name is not None and operand.name != name:
                return None
            name = operand.name
        elif not isinstance(operand, cond.Const | cond.Seq):
            return None
    return name


# A rule of a question: itself, its condition compiled (None: always taken) and
# the questions it reads.
_Rule = tuple[NextRule, cond.Evaluator | None, tuple[str, ...]]
# Where some answers to a question lead: the target question (None for an outcome,
# or nowhere: a dead end) and those answers (None: the answer is not carried);
# for a target question, the function taking what a state carries there from its
# cells (and from its key), the masks of the tests ahead of the target over those
# cells' signatures (None when they would leave the key as it is), where the
# question's own answer goes (-1: not carried) and what the tests ahead tell of
# each of those answers, and when the state carries nothing else there, the
# states it leads to (their keys and themselves); last, the target's id ("": a
# dead end).
_Step = tuple[
    "_At | None",
    tuple["Cell | None", ...],
    "_Take | None",
    tuple[int, ...] | None,
    int,
    tuple[int, ...],
    "list[tuple[tuple[int, ...], _State]] | None",
    str,
]
_State = tuple["_At", tuple["Cell", ...], tuple[int, ...]]


class _At:
    """A question as the exploration sees it: the keys of the states met there,
    its plans by what its rules can tell of the answers they read, and how to
    take that from a state (see ``PathExplorer._reads``)."""

    __slots__ = ("plans", "question", "reads", "seen")

    def __init__(
        self, question: Question, reads: tuple[_Take | None, tuple[int, ...], int, int] | None
    ) -> None:
        self.question = question
        self.reads = reads
        self.seen: set[tuple[int, ...]] = set()
        self.plans: dict[object, list[_Step]] = {}


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
        questions = flow.questions
        # For each question: the answers its rules read, and the rules compiled.
        self.refs: dict[str, frozenset[str]] = {}
        self.rules: dict[str, tuple[_Rule, ...]] = {}
        self.bounds: dict[str, set[float]] = {}
        self.members: dict[str, set[str]] = {}
        # Answers some rule compares with another answer or computes with: their
        # cells are never merged (see _tests_ahead).
        self.opaque: set[str] = set()
        self.relations: list[tuple[cond.Node, cond.Node]] = []
        own_tests: dict[str, dict[str, list[cond.Node]]] = {}
        known = questions.keys()
        # The functions of the rules' parts, for the tests on one answer among them.
        self._compiled: dict[int, cond.Evaluator] = {}
        for question in questions.values():
            names: set[str] = set()
            found: dict[str, list[cond.Node]] = {}
            compiled: list[_Rule] = []
            for rule in question.next:
                if rule.when is None:
                    compiled.append((rule, None, ()))
                    continue
                tree = rule.when.tree
                read: set[str] = set()
                # Thresholds, members and relations gathered for the whole flow.
                into = cond.Analysis(read, self.bounds, self.members, self.relations)
                self._collect_tests(tree, found, into)
                compiled.append(
                    (rule, cond.compile_tree(tree, self._compiled), tuple(read & known))
                )
                names |= read
            self.rules[question.id] = tuple(compiled)
            self.refs[question.id] = frozenset(names & known)
            own_tests[question.id] = found
        if self.relations:
            add_crossings(questions.values(), self.relations, self.bounds, self.opaque)
        self.refs_order = {q: tuple(sorted(names)) for q, names in self.refs.items()}
        self.defaults = {q.id: q.default for q in questions.values()}
        self._children = children if children is not None else question_children(flow)
        if order is None:
            order = topological_order(self._children)
        self.live = self._live_sets(order)
        self.live_order = {q: tuple(sorted(names)) for q, names in self.live.items()}
        # For each question, once: the other answers its rules read (where their
        # cells are in its states, their defaults), its cells and whether it reads its own.
        self._plan_base: dict[
            str, tuple[list[tuple[str, int, Value]], list[Cell] | tuple[None], list[Value] | None]
        ] = {}
        self._steps: dict[tuple[str, str, tuple[Cell | None, ...]], _Step] = {}
        self._ats: dict[str, _At] = {}
        self._ahead: dict[str, tuple[int, ...]] = {}
        # The functions taking what states carry, by the positions they take.
        self._takers: dict[tuple[int, ...], _Take] = {}
        self.test_fns: dict[str, list[tuple[int, cond.Evaluator]]] = {}
        self._own_masks: dict[str, dict[str, int]] = {}
        self.tests = self._tests_ahead(order, own_tests)
        # What a question's rules can tell of the other answers they read: the
        # function taking their cells from a state, and the masks of the question's
        # own tests over their signatures, with the "no answer" bit (see _packed);
        # for one answer read, the most common: None, (), its index and its mask.
        self._reads: dict[str, tuple[_Take | None, tuple[int, ...], int, int] | None] = {}
        for node, reads in self.refs_order.items():
            masks = self._own_masks[node]
            others = [name for name in reads if name != node]
            at = [self.live_order[node].index(name) for name in others]
            packed = [self._packed(n, masks.get(n), missing=True) for n in others]
            if len(others) == 1:
                self._reads[node] = (None, (), at[0], packed[0])
            elif others:
                self._reads[node] = (_taker(at), (*packed, 0), 0, 0)
            else:
                self._reads[node] = None
        self._cells: dict[str, list[Cell]] = {}
        self._own: dict[str, list[Cell]] = {}
        self._unknown: dict[tuple[str, str], set[str]] = {}
        # How many states the last run visited (for benchmarks).
        self.visited = 0

    def _collect_tests(
        self, node: cond.Node, found: dict[str, list[cond.Node]], into: cond.Analysis
    ) -> None:
        """The tests on one answer alone in a condition (``age >= 26``, ``"a" in x``,
        a yes/no answer itself); answers in any other part make them opaque. On the
        way, each part is analysed into ``into`` (one walk of the tree for both)."""
        if (
            isinstance(node, cond.Compare)
            and (name := cond.analyse_one_constant(node, into)) is not None
        ):
            # The most common test, one answer against one constant: no walk.
            found.setdefault(name, []).append(node)
        elif isinstance(node, cond.BoolOp):
            for operand in node.operands:
                self._collect_tests(operand, found, into)
        elif isinstance(node, cond.Not):
            self._collect_tests(node.operand, found, into)
        elif isinstance(node, cond.Name):
            into.names.add(node.name)
            found.setdefault(node.name, []).append(node)
        elif not isinstance(node, cond.Const):
            cond.analyse(node, into)
            if isinstance(node, cond.Compare) and (name := _only_name(node)) is not None:
                found.setdefault(name, []).append(node)
                return
            names = cond.names_in(node)
            if len(names) == 1 and isinstance(node, cond.Compare):
                found.setdefault(next(iter(names)), []).append(node)
            else:
                self.opaque.update(names)

    def _live_sets(self, order: list[str]) -> dict[str, set[str]]:
        """For each question, the answers a rule there or further on reads, among
        those that can be given before it (its own included).

        Answer ``a`` matters at question ``v`` when ``v`` comes after ``a`` and
        before (or is) a question reading ``a``. Walking back from the readers of
        ``a``, never past ``a`` in topological order, visits those questions (and
        perhaps side branches where ``a`` is never given, which costs nothing): the
        work is the total length of the answers' live ranges, not questions times
        answers.
        """
        flow = self.flow
        position = {node: index for index, node in enumerate(order)}
        parents: dict[str, list[str]] = {q: [] for q in flow.questions}
        for node, targets in self._children.items():
            for target in targets:
                parents[target].append(node)
        readers: dict[str, list[str]] = {}
        for node, names in self.refs.items():
            for name in names:
                readers.setdefault(name, []).append(node)
        live: dict[str, set[str]] = {q: set() for q in flow.questions}
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

    def _tests_ahead(
        self, order: list[str], own_tests: dict[str, dict[str, list[cond.Node]]]
    ) -> dict[str, dict[str, int]]:
        """For each question and each live answer there that is not opaque, the
        tests on that answer that rules there or further on make, as bits.

        Two cells of an answer that every test ahead sees alike lead to the same
        paths, so the exploration visits them once (see ``_explore``): an age of
        17 or of 20 is the same thing once only ``age >= 18`` is left to ask.
        """
        flow = self.flow
        # A test written the same way in several rules (an age read again and again)
        # is one bit; any other test is a bit of its own (two that always agree tell
        # cells apart no differently than one).
        numbering: dict[str, dict[object, int]] = {}
        own_masks: dict[str, dict[str, int]] = {}
        for node, found in own_tests.items():
            masks: dict[str, int] = {}
            for name, nodes in found.items():
                if name in self.opaque or name not in flow.questions:
                    continue
                numbers = numbering.setdefault(name, {})
                mask = 0
                for test in nodes:
                    key = _test_key(test)
                    bit = numbers.get(key)
                    if bit is None:
                        bit = numbers[key] = 1 << len(numbers)
                        function = self._compiled.get(id(test)) or cond.compile_tree(test)
                        self.test_fns.setdefault(name, []).append((bit, function))
                    mask |= bit
                masks[name] = mask
            own_masks[node] = masks
        self._own_masks = own_masks
        ahead: dict[str, dict[str, int]] = {}
        opaque, live, every_child = self.opaque, self.live, self._children
        for node in reversed(order):
            children = [ahead[t] for t in every_child[node]]
            mine = own_masks[node]
            masks = {}
            for name in live[node] - opaque if opaque else live[node]:
                mask = mine.get(name, 0)
                for child in children:
                    mask |= child.get(name, 0)
                masks[name] = mask
            ahead[node] = masks
        return ahead

    def _sign_cells(self, name: str, cells: list[Cell]) -> None:
        """Sets each cell's signature: with n tests on ``name``, bits 0 to n - 1 for
        those that hold, n to 2n - 1 for those that cannot tell, 2n for no answer
        at all, and 2n + 1 always set, so that a cell is never 0 as ABSENT is."""
        tests = self.test_fns.get(name, ())
        shift = len(tests)
        present = 1 << 2 * shift + 1
        default = self.defaults.get(name)
        env: dict[str, Value] = {}
        for cell in cells:
            value = env[name] = cell.value if cell.value is not None else default
            true = unknown = 0
            for bit, test in tests:
                result = test(env)
                if result is None:
                    unknown |= bit
                elif result:
                    true |= bit
            cell.signature = true | unknown << shift | (value is None) << 2 * shift | present

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
                self._sign_cells(question.id, cells)
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
        problems: dict[tuple[str, str], Problem] = {}
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
        stack: list[_State] = [(start, cells0, key0)]
        push = stack.append
        and_ = operator.and_
        signature = operator.attrgetter("signature")
        while stack:
            at, cells, key = stack.pop()
            # Where each answer here leads depends only on the other answers its
            # rules read, and on those only through what its rules can tell of
            # them: worked out once for each of those.
            spec = at.reads
            if spec is None:
                read: object = None
            elif spec[0] is None:  # one answer read: its index and mask
                read = cells[spec[2]].signature & spec[3]
            else:
                read = tuple(map(and_, map(signature, spec[0](cells)), spec[1]))
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

    def _at(self, node: str) -> _At:
        """``node`` as the exploration sees it (see ``_At``)."""
        found = self._ats.get(node)
        if found is None:
            found = self._ats[node] = _At(self.flow.questions[node], self._reads[node])
        return found

    def _packed_ahead(self, target: str) -> tuple[int, ...]:
        """The masks of the tests ahead of ``target`` over the signatures of the
        answers live there, in their order, and a 0 for the end of a state."""
        found = self._ahead.get(target)
        if found is None:
            ahead = self.tests[target]
            found = (*(self._packed(n, ahead.get(n)) for n in self.live_order[target]), 0)
            self._ahead[target] = found
        return found

    def _packed(self, name: str, mask: int | None, missing: bool = False) -> int:
        """``mask`` over a cell's signature (see ``_sign_cells``): the tests that hold
        and those that cannot tell, whether there is an answer there at all, and
        with ``missing`` whether it is no answer. For an answer whose cells are
        never merged (``mask`` None), every bit: the cell's own number."""
        if mask is None:
            return -1
        shift = len(self.test_fns.get(name, ()))
        return mask | mask << shift | (1 << 2 * shift if missing else 0) | 1 << 2 * shift + 1

    def _plan(
        self,
        question: Question,
        cells: tuple[Cell, ...],
        problems: dict[tuple[str, str], Problem],
    ) -> list[_Step]:
        """Where each cell of ``question`` leads when the answers live there are
        ``cells``: targets in order of first appearance, each with its cells (None
        when the answer is not live) and how states carry over to it."""
        node = question.id
        base = self._plan_base.get(node)
        if base is None:
            here = self.live_order[node]
            own_cells = self._own_cells(question) if node in self.live[node] else (None,)
            default = self.defaults[node]
            base = self._plan_base[node] = (
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

    def _step(self, node: str, target: str, there: tuple[Cell | None, ...]) -> _Step:
        """The cells ``there`` of ``node`` going to ``target`` (see ``_Step``); the
        same for every plan of ``node`` that sends them there."""
        found = self._steps.get((node, target, there))
        if found is not None:
            return found
        if target not in self.flow.questions:
            found = (None, there, None, (), -1, (), None, target)
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
                    take = self._takers[positions] = _taker(positions)
                found = (
                    goal,
                    there,
                    take,
                    masks if narrows else None,
                    own_at,
                    own_keys,
                    None,
                    target,
                )
            else:
                # Nothing carried from the state: the states this leads to are the
                # same from every state here.
                blank = (ABSENT,) * len(masks), (0,) * len(masks)
                fixed = [(blank[1], (goal, *blank))]
                if own_at >= 0:
                    fixed = []
                    present = [c for c in there if c is not None]
                    for cell, own_key in zip(present, own_keys, strict=True):
                        key = (*blank[1][:own_at], own_key, *blank[1][own_at + 1 :])
                        cells = (*blank[0][:own_at], cell, *blank[0][own_at + 1 :])
                        fixed.append((key, (goal, cells, key)))
                found = (goal, there, None, masks, own_at, own_keys, fixed, target)
        self._steps[(node, target, there)] = found
        return found

    def _follow(
        self,
        node: str,
        rules: tuple[_Rule, ...],
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
                    names = self._unknown.setdefault(key, set())
                    if not missing <= names or key not in problems:
                        names |= missing
                        problems[key] = Problem(
                            self.flow.source,
                            f"this condition reads {', '.join(sorted(names))}, which may not be "
                            "answered yet on some paths (it then counts as false); ask it "
                            "earlier or give it a default",
                            (*rule.where, "when"),
                            severity="warning",
                        )
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
        example = ", ".join(f"{n} = {c.label}" for n, c in sorted(state.items())) or "any answer"
        problems[(question.id, "no_rule")] = Problem(
            self.flow.source,
            f"a path ends here with no outcome: no `next` rule applies when {example}; "
            "add a last rule without `when`",
            (*question.where, "next"),
        )
