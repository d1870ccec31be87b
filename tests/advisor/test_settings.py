"""Settings remembered: validated with pydantic, a broken file gives the defaults
with a notice (and is set aside), kiosk mode neither reads nor writes them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from alternance_tui.sessions import settings


def config() -> Path:
    return Path(os.environ["ALTERNANCE_CONFIG_DIR"])


def test_no_file_gives_the_defaults_without_a_notice() -> None:
    loaded, problem = settings.load()
    assert problem is None and loaded == settings.Settings()
    assert settings.quick() == (None, None)


def test_remembered_and_read_back() -> None:
    settings.remember(lang="en", theme="textual-light")
    settings.remember(theme="alternance-high-contrast")  # the language is kept
    assert settings.quick() == ("en", "alternance-high-contrast")
    loaded, problem = settings.load()
    assert problem is None and loaded.lang == "en"


def test_a_broken_file_gives_the_defaults_and_a_notice() -> None:
    path = config() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"lang": "de", "theme": "pink", "advisor": {"x": 1}}), "utf-8")
    assert settings.quick() == (None, None)  # nonsense values are not used at start either
    loaded, problem = settings.load()
    assert loaded == settings.Settings()
    assert problem is not None and "lang" in problem and "kept as settings.broken-" in problem
    assert not path.exists() and list(config().glob("settings.broken-*.json"))
    path.write_text("{half", "utf-8")
    assert settings.load()[0] == settings.Settings()
