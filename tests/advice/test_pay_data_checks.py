"""What `alternance check` says of the new pay data when it is wrong: a borrowed pay
naming no item, a derived default that is not a choice, branching on a derived
default. Each on a copy of the shipped flows in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alternance_tui.advice.load import check_bundle
from alternance_tui.files.paths import default_flows_dir


def _problems(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    folder = tmp_path / "flows"
    shutil.copytree(default_flows_dir(), folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    bundle, problems, _ = check_bundle(folder / "alternance.toml")
    assert bundle is None
    return [f"{p.file}:{p.line}: {p.message}" for p in problems]


def test_borrowed_pay_must_name_an_item_with_a_pay(tmp_path: Path) -> None:
    found = _problems(tmp_path, "courses.toml", 'item = "apprenticeship"', 'item = "apprentice"')
    assert any('pays like "apprentice"' in p and "courses.toml" in p for p in found), found


def test_borrowed_pay_answers_must_fit_their_question(tmp_path: Path) -> None:
    found = _problems(tmp_path, "courses.toml", 'entry_level = "l3"', 'entry_level = "l4"')
    assert any("'l4' is not a choice of entry_level" in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('value = "l3"', 'value = "l9"', "'l9' is not one of this question's choices"),
        (
            '{ goto = "rqth" },',
            '{ when = \'entry_level == "m2"\', goto = "start_month" },\n  { goto = "rqth" },',
            "branching may read only questions with a fixed default",
        ),
    ],
)
def test_derived_defaults_are_checked(tmp_path: Path, old: str, new: str, message: str) -> None:
    found = _problems(tmp_path, "alternance.toml", old, new)
    assert any(message in p and "alternance.toml:" in p for p in found), found


def test_a_cycle_cannot_start_after_its_last_year(tmp_path: Path) -> None:
    found = _problems(tmp_path, "contracts.toml", "m1 = 1, m2 = 2 }", "m1 = 3, m2 = 2 }")
    assert any('"m1" starts in year 3 of a cycle of 2 years' in p for p in found), found
