"""What a change of the rules changes for the people using them: two states (a
date, a bundle) compared on every distinct profile (profiles.py).

Pure: bundles and dates in, ``Diff`` out. The command line (``alternance
diff``) and a resumed session (for one person) show it; advice/render/diff.py words it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, cast

from alternance_tui.advice import model
from alternance_tui.advice.diff.aspects import Env, complete, walk_item
from alternance_tui.advice.diff.profiles import Answers, ItemSpace, Space
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.judge import ItemJudge
from alternance_tui.advice.pay.base import PayContext
from alternance_tui.advice.pay.estimate import estimate
from alternance_tui.advice.result import GridPayResult, HourlyPayResult, PayResult
from alternance_tui.flow.cond import Value
from alternance_tui.flow.gcpause import paused_gc
from alternance_tui.flow.model import Flow, tr
from alternance_tui.flow.walk import condition_env, walk

Kind = Literal["opened", "closed", "status", "pay", "reasons", "notes"]
# The order a reader wants them in: who gains or loses an item first.
KINDS: tuple[Kind, ...] = ("opened", "closed", "status", "pay", "reasons", "notes")

Amounts = tuple[tuple[str, float], ...]
"""An item's pay as comparable figures: ("1", 1234.56) per contract year of a grid,
("hourly", 4.5), ("total", ...) for an hourly bonus; empty when none."""


@dataclass(frozen=True, slots=True)
class Side:
    """One state of the rules: a bundle (with its engine) and a date."""

    engine: Engine
    as_of: dt.date
    label: str  # how the report names it: a date, a folder


@dataclass(frozen=True, slots=True)
class Change:
    section: str
    item: str
    title: str
    kind: Kind
    answers: Answers  # a profile: the answers a person gives
    old_status: str  # "eligible", "conditional", "not_eligible", or "absent"
    new_status: str
    old_pay: Amounts = ()
    new_pay: Amounts = ()
    old_reasons: tuple[str, ...] = ()
    new_reasons: tuple[str, ...] = ()
    # The answers this change depends on (those the item's rules read, or its pay
    # reads); the others on the path are one example. Empty: all of them.
    reads: tuple[str, ...] = ()
    # The card's notes (a dated fact such as an employer's aid), in both states.
    old_notes: tuple[str, ...] = ()
    new_notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Diff:
    old: str
    new: str
    profiles: int  # distinct profiles compared, over every item
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def profiles_changed(self) -> int:
        return len({c.answers for c in self.changes})


def amounts(pay: PayResult | None) -> Amounts:
    if isinstance(pay, GridPayResult):
        return tuple((str(y.year), y.monthly_gross_eur) for y in pay.years)
    if isinstance(pay, HourlyPayResult):
        return (("hourly", pay.hourly_min_eur), ("total", pay.total_min_eur))
    return ()


@dataclass(frozen=True, slots=True)
class Facts:
    """What a person sees of one item that a change of rules can change."""

    title: str
    status: str
    reasons: tuple[str, ...]
    pay: Amounts
    # None: not known (a session saved before notes were kept): not compared.
    notes: tuple[str, ...] | None = None

    @property
    def open(self) -> bool:
        return self.status != "not_eligible"


Chosen = tuple[tuple[str, Value], ...]
"""Answers "not known yet" replaced by those an item opens in, as (id, value)."""
Verdict = tuple[str, tuple[str, ...], Chosen, tuple[str, ...]]
"""An item's status, reasons, the answers its pay is worked out with, and its notes."""


