"""Settings remembered between runs: what needs validating at start, and a broken
file's notice (the validation itself is pydantic's, settings.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.nodes import ZERO, char_device, fifo, within

from alternance_tui.sessions.settings import remember
from alternance_tui.sessions.settings_file import plainly_valid


def settings_file() -> Path:
    return Path(os.environ["ALTERNANCE_CONFIG_DIR"]) / "settings.json"


def test_a_missing_file_and_the_file_the_app_writes_need_no_validation() -> None:
    assert plainly_valid()
    remember(lang="en", theme="textual-light")
    assert settings_file().exists()
    assert plainly_valid()


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '["en"]',
        '{"lang": "de"}',
        '{"theme": "neon"}',
        '{"lang": "en", "colour": "red"}',
        '{"version": 2}',
        '{"advisor": {"notes_on_handout": true, "handout_folder": null}}',
    ],
)
def test_anything_else_is_validated_in_full(text: str) -> None:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    assert not plainly_valid()


# Issue 23, item 11: the settings file is read as every other file is.


@pytest.mark.parametrize("kind", ["fifo", "zero", "link to zero", "deep", "huge", "surrogate"])
def test_a_settings_file_that_is_no_settings_file_never_hangs_nor_crashes(
    kind: str, tmp_path: Path
) -> None:
    from alternance_tui.sessions.settings import load
    from alternance_tui.sessions.settings_file import quick

    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        fifo(path)
    elif kind == "zero":
        char_device(path, ZERO)
    elif kind == "link to zero":
        path.symlink_to(char_device(tmp_path / "zero", ZERO))
    elif kind == "deep":
        path.write_text("[" * 100_000, encoding="utf-8")
    elif kind == "huge":
        path.write_text('{"lang": "en", "x": "' + "x" * 2_000_000 + '"}', encoding="utf-8")
    else:
        path.write_text('{"advisor": {"handout_folder": "a\\ud800b"}}', encoding="utf-8")
    assert within(5, quick) == (None, None)
    assert within(5, plainly_valid) is False
    settings, problem = within(5, load)
    assert settings.lang is None and problem is not None
    assert not path.exists() or path.is_file()  # set aside, or a file left for a person to fix
