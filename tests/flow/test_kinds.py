"""A new question kind is added in one place (flow/kinds.py) and mypy lists
every place that must handle it (docs/architecture.md, "A new question kind"):
a copy of the package with a "date" kind added is type-checked."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from alternance_tui.flow.kinds import QuestionKind

ROOT = Path(__file__).resolve().parents[2]

# Where something is done per kind: each must be told about a new one.
EXPECTED = {
    "flow/answers.py",  # typed text, JSON, shown
    "flow/build.py",  # choices or none
    "flow/defaults.py",  # a default's checks
    "flow/cond/typecheck.py",  # what a condition sees
    "flow/check/cells.py",  # what the checker tries
    "advice/whatif.py",  # what "what would change it" tries
    "advice/pay/build.py",  # what pay data may set
    "tui/pages/question.py",  # how it is asked
    "interview/asked.py",  # how it is answered, in every front end
}


def test_the_kinds_are_named_once() -> None:
    from alternance_tui.flow import model, schema
    from alternance_tui.flow.cond import typecheck

    assert model.Question.__annotations__["kind"] == "QuestionKind"
    assert schema.QuestionFile.model_fields["kind"].annotation == QuestionKind
    assert typecheck.Variable.__annotations__["kind"] == "QuestionKind"


def test_mypy_lists_every_place_a_new_kind_must_be_handled(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    kinds = tmp_path / "src" / "alternance_tui" / "flow" / "kinds.py"
    text = kinds.read_text(encoding="utf-8")
    assert '"yes_no"]' in text
    kinds.write_text(text.replace('"yes_no"]', '"yes_no", "date"]'), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    unhandled = re.findall(
        r"^src/alternance_tui/(\S+?\.py):\d+: error: Argument 1 to \"assert_never\" "
        r"has incompatible type \"Literal\['date'\]\"",
        done.stdout,
        re.MULTILINE,
    )
    assert set(unhandled) == EXPECTED, done.stdout
    # Nothing else goes wrong: only the places a new kind must reach are listed.
    assert done.stdout.count("error:") == len(unhandled), done.stdout
