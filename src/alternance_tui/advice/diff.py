"""What a change of the rules changes for the people using them: two states (a
date, a bundle) compared on every distinct profile (profiles.py).

Pure: bundles and dates in, ``Diff`` out. The command line (``alternance
diff``) and a resumed session (for one person) show it; render_diff.py words it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from alternance_tui.advice import model
from alternance_tui.advice.engine import Advisor, Engine
from alternance_tui.advice.pay import estimate
from alternance_tui.advice.profiles import Answers, ItemSpace, Space, item_profiles
from alternance_tui.advice.result import GridPayResult, HourlyPayResult, PayResult
from alternance_tui.flow.check.gcpause import paused_gc
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import tr
from alternance_tui.flow.walk import condition_env, walk

Kind = Literal["opened", "closed", "status", "pay", "reasons"]
# The order a reader wants them in: who gains or loses an item first.
KINDS: tuple[Kind, ...] = ("opened", "closed", "status", "pay", "reasons")

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

    @property
    def open(self) -> bool:
        return self.status != "not_eligible"


# The space of a single profile: each judge is asked once, so caches key on nothing.
_ONE = ItemSpace((), {})


class _Judge:
    """One item under one state of the rules. Its status and reasons read a few
    answers, its pay a few others: each is worked out once per distinct set of
    the answers it reads, so that thousands of profiles cost a few hundred
    evaluations."""

    def __init__(
        self, side: Side, section_id: str, item_id: str, space: ItemSpace, lang: str
    ) -> None:
        self.side = side
        self.lang = lang
        bundle = side.engine.bundle
        self.section = next((s for s in bundle.sections if s.id == section_id), None)
        items = self.section.items if self.section is not None else ()
        self.item = next((i for i in items if i.id == item_id), None)
        self.title = tr(self.item.title, lang) if self.item is not None else item_id
        self.rule_names, self.pay_names = space.rule_names, space.pay_names
        self._verdicts: dict[tuple[Value, ...], tuple[str, tuple[str, ...], dict[str, Value]]] = {}
        self._pays: dict[tuple[Value, ...], Amounts] = {}

    def facts(self, answers: Answers, env: Mapping[str, Value] | None = None) -> Facts | None:
        """None when the item is not in this state of the rules, or the answers make
        no whole path there. ``env``: what conditions see, when the caller knows it."""
        item = self.item
        if item is None:
            return None
        bundle = self.side.engine.bundle
        if env is None:
            state = walk(bundle.flow, dict(answers), use_defaults=True)
            if not state.complete:
                return None
            env = condition_env(bundle.flow, state.answers)
        key = tuple(map(env.get, self.rule_names))
        verdict = self._verdicts.get(key)
        if verdict is None:
            advisor = Advisor(
                bundle, self.side.engine.rules, env, self.side.as_of, self.lang, what_if=False
            )
            found, why, opened = advisor.verdict(item)
            # The pay is worked out for the first variant the item opens in: the
            # answers "not known yet" replaced, the same for every profile here.
            chosen = {q: opened[q] for q in advisor.unknown}
            verdict = self._verdicts[key] = (found, tuple(r.text for r in why), chosen)
        status, reasons, chosen = verdict
        pay: Amounts = ()
        # A borrowed pay (a course card showing the apprenticeship's) is the other
        # item's own pay, diffed there.
        borrowed = isinstance(item.pay, model.LikePay)
        if item.pay is not None and not borrowed and status != "not_eligible":
            pay_env = {**env, **chosen} if chosen else env
            pay_key = tuple(map(pay_env.get, self.pay_names))
            known = self._pays.get(pay_key)
            if known is None:
                result = estimate(
                    item.pay,
                    bundle.flow,
                    pay_env,
                    bundle.rates,
                    self.side.as_of,
                    self.lang,
                    self.side.engine.rules.holds,
                )
                known = self._pays[pay_key] = amounts(result)
            pay = known
        return Facts(self.title, status, reasons, pay)


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
    )


def _items(sides: Sequence[Side]) -> list[tuple[str, str]]:
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
    flows = tuple(b.flow for b in bundles)
    space = Space(bundles, (old.as_of, new.as_of))
    changes: list[Change] = []
    profiles: set[Answers] = set()
    for section_id, item_id in _items((old, new)):
        item_space = space.item(section_id, item_id)
        before = _Judge(old, section_id, item_id, item_space, lang)
        after = _Judge(new, section_id, item_id, item_space, lang)
        for answers, env in item_profiles(flows, item_space).values():
            profiles.add(answers)
            # One flow for both sides: the enumeration's own view of the answers.
            known = env if one else None
            change = compare_item(
                section_id,
                item_id,
                answers,
                before.facts(answers, known),
                after.facts(answers, known),
            )
            if change is not None:
                changes.append(change)
    return Diff(old.label, new.label, len(profiles), tuple(changes))


def diff_one(old: Side, new: Side, answers: Mapping[str, Value], lang: str) -> Diff:
    """The diff for one person (a resumed session under other rules)."""
    given: Answers = tuple((k, v) for k, v in answers.items() if v is not None)
    changes = []
    for section_id, item_id in _items((old, new)):
        change = compare_item(
            section_id,
            item_id,
            given,
            _Judge(old, section_id, item_id, _ONE, lang).facts(given),
            _Judge(new, section_id, item_id, _ONE, lang).facts(given),
        )
        if change is not None:
            changes.append(change)
    return Diff(old.label, new.label, 1, tuple(changes))


def snapshot(
    engine: Engine, answers: Mapping[str, Value], as_of: dt.date, lang: str
) -> dict[str, Any]:
    """What a person is told of each item, as JSON a saved session keeps: so that a
    session resumed under other rules can say what changed for them (``since``),
    the old rules being gone by then. Empty when the answers make no whole path."""
    given: Answers = tuple((k, v) for k, v in answers.items() if v is not None)
    side = Side(engine, as_of, "")
    found: dict[str, Any] = {}
    for section_id, item_id in _items((side,)):
        # One profile: nothing to cache, so no enumeration space to work out (this
        # runs at each autosave).
        facts = _Judge(side, section_id, item_id, _ONE, lang).facts(given)
        if facts is None:
            return {}
        found[f"{section_id}/{item_id}"] = {
            "title": facts.title,
            "status": facts.status,
            "reasons": list(facts.reasons),
            "pay": [[k, v] for k, v in facts.pay],
        }
    return found


def _facts_of(data: object) -> Facts | None:
    if not isinstance(data, Mapping):
        return None
    try:
        return Facts(
            str(data["title"]),
            str(data["status"]),
            tuple(str(r) for r in data["reasons"]),
            tuple((str(k), float(v)) for k, v in data["pay"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def since(
    saved: Mapping[str, Any],
    engine: Engine,
    answers: Mapping[str, Value],
    as_of: dt.date,
    lang: str,
    labels: tuple[str, str],
) -> Diff:
    """What changed for one person between a ``snapshot`` saved under other rules and
    the rules of ``engine`` now."""
    given: Answers = tuple((k, v) for k, v in answers.items() if v is not None)
    now = snapshot(engine, answers, as_of, lang)
    changes = []
    for key in dict.fromkeys([*now, *saved]):
        section_id, _, item_id = key.partition("/")
        change = compare_item(
            section_id, item_id, given, _facts_of(saved.get(key)), _facts_of(now.get(key))
        )
        if change is not None:
            changes.append(change)
    return Diff(labels[0], labels[1], 1, tuple(changes))
