"""Where the settings file is, and the language and theme in it read before the
first frame: plain JSON, no pydantic (settings.py validates the whole file later)."""

from __future__ import annotations

import os
from pathlib import Path

FILE_NAME = "settings.json"
LANGS = ("fr", "en")
THEMES = ("textual-dark", "textual-light", "alternance-high-contrast")
# What settings.py writes for the advisor's defaults when none was changed.
ADVISOR_DEFAULTS = {"notes_on_handout": False, "handout_folder": None}
# The file the app writes is a few hundred bytes; anything far larger is not it.
MAX_SETTINGS_BYTES = 64 * 1024


def config_dir() -> Path:
    override = os.environ.get("ALTERNANCE_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("alternance-tui", appauthor=False))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def read_settings_bytes() -> bytes:
    """The settings file's bytes, read as every file is (input_file.py): a
    regular file of at most MAX_SETTINGS_BYTES, so that a FIFO, /dev/zero or a
    folder under that name is refused at once; ReadRefused otherwise."""
    from alternance_tui.files.input_file import read_bounded

    return read_bounded(settings_path(), MAX_SETTINGS_BYTES)


def _data() -> object:
    """The settings file's JSON; ReadRefused or JsonRefused (nesting that would
    exhaust the stack included) when it cannot be read."""
    from alternance_tui.files.input_file import parse_json

    return parse_json(read_settings_bytes()).data


def quick() -> tuple[str | None, str | None]:
    """(language, theme) remembered, if the file has sensible ones; never raises."""
    from alternance_tui.files.input_file import JsonRefused, ReadRefused

    try:
        data = _data()
    except (ReadRefused, JsonRefused):
        return None, None
    if not isinstance(data, dict):
        return None, None
    lang, theme = data.get("lang"), data.get("theme")
    return (lang if lang in LANGS else None), (theme if theme in THEMES else None)


def plainly_valid() -> bool:
    """Whether the file is missing, or holds only a language and a theme the app
    knows: then there is nothing for settings.py to validate, and pydantic (about
    100 ms and 12 MB at each start) is not needed."""
    from alternance_tui.files.input_file import JsonRefused, ReadRefused

    try:
        data = _data()
    except ReadRefused as exc:
        return exc.reason == "missing"
    except JsonRefused:
        return False
    return (
        isinstance(data, dict)
        and set(data) <= {"version", "lang", "theme", "advisor"}
        and data.get("version", 1) == 1
        and data.get("advisor", ADVISOR_DEFAULTS) == ADVISOR_DEFAULTS
        and data.get("lang") in (*LANGS, None)
        and data.get("theme") in (*THEMES, None)
    )
