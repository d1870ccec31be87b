"""`alternance check` on what people actually pass it: folders, links, odd paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alternance_tui.cli.main import main

DATA = Path(__file__).resolve().parent / "data"


def test_an_empty_folder_is_a_problem_not_a_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path}: no .toml files in this folder" in out


def test_a_link_loop_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    assert main(["check", str(tmp_path / "a.toml")]) == 1
    out = capsys.readouterr().out
    assert "a.toml: cannot read the file" in out


def test_a_folder_with_a_flow_and_its_data_files_checks_each_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(DATA / "flows" / "bike.toml", tmp_path / "bike.toml")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_a_missing_flow_says_so_without_sending_the_person_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(SystemExit) as stop:
        main(["recommend", "--flow", str(missing), "-a", "age=20"])
    assert stop.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"alternance: {missing}: no such file"]


def test_a_broken_flow_names_its_problems_and_where_to_see_them_all(
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = DATA / "bad_flows" / "condition_unknown_question.toml"
    with pytest.raises(SystemExit) as stop:
        main(["recommend", "--flow", str(broken), "-a", "age=20"])
    assert stop.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert 'unknown question "agee"' in err[0]
    assert err[-1].endswith("(alternance check shows them all)")
