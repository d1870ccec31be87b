"""The repository carries its own sources and contract: docs/contract.md names every
answer id of the shipped flow and every field `recommend --format json` writes, and
no file points outside the repository (users and CI have nothing beside it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alternance_tui.advice.model import Bundle

from .support import advise, person

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "docs" / "contract.md"
# Built from pieces so that this file does not match itself.
OUTSIDE = re.compile(r"\.\./" + "shared" + r"|/work/" + "shared")
SKIPPED = {".git", ".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache", "__pycache__"}
SKIPPED |= {".hypothesis", "__snapshots__", "build", "dist"}
TEXT_SUFFIXES = {".py", ".toml", ".md", ".txt", ".tcss", ".json", ".cfg", ".ini", ".yml"}


def _named() -> set[str]:
    return set(re.findall(r"`([a-z_]+)", CONTRACT.read_text(encoding="utf-8")))


def test_every_answer_id_is_in_the_contract(bundle: Bundle) -> None:
    missing = [q for q in bundle.flow.questions if q not in _named()]
    assert missing == []


def _keys(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            _keys(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _keys(inner, found)
    return found


def test_every_json_field_is_in_the_contract(bundle: Bundle) -> None:
    found: set[str] = set()
    for answers in (
        person(20, duration_months=24),
        person(22, duration_months=3, employer_sector="unknown", status="unknown"),
        person(30, duration_months=12, interests=["culture"], campus="aix"),
    ):
        data = advise(bundle, answers)
        # answers are question ids (checked above), not fields
        data.pop("answers")
        _keys(data, found)
    # Course ids and answer values are values, not fields: only snake-case keys remain.
    fields = {key for key in found if re.fullmatch(r"[a-z_]+", key)}
    missing = sorted(fields - _named())
    assert missing == []


def test_nothing_points_outside_the_repository() -> None:
    offenders = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if any(p in SKIPPED or p.endswith(".egg-info") for p in parts):
            continue
        if path.is_file() and (path.suffix in TEXT_SUFFIXES or path.name == "run"):
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [
                f"{path.relative_to(ROOT)}:{n}"
                for n, line in enumerate(text.splitlines(), 1)
                if OUTSIDE.search(line)
            ]
    assert offenders == []


def test_the_rules_notes_say_where_and_when_they_were_read() -> None:
    for path in sorted((ROOT / "docs" / "rules").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if path.name in {"README.md", "pay.md"}:
            continue  # the index; the pay notes are written with the pay work
        assert "Where read" in text, path.name
        assert "2026-11-29" in text, path.name
