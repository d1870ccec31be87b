"""The rules a saved session was made under: stamped when it is saved, compared
when it is resumed ("these answers were saved under other rules; what changed
for you: ...").

A session keeps the rules version and what the person was told then (a
snapshot of each item), since the old rules themselves are gone by the time
it is resumed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.flow.cond import Value
    from alternance_tui.sessions.autosave import Notice
    from alternance_tui.sessions.store import Session


def stamp(
    session: Session, engine: Engine, answers: Mapping[str, Value], as_of: dt.date, lang: str
) -> Session:
    """``session`` with the rules version and what the answers get under them."""
    from alternance_tui.advice.diff.person import snapshot
    from alternance_tui.advice.version import rules_version

    session.rules_version = rules_version(engine.bundle)
    try:
        session.rules_results = snapshot(engine, answers, as_of, lang)
    except ValueError:  # no reference values for the date: the version alone
        session.rules_results = {}
    return session


def rules_notices(
    session: Session, engine: Engine, answers: Mapping[str, Value], as_of: dt.date, lang: str
) -> list[Notice]:
    """What to tell a person resuming ``session``: nothing under the same rules (or a
    session saved before sessions carried a version); otherwise that the rules
    changed, and what changed for these answers."""
    from alternance_tui.advice.diff.person import since
    from alternance_tui.advice.render.diff import person_lines
    from alternance_tui.advice.version import rules_version
    from alternance_tui.wording.catalogue.diff import DIFF

    now = rules_version(engine.bundle)
    if not session.rules_version or session.rules_version == now:
        return []
    lines = [DIFF(lang, "resumed", old=session.rules_version, new=now)]
    if session.rules_results:
        result = since(
            session.rules_results, engine, answers, as_of, lang, (session.rules_version, now)
        )
        if result.changed:
            lines.append(DIFF(lang, "resumed_changed"))
            lines.extend(person_lines(result, lang))
        else:
            lines.append(DIFF(lang, "resumed_none"))
    return [("\n".join(lines), "warning")]
