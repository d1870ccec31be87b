"""Answers in, recommendation out: a pure function of the bundle, the answers,
the date and the language. Each item is judged by judge.py's ``ItemJudge``;
here are the engine built once per bundle, the answers it needs, and what a
result says of its rates' dates."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Hashable, Mapping

from alternance_tui.advice import model
from alternance_tui.advice.compiled import CompiledRules
from alternance_tui.advice.judge import ItemJudge
from alternance_tui.advice.pay.base import RatesUnknown
from alternance_tui.advice.result import (
    Recommendation,
)
from alternance_tui.advice.staleness import stale_notes, stale_series
from alternance_tui.advice.version import rules_version
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, tr
from alternance_tui.flow.walk import condition_env, predicted_path, walk
from alternance_tui.wording.catalogue.advice import ADVICE
from alternance_tui.wording.formats import date

RECENT = 8  # recommendations an engine keeps (scenarios A to C, languages, dates)


class IncompleteAnswers(ValueError):
    """Required answers are missing; ``missing`` lists their question ids."""

    def __init__(self, missing: list[str], messages: list[str]) -> None:
        self.missing = missing
        self.messages = messages
        super().__init__("; ".join(messages))


def missing_answers(flow: Flow, answers: Mapping[str, Value]) -> list[str]:
    """Required questions on the (predicted) path that have no answer."""
    filled = dict(answers)
    env = condition_env(flow, answers)
    for question in flow.questions.values():
        if question.id not in filled and not question.required:
            filled[question.id] = env[question.id]
    path = predicted_path(flow, filled)
    return [q for q in path if flow.questions[q].required and answers.get(q) is None]


def rate_notes(bundle: model.Bundle, as_of: dt.date, lang: str) -> tuple[str, ...]:
    """What a result says about the dates of its figures: "may be out of date" when
    a known change has no value recorded (staleness.py), else "latest known values"
    once past the last recorded change."""
    stale = stale_series(bundle, as_of)
    if stale:
        return stale_notes(stale, lang)
    known_until = bundle.rates_known_until
    if known_until is not None and as_of > known_until:
        return (ADVICE(lang, "latest", date=date(known_until, lang)),)
    return ()


class Engine:
    """The advice engine for one bundle: its rules compiled once, when it is built.

    The app and `alternance recommend` each build one per bundle and keep it;
    every recommendation then only evaluates.
    """

    def __init__(self, bundle: model.Bundle) -> None:
        self.bundle = bundle
        self.rules = CompiledRules(bundle.sections)
        # The last few recommendations, by what they are a function of: the
        # answers, the date and the language (the rules are this engine's
        # bundle, which never changes). The results screen, the handout, the
        # comparison and a resumed session's check then share one.
        self._recent: OrderedDict[Hashable, Recommendation] = OrderedDict()

    def recommend(
        self, answers: Mapping[str, Value], *, as_of: dt.date, lang: str
    ) -> Recommendation:
        """The recommendation for ``answers``, worked out once per answers, date and
        language (the last RECENT kept); see ``compute``."""
        key = (as_of, lang, _answers_key(answers))
        found = self._recent.get(key)
        if found is not None:
            self._recent.move_to_end(key)
            return found
        found = self.compute(answers, as_of=as_of, lang=lang)
        self._recent[key] = found
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)
        return found

    def compute(self, answers: Mapping[str, Value], *, as_of: dt.date, lang: str) -> Recommendation:
        """The recommendation for ``answers``, worked out now (what bench_recommend times).

        Raises IncompleteAnswers when a required answer is missing, and RatesUnknown
        when ``as_of`` is before the first known reference values.
        """
        bundle = self.bundle
        flow = bundle.flow
        state = walk(flow, answers, use_defaults=True)
        if not state.complete:
            missing = missing_answers(flow, answers) or ([state.current] if state.current else [])
            # Answered, and no rule there applies (a flow that was not checked).
            stuck = missing == [state.current] and state.current in state.answers
            word = "no_outcome" if stuck else "missing"
            raise IncompleteAnswers(
                missing,
                [
                    ADVICE(lang, word, question=tr(flow.questions[q].short, lang), id=q)
                    for q in missing
                ],
            )
        known_from = bundle.rates_known_from
        if known_from is not None and as_of < known_from:
            raise RatesUnknown(ADVICE(lang, "before_known", date=date(known_from, lang)))
        env = condition_env(flow, state.answers)
        judge = ItemJudge(bundle, self.rules, env, as_of, lang)
        outcome = state.outcome or ""
        title = flow.outcomes[outcome].title if outcome in flow.outcomes else None
        return Recommendation(
            flow_id=flow.id,
            lang=lang,
            as_of=as_of,
            rates_known_until=bundle.rates_known_until,
            answers=dict(state.answers),
            outcome=outcome,
            outcome_title=tr(title, lang),
            sections=tuple(judge.section(s) for s in bundle.sections),
            rate_notes=rate_notes(bundle, as_of, lang),
            rates_may_be_outdated=bool(stale_series(bundle, as_of)),
            rules_version=rules_version(bundle),
        )


def _answers_key(answers: Mapping[str, Value]) -> Hashable:
    """``answers`` as a key: with each value's type, since 1 == 1.0 == True."""
    return tuple(
        sorted(
            (q, type(v).__name__, tuple(v) if isinstance(v, list) else v)
            for q, v in answers.items()
        )
    )


def recommend(
    bundle: model.Bundle, answers: Mapping[str, Value], *, as_of: dt.date, lang: str
) -> Recommendation:
    """One recommendation from a fresh ``Engine``: for a single call. Whatever makes
    several keeps an Engine (compiling the rules is most of a first call's work)."""
    return Engine(bundle).recommend(answers, as_of=as_of, lang=lang)
