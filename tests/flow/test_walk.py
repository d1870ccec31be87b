"""Walking an interview: where it stands, going back, changing an earlier answer,
and the "question k of about n" a person sees. On the bike flow (tests/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternance_tui.flow.build import build_flow
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow
from alternance_tui.flow.schema import FlowFile
from alternance_tui.flow.walk import (
    FlowLoopError,
    condition_env,
    predicted_path,
    progress,
    walk,
)
from alternance_tui.interview.state import Interview

from .conftest import HEADER, outcomes_toml, question_toml


def test_an_empty_interview_stands_at_the_start(bike: Flow) -> None:
    state = walk(bike, {})
    assert state.current == bike.start == "usage"
    assert state.path == ("usage",)
    assert not state.complete


def test_each_answer_moves_the_interview_on_along_its_branch(bike: Flow) -> None:
    answers: dict[str, Value] = {"usage": "trails"}
    assert walk(bike, answers).current == "suspension"
    answers["suspension"] = True
    state = walk(bike, answers)
    assert state.complete
    assert state.outcome == "mountain_bike"
    assert state.path == ("usage", "suspension")
    assert state.current is None


def test_the_other_branch_asks_other_questions(bike: Flow) -> None:
    state = walk(bike, {"usage": "road", "distance_km": 60})
    assert state.outcome == "road_bike"
    assert "suspension" not in state.path


def test_defaults_are_used_only_when_asked_for(bike: Flow) -> None:
    # distance_km has a default (10): a walk for a recommendation may use it ...
    assert walk(bike, {"usage": "city"}, use_defaults=True).outcome == "city_bike"
    # ... but the interview still asks it.
    assert walk(bike, {"usage": "city"}).current == "distance_km"


def test_an_optional_question_may_be_answered_with_nothing(bike: Flow) -> None:
    state = walk(bike, {"usage": "city", "distance_km": 20, "extras": None})
    assert state.outcome == "ebike"  # nothing to carry: the default, no cargo


def test_going_back_names_the_question_before(bike: Flow) -> None:
    state = walk(bike, {"usage": "city", "distance_km": 20})
    assert state.path == ("usage", "distance_km", "extras")
    assert state.previous("extras") == "distance_km"
    assert state.previous("distance_km") == "usage"
    assert state.previous("usage") is None
    assert state.following("usage") == "distance_km"
    assert state.previous("suspension") is None  # not on this path


def test_an_edit_drops_answers_that_no_longer_apply_but_the_caller_keeps_them(
    bike: Flow,
) -> None:
    answers: dict[str, Value] = {"usage": "trails", "suspension": True}
    assert walk(bike, answers).outcome == "mountain_bike"

    answers["usage"] = "road"  # the person changes their mind
    state = walk(bike, answers)
    assert state.current == "distance_km"
    assert "suspension" not in state.answers  # not used on this path
    assert "suspension" in answers  # but not deleted
    assert "suspension" not in Interview(bike, answers=answers).applicable()

    answers["usage"] = "trails"  # and back: what they typed is still there
    assert walk(bike, answers).outcome == "mountain_bike"


def test_an_answer_further_on_applies_again_once_the_one_before_it_is_given(bike: Flow) -> None:
    # distance_km was cleared while editing: its default (10 km) leads straight
    # to a city bike, so extras does not apply, but it is kept and applies again
    # once a longer distance is given; suspension cannot (usage is "city").
    answers: dict[str, Value] = {
        "usage": "city",
        "extras": frozenset({"cargo"}),
        "suspension": True,
    }
    interview = Interview(bike, answers=answers)
    assert interview.applicable() == {"usage": "city"}
    interview.answers["distance_km"] = 20
    assert interview.applicable() == {
        "usage": "city",
        "distance_km": 20,
        "extras": frozenset({"cargo"}),
    }


def test_a_complete_walk_keeps_only_the_answers_on_its_path(bike: Flow) -> None:
    answers: dict[str, Value] = {"usage": "road", "distance_km": 50, "extras": frozenset()}
    assert walk(bike, answers).outcome == "road_bike"
    assert Interview(bike, answers=answers).applicable() == {"usage": "road", "distance_km": 50}


def test_conditions_see_defaults_for_unanswered_questions(bike: Flow) -> None:
    env = condition_env(bike, {"usage": "city"})
    assert env["distance_km"] == 10
    assert env["extras"] == frozenset()
    assert env["suspension"] is None


def test_the_predicted_path_follows_defaults_and_fallbacks(bike: Flow) -> None:
    # Nothing answered: city streets is not assumed; the fallback rule leads on.
    assert predicted_path(bike, {}) == ("usage", "distance_km")
    assert predicted_path(bike, {"usage": "trails"}) == ("usage", "suspension")
    path = predicted_path(bike, {"usage": "city", "distance_km": 30})
    assert path == ("usage", "distance_km", "extras")


def _answer_forward(flow: Flow, script: dict[str, Value]) -> list[tuple[str, int, int]]:
    """Answer the current question from ``script`` until the end; the progress seen
    before each answer."""
    answers: dict[str, Value] = {}
    seen = []
    while (state := walk(flow, answers)).current is not None:
        current = state.current
        shown = progress(flow, answers, current)
        seen.append((current, shown.position, shown.total))
        answers[current] = script[current]
    return seen


@pytest.mark.parametrize(
    "script",
    [
        {"usage": "trails", "suspension": False},
        {"usage": "city", "distance_km": 5},
        {"usage": "city", "distance_km": 25, "extras": frozenset({"cargo"})},
        {"usage": "road", "distance_km": 80},
    ],
)
def test_progress_moves_forward_one_question_at_a_time(
    bike: Flow, script: dict[str, Value]
) -> None:
    seen = _answer_forward(bike, script)
    positions = [position for _, position, _ in seen]
    assert positions == list(range(1, len(seen) + 1))
    assert all(position <= total for _, position, total in seen)
    # The last question asked is shown as the last one.
    _, last_position, last_total = seen[-1]
    assert last_position == last_total


def test_progress_on_the_shipped_flow_never_goes_backwards(shipped: Flow) -> None:
    script: dict[str, Value] = {
        "age": 31,
        "situations": frozenset({"rqth"}),
        "jobseeker_or_benefits": True,
        "employer_sector": "private",
        "diploma": "licence",
        "status": "jobseeker",
        "entry_level": "m1",
        "duration_months": 24,
        "previous_apprenticeship": "none",
        "start_month": 9,
        "birth_month": None,
        "weekly_hours": 35,
        "agreement_minimum_eur": None,
        "interests": frozenset(),
        "campus": "aix",
    }
    seen = _answer_forward(shipped, script)
    positions = [position for _, position, _ in seen]
    assert positions == sorted(set(positions)) == list(range(1, len(seen) + 1))
    assert walk(shipped, script).outcome == "results"


def _loop_flow() -> Flow:
    """A flow that goes round in a circle, built without the checker."""
    text = (
        HEADER
        + question_toml("a", "yes_no", next_rules=[(None, "b")])
        + question_toml("b", "yes_no", next_rules=[(None, "a")])
        + outcomes_toml("done")
    )
    import tomllib

    flow, problems = build_flow(FlowFile.model_validate(tomllib.loads(text)), "loop.toml")
    assert problems == []
    return flow


def test_a_flow_that_skipped_the_checker_cannot_loop_forever() -> None:
    flow = _loop_flow()
    with pytest.raises(FlowLoopError):
        walk(flow, {"a": True, "b": True})


def test_a_long_flow_walks_in_linear_time(tmp_path: Path) -> None:
    # 3,000 questions in a chain: walking it must not rebuild every answer at
    # every step (it once did; this took minutes).
    import time

    blocks = [
        question_toml(f"q{i}", "yes_no", next_rules=[(None, f"q{i + 1}" if i < 2999 else "end")])
        for i in range(3000)
    ]
    import tomllib

    text = HEADER + "".join(blocks) + outcomes_toml("end")
    flow, _ = build_flow(FlowFile.model_validate(tomllib.loads(text)), "long.toml")
    answers: dict[str, Value] = {f"q{i}": True for i in range(3000)}
    start = time.perf_counter()
    assert walk(flow, answers).outcome == "end"
    assert len(predicted_path(flow, {})) == 3000
    assert time.perf_counter() - start < 5
