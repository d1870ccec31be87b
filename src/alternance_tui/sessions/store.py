"""Sessions and settings on disk: atomic writes, damaged files set aside, never a crash.

A session is what a person typed: the answers (every one, including those a
changed answer made irrelevant, so that changing it back restores them), the
language, the current question and an advisor's notes. It is saved under the
platform's user data folder (platformdirs) by writing a temporary file and
renaming it over the old one, so a crash mid-write never leaves half a file.
Kiosk mode uses no store at all.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alternance_tui.files.input_file import (
    MAX_BYTES,
    JsonRefused,
    ReadRefused,
    parse_json,
    read_bounded,
)
from alternance_tui.files.printable import no_surrogates
from alternance_tui.sessions.disk import write_atomic
from alternance_tui.sessions.names import (
    NameRefused,
    is_reserved,
    listable,
    name_problem,
    refusal,
    safe_name,
)
from alternance_tui.wording.catalogue.store import STORE

__all__ = [
    "NameRefused",
    "Session",
    "SessionStore",
    "is_reserved",
    "name_problem",
    "refusal",
    "safe_name",
]

FORMAT_VERSION = 1
# A write takes milliseconds: a temporary file this old was left by a killed one.
ORPHAN_AGE = 10.0
# This program replaces a session whole (write then rename), but another one
# (a copy, a sync tool, an editor) may still be writing a file that reads as
# damaged: only a file unchanged for this long is set aside without being asked.
DAMAGED_AGE = 60.0


@dataclass
class Session:
    flow_id: str
    answers: dict[str, Any] = field(default_factory=dict)  # JSON form: lists for multi
    lang: str = "fr"
    current: str | None = None
    notes: str = ""
    saved_at: str = ""
    # Text typed in a number field and not accepted yet (e.g. "1" of "18").
    drafts: dict[str, str] = field(default_factory=dict)
    # Advisor mode (issue 11): the name the advisor gave, the other scenarios'
    # answers ("B", "C"; ``answers`` is scenario A), the one being edited, the
    # rules version the session was last seen with, and whether the notes go
    # on the handout. Older files simply lack them.
    name: str = ""
    scenarios: dict[str, dict[str, Any]] = field(default_factory=dict)
    active: str = "A"
    rules_version: str = ""
    notes_on_handout: bool = False
    # What the answers got under those rules (advice.diff.snapshot), to say what
    # changed for the person when the session is resumed under other rules.
    rules_results: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "flow": self.flow_id,
            "answers": self.answers,
            "lang": self.lang,
            "current": self.current,
            "notes": self.notes,
            "saved_at": self.saved_at,
            "drafts": self.drafts,
            "name": self.name,
            "scenarios": self.scenarios,
            "active": self.active,
            "rules_version": self.rules_version,
            "notes_on_handout": self.notes_on_handout,
            "rules_results": self.rules_results,
        }


@dataclass(frozen=True)
class LoadResult:
    session: Session | None
    warning: str | None = None  # e.g. a damaged file was set aside


class SessionStore:
    """Named sessions in one folder; ``autosave`` is the one written as a person types."""

    AUTOSAVE = "autosave"

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or data_dir() / "sessions"
        # Damaged files found too recent to set aside: set aside before a save replaces one.
        self._left_damaged: set[Path] = set()

    PREVIOUS = "previous"

    def path(self, name: str) -> Path:
        """The file of session ``name``: ``name`` made a safe file name, or, for a
        file already in the folder under a name of its own (a copy, "Zoe (2)"),
        that file, so that every name listed can be opened."""
        stem = safe_name(name)
        if name != stem and listable(name) and (self.directory / f"{name}.json").is_file():
            return self.directory / f"{name}.json"
        return self.directory / f"{stem or self.AUTOSAVE}.json"

    def exists(self, name: str) -> bool:
        return self.path(name).exists()

    def named_path(self, name: str) -> Path:
        """The file of the advisor's session ``name``; NameRefused for a name that
        addresses nothing or one of the app's own sessions."""
        if listable(name) and (self.directory / f"{name}.json").is_file() and not is_reserved(name):
            return self.directory / f"{name}.json"  # a file listed under its own name
        problem = name_problem(name)
        if problem is not None:
            raise NameRefused(name, problem)
        return self.path(name)

    def named(self) -> list[str]:
        """The sessions an advisor named, newest first (not the app's own ones)."""
        return [n for n in self.names() if not is_reserved(n)]

    def rename(self, old: str, new: str) -> Path:
        """Move session ``old`` to ``new``; FileExistsError if ``new`` is taken."""
        source, target = self.path(old), self.path(new)
        if target.exists() and target != source:
            raise FileExistsError(target)
        loaded = self.load(old, lang="en").session
        if loaded is None:
            raise FileNotFoundError(source)
        loaded.name = new
        self.save(loaded, new)
        if target != source:
            source.unlink(missing_ok=True)
        return target

    def save(self, session: Session, name: str = AUTOSAVE, *, durable: bool = True) -> Path:
        session.saved_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        target = self.path(name)
        text = no_surrogates(json.dumps(session.to_json(), ensure_ascii=False, indent=2))
        if target in self._left_damaged:
            # Read as damaged, left because it had just changed: kept, not overwritten.
            self._left_damaged.discard(target)
            if target.exists():
                self._set_aside(target)
        write_atomic(target, text, durable=durable)
        return target

    def names(self) -> list[str]:
        """Every session file's name, newest first. A link to nothing, a loop of
        links, a folder or a file deleted while listing is no session."""
        found: list[tuple[float, str]] = []
        try:
            with os.scandir(self.directory) as entries:
                for entry in entries:
                    stem = entry.name[: -len(".json")]
                    if not entry.name.endswith(".json") or not listable(stem):
                        continue
                    try:
                        info = entry.stat()  # through a link, as reading does
                    except (OSError, ValueError):
                        continue
                    if not stat.S_ISDIR(info.st_mode):  # a FIFO is listed: loading refuses it
                        found.append((info.st_mtime, stem))
        except OSError:  # no folder yet, or not one
            return []
        return [stem for _, stem in sorted(found, key=lambda f: (-f[0], f[1]))]

    def load(self, name: str = AUTOSAVE, *, lang: str, repair: bool = False) -> LoadResult:
        """The session saved as ``name``; ``lang`` is the language of the warning
        given if it was damaged. A file that is no session is set aside (kept
        under another name), saying so; but one whose text does not parse and
        that changed less than DAMAGED_AGE seconds ago (another program may
        still be writing it) is left as it is, unless ``repair``."""
        target = self.path(name)
        if not target.exists():
            return LoadResult(None)
        try:
            # Bounded, and regular files only: a session name that is a FIFO
            # or a device would otherwise hang the start or read for ever.
            data = parse_json(read_bounded(target, MAX_BYTES)).data
            return LoadResult(_session_from(data))
        except ReadRefused as exc:
            if exc.reason == "missing":
                return LoadResult(None)
            return self._damaged(target, exc, lang, repair)
        except (
            OSError,
            JsonRefused,
            KeyError,
            TypeError,
            ValueError,
        ) as exc:
            return self._damaged(target, exc, lang, repair)

    def _damaged(self, target: Path, exc: Exception, lang: str, repair: bool) -> LoadResult:
        error = _why(exc, lang)
        age = _age(target)
        # A device, a pipe or an oversized file is no write in progress: only
        # text that does not parse (yet) may be one.
        unfinished = not isinstance(exc, ReadRefused)
        if unfinished and not repair and age is not None and age < DAMAGED_AGE:
            self._left_damaged.add(target)
            seconds = max(0, round(age))
            warning = STORE(lang, "damaged_young", file=target.name, error=error, seconds=seconds)
            return LoadResult(None, warning)
        aside = self._set_aside(target)
        if aside is None:
            warning = STORE(lang, "damaged", file=target.name, error=error)
        else:
            warning = STORE(lang, "damaged_kept", file=target.name, error=error, kept=aside.name)
        return LoadResult(None, warning)

    def delete(self, name: str = AUTOSAVE) -> None:
        self.path(name).unlink(missing_ok=True)

    def lock(self, name: str = AUTOSAVE) -> int | None:
        """Hold session ``name`` for this process until it ends (even killed):
        the open lock file's descriptor; None if another process holds it.
        Where locks cannot be taken (no fcntl, a read-only folder) the session
        is not held, and saving says what went wrong if it fails too."""
        try:
            import fcntl
        except ImportError:  # not on POSIX
            return -1
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path(name).with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return -1
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            return None
        return handle

    def in_use(self, name: str) -> bool:
        """Whether another process holds session ``name`` (``lock``), now."""
        handle = self.lock(name)
        if handle is None:
            return True
        if handle >= 0:
            os.close(handle)
        return False

    def remove_orphans(self, older_than: float = ORPHAN_AGE) -> None:
        """Remove temporary files that a killed write left behind."""
        if not self.directory.is_dir():
            return
        now = time.time()
        for orphan in self.directory.glob(".*.tmp"):
            try:
                if now - orphan.stat().st_mtime > older_than:
                    orphan.unlink()
            except OSError:
                continue  # gone already, or not ours to remove

    @staticmethod
    def _set_aside(target: Path) -> Path | None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        aside = target.with_name(f"{target.stem}.damaged-{stamp}.json.bak")
        for number in range(2, 100):
            if not aside.exists() and not aside.is_symlink():
                break  # never over a file set aside the same second
            aside = target.with_name(f"{target.stem}.damaged-{stamp}-{number}.json.bak")
        try:
            target.replace(aside)
        except OSError:
            return None
        return aside


