"""What the app remembers between runs: the language, the theme and the
advisor's defaults, in the user config folder (platformdirs, or
ALTERNANCE_CONFIG_DIR). Kiosk mode neither reads nor writes them.

Two ways in: ``quick()`` reads the language and theme before the first frame
with plain JSON (pydantic would delay it); ``load()`` validates the whole file
with pydantic later, and a broken file gives the defaults and a notice (the
file is set aside, never silently overwritten).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from alternance_tui.sessions.settings_file import (
    MAX_SETTINGS_BYTES,
    config_dir,
    quick,
    read_settings_bytes,
    settings_path,
)

__all__ = ["AdvisorDefaults", "Settings", "config_dir", "load", "quick", "remember", "save"]


class AdvisorDefaults(BaseModel):
    model_config = ConfigDict(extra="forbid")

    notes_on_handout: bool = False  # new sessions put their notes on the handout
    handout_folder: str | None = None  # else the documents folder

    @field_validator("handout_folder")
    @classmethod
    def _a_folder_name(cls, value: str | None) -> str | None:
        # A NUL, a control character or a lone surrogate names no folder (and the
        # last cannot even be turned into a path): the file is broken, said so.
        if value is not None and not value.replace(" ", "").isprintable():
            raise ValueError("not a folder's name (it holds a control character)")
        return value


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    lang: Literal["fr", "en"] | None = None
    theme: Literal["textual-dark", "textual-light", "alternance-high-contrast"] | None = None
    advisor: AdvisorDefaults = Field(default_factory=AdvisorDefaults)


def load() -> tuple[Settings, str | None]:
    """The settings, or the defaults and what was wrong with the file (in English;
    the app words it for the person)."""
    from alternance_tui.files.input_file import ReadRefused

    path = settings_path()
    try:
        raw = read_settings_bytes()  # bounded, regular files only (a FIFO would hang)
    except ReadRefused as exc:
        if exc.reason == "missing":
            return Settings(), None
        problem = _refusal(exc)
        if exc.reason in ("unreadable", "folder"):
            return Settings(), f"{path}: {problem}"  # not ours to move
    else:
        try:
            return Settings.model_validate_json(raw), None
        except ValidationError as exc:
            problem = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'file'}: {e['msg']}" for e in exc.errors()
            )
    aside = path.with_name(f"settings.broken-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}.json")
    try:
        path.replace(aside)
    except OSError:
        return Settings(), f"{path}: {problem}"
    return Settings(), f"{path}: {problem} (kept as {aside.name})"


def _refusal(exc: Exception) -> str:
    from alternance_tui.files.input_file import ReadRefused

    if isinstance(exc, ReadRefused) and exc.reason == "not_regular":
        return "not a regular file but a device or a pipe"
    if isinstance(exc, ReadRefused) and exc.reason == "too_large":
        return f"too large to be a settings file (at most {MAX_SETTINGS_BYTES // 1024} KiB)"
    if isinstance(exc, ReadRefused) and exc.reason == "folder":
        return "a folder, not a file"
    return str(exc)


def save(settings: Settings) -> Path:
    from alternance_tui.sessions.disk import write_atomic

    path = settings_path()
    write_atomic(path, settings.model_dump_json(indent=2) + "\n")
    return path


def remember(**changes: Any) -> Settings:
    """Load, change the top-level ``changes`` (lang, theme), save; returns the result."""
    settings, _ = load()
    updated = settings.model_copy(update=changes)
    save(updated)
    return updated
