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
    store: SessionStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # delete's refusals, in the terminal's language
    store.save(Session("alternance", dict(YOUNG), name="Zoé", notes="call back"), "Zoé")
    store.save(Session("alternance", {"age": 30}, name="K12"), "K12")
    code, out, _ = run(capsys, ["sessions", "list", "--lang", "en"])
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "4 answers, complete" in lines["Zoé"]
    assert "1 answer " in lines["K12"] and "complete" not in lines["K12"]
    code, out, _ = run(capsys, ["sessions", "show", "Zoé", "--lang", "en"])
    assert code == 0 and "Name: Zoé" in out and "call back" in out
    assert "Age at the start: 20 years" in out
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


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "No session yet"), ("fr", "Aucune session pour l’instant")]
)
def test_an_empty_list_says_so_on_standard_error(
    store: SessionStore, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    """Issue 26, item 6: it printed nothing and exited 0. The words go to standard
    error, so a script reading the list still reads an empty one."""
    code, out, err = run(capsys, ["sessions", "list", "--lang", lang])
    assert (code, out) == (0, "")
    assert words in err and "alternance --advisor" in err
    code, out, err = run(capsys, ["sessions", "list", "--format", "json", "--lang", lang])
    assert (code, json.loads(out)) == (0, [])
    assert words in err
    store.save(Session("alternance", dict(YOUNG), name="Zoé"), "Zoé")
    code, out, err = run(capsys, ["sessions", "list", "--lang", lang])
    assert code == 0 and "Zoé" in out and words not in err


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


def test_list_and_show_speak_the_users_language_with_the_screens_labels(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, item 3: file names ("Mme_Dupont") where the advisor typed "Mme
    Dupont", English only, "1 answers", raw ids ("employer_sector = private")."""
    store.save(
        Session(
            "alternance",
            dict(YOUNG),
            name="Mme Dupont",
            notes="Rappeler",
            scenarios={"B": {**YOUNG, "employer_sector": "public"}},
        ),
        "Mme Dupont",
    )
    store.save(Session("alternance", {"age": 30}, name="K12", lang="en"), "K12")
    code, out, _ = run(capsys, ["sessions", "list", "--lang", "fr"])
    assert code == 0
    head, *rows = out.replace("\u00a0", " ").splitlines()
    assert head.split() == ["Nom", "Enregistrée", "Avancement", "Notes", "Langue"]
    dupont = next(r for r in rows if r.startswith("Mme Dupont "))
    assert "4 réponses, terminée, 2 scénarios" in dupont and "oui" in dupont
    assert "français" in dupont and "Mme_Dupont" not in out
    assert "1 réponse " in next(r for r in rows if r.startswith("K12")) and "anglais" in out
    code, out, _ = run(capsys, ["sessions", "show", "Mme Dupont", "--lang", "fr"])
    out = out.replace("\u00a0", " ")
    assert "Employeur : Une entreprise ou association privée" in out
    assert "Réponses (scénario B) :" in out and "Un employeur public" in out
    assert "employer_sector" not in out and "private" not in out
    code, out, _ = run(capsys, ["sessions", "list", "--format", "json"])
    data = json.loads(out)
    assert {d["name"] for d in data} == {"Mme Dupont", "K12"}
    dupont_json = next(d for d in data if d["name"] == "Mme Dupont")
    assert dupont_json["key"] == "Mme_Dupont" and dupont_json["notes"] is True
    assert dupont_json["scenarios"] == 2 and dupont_json["answers"] == 4
    code, out, _ = run(capsys, ["sessions", "show", "Mme_Dupont", "--format", "json"])
    shown = json.loads(out)
    assert shown["scenarios"]["B"]["answers"]["employer_sector"] == "public"
    assert shown["notes_text"] == "Rappeler"


def test_autosaves_are_not_among_the_advisors_sessions(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, item 4: "autosave-3 … 12 réponse(s)" in the advisor's list."""
    store.save(Session("alternance", dict(YOUNG)), "autosave")
    store.save(Session("alternance", dict(YOUNG)), "autosave-3")
    store.save(Session("alternance", dict(YOUNG)), "previous")
    store.save(Session("alternance", dict(YOUNG), name="Zoé"), "Zoé")
    code, out, _ = run(capsys, ["sessions", "list", "--format", "json"])
    assert code == 0 and [d["name"] for d in json.loads(out)] == ["Zoé"]


def test_a_session_deleted_from_the_command_line_can_be_restored(
    store: SessionStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, item 1: `sessions delete` erased outright, while the screen's delete
    went to a bin only that window could empty back. Now both go to the bin, and
    `sessions restore` brings back the last one deleted under a name, from anywhere."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    store.save(Session("alternance", dict(YOUNG), name="Zoé", notes="call back"), "Zoé")
    code, _, err = run(capsys, ["sessions", "delete", "Zoé"])
    assert code == 0 and store.named() == []
    assert "in the bin for 30 days" in err and "alternance sessions restore Zoé" in err
    code, _, err = run(capsys, ["sessions", "restore", "Zoé"])
    assert code == 0 and "Zoé is back" in err
    back = store.load("Zoé", lang="en").session
    assert back is not None and back.notes == "call back" and back.answers == YOUNG
    code, _, err = run(capsys, ["sessions", "restore", "Zoé"])  # nothing left in the bin
    assert code == 2 and "no session named 'Zoé' in the bin" in err
    assert store.named() == ["Zoe"]


def test_restore_never_overwrites_a_session_of_the_same_name(
    store: SessionStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    store.save(Session("alternance", {"age": 30}, name="K12"), "K12")
    assert run(capsys, ["sessions", "delete", "K12"])[0] == 0
    store.save(Session("alternance", {"age": 41}, name="K12"), "K12")  # a new K12 since
    code, _, err = run(capsys, ["sessions", "restore", "K12"])
    assert code == 2 and "s’appelle de nouveau K12" in err
    kept = store.load("K12", lang="fr").session
    assert kept is not None and kept.answers == {"age": 41}
    assert run(capsys, ["sessions", "delete", "K12"])[0] == 0
    assert run(capsys, ["sessions", "restore", "K12"])[0] == 0  # the newest delete comes back
    back = store.load("K12", lang="fr").session
    assert back is not None and back.answers == {"age": 41}
