"""Named sessions on disk and `alternance sessions` / `recommend --answers SESSION`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from alternance_tui.cli.main import main
from alternance_tui.sessions.store import Session, SessionStore, safe_name

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SessionStore:
    monkeypatch.setenv("ALTERNANCE_DATA_DIR", str(tmp_path / "data"))
    return SessionStore()


def test_a_name_becomes_a_safe_file_name() -> None:
    assert safe_name("Zoé") == "Zoe"
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name("  Jean Paul  ") == "Jean_Paul"
    assert safe_name("...") == ""


def test_a_session_keeps_notes_scenarios_and_the_rules_version(store: SessionStore) -> None:
    session = Session(
        "alternance",
        dict(YOUNG),
        lang="en",
        notes="Wants Marseille",
        name="Zoé",
        scenarios={"B": {**YOUNG, "employer_sector": "public"}},
        active="B",
        rules_version="2026-06-01+abc",
    )
    store.save(session, "Zoé")
    back = store.load("Zoé", lang="en").session
    assert back is not None
    assert (back.name, back.notes, back.active, back.rules_version) == (
        "Zoé",
        "Wants Marseille",
        "B",
        "2026-06-01+abc",
    )
    assert back.scenarios["B"]["employer_sector"] == "public"
    assert store.named() == ["Zoe"]


def test_rename_refuses_a_taken_name_and_moves_the_file(store: SessionStore) -> None:
    store.save(Session("alternance", {"age": 20}, name="a"), "a")
    store.save(Session("alternance", {"age": 30}, name="b"), "b")
    with pytest.raises(FileExistsError):
        store.rename("a", "b")
    store.rename("a", "c")
    assert sorted(store.named()) == ["b", "c"]
    renamed = store.load("c", lang="en").session
    assert renamed is not None and renamed.name == "c" and renamed.answers == {"age": 20}


def test_sessions_from_the_command_line(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.save(Session("alternance", dict(YOUNG), name="Zoé", notes="call back"), "Zoé")
    store.save(Session("alternance", {"age": 30}, name="K12"), "K12")
    code, out, _ = run(capsys, ["sessions", "list"])
    assert code == 0
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert "4 answers, complete" in lines["Zoe"]
    assert "1 answers" in lines["K12"] and "complete" not in lines["K12"]
    code, out, _ = run(capsys, ["sessions", "show", "Zoé"])
    assert code == 0 and "name: Zoé" in out and "call back" in out and "age = 20" in out
    code, out, _ = run(
        capsys, ["sessions", "export", "Zoe", "--format", "json", "--as-of", "2026-01-01"]
    )
    assert code == 0
    assert json.loads(out)["recommendation"]["answers"]["age"] == 20
    code, _, err = run(capsys, ["sessions", "export", "K12", "--format", "html"])
    assert code == 2 and "K12" in err  # incomplete: says so, writes nothing
    held = store.lock("K12")  # open in an advisor's window
    assert held is not None and held >= 0
    code, _, err = run(capsys, ["sessions", "delete", "K12"])
    assert code == 2 and "open in an advisor's window" in err
    assert sorted(store.named()) == ["K12", "Zoe"]
    os.close(held)
    code, _, _ = run(capsys, ["sessions", "delete", "K12"])
    assert code == 0 and store.named() == ["Zoe"]
    code, _, err = run(capsys, ["sessions", "show", "K12"])
    assert code == 2 and "no session named" in err


def test_recommend_takes_a_session_file_as_it_is(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    path = store.save(Session("alternance", dict(YOUNG), name="Zoé", notes="x"), "Zoé")
    code, out, err = run(
        capsys, ["recommend", "--answers", str(path), "--format", "json", "--as-of", "2026-01-01"]
    )
    assert code == 0, err
    assert "is not a question" not in err
    assert json.loads(out)["answers"]["diploma"] == "bac_general"
