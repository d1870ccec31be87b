"""What a list of the advisor's sessions says about each one, and what one
session holds, in words: the name the advisor typed (not its file name), when
it was last saved, how far it went, its scenarios, whether it has notes, its
language; the answers by their labels. No textual: the sessions screen and
`alternance sessions list|show` (text and JSON) say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.advisor import ADVISOR

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.sessions.store import Session, SessionStore


@dataclass(frozen=True, slots=True)
class SessionRow:
    key: str  # the name it is stored under (what `sessions show` takes)
    name: str  # the name the advisor typed ("Mme Dupont", not Mme_Dupont)
    saved_at: str  # ISO, as saved
    answers: int
    complete: bool
    scenarios: int
    notes: bool
    lang: str

    def saved(self, lang: str) -> str:
        """ "7 déc. 2026 14:05", in local time: when it was last changed."""
        return saved_words(self.saved_at, lang)

    def progress(self, lang: str) -> str:
        """ "12 réponses, terminée, 3 scénarios": plurals written out."""
        return progress_words(self.answers, self.complete, self.scenarios, lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "saved_at": self.saved_at,
            "answers": self.answers,
            "complete": self.complete,
            "scenarios": self.scenarios,
            "notes": self.notes,
            "lang": self.lang,
        }


def saved_words(saved_at: str, lang: str) -> str:
    try:
        when = dt.datetime.fromisoformat(saved_at)
    except ValueError:
        return "—"
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{w.date(when.date(), lang)} {when:%H:%M}"


def progress_words(answers: int, complete: bool, scenarios: int, lang: str) -> str:
    a = ADVISOR
    shown = a(lang, "answers_one" if answers == 1 else "answers_many", count=answers)
    if complete:
        shown += a(lang, "progress_done")
    if scenarios > 1:
        shown += a(lang, "progress_scenarios", count=scenarios)
    return shown


def row(key: str, session: Session, bundle: Bundle | None = None) -> SessionRow:
    from alternance_tui.sessions.advising import progress

    answered, complete = progress(session, bundle)
    return SessionRow(
        key=key,
        name=session.name or key,
        saved_at=session.saved_at,
        answers=answered,
        complete=complete,
        scenarios=1 + len(session.scenarios),
        notes=bool(session.notes.strip()),
        lang=session.lang,
    )


def rows(
    store: SessionStore,
    lang: str,
    bundle: Bundle | None = None,
    warnings: list[str] | None = None,
) -> list[SessionRow]:
    """Every session the advisor named, newest first (``store.named``: not the
    app's own); one that cannot be read is left out, and what the store said of
    it (set aside, or left while another program may be writing it) goes to
    ``warnings``."""
    found = []
    for key in store.named():
        loaded = store.load(key, lang=lang)
        if loaded.warning and warnings is not None:
            warnings.append(loaded.warning)
        if loaded.session is not None:
            found.append(row(key, loaded.session, bundle))
    return found


def shown_names(found: list[SessionRow]) -> list[str]:
    """The name each row is shown by: the name typed, and for two files holding
    the same name (a copy), each also by the name it opens with (its key)."""
    names = [r.name for r in found]
    return [
        r.name if names.count(r.name) == 1 or r.name == r.key else f"{r.name} ({r.key})"
        for r in found
    ]


def answer_words(
    raw: dict[str, Any], lang: str, bundle: Bundle | None = None
) -> list[tuple[str, str, str]]:
    """(id, label, value in words) of each answer, in the flow's order; an answer
    the flow no longer has, or one that no longer fits, is given as saved."""
    from alternance_tui.flow.answers import parse_answers, show_value
    from alternance_tui.flow.model import tr
    from alternance_tui.sessions.advising import shipped_bundle

    flow = (bundle or shipped_bundle()).flow
    parsed, _ = parse_answers(flow, dict(raw), lang)
    out = []
    for question in flow.questions.values():
        if question.id in parsed:
            value = show_value(question, parsed[question.id], lang)
            out.append((question.id, tr(question.short, lang), value))
    known = {q for q, _, _ in out}
    out += [(k, k, str(v)) for k, v in raw.items() if k not in known]
    return out
