"""What the welcome screen says about a flow, cached so the first screen needs no flow.

The welcome screen shows the flow's title, its description and about how many
questions it asks. Getting those from the flow means importing and unpickling
the whole engine (about 40 ms, a quarter of a bare Textual start-up), so they
are kept in a small JSON file keyed by the flow file's content: the first
screen reads that, and the engine loads in the background once it is drawn.
A changed flow file misses the cache and the facts are worked out again.

No textual and no flow import here: this runs before the first frame.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alternance_tui import __version__
from alternance_tui.files.input_file import ReadRefused, read_bounded
from alternance_tui.files.paths import cache_dir
from alternance_tui.interview.pace import minutes

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle

_FORMAT = 1


@dataclass(frozen=True, slots=True)
class WelcomeFacts:
    flow_id: str
    title: dict[str, str]
    description: dict[str, str]
    questions: int  # on the path predicted before any answer

    def text(self, field: dict[str, str], lang: str) -> str:
        return field.get(lang) or next(iter(field.values()), "")

    @property
    def minutes(self) -> int:
        return minutes(self.questions)


def _entry(flow_path: Path) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        # Bounded, regular files only: a pipe named as the flow would wait for ever
        # for a writer before the first frame; loading the flow then says why.
        content = read_bounded(flow_path)
    except ReadRefused:
        return None
    key = f"{_FORMAT}:{__version__}:{flow_path.resolve()}:".encode() + content
    return directory / f"welcome-{hashlib.sha256(key).hexdigest()[:40]}.json"


def cached_facts(flow_path: Path) -> WelcomeFacts | None:
    """The facts for this exact flow file, or None when they are not cached."""
    entry = _entry(flow_path)
    if entry is None:
        return None
    try:
        return facts_from_json(json.loads(entry.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # Missing or damaged: worked out again from the flow, never a crash.
        return None


def facts_from_json(data: Any) -> WelcomeFacts:
    """Facts from their JSON form; KeyError, TypeError... when it is not that."""
    return WelcomeFacts(
        flow_id=str(data["flow_id"]),
        title={str(k): str(v) for k, v in data["title"].items()},
        description={str(k): str(v) for k, v in data["description"].items()},
        questions=int(data["questions"]),
    )


def facts_to_json(facts: WelcomeFacts) -> dict[str, Any]:
    return {
        "flow_id": facts.flow_id,
        "title": facts.title,
        "description": facts.description,
        "questions": facts.questions,
    }


def facts_of(bundle: Bundle) -> WelcomeFacts:
    from alternance_tui.flow.walk import predicted_path

    flow = bundle.flow
    return WelcomeFacts(
        flow_id=flow.id,
        title=dict(flow.title),
        description=dict(flow.description or {}),
        questions=len(predicted_path(flow, {})),
    )


def remember_facts(flow_path: Path, facts: WelcomeFacts) -> None:
    """Cache the facts; a cache that cannot be written is simply skipped."""
    entry = _entry(flow_path)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        text = json.dumps(facts_to_json(facts), ensure_ascii=False)
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(entry)
    except OSError:
        pass