def _plain(data: Any) -> Any:
    """Every string in ``data`` (keys too) without lone surrogates (``no_surrogates``)."""
    if isinstance(data, str):
        return no_surrogates(data)
    if isinstance(data, dict):
        return {no_surrogates(str(k)): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def data_dir() -> Path:
    override = os.environ.get("ALTERNANCE_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("alternance-tui", appauthor=False))


def _age(path: Path) -> float | None:
    try:
        return time.time() - path.lstat().st_mtime
    except OSError:
        return None


def _why(exc: Exception, lang: str) -> str:
    if isinstance(exc, ReadRefused):
        if exc.reason in ("folder", "not_regular"):
            return STORE(lang, f"why_{exc.reason}")
        if exc.reason == "too_large":
            return STORE(lang, "why_too_large", size=f"{exc.size / 1024 / 1024:.1f}")
        return exc.detail or exc.reason
    if isinstance(exc, JsonRefused):
        if exc.reason == "too_deep":
            return STORE(lang, "why_too_deep")
        return STORE(lang, "why_json", detail=exc.detail, line=exc.line)
    return str(exc)


def _session_from(data: object) -> Session:
    data = _plain(data)
    if not isinstance(data, Mapping) or data.get("version") != FORMAT_VERSION:
        raise ValueError("not a session file of this version")
    answers = data["answers"]
    if not isinstance(answers, dict):
        raise TypeError("answers is not an object")
    current = data.get("current")
    drafts = data.get("drafts", {})
    if not isinstance(drafts, dict):
        drafts = {}
    return Session(
        flow_id=str(data["flow"]),
        answers=answers,
        lang=str(data.get("lang", "fr")),
        current=current if isinstance(current, str) else None,
        notes=str(data.get("notes", "")),
        saved_at=str(data.get("saved_at", "")),
        drafts={str(k): v for k, v in drafts.items() if isinstance(v, str)},
        **_advisor_fields(data),
        rules_results=rules if isinstance(rules := data.get("rules_results"), dict) else {},
    )


def _advisor_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The advisor's additions, each checked on its own: a bad one is dropped, not fatal."""
    scenarios = data.get("scenarios", {})
    if not isinstance(scenarios, dict):
        scenarios = {}
    active = data.get("active", "A")
    kept = {str(k): v for k, v in scenarios.items() if isinstance(v, dict)}
    return {
        "name": str(data.get("name", "")),
        "scenarios": kept,
        "active": active if active == "A" or active in kept else "A",
        "rules_version": str(data.get("rules_version", "")),
        "notes_on_handout": data.get("notes_on_handout") is True,
    }
