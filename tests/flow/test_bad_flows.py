"""The corpus of broken flows: each must be refused with a message naming the file
and the place, never a traceback.

What each file must say is in tests/data/bad_flows/expected.toml (one table per
file); a file without a table there fails `test_every_file_has_an_expectation`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from alternance_tui.advice.load import check_bundle, check_paths
from alternance_tui.flow.files import MAX_FILE_BYTES
from alternance_tui.flow.load import load_flow
from alternance_tui.flow.problems import FlowError, Problem, format_path

BAD = Path(__file__).resolve().parent.parent / "data" / "bad_flows"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (BAD / "expected.toml").read_text(encoding="utf-8")
)
KNOWN_KEYS = {"what", "file", "line", "path", "whole_file", "message", "cli", "generated"}


def _alternance() -> list[str]:
    script = Path(sys.executable).with_name("alternance")
    return [str(script)] if script.exists() else [sys.executable, "-m", "alternance_tui"]


def _make(name: str, spec: dict[str, Any], tmp_path: Path) -> Path:
    """The file to check: from the corpus, or made now for the generated ones."""
    kind = spec.get("generated")
    if kind is None:
        return BAD / name
    target = tmp_path / name
    if kind == "huge":
        # A valid start, then comments up to just over the limit.
        start = (BAD.parent / "flows" / "bike.toml").read_bytes()
        filler = b"# padding padding padding padding padding padding padding padding\n"
        count = (MAX_FILE_BYTES - len(start)) // len(filler) + 2
        target.write_bytes(start + filler * count)
        assert target.stat().st_size > MAX_FILE_BYTES
    elif kind == "folder":
        target.mkdir()
        (target / "inside.toml").write_text('id = "x"\n', encoding="utf-8")
    else:
        raise AssertionError(f"{name}: unknown generated kind {kind!r}")
    return target


def _problems(path: Path, spec: dict[str, Any]) -> list[Problem]:
    if spec.get("generated") == "folder":
        # `check` reads a folder as a folder of flows; where one flow file is
        # expected (--flow, the TUI), a folder must be refused.
        return check_bundle(path)[1]
    return check_paths([path])


def _matches(problem: Problem, target: Path, spec: dict[str, Any]) -> bool:
    if Path(problem.file).resolve() != target.resolve():
        return False
    if spec["message"] not in problem.message:
        return False
    if spec.get("whole_file"):
        return problem.line is None and problem.path == ()
    if "line" in spec and problem.line != spec["line"]:
        return False
    return "path" not in spec or format_path(problem.path) == spec["path"]


def _expected_prefix(spec: dict[str, Any], shown_file: str) -> str:
    prefix = shown_file
    if "line" in spec:
        prefix += f":{spec['line']}"
    if "path" in spec:
        prefix += f": {spec['path']}"
    return prefix + ": "


def test_the_corpus_is_large_enough() -> None:
    committed = [n for n, s in EXPECTED.items() if "generated" not in s]
    assert len(committed) >= 40


def test_every_file_has_an_expectation() -> None:
    on_disk = {p.name for p in BAD.glob("*.toml") if p.name != "expected.toml"}
    committed = {n for n, s in EXPECTED.items() if "generated" not in s}
    assert sorted(on_disk - committed) == [], "files in bad_flows/ without a table in expected.toml"
    assert sorted(committed - on_disk) == [], "tables in expected.toml without a file"


def test_every_data_file_is_used_by_a_flow() -> None:
    flows = "".join(p.read_text(encoding="utf-8", errors="replace") for p in BAD.glob("*.toml"))
    unused = [p.name for p in (BAD / "data").glob("*.toml") if f'"data/{p.name}"' not in flows]
    assert unused == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expectation_is_well_formed(name: str) -> None:
    spec = EXPECTED[name]
    assert set(spec) <= KNOWN_KEYS, set(spec) - KNOWN_KEYS
    assert spec.get("what") and spec.get("message")
    # Every file must name a place: a line and/or a key path, or be a whole-file problem.
    assert spec.get("whole_file") or "line" in spec or "path" in spec


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_flow_is_refused_with_a_located_message(name: str, tmp_path: Path) -> None:
    spec = EXPECTED[name]
    path = _make(name, spec, tmp_path)
    target = BAD / spec["file"] if "file" in spec else path
    problems = _problems(path, spec)  # must not raise, whatever the file holds
    errors = [p for p in problems if p.severity == "error"]
    assert errors, f"{name}: accepted, but it is broken ({spec['what']})"
    found = [p for p in errors if _matches(p, target, spec)]
    assert found, f"{name}: expected {spec}, got:\n" + "\n".join(map(str, problems))
    # The line as printed: FILE:LINE: key.path: message
    shown = str(found[0])
    assert shown.startswith(_expected_prefix(spec, found[0].file)), shown
    assert shown.endswith(found[0].message)
    assert "Traceback" not in "\n".join(map(str, problems))


@pytest.mark.parametrize("name", sorted(n for n, s in EXPECTED.items() if s.get("cli")))
def test_bad_flow_on_the_command_line(name: str, tmp_path: Path) -> None:
    spec = EXPECTED[name]
    path = _make(name, spec, tmp_path)
    if spec.get("generated") == "folder":
        command = [*_alternance(), "graph", "--flow", str(path)]
    else:
        command = [*_alternance(), "check", str(path)]
    result = subprocess.run(
        command,
        cwd=BAD,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    shown_file = spec.get("file") or os.path.relpath(path, BAD)
    if spec.get("generated") is not None:
        shown_file = str(path)  # outside the working folder: shown as given
    prefix = _expected_prefix(spec, shown_file)
    assert any(
        line.startswith(prefix) or line.startswith("alternance: " + prefix)
        for line in output.splitlines()
        if spec["message"] in line
    ), output


def test_load_flow_raises_flow_error_naming_every_problem() -> None:
    with pytest.raises(FlowError) as caught:
        load_flow(BAD / "duplicate_question_id.toml")
    text = str(caught.value)
    assert "duplicate_question_id.toml:20: questions[2].id: duplicate id" in text
    # All problems at once, one line each.
    assert len(caught.value.problems) == len(text.splitlines()) >= 2


def test_a_misspelt_key_gives_one_line_not_two() -> None:
    problems = check_paths([BAD / "unknown_key_top.toml"])
    assert [p.message for p in problems] == ['unknown key "titel"; did you mean "title"?']
