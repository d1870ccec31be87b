"""Session files and names a person keeps, from the command line (issue 23):
nothing printed can drive the terminal (item 2), Markdown escapes HTML (3),
the app's own names are refused (5), a damaged file is set aside only when
old enough (6), links, copies and deletes while listing crash nothing (9),
lone surrogates neither (10), and the smaller ones of item 12."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from tests.nodes import fifo

from alternance_tui.cli.main import main
from alternance_tui.sessions.store import DAMAGED_AGE, Session, SessionStore

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"  # a clipboard write: "rm -rf ~"
CLEAR = "\x1b[2J"


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusals asserted here are the English ones: `sessions delete` and
    `repair` speak the terminal's language, which is then English."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def raw_control(text: str) -> list[str]:
    """The control characters (but line breaks and tabs) printed as they are."""
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SessionStore:
    monkeypatch.setenv("ALTERNANCE_DATA_DIR", str(tmp_path / "data"))
    return SessionStore()


def _aged(path: Path, seconds: float = DAMAGED_AGE + 60) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


# --- item 2: nothing printed drives the terminal ------------------------------------------


def test_list_show_and_export_print_no_control_character(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session(
        "alternance",
        {**YOUNG, f"x{OSC52}": f"v{CLEAR}"},
        name=f"Zoé{OSC52}",
        notes=f"call back{OSC52}\nsecond line{CLEAR}\u202eevil",
    )
    path = store.save(session, "Zoe")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["saved_at"] = f"2026-01-01T10:00{OSC52}"
    path.write_text(json.dumps(data), encoding="utf-8")
    for args in (
        ["sessions", "list"],
        ["sessions", "show", "Zoe"],
        *(
            ["sessions", "export", "Zoe", "--format", fmt, "--as-of", "2026-01-01", "--notes"]
            for fmt in ("markdown", "html", "json")
        ),
    ):
        code, out, err = run(capsys, args)
        assert code == 0, (args, err)
        assert raw_control(out + err) == [], args
        assert "\u202e" not in out, args
    code, out, _ = run(
        capsys, ["sessions", "export", "Zoe", "--format", "json", "--as-of", "2026-01-01"]
    )
    # In JSON the escape is JSON's own: the notes read back as they were typed.
    assert json.loads(out)["handout"]["prepared_for"].endswith(OSC52)
    code, out, _ = run(capsys, ["sessions", "show", "Zoe"])
    assert "\\x1b]52;c;" in out and "\\u202eevil" in out


def test_command_line_messages_quoting_a_name_or_a_file_are_escaped(
    store: SessionStore, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store.save(Session("alternance", {"age": 20}, name="Zo"), f"Zo{CLEAR}e")
    code, _, err = run(capsys, ["sessions", "export", f"Zo{CLEAR}e", "--format", "html"])
    assert code == 2 and "Zo\\x1b[2Je" in err and raw_control(err) == []
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(YOUNG), encoding="utf-8")
    missing = str(tmp_path / f"b{OSC52}.json")
    recommend = ["recommend", "--lang", "en", "--answers", str(answers)]
    code, _, err = run(capsys, [*recommend, "--compare", missing])
    assert code == 2 and raw_control(err) == []
    assert "no such file" in err  # in words, not "(missing)"


def test_compare_refusals_are_in_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(YOUNG), encoding="utf-8")
    pipe = fifo(tmp_path / "pipe.json")
    recommend = ["recommend", "--lang", "en", "--answers", str(answers)]
    code, _, err = run(capsys, [*recommend, "--compare", str(pipe)])
    assert code == 2 and "not a regular file" in err and "not_regular" not in err
    (tmp_path / "list.json").write_text("[1]", encoding="utf-8")
    args = ["recommend", "--lang", "en", "--answers", str(answers)]
    args += ["--compare", str(tmp_path / "list.json")]
    code, _, err = run(capsys, args)
    assert code == 2 and "expected a JSON object" in err and "a list" in err


# --- item 3: Markdown escapes HTML ----------------------------------------------------------


def test_markdown_handouts_and_comparisons_escape_html(
    store: SessionStore, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store.save(
        Session(
            "alternance",
            dict(YOUNG),
            name="<img src=x onerror=alert(1)>",
            notes="<script>alert(1)</script>",
        ),
        "Zoe",
    )
    args = ["sessions", "export", "Zoe", "--format", "markdown", "--notes"]
    code, out, err = run(capsys, [*args, "--as-of", "2026-01-01"])
    assert code == 0, err
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    # A flow label in a comparison.
    flows = tmp_path / "flows"
    shutil.copytree(Path(__file__).resolve().parents[2] / "flows", flows)
    flow = flows / "alternance.toml"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(
        text.replace('en = "Age at the start"', 'en = "Age <img src=x onerror=alert(1)>"', 1),
        encoding="utf-8",
    )
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(YOUNG), encoding="utf-8")
    b.write_text(json.dumps({"age": 24}), encoding="utf-8")
    compare = ["recommend", "--lang", "en", "--flow", str(flow), "--answers", str(a)]
    compare += ["--compare", str(b)]
    code, out, err = run(capsys, [*compare, "--format", "markdown", "--as-of", "2026-01-01"])
    assert code == 0, err
    assert "<img" not in out and "Age &lt;img src=x onerror=alert(1)&gt;" in out
    assert "<br>" in out or "|" in out  # the table is still a table


# --- item 5: names that mean something else ---------------------------------------------------


@pytest.mark.parametrize("name", ["", ".", "/", "*", "...", "../..", "’", " "])
def test_a_name_that_is_no_file_name_addresses_nothing(
    store: SessionStore, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    store.save(Session("alternance", dict(YOUNG)))  # the autosave
    for action in ("delete", "show", "export"):
        code, _, err = run(capsys, ["sessions", action, name])
        assert code == 2 and "cannot name a session" in err, (action, err)
    assert store.path("autosave").exists()


@pytest.mark.parametrize("name", ["previous", "autosave", "autosave-2", "Previous", "PREVIOUS-9"])
def test_the_apps_own_names_are_refused(
    store: SessionStore, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    store.save(Session("alternance", dict(YOUNG)), "previous")
    store.save(Session("alternance", dict(YOUNG)), "autosave-2")
    code, _, err = run(capsys, ["sessions", "delete", name])
    assert code == 2 and "the app's own session" in err
    assert store.path("previous").exists() and store.path("autosave-2").exists()
    assert store.named() == []  # none of them listed as an advisor's


# --- item 6: damaged files set aside only when old enough --------------------------------------


def test_listing_leaves_a_file_being_written_and_sets_aside_an_old_one(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.directory.mkdir(parents=True)
    young = store.directory / "Young.json"
    young.write_text('{"version": 1, "flow": "altern', encoding="utf-8")  # still being copied
    old = store.directory / "Old.json"
    old.write_text("{half", encoding="utf-8")
    _aged(old)
    code, _, err = run(capsys, ["sessions", "list", "--lang", "en"])
    assert code == 0
    assert young.exists(), "a file another program was writing was renamed"
    assert "may still be writing it" in err and "Young.json" in err
    assert not old.exists() and list(store.directory.glob("Old.damaged-*.json.bak"))
    assert "set aside" in err
    # An explicit repair sets aside the young one too, saying so.
    code, _, err = run(capsys, ["sessions", "repair"])
    assert code == 0 and not young.exists() and "1 damaged session file(s) set aside" in err
    assert list(store.directory.glob("Young.damaged-*.json.bak"))


def test_a_young_damaged_session_is_set_aside_not_overwritten_when_saved(
    store: SessionStore,
) -> None:
    store.directory.mkdir(parents=True)
    store.path("autosave").write_text("{half", encoding="utf-8")
    loaded = store.load(lang="en")
    assert loaded.session is None and loaded.warning and "left as it is" in loaded.warning
    assert store.path("autosave").read_text(encoding="utf-8") == "{half"
    store.save(Session("alternance", {"age": 20}))
    [kept] = store.directory.glob("autosave.damaged-*.json.bak")
    assert kept.read_text(encoding="utf-8") == "{half"


# --- item 9: links, copies, deletes while listing ---------------------------------------------


def test_links_to_nothing_loops_and_folders_are_no_sessions(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.save(Session("alternance", dict(YOUNG), name="Zoé"), "Zoe")
    (store.directory / "Gone.json").symlink_to(store.directory / "nothing.json")
    (store.directory / "Loop.json").symlink_to(store.directory / "Loop.json")
    (store.directory / "Folder.json").mkdir()
    code, out, err = run(capsys, ["sessions", "list", "--format", "json"])
    assert code == 0, err
    assert [row["key"] for row in json.loads(out)] == ["Zoe"]


def test_a_copied_session_is_listed_and_opened_under_its_own_file_name(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    path = store.save(Session("alternance", dict(YOUNG), name="Zoé"), "Zoe")
    shutil.copy(path, store.directory / "Zoe (copy).json")
    code, out, _ = run(capsys, ["sessions", "list", "--format", "json"])
    assert sorted(row["key"] for row in json.loads(out)) == ["Zoe", "Zoe (copy)"]
    code, out, _ = run(capsys, ["sessions", "list", "--lang", "en"])
    assert "Zoé (Zoe (copy))" in out  # the copy told apart, by the name it opens with
    code, out, err = run(capsys, ["sessions", "show", "Zoe (copy)", "--lang", "en"])
    assert code == 0, err
    assert "Name: Zoé" in out


def test_sessions_deleted_while_listing_crash_nothing(store: SessionStore) -> None:
    for number in range(40):
        store.save(Session("alternance", dict(YOUNG), name=f"s{number}"), f"s{number}")
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            for number in range(40):
                path = store.path(f"s{number}")
                path.unlink(missing_ok=True)
                store.save(Session("alternance", dict(YOUNG)), f"s{number}", durable=False)

    worker = threading.Thread(target=churn, daemon=True)
    worker.start()
    try:
        for _ in range(60):
            for name in store.named():
                store.load(name, lang="en")
    finally:
        stop.set()
        worker.join(10)


# --- item 10: lone surrogates --------------------------------------------------------------------


def test_a_lone_surrogate_in_a_session_file_crashes_nothing(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.directory.mkdir(parents=True)
    text = json.dumps(
        {
            "version": 1,
            "flow": "alternance",
            "answers": {**YOUNG, "\ud800k": "v\udfff"},
            "name": "Zo\ud800é",
            "notes": "a\udc00b",
        }
    )
    assert "\\ud800" in text  # as JSON writes it, escaped: a valid file
    (store.directory / "Zoe.json").write_text(text, encoding="utf-8")
    for args in (
        ["sessions", "list"],
        ["sessions", "show", "Zoe"],
        ["sessions", "export", "Zoe", "--format", "markdown", "--notes", "--as-of", "2026-01-01"],
        ["sessions", "export", "Zoe", "--format", "json", "--as-of", "2026-01-01"],
    ):
        code, out, err = run(capsys, args)
        assert code == 0, (args, err)
        out.encode("utf-8")  # printable: no lone surrogate left
    session = store.load("Zoe", lang="en").session
    assert session is not None and session.name == "Zo\ufffdé"
    store.save(session, "Zoe")  # and written back as UTF-8


# --- item 12: the smaller ones --------------------------------------------------------------------


@pytest.mark.parametrize("date", ["20260101", "2026-W01-1", "2026-1-1", "２０２６-01-01"])
def test_dates_are_taken_only_as_yyyy_mm_dd(capsys: pytest.CaptureFixture[str], date: str) -> None:
    code, _, err = run(capsys, ["diff", "--as-of-old", date, "--as-of-new", "2026-01-02"])
    assert code == 2 and "write it as YYYY-MM-DD" in err


def test_an_answer_that_cannot_be_used_is_named_in_the_export(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.directory.mkdir(parents=True)
    text = json.dumps({"version": 1, "flow": "alternance", "answers": {**YOUNG, "age": "X"}})
    (store.directory / "Nan.json").write_text(text.replace('"X"', "NaN"), encoding="utf-8")
    args = ["sessions", "export", "Nan", "--as-of", "2026-01-01", "--lang", "en"]
    code, _, err = run(capsys, args)
    assert code == 2
    assert "age: “NaN” is not a number" in err
    assert "employer_sector" not in err  # the others were answered: not "missing"
