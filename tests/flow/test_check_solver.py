"""Past a comparison that ties answers together, the checker decides exactly (with
the z3 solver) what its cells could only sample: a dead end reached only at one
point or in a thin band is found, with the answers that reach it; a question the
solver cannot decide is a located warning, never a pass; and a flow without such
comparisons (the shipped one) never loads the solver."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from alternance_tui.cli.main import main
from alternance_tui.flow.check import z3paths

from .conftest import SHIPPED, WriteFlow, outcomes_toml, problems_of, question_toml
from .test_check import _assert_dead_end_is_real, _only

WIDE = "integer = true\nmin = 0\nmax = 200"
PINNED = "a + b == 137 and a - b == 3"


def _pinned_flow(write_flow: WriteFlow, after_c: list[tuple[str | None, str]]) -> Path:
    """The issue's flow: a and b whole numbers from 0 to 200, c a yes/no question
    asked only when a + b == 137 and a - b == 3."""
    return write_flow(
        question_toml("a", "number", extra=WIDE, next_rules=[(None, "b")]),
        question_toml("b", "number", extra=WIDE, next_rules=[(PINNED, "c"), (None, "done")]),
        question_toml("c", "yes_no", next_rules=after_c),
        outcomes_toml("done"),
    )


def test_a_dead_end_behind_two_tied_comparisons_fails_the_check(
    write_flow: WriteFlow, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pinned_flow(write_flow, [("c", "done")])
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    # The line of c's `next` and the answers that reach the dead end.
    assert f"{path.name}:" in out and ": questions[3].next: a path ends here" in out
    assert "when a = 70, b = 67, c = no;" in out
    assert _assert_dead_end_is_real(path, "c") == {"a": 70, "b": 67, "c": False}


def test_the_same_flow_made_sound_passes(write_flow: WriteFlow) -> None:
    assert problems_of(_pinned_flow(write_flow, [("c", "done"), ("not c", "done")])) == []


def test_a_dead_end_in_a_band_narrower_than_a_hundredth(write_flow: WriteFlow) -> None:
    # 3 * price is over 10 and under 10.02 only for prices between 3.3333… and 3.34:
    # no price in whole hundredths is there, and no product of one answer either.
    path = write_flow(
        question_toml("price", "number", extra="min = 0\nmax = 100", next_rules=[(None, "n")]),
        question_toml(
            "n",
            "number",
            extra="integer = true\nmin = 1\nmax = 5",
            next_rules=[("price * n > 10 and price * n < 10.02 and n == 3", "c"), (None, "done")],
        ),
        question_toml("c", "yes_no", next_rules=[("c", "done")]),
        outcomes_toml("done"),
    )
    example = _assert_dead_end_is_real(path, "c")
    price = example["price"]
    assert isinstance(price, float) and 10 < price * 3 < 10.02


def test_a_dead_end_the_cells_find_past_a_tie_names_the_answers_on_its_path(
    write_flow: WriteFlow,
) -> None:
    # The cells find this one (their numbers include a = 3, b = 1), but their
    # example named only "c = no", not how to get to c.
    path = write_flow(
        question_toml("a", "number", extra=WIDE, next_rules=[(None, "b")]),
        question_toml(
            "b",
            "number",
            extra=WIDE,
            next_rules=[("a / b == 3 and a - b == 2", "c"), (None, "done")],
        ),
        question_toml("c", "yes_no", next_rules=[("c", "done")]),
        outcomes_toml("done"),
    )
    assert _assert_dead_end_is_real(path, "c") == {"a": 3, "b": 1, "c": False}


def test_a_whole_number_no_float_can_hold_is_a_located_error_not_a_crash(
    write_flow: WriteFlow, capsys: pytest.CaptureFixture[str]
) -> None:
    # Past a tie, the crossings computed with it as a float: an OverflowError
    # traceback out of `alternance check`.
    huge = "9" * 500
    path = write_flow(
        question_toml("a", "number", extra=WIDE, next_rules=[(None, "b")]),
        question_toml(
            "b", "number", extra=WIDE, next_rules=[(f"a + b == {huge}", "done"), (None, "done")]
        ),
        outcomes_toml("done"),
    )
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert ": questions[2].next[1].when: a number in the condition has 500 digits" in out


def _decimal_flow(write_flow: WriteFlow, pinned: str) -> Path:
    unit = "min = 0\nmax = 1"
    return write_flow(
        question_toml("a", "number", extra=unit, next_rules=[(None, "b")]),
        question_toml("b", "number", extra=unit, next_rules=[(pinned, "c"), (None, "done")]),
        question_toml("c", "yes_no", next_rules=[("c", "done")]),
        outcomes_toml("done"),
    )


def test_a_dead_end_only_floating_point_reaches_is_found_with_short_decimals(
    write_flow: WriteFlow,
) -> None:
    # Exactly, a + b == 0.30000000000000004 and a - b == 0.1 hold only at
    # a = 0.2000000000000000249..., which floating point does not confirm; 0.2 and
    # 0.1, as a person types them, do hold in floating point. This passed the check.
    path = _decimal_flow(write_flow, "a + b == 0.30000000000000004 and a - b == 0.1")
    assert _assert_dead_end_is_real(path, "c") == {"a": 0.2, "b": 0.1, "c": False}


def test_exact_answers_floating_point_refuses_are_a_warning_not_a_pass(
    write_flow: WriteFlow,
) -> None:
    # a = 0.2, b = 0.1 is the one exact answer; in floating point 0.2 + 0.1 is not
    # 0.3. Whether other floats reach c is not proved either way: a warning (this
    # passed the check as "no problems found").
    path = _decimal_flow(write_flow, "a + b == 0.3 and a - b == 0.1")
    warning = _only(problems_of(path), severity="warning")
    assert warning.path == ("questions", 2, "next")  # c's
    assert warning.message.startswith("could not prove that every path through this question")
    assert "do not hold once computed in floating point" in warning.message


def test_an_answer_read_before_it_is_given_on_a_pinned_path(write_flow: WriteFlow) -> None:
    # x is asked on every path to d but the one through the pinned point.
    path = write_flow(
        question_toml("a", "number", extra=WIDE, next_rules=[(None, "b")]),
        question_toml("b", "number", extra=WIDE, next_rules=[(PINNED, "d"), (None, "x")]),
        question_toml("x", "yes_no", next_rules=[(None, "d")]),
        question_toml("d", "yes_no", next_rules=[("x and d", "done"), (None, "done")]),
        outcomes_toml("done"),
    )
    warning = _only(problems_of(path), severity="warning")
    assert warning.path[-3:] == ("next", 0, "when")
    assert "this condition reads x, which may not be answered yet" in warning.message


def test_what_the_solver_cannot_decide_is_a_warning_not_a_pass(
    write_flow: WriteFlow, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the summary is in the terminal's language
    # Whether a cube is the sum of two others, over unbounded whole numbers: z3
    # gives up (here after a tenth of a second), and the checker says so.
    monkeypatch.setattr(z3paths, "TIMEOUT_MS", 100)
    cube = "integer = true\nmin = 1"
    path = write_flow(
        question_toml("x", "number", extra=cube, next_rules=[(None, "y")]),
        question_toml("y", "number", extra=cube, next_rules=[(None, "z")]),
        question_toml(
            "z", "number", extra=cube, next_rules=[("x*x*x + y*y*y == z*z*z", "c"), (None, "done")]
        ),
        question_toml("c", "yes_no", next_rules=[("c", "done")]),
        outcomes_toml("done"),
    )
    warning = _only(problems_of(path), severity="warning")
    assert warning.path[-1] == "next" and warning.path[:2] == ("questions", 3)
    assert warning.message.startswith(
        "could not prove that every path through this question ends in an outcome"
    )
    assert main(["check", str(path)]) == 0  # the flow may run, but no "no problems found"
    assert capsys.readouterr().err.strip() == "no errors; 1 warning(s)"


def test_the_shipped_flow_is_checked_without_loading_the_solver() -> None:
    # Its one tied comparison (age + (duration_months + 10) / 12 >= 21) leads only to
    # questions that end with a rule without `when` and read answers given on every path.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from alternance_tui.flow.load import check_flow_file\n"
        f"flow, problems = check_flow_file(Path({str(SHIPPED)!r}))\n"
        "assert flow is not None and problems == [], problems\n"
        "print('z3' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"


def test_a_dead_end_behind_more_tested_choices_than_cells_combine(
    write_flow: WriteFlow,
) -> None:
    # The cells combine ten tested choices of one multi-choice question; this rule
    # tests twelve, so only the solver tries the one answer that holds them all.
    choices = tuple(f"c{i:02d}" for i in range(12))
    every = " and ".join(f'"{c}" in m' for c in choices)
    path = write_flow(
        question_toml("m", "multi", choices=choices, next_rules=[(every, "y"), (None, "done")]),
        question_toml("y", "yes_no", next_rules=[("y", "done")]),
        outcomes_toml("done"),
    )
    example = _assert_dead_end_is_real(path, "y")
    assert example == {"m": frozenset(choices), "y": False}


def test_the_solver_has_a_time_for_the_whole_flow(
    write_flow: WriteFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two questions behind the cube sum: the first uses up the flow's time, the
    # second is reported at once, undecided, and why.
    monkeypatch.setattr(z3paths, "TIMEOUT_MS", 100)
    monkeypatch.setattr(z3paths, "BUDGET_S", 0.05)
    cube = "integer = true\nmin = 1"
    path = write_flow(
        question_toml("x", "number", extra=cube, next_rules=[(None, "y")]),
        question_toml("y", "number", extra=cube, next_rules=[(None, "z")]),
        question_toml(
            "z", "number", extra=cube, next_rules=[("x*x*x + y*y*y == z*z*z", "c"), (None, "done")]
        ),
        question_toml("c", "yes_no", next_rules=[("c", "d")]),
        question_toml("d", "yes_no", next_rules=[("d", "done")]),
        outcomes_toml("done"),
    )
    warnings = [p for p in problems_of(path) if p.severity == "warning"]
    assert [w.path[:2] for w in warnings] == [("questions", 3), ("questions", 4)]
    assert all(w.message.startswith("could not prove") for w in warnings)
    assert "the 0 s given to the solver for this flow ran out" in warnings[1].message
