"""The import contracts of pyproject.toml ([tool.importlinter], run by .ci/run)
hold for the code as it is, and each one fails when the code breaks it: a copy
of the package with one import added is checked against the same contracts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "alternance_tui"
CONFIG = ROOT / "pyproject.toml"


def lint_imports(source: Path, cwd: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package under ``source``, with the project's contracts."""
    command = [str(Path(sys.executable).with_name("lint-imports"))]
    if not Path(command[0]).exists():
        pytest.skip("lint-imports is not installed: pip install -e '.[test]'")
    command += ["--config", str(CONFIG), "--no-cache"]
    for contract in contracts:
        command += ["--contract", contract]
    # The copy first on the path: it is the package the graph is built from.
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_code_keeps_every_contract(tmp_path: Path) -> None:
    done = lint_imports(ROOT / "src", tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


BREAKS = [
    # (module, the import added, the contract it breaks)
    ("flow/model.py", "import textual", "core"),
    ("advice/result.py", "import alternance_tui.sessions.store", "layers"),
    ("tui/base.py", "import alternance_tui.cli.output", "tui-no-cli"),
    ("tui/pages/small.py", "import alternance_tui.tui.app", "no-app"),
    # host.py is what every part imports: importing one back is a loop.
    ("tui/host.py", "import alternance_tui.tui.part", "no-loops"),
    ("serve/server.py", "import alternance_tui.cli.main", "serve-below-main"),
    ("plain/words.py", "import textual", "plain"),
    ("webform/views.py", "import textual", "webform"),
    ("webform/steps.py", "import alternance_tui.tui.options", "webform"),
]


@pytest.mark.parametrize(("module", "line", "contract"), BREAKS)
def test_a_broken_contract_fails(tmp_path: Path, module: str, line: str, contract: str) -> None:
    copy = tmp_path / "src" / "alternance_tui"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    done = lint_imports(tmp_path / "src", tmp_path, contract)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "BROKEN" in done.stdout
    # The message names the import that broke it.
    broken_by = line.removeprefix("import ")
    assert broken_by.split(".")[-1] in done.stdout, done.stdout
