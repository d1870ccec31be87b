"""A damaged saved session is set aside with a warning in the person's language;
a session file that is not a file (a FIFO, a device) is set aside, not waited on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.nodes import ZERO, char_device, fifo, within

from alternance_tui.advice.model import Bundle
from alternance_tui.interview.state import Interview
from alternance_tui.sessions.store import Session, SessionStore


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["The saved session autosave.json was damaged", "Starting afresh."]),
        ("fr", ["La session enregistrée autosave.json était endommagée", "Nouvel entretien."]),
    ],
)
def test_a_damaged_session_is_set_aside_with_a_warning_in_the_persons_language(
    tmp_path: Path, lang: str, words: list[str]
) -> None:
    store = SessionStore(tmp_path)
    (tmp_path / "autosave.json").write_text("{half a file", encoding="utf-8")
    os.utime(tmp_path / "autosave.json", (1e9, 1e9))  # long damaged: no write in progress
    loaded = store.load(lang=lang)
    assert loaded.session is None and loaded.warning is not None
    for part in words:
        assert part in loaded.warning
    [kept] = tmp_path.glob("autosave.damaged-*.json.bak")
    assert kept.name in loaded.warning
    assert not (tmp_path / "autosave.json").exists()


def test_a_session_that_is_a_fifo_is_set_aside_at_once(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    fifo(store.path("autosave"))
    loaded = within(5, lambda: store.load(lang="en"))
    assert loaded.session is None
    assert loaded.warning is not None
    assert "not a regular file but a device or a pipe" in loaded.warning
    assert not store.path("autosave").exists()  # set aside: the next save writes a file
    store.save(Session("alternance", {"age": 20}))
    assert within(5, lambda: store.load(lang="en")).session == Session(
        "alternance",
        {"age": 20},
        saved_at=json.loads(store.path("autosave").read_text())["saved_at"],
    )


def test_a_session_that_is_a_device_is_refused_not_read(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    char_device(store.path("named"), ZERO)
    loaded = within(5, lambda: store.load("named", lang="en"))
    assert loaded.session is None and loaded.warning is not None


def test_a_session_too_deep_or_too_large_is_damaged_not_a_crash(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    store.path("deep").parent.mkdir(parents=True, exist_ok=True)
    store.path("deep").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested too deeply" in (store.load("deep", lang="en").warning or "")
    store.path("big").write_text(" " * 2 * 1024 * 1024, encoding="utf-8")
    assert "too large" in (store.load("big", lang="en").warning or "")


def test_a_session_with_a_huge_number_resumes_with_that_answer_reported(
    tmp_path: Path, bundle: Bundle
) -> None:
    # What `alternance --resume` does: the store reads, the interview parses.
    store = SessionStore(tmp_path)
    store.path("autosave").parent.mkdir(parents=True, exist_ok=True)
    session = {"version": 1, "flow": "alternance", "answers": {"age": 10**400, "diploma": "m1"}}
    store.path("autosave").write_text(json.dumps(session), encoding="utf-8")
    loaded = store.load(lang="en")
    assert loaded.session is not None
    interview = Interview(bundle.flow, lang="en")
    problems = interview.load_answers(loaded.session.answers)
    assert [(p.question, p.message) for p in problems] == [
        ("age", "Enter a number between 15 and 99 years.")
    ]
    assert interview.answers == {"diploma": "m1"}
