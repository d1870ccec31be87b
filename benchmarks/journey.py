"""The interview a benchmark types, answered by what each screen asks.

A fixed list of keys goes stale as soon as the flow gains a question (the
served benchmark's stopped at the situation question two issues after it was
written). Here the benchmark reads which question is on screen, by its prompt
taken from the shipped flow, and answers it: the person's answers below when
the question is one of them, Enter (its default, or nothing for an optional
answer) otherwise. A required question without a default that the person below
does not answer stops the run with its id, rather than a timeout.

Used by bench_serve.py (bytes from the websocket) and bench_tui.py (bytes from
a pseudo-terminal): both wait for a marker, the start of a screen's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from alternance_tui.files.paths import default_flow_path
from alternance_tui.flow.load import load_flow
from alternance_tui.flow.model import Flow, Question, tr
from alternance_tui.wording.catalogue.tui import TUI

# The person: 20, a private employer, a general bac, 24 months; the defaults for
# the rest. Choices by id: the key is the choice's number on screen.
PERSON: dict[str, int | str] = {
    "age": 20,
    "employer_sector": "private",
    "diploma": "bac_general",
    "duration_months": 24,
}
MARKER_CHARS = 20
LINE_CHARS = 70  # what a prompt's first line holds at 80 columns


@dataclass(frozen=True)
class Screen:
    """A screen the benchmark recognises: ``question`` is None for the others."""

    name: str  # a question id, or "welcome", "review", "results"
    marker: bytes
    question: Question | None = None


def _markers(texts: list[str]) -> list[bytes]:
    """Each text's shortest start of whole words (at least MARKER_CHARS
    characters, or all of it) that no other text starts with: a long prompt
    wraps, so the marker must fit on its first line."""
    found = []
    for text in texts:
        words = text.split(" ")
        for count in range(1, len(words) + 1):
            start = " ".join(words[:count])
            if len(start) < MARKER_CHARS and count < len(words):
                continue
            if not any(o.startswith(start) for o in texts if o is not text):
                break
        if len(start) > LINE_CHARS:
            raise SystemExit(f"journey: no marker fits one line for {text!r}")
        found.append(start.encode())
    return found


@cache
def flow() -> Flow:
    return load_flow(default_flow_path())


def screens(lang: str = "en") -> list[Screen]:
    """Every screen of the interview, in the flow's order, each with its marker."""
    shipped = flow()
    named: list[tuple[str, str, Question | None]] = [("welcome", tr(shipped.title, lang), None)]
    named += [(q.id, tr(q.prompt, lang), q) for q in shipped.questions.values()]
    named.append(("review", TUI(lang, "review_title"), None))
    named += [("results", tr(o.title, lang), None) for o in shipped.outcomes.values()]
    markers = _markers([text for _, text, _ in named])
    return [Screen(name, marker, q) for (name, _, q), marker in zip(named, markers, strict=True)]


def keys_for(question: Question, person: dict[str, int | str] = PERSON) -> tuple[str, str]:
    """(keys typed first, the answer key) for ``question``."""
    value = person.get(question.id)
    if value is None:
        if question.required and question.kind != "multi":
            raise SystemExit(f"journey: {question.id!r} needs an answer the benchmark has not got")
        return "", "\r"
    if question.kind == "number":
        return str(value), "\r"
    if question.kind == "choice":
        return "", str(question.choice_ids.index(str(value)) + 1)
    raise SystemExit(f"journey: cannot type an answer to {question.kind} {question.id!r}")


def which(buffer: bytes, candidates: Iterable[Screen]) -> Screen | None:
    """The first of ``candidates`` whose marker ``buffer`` holds."""
    for screen in candidates:
        if screen.marker in buffer:
            return screen
    return None
