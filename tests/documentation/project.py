"""A reader's fresh clone, made in a temporary folder, where a page's shell blocks run.

- The project is copied (sources, flows, docs, tests; not .git, .venv or caches),
  so a block may edit flows/ or write me.json without touching the checkout.
- It has a home folder of its own, XDG folders inside it, its own TMPDIR, and
  none of the caller's ALTERNANCE_* variables: what a block saves (a session,
  settings, the flow cache) lands in the temporary folder, where a reader's
  would land in theirs (~/.local/share/alternance-tui/...).
- The copy's `.venv/bin/alternance` and `.venv/bin/python` run the Python
  running the tests (the project's own venv once the quick start or .ci/run has
  installed it) with the copy's `src/` first on PYTHONPATH: the copy's code and
  flows, without installing anything. As after the quick start, a bare
  `alternance` is on no PATH (a folder of the caller's PATH holding one is left
  out) until `. .venv/bin/activate` puts `.venv/bin` first, as a venv's does.
- A page's blocks run as one reader's terminal: what a block exports (the
  activated venv) and the folder it ends in are where the next block starts.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".git", ".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"}
SKIPPED |= {"__pycache__", "node_modules", "build", "dist", "__snapshots__"}
# A block still running after this long is stopped (a server left running, a prompt).
TIMEOUT = 180.0
# What a full-screen app writes first: the alternate screen. A block that starts
# the interview is stopped as soon as it is seen, not after the timeout.
FULL_SCREEN = b"\x1b[?1049h"
# The terminal a block leaves (exported variables, the folder), for the next
# one; bash keeps the block's own exit status after this trap.
SAVE_TERMINAL = (
    'trap - ERR; set +e; { export -p | grep -Ev "^declare -x (PWD|OLDPWD|SHLVL|_)(=|$)"; '
    'printf "cd -- %q\\n" "$PWD"; } > "$DOCS_TEST_TERMINAL"'
)
HEADER = f"""set -eo pipefail
if [ -f "$DOCS_TEST_TERMINAL" ]; then . "$DOCS_TEST_TERMINAL"; fi
trap '{SAVE_TERMINAL}' EXIT
trap 'echo "$LINENO $?" > "$DOCS_TEST_FAILED_AT"' ERR
"""
HEADER_LINES = HEADER.count("\n")


@dataclass(frozen=True)
class Outcome:
    status: int
    line: int | None  # the block's line (from 1) of the command that failed, if one did
    stdout: str
    stderr: str
    stopped: str = ""  # why the test stopped it: "full screen", "timeout"


def _ignored(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in SKIPPED or n.endswith(".egg-info")}


class Project:
    """A copy of the project at ``base / "project"``, a home at ``base / "home"``."""

    def __init__(self, base: Path, root: Path = ROOT) -> None:
        self.base = base
        self.root = base / "project"
        self.home = base / "home"
        shutil.copytree(root, self.root, ignore=_ignored, symlinks=True)
        for sub in (".config", ".local/share", ".local/state", ".cache"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (base / "tmp").mkdir()
        self._tools(self.root / ".venv" / "bin")
        self.env = {
            "PATH": _without_alternance(os.environ.get("PATH", os.defpath)),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local/share"),
            "XDG_STATE_HOME": str(self.home / ".local/state"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "TMPDIR": str(base / "tmp"),
            "PYTHONPATH": str(self.root / "src"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": "C.UTF-8",
            "TERM": "dumb",
            "DOCS_TEST_FAILED_AT": str(base / "failed-at"),
            "DOCS_TEST_TERMINAL": str(base / "terminal.sh"),
        }

    def _tools(self, venv_bin: Path) -> None:
        python = shlex.quote(sys.executable)
        venv_bin.mkdir(parents=True)
        _script(venv_bin / "alternance", f'exec {python} -m alternance_tui "$@"\n')
        _script(venv_bin / "python", f'exec {python} "$@"\n')
        _script(venv_bin / "python3", f'exec {python} "$@"\n')
        (venv_bin / "activate").write_text(
            f"export VIRTUAL_ENV={shlex.quote(str(venv_bin.parent))}\n"
            f'export PATH={shlex.quote(str(venv_bin))}:"$PATH"\n',
            encoding="utf-8",
        )

    def run(self, script: str, timeout: float = TIMEOUT) -> Outcome:
        """``script`` run by bash in the copy, stopped on a full screen or a timeout."""
        failed_at = Path(self.env["DOCS_TEST_FAILED_AT"])
        failed_at.unlink(missing_ok=True)
        path = self.base / "block.sh"
        path.write_text(HEADER + script, encoding="utf-8")
        out_path, err_path = self.base / "stdout", self.base / "stderr"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            process = subprocess.Popen(
                ["bash", str(path)],
                cwd=self.root,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
            stopped = _watch(process, (out_path, err_path), timeout)
        line = None
        if failed_at.exists():
            line = int(failed_at.read_text().split()[0]) - HEADER_LINES
        return Outcome(
            process.returncode,
            line,
            out_path.read_text(encoding="utf-8", errors="replace"),
            err_path.read_text(encoding="utf-8", errors="replace"),
            stopped,
        )


def _without_alternance(path: str) -> str:
    """``path`` without the folders holding an ``alternance`` (a developer's
    activated venv): a reader's new terminal after the quick start has none."""
    kept = [d for d in path.split(os.pathsep) if d and not (Path(d) / "alternance").exists()]
    return os.pathsep.join(kept)


def _script(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)


def _watch(process: subprocess.Popen[bytes], outputs: tuple[Path, Path], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    stopped = ""
    while process.poll() is None:
        # Textual draws on standard error; an app may use standard output.
        if any(FULL_SCREEN in path.read_bytes()[:4096] for path in outputs):
            stopped = "full screen"
        elif time.monotonic() > deadline:
            stopped = "timeout"
        if stopped:
            break
        time.sleep(0.05)
    # The block's whole process group: bash and whatever it started, even in the
    # background, so that nothing a block started outlives it.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return stopped
