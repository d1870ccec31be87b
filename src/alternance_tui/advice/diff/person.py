"""What a change of the rules changes for one person: a saved session resumed
under other rules. The rules it was saved under are gone by then, so a session
keeps what each item told the person (``snapshot``), and ``since`` compares
that with what the rules of today tell them (advice/diff/run.py for every profile).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from alternance_tui.advice.diff.profiles import Answers, ItemSpace
from alternance_tui.advice.diff.run import (
    Diff,
    Facts,
    Judge,
    Side,
    compare_item,
    items_of,
)
from alternance_tui.advice.engine import Engine
from alternance_tui.flow.cond import Value

# The space of a single profile: each judge is asked once, so caches key on nothing.
ONE_PROFILE = ItemSpace((), {})


def snapshot(
    engine: Engine, answers: Mapping[str, Value], as_of: dt.date, lang: str
) -> dict[str, Any]:
    """What a person is told of each item, as JSON a saved session keeps: so that a
    session resumed under other rules can say what changed for them (``since``),
    the old rules being gone by then. Empty when the answers make no whole path."""
    given: Answers = tuple((k, v) for k, v in answers.items() if v is not None)
    side = Side(engine, as_of, "")
    found: dict[str, Any] = {}
    for section_id, item_id in items_of((side,)):
        # One profile: nothing to cache, so no enumeration space to work out (this
        # runs at each autosave).
        facts = Judge(side, section_id, item_id, ONE_PROFILE, lang).facts(given)
        if facts is None:
            return {}
        found[f"{section_id}/{item_id}"] = {
            "title": facts.title,
            "status": facts.status,
            "reasons": list(facts.reasons),
            "pay": [[k, v] for k, v in facts.pay],
            "notes": list(facts.notes or ()),
        }
    return found


def _facts_of(data: object) -> Facts | None:
    if not isinstance(data, Mapping):
        return None
    try:
        # A session saved before notes were kept has none: they are then not compared.
        notes = data.get("notes")
        return Facts(
            str(data["title"]),
            str(data["status"]),
            tuple(str(r) for r in data["reasons"]),
            tuple((str(k), float(v)) for k, v in data["pay"]),
            tuple(str(n) for n in notes) if isinstance(notes, list) else None,
        )
    except (KeyError, TypeError, ValueError):
        return None


def since(
    saved: Mapping[str, Any],
    engine: Engine,
    answers: Mapping[str, Value],
    as_of: dt.date,
    lang: str,
    labels: tuple[str, str],
) -> Diff:
    """What changed for one person between a ``snapshot`` saved under other rules and
    the rules of ``engine`` now."""
    given: Answers = tuple((k, v) for k, v in answers.items() if v is not None)
    now = snapshot(engine, answers, as_of, lang)
    changes = []
    for key in dict.fromkeys([*now, *saved]):
        section_id, _, item_id = key.partition("/")
        change = compare_item(
            section_id, item_id, given, _facts_of(saved.get(key)), _facts_of(now.get(key))
        )
        if change is not None:
            changes.append(change)
    return Diff(labels[0], labels[1], 1, tuple(changes))
