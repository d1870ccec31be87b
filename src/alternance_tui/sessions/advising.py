"""An advisor's session beyond the interview itself: how far it went, its
scenarios' answers, and the handout it gives. No textual import: the sessions
screen, the results screen and `alternance sessions` all use these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.model import Bundle
    from alternance_tui.advice.result import Recommendation
    from alternance_tui.flow.cond import Value
    from alternance_tui.sessions.store import Session

LETTERS = ("A", "B", "C")  # at most three scenarios side by side


class ExportProblem(Exception):
    """Why a session gives no handout (answers missing, rates unknown), in words."""


@cache
def shipped_bundle() -> Bundle:
    from alternance_tui.advice.load import load_bundle

    return load_bundle(None)


def progress(session: Session, bundle: Bundle | None = None) -> tuple[int, bool]:
    """(answers given, whether the results can be shown) for scenario A."""
    from alternance_tui.flow.answers import parse_answers
    from alternance_tui.flow.walk import walk

    flow = (bundle or shipped_bundle()).flow
    parsed, _ = parse_answers(flow, session.answers, session.lang)
    return len(parsed), walk(flow, parsed, use_defaults=True).complete


def scenario_answers(session: Session) -> dict[str, dict[str, Any]]:
    """Every scenario's answers (JSON form) by letter, A first."""
    return {"A": session.answers, **dict(sorted(session.scenarios.items()))}


def parsed(bundle: Bundle, raw: Mapping[str, Any], lang: str) -> dict[str, Value]:
    """The answers that fit the flow and that the path uses, as the results screen
    takes them (Interview.applicable); the others are dropped."""
    from alternance_tui.flow.answers import parse_answers
    from alternance_tui.flow.walk import walk

    answers, _ = parse_answers(bundle.flow, dict(raw), lang)
    path = walk(bundle.flow, answers, use_defaults=True).path
    return {q: answers[q] for q in path if q in answers}


def recommendation(
    bundle: Bundle,
    raw: Mapping[str, Any],
    lang: str,
    as_of: dt.date,
    engine: Engine | None = None,
) -> Recommendation:
    """``engine``: the bundle's engine when the caller keeps one (the app), so that
    the recommendation on screen is reused rather than worked out again."""
    from alternance_tui.advice.engine import Engine, IncompleteAnswers
    from alternance_tui.advice.pay.base import RatesUnknown

    if engine is None or engine.bundle is not bundle:
        engine = Engine(bundle)
    try:
        return engine.recommend(parsed(bundle, raw, lang), as_of=as_of, lang=lang)
    except IncompleteAnswers as exc:
        # An answer that was given but cannot be used (an age of NaN) says so
        # first: "missing" alone would read as if nothing had been answered.
        from alternance_tui.flow.answers import parse_answers

        _, problems = parse_answers(bundle.flow, dict(raw), lang)
        refused = [f"{p.question}: {p.message}" for p in problems if p.question in exc.missing]
        raise ExportProblem("; ".join(refused or exc.messages)) from None
    except RatesUnknown as exc:
        raise ExportProblem(str(exc)) from None


def handout_text(
    session: Session,
    fmt: str,
    lang: str,
    as_of: dt.date,
    *,
    notes: bool,
    bundle: Bundle | None = None,
    scenario: str = "A",
) -> str:
    """The handout of ``scenario`` in ``fmt`` (json, markdown, html), as the results
    screen writes it; the notes only if ``notes``. The scenario is named on it
    when the session has several."""
    used = bundle or shipped_bundle()
    every = scenario_answers(session)
    if scenario not in every:
        raise ExportProblem(f"no scenario {scenario} (scenarios: {', '.join(every)})")
    rec = recommendation(used, every[scenario], lang, as_of)
    return handout_of(
        rec,
        used,
        fmt,
        name=session.name,
        notes=session.notes if notes else "",
        scenario=scenario if len(every) > 1 else "",
    )


def handout_of(
    rec: Recommendation, bundle: Bundle, fmt: str, *, name: str, notes: str, scenario: str = ""
) -> str:
    """The one place a handout is written from, for the screen and the command line;
    ``scenario``: its letter, said on it ("" when the session has only one)."""
    from alternance_tui.advice.handout import handout
    from alternance_tui.advice.render.handout import render_handout

    made = handout(rec, bundle, name=name, notes=notes, scenario=scenario)
    return render_handout(made, rec, bundle, fmt)


def default_handout_name(session_name: str, lang: str, fmt: str, scenario: str = "") -> str:
    """``handout-Zoe-fr.html``, ``handout-Zoe-B-fr.html`` for scenario B: from the
    session's name, sanitised."""
    from alternance_tui.sessions.store import safe_name

    extension = {"html": "html", "markdown": "md", "json": "json"}[fmt]
    stem = safe_name(session_name) or "session"
    letter = f"-{scenario}" if scenario else ""
    return f"handout-{stem}{letter}-{lang}.{extension}"


def documents_dir() -> Path:
    """Where handouts go: ALTERNANCE_DOCUMENTS_DIR, else the user's documents folder."""
    import os

    override = os.environ.get("ALTERNANCE_DOCUMENTS_DIR")
    if override:
        return Path(override)
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())