class Judge:
    """One item under one state of the rules. Its status and reasons read a few
    answers, its pay a few others: each is worked out once per distinct set of
    the answers it reads, so that thousands of profiles cost a few hundred
    evaluations."""

    def __init__(
        self, side: Side, section_id: str, item_id: str, space: ItemSpace, lang: str
    ) -> None:
        self.side = side
        self.lang = lang
        self.section_id, self.item_id = section_id, item_id
        bundle = side.engine.bundle
        self.section = next((s for s in bundle.sections if s.id == section_id), None)
        items = self.section.items if self.section is not None else ()
        self.item = next((i for i in items if i.id == item_id), None)
        self.title = tr(self.item.title, lang) if self.item is not None else item_id
        self.rule_names, self.pay_names = space.rule_names, space.pay_names
        self._verdicts: dict[tuple[Value, ...], Verdict] = {}
        self._pays: dict[tuple[Value, ...], Amounts] = {}

    def facts(self, answers: Answers, env: Mapping[str, Value] | None = None) -> Facts | None:
        """None when the item is not in this state of the rules, or the answers make
        no whole path there. ``env``: what conditions see, when the caller knows it."""
        if self.item is None:
            return None
        if env is None:
            env = whole_path(self.side.engine.bundle.flow, answers)
            if env is None:
                return None
        status, reasons, chosen, notes = self.verdict(env)
        pay = self.pay(env, chosen) if status != "not_eligible" else ()
        return Facts(self.title, status, reasons, pay, notes)

    def rule_facts(self, env: Mapping[str, Value]) -> Facts | None:
        """What the item's rules make of ``env``, its pay left out."""
        if self.item is None:
            return None
        status, reasons, _, notes = self.verdict(env)
        return Facts(self.title, status, reasons, (), notes)

    def verdict(self, env: Mapping[str, Value]) -> Verdict:
        """The item's status and reasons, and the answers "not known yet" that its
        pay is worked out with (those of the first variant it opens in)."""
        key = tuple(map(env.get, self.rule_names))
        verdict = self._verdicts.get(key)
        if verdict is None:
            assert self.item is not None
            side = self.side
            judge = ItemJudge(
                side.engine.bundle, side.engine.rules, env, side.as_of, self.lang, what_if=False
            )
            found, why, opened, notes = judge.verdict(self.item)
            chosen = tuple((q, opened[q]) for q in judge.unknown)
            verdict = self._verdicts[key] = (
                found,
                tuple(r.text for r in why),
                chosen,
                tuple(n.text for n in notes),
            )
        return verdict

    def owns_pay(self) -> bool:
        """Whether the item has a pay of its own: a borrowed one (a course card
        showing the apprenticeship's) is the other item's, diffed there."""
        return (
            self.item is not None
            and self.item.pay is not None
            and not isinstance(self.item.pay, model.LikePay)
        )

    def pay(self, env: Mapping[str, Value], chosen: Chosen) -> Amounts:
        """The item's pay for ``env`` with the ``chosen`` answers (empty if none)."""
        if not self.owns_pay():
            return ()
        assert self.item is not None and self.item.pay is not None
        pay_env = {**env, **dict(chosen)} if chosen else env
        pay_key = tuple(map(pay_env.get, self.pay_names))
        known = self._pays.get(pay_key)
        if known is None:
            bundle = self.side.engine.bundle
            holds = self.side.engine.rules.holds
            ctx = PayContext(bundle.flow, pay_env, bundle.rates, self.side.as_of, self.lang, holds)
            result = estimate(self.item.pay, ctx, gross_only=True)
            known = self._pays[pay_key] = amounts(result)
        return known


def compare_item(
    section: str, item: str, answers: Answers, old: Facts | None, new: Facts | None
) -> Change | None:
    """What changed for one item and one profile: the most telling change only."""
    old_open = old is not None and old.open
    new_open = new is not None and new.open
    kind: Kind | None = None
    if old_open != new_open:
        kind = "opened" if new_open else "closed"
    elif old is None or new is None:
        pass  # closed in one state, not there in the other: nothing a person sees
    elif old.status != new.status:
        kind = "status"
    elif old.pay != new.pay:
        kind = "pay"
    elif old.reasons != new.reasons:
        kind = "reasons"
    elif old.open and old.notes is not None and new.notes is not None and old.notes != new.notes:
        kind = "notes"  # (a closed card's notes are nothing a person acts on)
    if kind is None:
        return None
    shown = new if new is not None else old
    return Change(
        section,
        item,
        shown.title if shown is not None else item,
        kind,
        answers,
        old.status if old is not None else "absent",
        new.status if new is not None else "absent",
        old.pay if old is not None else (),
        new.pay if new is not None else (),
        old.reasons if old is not None else (),
        new.reasons if new is not None else (),
        old_notes=(old.notes or ()) if old is not None else (),
        new_notes=(new.notes or ()) if new is not None else (),
    )


def items_of(sides: Sequence[Side]) -> list[tuple[str, str]]:
    """Every (section, item) of either state, in the order of the new one, then the old."""
    seen: dict[tuple[str, str], None] = {}
    for side in reversed(sides):
        for section in side.engine.bundle.sections:
            for item in section.items:
                seen.setdefault((section.id, item.id), None)
    return list(seen)


def diff(old: Side, new: Side, lang: str) -> Diff:
    """Every distinct profile whose recommendation differs between ``old`` and ``new``."""
    # Tens of thousands of small tuples and dicts, none in a cycle: the collector's
    # passes over them would cost as much as the work (as in the checker).
    with paused_gc():
        return _diff(old, new, lang)


