"""The interview a front end starts with: the answers given up front (a saved
session with ``--resume``, then ``--answers`` over them), open where they lead,
and what to tell the person about them. The TUI (tui/start.py) and ``--plain``
start the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from alternance_tui.sessions.autosave import Notice, SessionSaver, adopt
from alternance_tui.wording.catalogue.tui import TUI as t

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.store import Session


def prepared_interview(
    bundle: Bundle,
    saver: SessionSaver,
    lang: str,
    *,
    resume: str | None,
    answers: Mapping[str, Any],
    answers_file: str | None,
    lang_given: bool,
    as_of: dt.date | None,
) -> tuple[Interview, list[Notice]]:
    """The interview for ``bundle`` with the answers given at start (``resume``:
    a session's name, "" for the last one; then ``answers`` over them), open
    where they lead; and what to tell the person about them. ``lang_given``: the
    person chose the language, which a resumed session's does not replace."""
    from alternance_tui.interview.state import Interview

    interview = Interview(bundle.flow, lang=lang)
    notices: list[Notice] = []
    current: str | None = None
    given = False
    if resume is not None:
        session, found = saver.read(resume, bundle.flow.id, lang, announce_missing=True)
        notices.extend(found)
        if session is not None:
            current = session.current
            notices.extend(adopt(interview, session, keep_language=lang_given))
            notices.extend(rules_changed(bundle, session, interview, as_of))
            given = True
    if answers:
        name = answers_file or "--answers"
        problems = interview.load_answers(answers)
        if problems:
            lines = [f"• {p.question}: {p.message}" for p in problems]
            text = "\n".join([t(interview.lang, "answers_problems", file=name), *lines])
            notices.append((text, "warning"))
        given = True
    if given:
        interview.open_on(current)
    return interview, notices


def rules_changed(
    bundle: Bundle, session: Session, interview: Interview, as_of: dt.date | None
) -> list[Notice]:
    """Whether the session was saved under other rules, and what changed for it."""
    from alternance_tui.advice.engine import Engine
    from alternance_tui.sessions.rulestamp import rules_notices

    when = as_of or dt.date.today()
    return rules_notices(session, Engine(bundle), interview.answers, when, interview.lang)
