"""Settings remembered between runs: what needs validating at start, and a broken
file's notice (the validation itself is pydantic's, settings.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
