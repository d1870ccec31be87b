"""The checker: what `alternance check` finds wrong with a flow's graph, where it
says it is, and that the example it gives of a path with no outcome is a real one."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from alternance_tui.cli.main import main
from alternance_tui.flow.cond import Value
from alternance_tui.flow.load import load_flow
from alternance_tui.flow.model import Flow
from alternance_tui.flow.problems import Problem, format_path
from alternance_tui.flow.walk import walk

from .conftest import (
    BIKE,
    SHIPPED,
    WriteFlow,
    errors_of,
    outcomes_toml,
    problems_of,
    question_toml,
)

DEAD_END = "a path ends here with no outcome: no `next` rule applies when "


def _only(problems: list[Problem], *, severity: str = "error") -> Problem:
    chosen = [p for p in problems if p.severity == severity]
    assert len(chosen) == 1, "\n".join(map(str, problems))
    return chosen[0]


def _example(problem: Problem, flow: Flow) -> dict[str, Value]:
    """The answers a dead-end message gives as its example, as answer values."""
    assert DEAD_END in problem.message
    text = problem.message.split(DEAD_END, 1)[1].split("; add a last rule")[0]
    answers: dict[str, Value] = {}
    for name, shown in re.findall(r'(\w+) = ("[^"]*"|\[[^\]]*\]|[^,]+)', text):
        kind = flow.questions[name].kind
        if kind == "yes_no":
            answers[name] = shown == "yes"
        elif kind == "choice":
            answers[name] = shown.strip('"')
        elif kind == "multi":
            answers[name] = frozenset(re.findall(r'"([^"]*)"', shown))
        else:
            answers[name] = float(shown) if "." in shown else int(shown)
    return answers


def _assert_dead_end_is_real(path: Path, question: str) -> dict[str, Value]:
    flow_problems = problems_of(path)
    problem = _only(flow_problems)
    assert format_path(problem.path).endswith(".next")
    # The flow itself is built even though it is refused, so it can be walked.
    from alternance_tui.flow.load import check_flow_file

    flow = check_flow_file(path)[0]
    assert flow is not None
    example = _example(problem, flow)
    state = walk(flow, example)
    assert state.current == question  # the walk stops there ...
    assert question in example or flow.questions[question].optional  # ... answered
    assert not state.complete
    return example


# --- sound flows -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [BIKE, SHIPPED], ids=["bike", "alternance"])
def test_sound_flows_pass_without_a_single_remark(path: Path) -> None:
    assert problems_of(path) == []


# --- reachability and cycles ----------------------------------------------------------------


def test_a_question_nothing_leads_to(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("start", "yes_no", next_rules=[(None, "done")]),
        question_toml("orphan", "yes_no", next_rules=[(None, "done")]),
        outcomes_toml("done"),
    )
    problem = _only(problems_of(path))
    assert problem.message.startswith('question "orphan" is never asked')
    assert format_path(problem.path) == "questions[2].id"
    assert problem.line is not None
    text = path.read_text(encoding="utf-8").splitlines()
    assert text[problem.line - 1] == 'id = "orphan"'


def test_an_outcome_nothing_leads_to(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("start", "yes_no", next_rules=[(None, "done")]),
        outcomes_toml("done", "lost"),
    )
    problem = _only(problems_of(path))
    assert 'outcome "lost" is never reached' in problem.message
    assert format_path(problem.path) == "outcomes[2].id"


def test_a_cycle_is_named_question_by_question(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("a", "yes_no", next_rules=[("a", "b"), (None, "done")]),
        question_toml("b", "yes_no", next_rules=[("b", "c"), (None, "done")]),
        question_toml("c", "yes_no", next_rules=[("c", "a"), (None, "done")]),
        outcomes_toml("done"),
    )
    problem = _only(problems_of(path))
    assert "go round in a circle: a → b → c → a" in problem.message
    assert format_path(problem.path) == "questions[1].next"


# --- every path ends in an outcome ---------------------------------------------------------------


def test_a_number_below_every_threshold(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml(
            "age",
            "number",
            extra="integer = true\nmin = 0\nmax = 120",
            next_rules=[("age >= 18", "adult"), ("age >= 12", "teen")],
        ),
        outcomes_toml("adult", "teen"),
    )
    example = _assert_dead_end_is_real(path, "age")
    assert isinstance(example["age"], int) and 0 <= example["age"] < 12


def test_a_whole_number_between_decimal_thresholds(write_flow: WriteFlow) -> None:
    # age > 17.5 on a whole-number question: 17 and 18 must both be tried.
    path = write_flow(
        question_toml(
            "age", "number", extra="integer = true", next_rules=[("age > 17.5", "adult")]
        ),
        outcomes_toml("adult"),
    )
    example = _assert_dead_end_is_real(path, "age")
    assert example["age"] == 17


def test_decimal_thresholds_closer_than_a_cent(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml(
            "ratio",
            "number",
            next_rules=[("ratio <= 1.001", "low"), ("ratio >= 1.004", "high")],
        ),
        outcomes_toml("low", "high"),
    )
    example = _assert_dead_end_is_real(path, "ratio")
    assert 1.001 < float(example["ratio"]) < 1.004  # type: ignore[arg-type]


def test_a_choice_without_a_rule(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml(
            "mode",
            "choice",
            choices=("train", "car", "plane"),
            next_rules=[('mode == "train"', "rail"), ('mode == "car"', "road")],
        ),
        outcomes_toml("rail", "road"),
    )
    assert _assert_dead_end_is_real(path, "mode") == {"mode": "plane"}


def test_several_choices_that_match_no_rule(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml(
            "luggage",
            "multi",
            choices=("bike", "skis", "tent"),
            next_rules=[('"bike" in luggage', "bike_trip"), ('"skis" in luggage', "ski_trip")],
        ),
        outcomes_toml("bike_trip", "ski_trip"),
    )
    example = _assert_dead_end_is_real(path, "luggage")
    assert example["luggage"] in (frozenset(), frozenset({"tent"}))


def test_a_dead_end_that_needs_two_earlier_answers(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("member", "yes_no", next_rules=[(None, "nights")]),
        question_toml(
            "nights",
            "number",
            extra="integer = true\nmin = 1\nmax = 30",
            next_rules=[("member and nights > 5", "discount"), ("not member", "full_price")],
        ),
        outcomes_toml("discount", "full_price"),
    )
    example = _assert_dead_end_is_real(path, "nights")
    assert example["member"] is True and 1 <= example["nights"] <= 5  # type: ignore[operator]


def test_a_dead_end_behind_arithmetic(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml(
            "hours",
            "number",
            extra="integer = true\nmin = 0\nmax = 10",
            next_rules=[("hours * 2 >= 10", "long"), ("hours < 3", "short")],
        ),
        outcomes_toml("long", "short"),
    )
    example = _assert_dead_end_is_real(path, "hours")
    assert example["hours"] in (3, 4)


def test_an_optional_question_left_empty_is_a_path_too(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml(
            "budget",
            "number",
            extra="optional = true\nmin = 0",
            next_rules=[("budget >= 100", "rich"), ("budget < 100", "poor")],
        ),
        outcomes_toml("rich", "poor"),
    )
    problem = _only(problems_of(path))
    assert "budget = no answer" in problem.message


def test_every_dead_end_is_reported_once_per_question(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("a", "choice", choices=("x", "y", "z"), next_rules=[('a == "x"', "b")]),
        question_toml("b", "choice", choices=("x", "y"), next_rules=[('b == "x"', "done")]),
        outcomes_toml("done"),
    )
    dead_ends = [p for p in errors_of(path) if DEAD_END in p.message]
    assert sorted(format_path(p.path) for p in dead_ends) == [
        "questions[1].next",
        "questions[2].next",
    ]


# --- warnings: sound but suspicious ---------------------------------------------------------------


def test_rules_after_one_without_when_are_dead(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("pick", "yes_no", next_rules=[(None, "yes_path"), ("pick", "no_path")]),
        outcomes_toml("yes_path", "no_path"),
    )
    problems = problems_of(path)
    warning = _only(problems, severity="warning")
    assert "the rules after this one are never tried" in warning.message
    assert format_path(warning.path) == "questions[1].next[1]"
    assert str(warning).split(": ", 2)[2].startswith("warning: ")
    assert [p for p in problems if p.severity == "error"] == []
    assert load_flow(path).start == "pick"  # a warning does not stop the flow


def test_a_warning_alone_passes_the_check(
    write_flow: WriteFlow, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_flow(
        question_toml("first", "yes_no", next_rules=[("first", "second"), (None, "second")]),
        question_toml("second", "yes_no", next_rules=[(None, "done"), ("second", "done")]),
        outcomes_toml("done"),
    )
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: the rules after this one are never tried" in out


def test_reading_an_answer_that_may_not_be_given(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("member", "yes_no", next_rules=[("member", "card"), (None, "nights")]),
        question_toml(
            "card", "number", extra="integer = true\nmin = 0", next_rules=[(None, "nights")]
        ),
        question_toml("nights", "number", next_rules=[("card > 10", "gold"), (None, "standard")]),
        outcomes_toml("gold", "standard"),
    )
    warning = _only(problems_of(path), severity="warning")
    assert "this condition reads card, which may not be answered yet" in warning.message
    assert format_path(warning.path) == "questions[3].next[1].when"


# --- the command line -----------------------------------------------------------------------------


def test_check_reports_every_file_given_and_fails_if_one_is_broken(
    write_flow: WriteFlow, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the summary is in the terminal's language
    broken = write_flow(
        question_toml("a", "yes_no", next_rules=[("a", "done")]),
        outcomes_toml("done"),
        name="broken.toml",
    )
    assert main(["check", str(BIKE), str(broken)]) == 1
    captured = capsys.readouterr()
    assert "broken.toml:" in captured.out and DEAD_END in captured.out
    assert "bike.toml" not in captured.out
    assert "1 problem(s) found" in captured.err


def test_the_shipped_flows_are_checked_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the summary is in the terminal's language
    assert main(["check"]) == 0
    assert "no problems found" in capsys.readouterr().err


def test_a_big_flow_is_checked_in_linear_time(tmp_path: Path) -> None:
    # 2,000 questions, each branching on its own answer and on one read again and
    # again: the checker once took tens of seconds on this (it now takes well
    # under one).
    blocks = []
    for i in range(2000):
        after = f"q{i + 1}" if i < 1999 else "done"
        skip = f"q{i + 2}" if i < 1998 else "done"
        rules = [(f"q{i} >= {i % 50}", skip), (None, after)]
        if i % 100 == 50:
            rules.insert(0, ("q0 >= 18 and q0 < 65", "done"))
        blocks.append(
            question_toml(
                f"q{i}", "number", extra="integer = true\nmin = 0\nmax = 99", next_rules=rules
            )
        )
    path = tmp_path / "big.toml"
    from .conftest import HEADER

    path.write_text(HEADER + "".join(blocks) + outcomes_toml("done"), encoding="utf-8")
    start = time.perf_counter()
    flow = load_flow(path)
    assert len(flow.questions) == 2000
    assert time.perf_counter() - start < 15
