"""The rules version on every result and saved session, and what a session
resumed under other rules is told."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.load import check_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.version import rules_version
from alternance_tui.cli.main import main
from alternance_tui.files.paths import default_flows_dir
from alternance_tui.sessions.rulestamp import rules_notices, stamp
from alternance_tui.sessions.store import Session, SessionStore

ANSWERS = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
DAY = dt.date(2026, 9, 1)


def load(folder: Path) -> Bundle:
    built, problems, _ = check_bundle(folder / "alternance.toml")
    assert built is not None, "\n".join(map(str, problems))
    return built


def edited_copy(tmp_path: Path) -> Path:
    """The shipped flows with the SMIC of 1 June 2026 raised (a correction)."""
    target = tmp_path / "flows"
    shutil.copytree(default_flows_dir(), target)
    rates = target / "rates.toml"
    text = rates.read_text(encoding="utf-8")
    rates.write_text(text.replace("value = 1867.02", "value = 1900.00", 1), encoding="utf-8")
    return target


def test_the_version_is_the_latest_date_and_a_hash_of_the_files(tmp_path: Path) -> None:
    shipped = load(default_flows_dir())
    version = rules_version(shipped)
    # The latest date anything takes effect on: a rate, or a dated note (the aid
    # known from 1 January 2027 is later than the last SMIC).
    notes = [n.start for s in shipped.sections for i in s.items for n in i.notes if n.start]
    assert shipped.rates_known_until is not None
    latest = max([shipped.rates_known_until, *notes])
    assert re.fullmatch(latest.isoformat() + r"\+[0-9a-f]{8}", version)
    assert rules_version(shipped) is version  # once per bundle
    assert rules_version(load(default_flows_dir())) == version
    edited = rules_version(load(edited_copy(tmp_path)))
    assert edited.startswith(f"{latest.isoformat()}+") and edited != version


def test_recommend_carries_the_rules_version(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["recommend", *[f"-a{k}={v}" for k, v in ANSWERS.items()], "--as-of", "2026-09-01"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rules_version"] == rules_version(load(default_flows_dir()))
    for fmt, words in (("text", "Rules version: 20"), ("html", "Rules version: 20")):
        assert main([*args, "--format", fmt, "--lang", "en"]) == 0
        assert words in capsys.readouterr().out


def test_a_session_resumed_under_other_rules_says_what_changed_for_that_person(
    tmp_path: Path,
) -> None:
    old, new = Engine(load(default_flows_dir())), Engine(load(edited_copy(tmp_path)))
    session = stamp(Session("alternance", answers=dict(ANSWERS)), old, ANSWERS, DAY, "en")
    store = SessionStore(tmp_path / "sessions")
    store.save(session)
    loaded = store.load(lang="en").session
    assert loaded is not None and loaded.rules_version == rules_version(old.bundle)
    assert rules_notices(loaded, old, ANSWERS, DAY, "en") == []
    [(text, severity)] = rules_notices(loaded, new, ANSWERS, DAY, "en")
    assert severity == "warning"
    assert "saved under other rules" in text
    assert "Apprenticeship contract: pay changed: year 1: €" in text
    assert "Internship" not in text  # its pay follows the ceiling, not the SMIC


def test_a_session_saved_before_versions_says_nothing() -> None:
    engine = Engine(load(default_flows_dir()))
    assert (
        rules_notices(Session("alternance", answers=dict(ANSWERS)), engine, ANSWERS, DAY, "en")
        == []
    )


def test_the_version_is_the_same_whatever_folder_it_is_worked_out_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23, item 7: a bundle cached as read from the relative
    ``flows/alternance.toml`` was later used from another folder, where that path
    names nothing, and its version fell back to a hash of its repr."""
    from alternance_tui.advice import version
    from alternance_tui.advice.load import default_flow_path, load_bundle

    flows = default_flow_path().parent
    monkeypatch.chdir(flows.parent)
    from_checkout = load_bundle(Path(flows.name) / "alternance.toml")  # cached, relative
    here = rules_version(from_checkout)
    monkeypatch.setattr(version, "_VERSIONS", {})
    monkeypatch.chdir(tmp_path)
    elsewhere = load_bundle(default_flow_path())  # the same cache entry, from elsewhere
    assert not Path(elsewhere.flow.source).exists()  # the relative path names nothing here
    assert rules_version(elsewhere) == here
    # And a session saved from one folder is not "saved under other rules" in the other.
    session = Session("alternance", dict(ANSWERS), rules_version=here)
    assert rules_notices(session, Engine(elsewhere), {}, DAY, "en") == []


def test_a_session_says_its_notes_changed_unless_it_was_saved_before_notes_were_kept() -> None:
    from alternance_tui.advice.diff.person import since, snapshot

    engine = Engine(load(default_flows_dir()))
    answers = {**ANSWERS, "duration_months": 12}
    saved = snapshot(engine, answers, dt.date(2026, 12, 31), "en")
    labels = ("old", "new")
    result = since(saved, engine, answers, dt.date(2027, 1, 1), "en", labels)
    assert [(c.item, c.kind) for c in result.changes] == [("apprenticeship", "notes")]
    older = {key: {k: v for k, v in facts.items() if k != "notes"} for key, facts in saved.items()}
    assert not since(older, engine, answers, dt.date(2027, 1, 1), "en", labels).changed
