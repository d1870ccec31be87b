"""`alternance recommend` against hostile or clumsy input (issue 9): never a
traceback, never a hang, never input echoed raw to the terminal."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.nodes import FULL, ZERO, char_device, fifo, within

from .test_recommend_cli import DONE_WHEN, NBSP, _bad, run

ANSWERS = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def _answers_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: Path
) -> str:
    (line,) = _bad(capsys, monkeypatch, ["recommend", "--answers", str(path)])
    return line


# --- item 1: numbers and nesting ---------------------------------------------------------


def test_a_400_digit_number_in_a_file_is_a_range_problem(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    path.write_text(
        '{"age": 1' + "0" * 400 + ', "duration_months": -1' + "0" * 400 + "}", encoding="utf-8"
    )
    lines = _bad(capsys, monkeypatch, ["recommend", "--answers", str(path)])
    assert lines == [
        "alternance: --answers: age: Enter a number between 15 and 99 years.",
        "alternance: --answers: duration_months: Enter a number between 1 and 48 months.",
    ]


def test_json_nested_100000_deep_is_refused_in_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (line,) = _bad(capsys, monkeypatch, ["recommend", "--answers", "-"], stdin=deep)
    assert line == (
        "alternance: --answers: standard input: lists or objects nested too deeply to read; "
        'expected an object such as {"age": 20, "employer_sector": "private"}'
    )


def test_a_100000_digit_answer_is_out_of_range_not_inf(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (line,) = _bad(capsys, monkeypatch, [*DONE_WHEN, "-a", "age=" + "9" * 100_000])
    assert line == "alternance: -a age: Enter a number between 15 and 99 years."


@pytest.mark.parametrize(
    ("typed", "meant"), [("1_9", "19"), ("2e1", "20"), ("٢٠", "20"), ("２０", "20")]
)
def test_numbers_not_in_plain_digits_say_what_to_type(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, typed: str, meant: str
) -> None:
    (line,) = _bad(capsys, monkeypatch, [*DONE_WHEN, "-a", f"age={typed}"])
    assert line == (
        f"alternance: -a age: “{typed}” is not written with the digits 0 to 9: type {meant}."
    )


# --- item 3: what --answers reads ------------------------------------------------------


def test_answers_from_a_device_are_refused_not_read_for_ever(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    zero = char_device(tmp_path / "zero", ZERO)
    assert _answers_line(capsys, monkeypatch, zero) == (
        f"alternance: --answers: {zero}: is not a regular file (a device or a pipe?); "
        "give a JSON file, or - and pipe it in"
    )


def test_answers_from_a_fifo_are_refused_not_waited_on(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "me.json")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "alternance_tui",
            "recommend",
            "--answers",
            str(pipe),
            "--lang",
            "en",
        ],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"alternance: --answers: {pipe}: is not a regular file")


def test_answers_from_a_folder_or_a_huge_file_say_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert _answers_line(capsys, monkeypatch, tmp_path).endswith(
        "is a folder; give a JSON file (or - for standard input)"
    )
    huge = tmp_path / "huge.json"
    huge.write_text("{}" + " " * 2 * 1024 * 1024, encoding="utf-8")
    assert _answers_line(capsys, monkeypatch, huge).endswith(
        "is too large (2 MiB); an answers file is at most 1 MiB"
    )


def test_answers_on_standard_input_are_bounded_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _bad(capsys, monkeypatch, ["recommend", "--answers", "-"], stdin="\0" * 1_100_000)
    assert lines == [
        "alternance: --answers: standard input: is too large (more than 1 MiB); "
        "an answers file is at most 1 MiB"
    ]
    code, out, _ = run(
        capsys,
        monkeypatch,
        ["recommend", "--answers", "-", "--format", "json"],
        json.dumps(ANSWERS),
    )
    assert code == 0 and json.loads(out)["answers"]["age"] == 20


# --- item 8: what messages echo, and which answer was used -----------------------------


def test_control_characters_are_shown_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = "\x1b]0;PWNED\x07"
    lines = _bad(
        capsys,
        monkeypatch,
        [*DONE_WHEN, "-a", f"age={hostile}", "-a", f"{hostile}=1", "-a", hostile],
    )
    assert lines == [
        "alternance: -a \\x1b]0;PWNED\\x07: write it as id=value, e.g. -a age=20",
        "alternance: -a age: “\\x1b]0;PWNED\\x07” is not a number: type digits, e.g. 15.",
        "alternance: -a \\x1b]0;PWNED\\x07: “\\x1b]0;PWNED\\x07” is not a question of this "
        "interview. Questions: " + lines[2].split("Questions: ")[1],
    ]
    assert not any(ch in line for line in lines for ch in "\x1b\x07")


def test_a_file_name_with_control_characters_is_shown_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    line = _answers_line(capsys, monkeypatch, tmp_path / "\x1b[2Jme.json")
    assert line == f"alternance: --answers: {tmp_path}/\\x1b[2Jme.json: no such file"


def test_which_answer_was_used_is_said_when_one_is_given_twice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    text = json.dumps(ANSWERS)[:-1] + ', "age": 21, "diploma": "m1"}'
    path.write_text(text, encoding="utf-8")
    args = ["recommend", "--answers", str(path), "-a", "age=22", "-a", "age=23", "--format", "json"]
    code, out, err = run(capsys, monkeypatch, [*args, "--lang", "en"])
    assert code == 0
    assert json.loads(out)["answers"]["age"] == 23
    assert err.splitlines() == [
        f"alternance: note: {path}: “age” is given 2 times (20, 21); the last one, 21, was used",
        f'alternance: note: {path}: “diploma” is given 2 times ("bac_general", "m1"); '
        'the last one, "m1", was used',
        "alternance: note: -a age is given 2 times (22, 23); the last one, 23, was used",
        f"alternance: note: -a age=23 was used instead of 21 from {path}",
    ]
    _, _, err = run(capsys, monkeypatch, [*args, "--lang", "fr"])
    assert err.splitlines()[2] == (
        f"alternance: remarque: -a age est donné 2 fois (22, 23){NBSP}; le dernier, 23, a servi"
    )


def test_no_note_when_nothing_conflicts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, _, err = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "json"])
    assert (code, err) == (0, "")
    # The same answer given twice, or the file's answer repeated with -a: nothing chosen.
    path = tmp_path / "me.json"
    path.write_text(json.dumps(ANSWERS)[:-1] + ', "age": 20}', encoding="utf-8")
    args = ["recommend", "--answers", str(path), "-a", "age=20", "-a", "age=20"]
    code, _, err = run(capsys, monkeypatch, [*args, "-a", "employer_sector=private"])
    assert (code, err) == (0, "")


# --- item 2: -o FILE writes as `> FILE` would ---------------------------------------------


def test_output_to_a_full_device_is_exit_2_and_leaves_the_device(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    full = char_device(tmp_path / "full", FULL)
    (line,) = _bad(capsys, monkeypatch, [*DONE_WHEN, "-o", str(full)])
    assert line == f"alternance: --output: {full}: cannot write it (No space left on device)"
    assert stat.S_ISCHR(full.stat().st_mode)  # not turned into a regular file


def test_output_through_a_link_writes_its_target_with_its_permissions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o644)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    code, _, err = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "html", "-o", str(link)])
    assert (code, err) == (0, "")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


def test_a_new_handout_is_readable_as_the_umask_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        code, _, _ = run(capsys, monkeypatch, [*DONE_WHEN, "-o", str(tmp_path / "new.txt")])
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_output_to_a_pipe_nobody_reads_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pipe = fifo(tmp_path / "pipe")
    (line,) = within(10, lambda: _bad(capsys, monkeypatch, [*DONE_WHEN, "-o", str(pipe)]))
    assert line.endswith("is a pipe that no program is reading; start the reader first")


def test_standard_output_on_a_full_disk_is_exit_2_with_a_message(tmp_path: Path) -> None:
    full = char_device(tmp_path / "full", FULL)
    with full.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "alternance_tui", *DONE_WHEN, "--lang", "en"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "alternance: standard output: cannot write the result (No space left on device)\n"
    )


def test_argument_errors_and_check_lines_are_shown_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, _, err = run(capsys, monkeypatch, [*DONE_WHEN, "--as-of", "\x1b]0;PWNED\x07"])
    assert code == 2 and "\x1b" not in err and "\\x1b]0;PWNED\\x07" in err
    flow = tmp_path / "\x1b[2Jflow.toml"
    flow.write_text('id = "x"\n', encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["check", str(flow)])
    assert code == 1 and "\x1b" not in out and "\\x1b[2Jflow.toml" in out


@pytest.mark.parametrize("args", [["graph"], ["schema"]])
def test_other_commands_on_a_full_disk_are_an_error_too(tmp_path: Path, args: list[str]) -> None:
    full = char_device(tmp_path / "full", FULL)
    with full.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "alternance_tui", *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode().startswith("alternance: ")
    assert "Exception ignored" not in done.stderr.decode()


# --- the TUI's --answers reads the same way --------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "deep"])
def test_the_tuis_answers_file_is_read_as_recommends_is(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
) -> None:
    started: list[object] = []
    monkeypatch.setattr("alternance_tui.tui.app.run", lambda options: started.append(options) or 0)
    path = tmp_path / "me.json"
    if kind == "fifo":
        fifo(path)
    elif kind == "device":
        char_device(path, ZERO)
    else:
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = within(
        10, lambda: run(capsys, monkeypatch, ["--answers", str(path), "--lang", "en"])
    )
    assert code == 2 and started == []
    assert err.startswith(f"alternance: --answers: {path}: ")
    assert "Traceback" not in err


def test_a_malformed_pair_is_said_in_french_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, [*DONE_WHEN, "-a", "age", "--lang", "fr"])
    assert code == 2
    assert err == "alternance: -a age: écrivez-la id=valeur, par ex. -a age=20\n"
