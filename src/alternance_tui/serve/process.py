"""The app's processes behind ``alternance serve``: one per browser tab, forked
from a fork server that has imported the app once (``forkserver.py``), or
started as a new Python as textual-serve does while there is none."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textual_serve.app_service import AppService

from alternance_tui.serve import forkserver
from alternance_tui.tui.options import SERVED_VARIABLE

log = logging.getLogger("alternance-serve")


def shell_command(command: list[str]) -> str:
    """textual-serve runs a shell command: ``exec`` makes the app replace the shell
    (one process per session instead of two; signals reach the app)."""
    return "exec " + shlex.join(command)


class Forked:
    """What textual-serve reads of a process, for a child of the fork server."""

    def __init__(self, pid: int, stdout: asyncio.StreamReader, stderr: asyncio.StreamReader):
        self.pid = pid
        self.stdout = stdout
        self.stderr = stderr


class AppProcess(AppService):
    """textual-serve's app process, with environment variables of our own, forked
    from the fork server when there is one (else started as textual-serve does)."""

    def __init__(
        self,
        argv: list[str],
        *,
        environment: Mapping[str, str],
        fork_server: Path | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(shell_command(argv), **kwargs)
        self._argv = argv
        self._environment = dict(environment)
        self._fork_server = fork_server

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self._environment)
        # The app then never asks a visitor for a file name (tui/advisor/handout.py).
        environment[SERVED_VARIABLE] = "1"
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        if self._fork_server is None:
            return await super()._open_app_process(width, height)
        environment = self._build_environment(width=width, height=height)
        child_in, to_app = os.pipe()
        from_app, child_out = os.pipe()
        errors, child_err = os.pipe()
        try:
            pid = await asyncio.to_thread(
                forkserver.spawn,
                self._fork_server,
                self._argv[3:],  # after "python -m alternance_tui"
                environment,
                (child_in, child_out, child_err),
            )
        except (OSError, ValueError, KeyError) as exc:
            for fd in (child_in, to_app, from_app, child_out, errors, child_err):
                os.close(fd)
            log.warning("fork server: %s; starting the app as a new process", exc)
            return await super()._open_app_process(width, height)
        for fd in (child_in, child_out, child_err):
            os.close(fd)
        loop = asyncio.get_running_loop()
        stdout, stderr = asyncio.StreamReader(), asyncio.StreamReader()
        for reader, fd in ((stdout, from_app), (stderr, errors)):
            await loop.connect_read_pipe(
                functools.partial(asyncio.StreamReaderProtocol, reader),
                os.fdopen(fd, "rb", buffering=0),
            )
        transport, protocol = await loop.connect_write_pipe(
            lambda: asyncio.StreamReaderProtocol(asyncio.StreamReader()),
            os.fdopen(to_app, "wb", buffering=0),
        )
        self._stdin = asyncio.StreamWriter(transport, protocol, None, loop)
        forked = Forked(pid, stdout, stderr)
        self._process = forked  # type: ignore[assignment]
        return forked


class ForkServer:
    """The fork server process (see ``forkserver.py``), in a private folder."""

    def __init__(self, environment: Mapping[str, str]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="alternance-serve-"))
        self.path = self.folder / "fork.sock"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "alternance_tui.serve.forkserver", str(self.path)],
            env=dict(environment),
            stdin=subprocess.DEVNULL,
        )
        self._said_gone = False

    def usable(self) -> Path | None:
        """Its socket once it listens; None while it starts (sessions then start as
        new processes), or if it has died (said once in the log)."""
        if self.process.poll() is not None:
            if not self._said_gone:
                self._said_gone = True
                log.warning("the fork server exited: each session starts a new process")
            return None
        return self.path if self.path.exists() else None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