def _diff(old: Side, new: Side, lang: str) -> Diff:
    one = old.engine.bundle is new.engine.bundle
    bundles = (new.engine.bundle,) if one else (old.engine.bundle, new.engine.bundle)
    space = Space(bundles, (old.as_of, new.as_of))
    # Two folders of one flow (rates or courses edited) are walked as one.
    same_flow = one or _unsourced(old.engine.bundle.flow) == _unsourced(new.engine.bundle.flow)
    changes: list[Change] = []
    profiles = 0
    for section_id, item_id in items_of((old, new)):
        item_space = space.item(section_id, item_id)
        before = Judge(old, section_id, item_id, item_space, lang)
        after = Judge(new, section_id, item_id, item_space, lang)
        if same_flow:
            profiles += _item_changes(new.engine.bundle.flow, item_space, before, after, changes)
        else:
            profiles += _two_flow_changes(
                tuple(b.flow for b in bundles), item_space, before, after, changes
            )
    return Diff(old.label, new.label, profiles, tuple(changes))


def whole_path(flow: Flow, answers: Answers) -> Mapping[str, Value] | None:
    """What conditions see for ``answers`` in ``flow``; None if they leave a
    question on their path unanswered."""
    state = walk(flow, dict(answers), use_defaults=True)
    return condition_env(flow, state.answers) if state.complete else None


def _unsourced(flow: Flow) -> Flow:
    """The flow whatever folder it was read from."""
    return replace(flow, source="")


def _item_changes(
    flow: Flow, space: ItemSpace, before: Judge, after: Judge, into: list[Change]
) -> int:
    """One item's changes, its rule profiles and its pay profiles apart (aspects.py);
    gives how many profiles were compared."""
    section, item = before.section_id, before.item_id
    paid = before.owns_pay() or after.owns_pay()

    def settle(env: Env) -> Hashable | None:
        if not paid or before.item is None or after.item is None:
            return None
        old_status, _, old_chosen, _ = before.verdict(env)
        new_status, _, new_chosen, _ = after.verdict(env)
        if old_status == "not_eligible" or new_status == "not_eligible":
            return None  # opened or closed: a change of who gets it, not of pay
        return old_chosen, new_chosen

    found = walk_item(flow, space, settle)
    for profile in found.rules.values():
        old_facts = before.rule_facts(profile.env)
        new_facts = after.rule_facts(profile.env)
        change = compare_item(section, item, (), old_facts, new_facts)
        if change is None:
            continue
        answers = complete(flow, space, profile.node, profile.env, profile.answers)
        if answers is not None:
            into.append(replace(change, answers=answers, reads=space.rule_names))
    for answers, env, token in found.pays:
        old_chosen, new_chosen = cast(tuple[Chosen, Chosen], token)
        old_pay, new_pay = before.pay(env, old_chosen), after.pay(env, new_chosen)
        if old_pay != new_pay:
            old_status, new_status = before.verdict(env)[0], after.verdict(env)[0]
            into.append(
                Change(
                    section,
                    item,
                    after.title,
                    "pay",
                    answers,
                    old_status,
                    new_status,
                    old_pay,
                    new_pay,
                    reads=space.pay_names,
                )
            )
    return len(found.rules) + len(found.pays)


def _two_flow_changes(
    flows: Sequence[Flow], space: ItemSpace, before: Judge, after: Judge, into: list[Change]
) -> int:
    """One item's changes between two different flows (a question added, a route
    moved): each flow's rule and pay profiles, open or not, each whole path walked
    again in both flows, as a person would answer it there."""
    paid = before.owns_pay() or after.owns_pay()

    def settle(env: Env) -> Hashable | None:
        # Every pay profile counts, open or not, but one open and one closed stay
        # apart (the verdicts here are this flow's: each path is walked again below).
        if not paid:
            return None
        return tuple(j.verdict(env)[0] if j.item else None for j in (before, after))

    seen: set[Answers] = set()
    for flow in flows:
        found = walk_item(flow, space, settle)
        paths = [complete(flow, space, p.node, p.env, p.answers) for p in found.rules.values()]
        paths += [answers for answers, _env, _token in found.pays]
        for answers in paths:
            if answers is None or answers in seen:
                continue
            seen.add(answers)
            # A path of one flow that leaves a question of the other unanswered is
            # nobody there: the other flow's own paths give those people.
            envs = [whole_path(j.side.engine.bundle.flow, answers) for j in (before, after)]
            if envs[0] is None or envs[1] is None:
                continue
            change = compare_item(
                before.section_id,
                before.item_id,
                answers,
                before.facts(answers, envs[0]),
                after.facts(answers, envs[1]),
            )
            if change is not None:
                into.append(change)
    return len(seen)
