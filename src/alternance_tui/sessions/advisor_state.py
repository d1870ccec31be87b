"""What advisor mode keeps beside the interview: the session's name, the
notes, and the scenarios (A, B, C) with the one being edited. No textual: the
app holds one and copies it into each saved session (``fill``).

The interview always holds the answers of the active scenario; the others
wait here in JSON form, as saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from alternance_tui.sessions.advising import LETTERS

if TYPE_CHECKING:
    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.store import Session


@dataclass
class AdvisorState:
    name: str = ""
    notes: str = ""
    notes_on_handout: bool = False
    active: str = "A"
    # Every scenario's answers but the active one's, which the interview holds.
    others: dict[str, dict[str, Any]] = field(default_factory=dict)
    rules_version: str = ""

    def take(self, session: Session) -> None:
        """Start from a saved session (the interview adopts its active answers)."""
        self.name = session.name
        self.notes = session.notes
        self.notes_on_handout = session.notes_on_handout
        self.active = session.active
        every = {"A": session.answers, **session.scenarios}
        self.others = {k: v for k, v in every.items() if k != self.active}

    def active_answers(self, session: Session) -> dict[str, Any]:
        return session.answers if session.active == "A" else session.scenarios[session.active]

    def fill(self, session: Session) -> Session:
        """``session`` (the interview's answers) completed with the advisor's parts."""
        every = {**self.others, self.active: session.answers}
        session.name = self.name
        session.notes = self.notes
        session.notes_on_handout = self.notes_on_handout
        session.active = self.active
        session.answers = every.get("A", {})
        session.scenarios = {k: every[k] for k in LETTERS[1:] if k in every}
        session.rules_version = self.rules_version
        return session

    def letters(self) -> list[str]:
        return sorted({*self.others, self.active})

    def all_answers(self, interview: Interview) -> dict[str, dict[str, Any]]:
        """Every scenario's answers by letter, the active one from the interview."""
        every = {**self.others, self.active: interview.answers_json()}
        return {k: every[k] for k in sorted(every)}

    def duplicate(self, interview: Interview) -> str | None:
        """Copy the current answers into the next free letter and edit that one;
        None when there are three already."""
        free = [k for k in LETTERS if k not in self.letters()]
        if not free:
            return None
        self.others[self.active] = interview.answers_json()
        self.active = free[0]
        return self.active

    def switch(self, interview: Interview, letter: str) -> bool:
        """Edit scenario ``letter`` (its answers go into the interview)."""
        if letter == self.active or letter not in self.others:
            return False
        self.others[self.active] = interview.answers_json()
        self.active = letter
        interview.answers.clear()
        interview.drafts.clear()
        interview.load_answers(self.others.pop(letter))
        return True

    def drop(self, interview: Interview) -> str | None:
        """Remove the scenario being edited (never the last one); the others are
        lettered again from A, so that a saved session's ``answers`` is always A.
        Returns the letter now edited (A)."""
        if not self.others:
            return None
        remaining = [self.others[k] for k in sorted(self.others)]
        interview.answers.clear()
        interview.drafts.clear()
        interview.load_answers(remaining[0])
        self.others = {LETTERS[i]: answers for i, answers in enumerate(remaining[1:], start=1)}
        self.active = "A"
        return self.active
