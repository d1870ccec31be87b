"""A recommendation is worked out once per answers, date and language for an
engine's rules, and reused by the results screen, the handout and the comparison;
it must never be reused for other answers, another date, another language or
other rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.advice.test_rules_version import ANSWERS, DAY, edited_copy, load

from alternance_tui.advice.document_json import to_json
from alternance_tui.advice.engine import RECENT, Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.sessions.advising import recommendation


def _json(engine: Engine, answers: dict[str, object], day: dt.date, lang: str) -> str:
    return json.dumps(to_json(engine.recommend(answers, as_of=day, lang=lang), engine.bundle))


def test_the_same_question_is_answered_once(bundle: Bundle) -> None:
    engine = Engine(bundle)
    first = engine.recommend(ANSWERS, as_of=DAY, lang="en")
    assert engine.recommend(dict(reversed(ANSWERS.items())), as_of=DAY, lang="en") is first
    # The handout of the app's answers takes the engine's, not a second one.
    raw = {k: str(v) for k, v in ANSWERS.items()}
    assert recommendation(bundle, raw, "en", DAY, engine) is first


def test_each_input_of_a_recommendation_is_part_of_what_it_is_kept_by(bundle: Bundle) -> None:
    engine = Engine(bundle)
    kept = _json(engine, ANSWERS, DAY, "en")
    cases = [
        ({**ANSWERS, "age": 23}, DAY, "en"),
        ({**ANSWERS, "age": 20.5}, DAY, "en"),  # 20.5 is not 20
        (ANSWERS, DAY, "fr"),
        (ANSWERS, dt.date(2025, 9, 1), "en"),
    ]
    for answers, day, lang in cases:
        fresh = json.dumps(to_json(Engine(bundle).compute(answers, as_of=day, lang=lang), bundle))
        assert _json(engine, answers, day, lang) == fresh != kept
    assert _json(engine, ANSWERS, DAY, "en") == kept


def test_a_value_of_another_type_is_another_answer(bundle: Bundle) -> None:
    engine = Engine(bundle)
    one = engine.recommend({**ANSWERS, "age": 20}, as_of=DAY, lang="en")
    other = engine.recommend({**ANSWERS, "age": 20.0}, as_of=DAY, lang="en")
    assert one is not other


def test_other_rules_are_another_engine_and_other_results(tmp_path: Path) -> None:
    from alternance_tui.files.paths import default_flows_dir

    shipped = Engine(load(default_flows_dir()))
    edited = Engine(load(edited_copy(tmp_path)))
    before = _json(shipped, ANSWERS, DAY, "en")
    after = _json(edited, ANSWERS, DAY, "en")
    assert before != after and '"value": 1900' in after
    # The handout of a session made under the edited rules is priced by them.
    raw = {k: str(v) for k, v in ANSWERS.items()}
    assert recommendation(edited.bundle, raw, "en", DAY, shipped).rules_version != (
        shipped.recommend(ANSWERS, as_of=DAY, lang="en").rules_version
    )


def test_an_engine_keeps_only_its_last_few(bundle: Bundle) -> None:
    engine = Engine(bundle)
    first = engine.recommend(ANSWERS, as_of=DAY, lang="en")
    for months in range(6, 6 + RECENT):
        engine.recommend({**ANSWERS, "duration_months": months}, as_of=DAY, lang="en")
    assert len(engine._recent) == RECENT
    again = engine.recommend(ANSWERS, as_of=DAY, lang="en")
    assert again is not first and again == first
