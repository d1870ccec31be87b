"""The welcome screen's facts: found without the engine, cached by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternance_tui.advice import load
from alternance_tui.advice.model import Bundle
from alternance_tui.tui import facts


def test_the_shipped_flow_is_found_without_importing_the_engine() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from alternance_tui.files.paths import default_flow_path; "
        "assert default_flow_path().is_file(); "
        "assert 'pydantic' not in sys.modules and 'alternance_tui.advice' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_facts_are_cached_by_the_flow_file_content(
    bundle: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ALTERNANCE_NO_CACHE", raising=False)
    flow = tmp_path / "flow.toml"
    flow.write_text(load.default_flow_path().read_text(encoding="utf-8"), encoding="utf-8")
    assert facts.cached_facts(flow) is None
    found = facts.facts_of(bundle)
    assert found.questions >= 5 and found.text(found.title, "en").startswith("Work-linked")
    facts.remember_facts(flow, found)
    assert facts.cached_facts(flow) == found
    flow.write_text(flow.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert facts.cached_facts(flow) is None  # a changed flow is worked out again


def test_a_damaged_cache_is_ignored(
    bundle: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ALTERNANCE_NO_CACHE", raising=False)
    flow = load.default_flow_path()
    facts.remember_facts(flow, facts.facts_of(bundle))
    for entry in Path(str(facts.cache_dir())).glob("welcome-*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert facts.cached_facts(flow) is None


def test_minutes_follow_the_number_of_questions(bundle: Bundle) -> None:
    found = facts.facts_of(bundle)
    assert found.minutes == max(1, round(found.questions * 15 / 60))
