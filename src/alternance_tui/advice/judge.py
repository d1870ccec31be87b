"""Judging each item of a bundle for one person: open or not and why, what it
pays, what would change it, and the answers its texts quote. ``Engine``
(engine.py) makes one judge per recommendation; ``alternance diff``
(diff/run.py) one per profile, without "what would change it"."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import replace

from alternance_tui.advice import model
from alternance_tui.advice.compiled import CompiledRules
from alternance_tui.advice.pay.base import PayContext
from alternance_tui.advice.pay.estimate import estimate, no_pay
from alternance_tui.advice.result import (
    Depends,
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NoPayResult,
    Note,
    PayResult,
    Reason,
    SectionResult,
    Status,
)
from alternance_tui.advice.whatif import WhatIf
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question, tr
from alternance_tui.wording.catalogue.advice import ADVICE
from alternance_tui.wording.formats import number

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")  # an answer quoted in a text: {age}
# Texts by language: plain dicts from the data files (tested first: the quick case).
_TEXTS = (dict, Mapping)


class _Filler:
    """Fills {question} placeholders with the answer as a person reads it."""

    def __init__(self, flow: Flow, env: Mapping[str, Value], lang: str) -> None:
        self.flow = flow
        self.env = env
        self.lang = lang

    def __call__(self, text: Mapping[str, str] | None) -> str:
        raw = tr(text, self.lang)
        # Most texts quote no answer: no pattern run for them (dozens a recommendation).
        return PLACEHOLDER.sub(self._value, raw) if "{" in raw else raw

    def _value(self, match: re.Match[str]) -> str:
        question = self.flow.questions.get(match.group(1))
        if question is None:
            return match.group(0)
        value = self.env.get(question.id)
        if isinstance(value, int | float) and not isinstance(value, bool):
            # Texts say the unit themselves ("{age} ans", "{duration_months} months").
            return number(value, self.lang)
        return show_value(question, value, self.lang)


def _variants(flow: Flow, env: Mapping[str, Value]) -> tuple[list[str], list[dict[str, Value]]]:
    """For answers that are "not known yet", one environment per known choice."""
    unknown = [
        q
        for q in flow.questions.values()
        if q.kind == "choice" and (c := q.choice(str(env.get(q.id)))) is not None and c.unknown
    ]
    if not unknown:
        return [], [dict(env)]
    domains = [[c.id for c in q.choices if not c.unknown] for q in unknown]
    variants = []
    for values in itertools.product(*domains):
        variant = dict(env)
        variant.update(zip((q.id for q in unknown), values, strict=True))
        variants.append(variant)
    return [q.id for q in unknown], variants


class ItemJudge:
    """Judges each item for one person: open or not and why, what it pays, what
    would change it, for these answers, this date and this language, over an
    engine's compiled rules. (Nothing to do with advisor mode.)"""

    def __init__(
        self,
        bundle: model.Bundle,
        rules: CompiledRules,
        env: Mapping[str, Value],
        as_of: dt.date,
        lang: str,
        *,
        what_if: bool = True,
    ) -> None:
        self.bundle = bundle
        # False: no "what would change it" (a diff compares status, reasons and pay only).
        self.what_if = what_if
        self.rules = rules
        self.flow = bundle.flow
        self.env = env
        self.as_of = as_of
        self.lang = lang
        self.fill = _Filler(self.flow, env, lang)
        self.unknown, self.variants = _variants(self.flow, env)
        # Items worked out so far, by id: a borrowed pay shows only if its item is open.
        self.done: dict[str, ItemResult] = {}
        self.borrowed: dict[tuple[str, str, frozenset[tuple[str, Value]]], PayResult] = {}

    def item(self, item: model.Item, section: model.Section) -> ItemResult:
        what_if = WhatIf(self.flow, item, section.fixed, self.lang, self.rules)
        status, reasons, open_in = self._judge(item)
        depends = self._depends(open_in) if status == "conditional" else ()
        changes = (
            what_if.changes(self.variants[0]) if status == "not_eligible" and self.what_if else ()
        )
        pay_env = self._pay_env(item, open_in)
        pay: PayResult | None = None
        if isinstance(item.pay, model.NoPay) and status != "not_eligible":
            # What is said instead of an amount: a case only if it holds wherever open.
            pay = no_pay(item.pay, open_in, self.lang, self.rules.holds)
        elif item.pay is not None and status != "not_eligible":
            pay = self._pay(item.pay, pay_env)
            if len(open_in) > 1 and isinstance(pay, GridPayResult | HourlyPayResult):
                pay = self._say_assumed(item.pay, pay, pay_env, open_in)
        holds = self.rules.holds
        notes = self._notes(item, pay_env)
        fits = [f for f in item.fit if holds(f.when, self.env)]
        attributes = {
            k: (tr(v, self.lang) if isinstance(v, _TEXTS) else v)
            for k, v in item.attributes.items()
        }
        return ItemResult(
            id=item.id,
            title=tr(item.title, self.lang),
            status=status,
            reasons=reasons,
            summary=self.fill(item.summary),
            changes=changes,
            depends=depends,
            pay=pay,
            notes=notes,
            attributes=attributes,
            score=sum(f.points for f in fits),
            fit=tuple(self.fill(f.reason) for f in fits),
        )

    def verdict(
        self, item: model.Item
    ) -> tuple[Status, tuple[Reason, ...], Mapping[str, Value], tuple[Note, ...]]:
        """What ``item`` makes of the answers without its pay: its status, its reasons,
        the answers its pay would be worked out with, and its notes (as ``item`` does).
        For `alternance diff`, which caches status and pay apart (they read different
        answers); ``item`` stays the one path of a recommendation."""
        status, reasons, open_in = self._judge(item)
        notes = self._notes(item, self._pay_env(item, open_in))
        return status, reasons, (open_in[0] if open_in else self.env), notes

    def _pay_env(self, item: model.Item, open_in: list[dict[str, Value]]) -> Mapping[str, Value]:
        """The answers ``item``'s pay and notes are worked out with: those of the first
        variant it is open in."""
        pay_env: Mapping[str, Value] = open_in[0] if open_in else self.env
        if self.unknown and pay_env is not self.env:
            # An answer not known yet that no rule of the item reads stays "not known"
            # for pay and notes: the data says what that means, rather than one guess.
            read = set().union(*(self.rules.rule_names(r) for r in item.rules))
            kept = {q: self.env[q] for q in self.unknown if q not in read}
            if kept:
                pay_env = {**pay_env, **kept}
        return pay_env

    def _say_assumed(
        self,
        spec: model.Pay,
        pay: GridPayResult | HourlyPayResult,
        pay_env: Mapping[str, Value],
        open_in: list[dict[str, Value]],
    ) -> GridPayResult | HourlyPayResult:
        """An item open whatever an answer not known yet turns out to be is priced for
        its first value; when another value would pay differently (a public employer's
        net), a note says which value the amounts are for, and that the others differ."""
        shown = _amounts(pay)
        # The answers not known yet that this pay took a value for (the others stay
        # "not known" in it: _pay_env).
        chosen = [q for q in self.unknown if pay_env[q] != self.env[q]]
        differ: dict[str, list[Value]] = {}
        for variant in open_in[1:]:
            other = self._pay(spec, {**pay_env, **{q: variant[q] for q in chosen}})
            if not isinstance(other, GridPayResult | HourlyPayResult) or _amounts(other) == shown:
                continue
            for question_id in chosen:
                if variant[question_id] != pay_env[question_id]:
                    differ.setdefault(question_id, []).append(variant[question_id])
        if not differ:
            return pay
        notes = []
        for question_id, values in differ.items():
            question = self.flow.questions[question_id]
            notes.append(
                Note(
                    ADVICE(
                        self.lang,
                        "assumed",
                        question=tr(question.short, self.lang),
                        value=self._quoted(question, pay_env[question_id]),
                        others=ADVICE(self.lang, "or").join(
                            self._quoted(question, v) for v in dict.fromkeys(values)
                        ),
                    )
                )
            )
        return replace(pay, notes=(*notes, *pay.notes))

    def _quoted(self, question: Question, value: Value) -> str:
        return ADVICE(self.lang, "quoted", text=show_value(question, value, self.lang))

    def _notes(self, item: model.Item, pay_env: Mapping[str, Value]) -> tuple[Note, ...]:
        """``item``'s notes in force on the date asked about whose condition holds."""
        holds = self.rules.holds
        return tuple(
            Note(self.fill(n.text), n.source)
            for n in item.notes
            if n.in_force(self.as_of) and (n.when is None or holds(n.when, pay_env))
        )

    def _judge(self, item: model.Item) -> tuple[Status, tuple[Reason, ...], list[dict[str, Value]]]:
        """``item``'s status and reasons, and the variants of the answers it is open in."""
        # Each rule for each variant of the answers, worked out once: rows are variants.
        table = [[rule(v) is True for rule in self.rules.rule_truths(item)] for v in self.variants]
        open_in = [v for v, row in zip(self.variants, table, strict=True) if all(row)]
        status: Status
        if len(open_in) == len(self.variants):
            status = "eligible"
        elif open_in:
            status = "conditional"
        else:
            status = "not_eligible"
        reasons = tuple(
            self._reason(rule, [row[index] for row in table])
            for index, rule in enumerate(item.rules)
        )
        return status, reasons, open_in

    def _pay(self, pay: model.Pay, env: Mapping[str, Value]) -> PayResult | None:
        if not isinstance(pay, model.LikePay):
            return estimate(pay, self._pay_context(env))
        # Another item's pay, with some answers set: only while that item is open.
        done = self.done.get(pay.item)
        if done is not None and not done.eligible:
            return None
        answers = {**env, **pay.answers}
        # Courses of one level borrow the same pay: work each out once.
        # A multi-choice answer is a list: a tuple of it keys the cache.
        frozen = frozenset((q, tuple(v) if isinstance(v, list) else v) for q, v in answers.items())
        key = (pay.item, tr(pay.title, self.lang), frozen)
        if key in self.borrowed:
            return self.borrowed[key]
        target = next(i for s in self.bundle.sections for i in s.items if i.id == pay.item)
        if target.pay is None or isinstance(target.pay, model.LikePay):
            return None
        borrowed = target.pay
        if isinstance(borrowed, model.GridPay) and borrowed.schedule is not None:
            # The year table suffices on a borrowing card; the item's own card has the months.
            borrowed = replace(borrowed, schedule=None)
        found = estimate(borrowed, self._pay_context(answers))
        if not isinstance(found, NoPayResult):
            # The item's own card says its notes; here the table and its basis suffice.
            found = replace(found, title=key[1], notes=())
        self.borrowed[key] = found
        return found

    def _pay_context(self, env: Mapping[str, Value]) -> PayContext:
        rates, holds = self.bundle.rates, self.rules.holds
        return PayContext(self.flow, env, rates, self.as_of, self.lang, holds)

    def _reason(self, rule: model.Rule, results: list[bool]) -> Reason:
        """The reason for ``rule``; ``results`` says whether it holds in each variant."""
        if self.unknown and self.rules.rule_names(rule) & set(self.unknown):
            if all(results):
                known: bool | None = True
            elif not any(results):
                known = False
            else:
                return Reason(rule.id, None, self._depends_text(results), rule.source)
            env: Mapping[str, Value] = self.variants[0]
        else:
            # The rule reads no answer that is not known yet: the same in every variant.
            known = results[0]
            env = self.env
        if not known:
            return Reason(rule.id, False, self.fill(rule.no), rule.source)
        if rule.when is not None:
            return Reason(rule.id, True, self.fill(rule.yes), rule.source)
        alternative = next(a for a in rule.alternatives if self.rules.holds(a.when, env))
        return Reason(rule.id, True, self.fill(alternative.yes), alternative.source or rule.source)

    def _depends_text(self, results: list[bool]) -> str:
        pieces = []
        for question_id in self.unknown:
            opening = {v[question_id] for v, ok in zip(self.variants, results, strict=True) if ok}
            pieces.append(self._open_closed(question_id, opening))
        return " ".join(pieces)

    def _open_closed(self, question_id: str, opening: set[Value]) -> str:
        question = self.flow.questions[question_id]
        known = [c for c in question.choices if not c.unknown]
        label = tr(question.short, self.lang)
        if len(opening) == len(known):
            return ADVICE(self.lang, "depends_all", question=label)
        joiner = ADVICE(self.lang, "or")
        return ADVICE(
            self.lang,
            "depends",
            question=label,
            open=joiner.join(tr(c.label, self.lang) for c in known if c.id in opening),
            closed=joiner.join(tr(c.label, self.lang) for c in known if c.id not in opening),
        )

    def _depends(self, open_in: list[dict[str, Value]]) -> tuple[Depends, ...]:
        found = []
        for question_id in self.unknown:
            opening = {v[question_id] for v in open_in}
            question = self.flow.questions[question_id]
            ordered = tuple(c.id for c in question.choices if c.id in opening)
            found.append(Depends(question_id, ordered, self._open_closed(question_id, opening)))
        return tuple(found)

    def section(self, section: model.Section) -> SectionResult:
        items = [self.item(item, section) for item in section.items]
        self.done.update((item.id, item) for item in items)
        if section.sort == "fit":
            position = {item.id: i for i, item in enumerate(section.items)}
            items.sort(key=lambda r: (not r.eligible, -r.score, position[r.id]))
        return SectionResult(section.id, tr(section.title, self.lang), tuple(items))


def _amounts(pay: GridPayResult | HourlyPayResult) -> tuple[object, ...]:
    """What a person is told a contract pays: gross and net, by year and by month."""
    if isinstance(pay, HourlyPayResult):
        return (pay.total_min_eur, pay.monthly_net_eur, pay.total_net_eur)
    return (
        tuple((y.monthly_gross_eur, y.monthly_net_eur) for y in pay.years),
        tuple((m.monthly_gross_eur, m.monthly_net_eur) for m in pay.months),
    )
