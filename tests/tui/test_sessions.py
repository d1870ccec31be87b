"""What the app keeps on disk, tested below the screens (no key presses needed)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from tests.tui.conftest import MakeApp

from alternance_tui.sessions.store import Session, SessionStore


def sessions() -> Path:
    return Path(os.environ["ALTERNANCE_DATA_DIR"]) / "sessions"


def answered(path: Path) -> dict[str, object]:
    answers: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))["answers"]
    return answers


def test_temporary_files_left_by_a_killed_write_are_removed(make_app: MakeApp) -> None:
    sessions().mkdir(parents=True)
    orphan = sessions() / ".autosave.json.k1ll3d.tmp"
    orphan.write_text('{"half', encoding="utf-8")
    old = time.time() - 120
    os.utime(orphan, (old, old))
    app = make_app("en")
    assert app.autosave.store is not None
    assert not orphan.exists()
    app.autosave.close()


def test_two_instances_on_one_folder_keep_each_their_answers(make_app: MakeApp) -> None:
    first, second = make_app("en"), make_app("en")
    for app, age in ((first, 33), (second, 40)):
        assert app.interview is not None
        app.interview.begin()
        app.interview.answer(age)
        app.save_now()
    assert answered(sessions() / "autosave.json") == {"age": 33}
    assert answered(sessions() / "autosave-2.json") == {"age": 40}
    told = " ".join(message for message, _ in second.autosave.notices)
    assert "Another alternance window" in told and "autosave-2" in told
    assert not first.autosave.notices
    first.autosave.close()
    # Once the first one has ended, the next instance has the session again.
    third = make_app("en")
    assert third.autosave.store is not None and third.autosave.name == "autosave"
    second.autosave.close()
    third.autosave.close()


def test_a_save_failure_on_quitting_does_not_say_the_answers_stay_on_screen(
    make_app: MakeApp, capsys: pytest.CaptureFixture[str]
) -> None:
    data = Path(os.environ["ALTERNANCE_DATA_DIR"])
    data.mkdir(parents=True)
    (data / "sessions").write_text("a file where the folder should be", encoding="utf-8")
    app = make_app("en")
    assert app.interview is not None
    app.interview.begin()
    app.interview.answer(20)
    app.save_now()
    err = capsys.readouterr().err
    assert "Could not save the session" in err
    assert "stay on screen" not in err


def test_resume_with_a_name_that_is_no_file_name_does_not_open_the_autosave(
    make_app: MakeApp,
) -> None:
    SessionStore().save(Session(flow_id="alternance", answers={"age": 30}, lang="en"))
    # "€" (not "é": accents are folded since advisor mode, "Zoé" is the file Zoe.json).
    app = make_app("en", resume="€")
    assert app.interview is not None and app.interview.answers == {}
    told = " ".join(message for message, _ in app.notices)
    assert "not a session name" in told
    app.autosave.close()


def test_resume_of_a_session_open_in_an_advisors_window_says_so(make_app: MakeApp) -> None:
    """Issue 18, item 5: `alternance --resume Zoé` while Zoé was open in the
    advisor's window opened a copy, saved as autosave-3."""
    store = SessionStore()
    store.save(Session(flow_id="alternance", answers={"age": 30}, lang="en", name="Zoé"), "Zoé")
    held = store.lock("Zoé")  # the advisor's window
    assert held is not None and held >= 0
    try:
        app = make_app("en", resume="Zoé")
        assert app.interview is not None and app.interview.answers == {}
        told = " ".join(message for message, _ in app.notices)
        assert "“Zoé” is open in another window" in told
        app.autosave.close()
    finally:
        os.close(held)
    app = make_app("en", resume="Zoé")  # once the other window has let go: opened
    assert app.interview is not None and app.interview.answers == {"age": 30}
    app.autosave.close()
