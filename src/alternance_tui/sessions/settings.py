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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from alternance_tui.sessions.settings_file import config_dir, quick, settings_path

__all__ = ["AdvisorDefaults", "Settings", "config_dir", "load", "quick", "remember", "save"]


class AdvisorDefaults(BaseModel):
    model_config = ConfigDict(extra="forbid")

    notes_on_handout: bool = False  # new sessions put their notes on the handout
    handout_folder: str | None = None  # else the documents folder


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    lang: Literal["fr", "en"] | None = None
    theme: Literal["textual-dark", "textual-light", "alternance-high-contrast"] | None = None
    advisor: AdvisorDefaults = Field(default_factory=AdvisorDefaults)


def load() -> tuple[Settings, str | None]:
    """The settings, or the defaults and what was wrong with the file (in English;
    the app words it for the person)."""
    path = settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"{path}: {exc}"
    try:
        return Settings.model_validate_json(text), None
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


def save(settings: Settings) -> Path:
    from alternance_tui.sessions.store import write_atomic

    path = settings_path()
    write_atomic(path, settings.model_dump_json(indent=2) + "\n")
    return path


def remember(**changes: Any) -> Settings:
    """Load, change the top-level ``changes`` (lang, theme), save; returns the result."""
    settings, _ = load()
    updated = settings.model_copy(update=changes)
    save(updated)
    return updated
