"""A fork server for ``alternance serve``: one process that has imported Textual
and the app once, and forks a ready child for each browser session.

Starting a session the usual way (textual-serve runs a new Python) costs about
0.35 s of CPU, nearly all of it importing; a fork of this process costs a few
milliseconds, and the children share the imported code's memory with it
(copy on write). ``serve`` starts it with textual-serve's environment for
apps (the Textual web driver and its settings are read at import), then asks it
over a Unix socket in a private folder: the request carries the child's
stdin, stdout and stderr (the pipes textual-serve reads, passed as file
descriptors) with its arguments and environment, the answer its process id.

Children are reaped by the system (SIGCHLD ignored); the server exits when
its parent (``serve``) is gone.

Run by ``serve``: ``python -m alternance_tui.serve.forkserver SOCKET_PATH``.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

MAX_REQUEST = 256 * 1024


def preload() -> None:
    """Every module a session imports, imported once here: what the first frame
    needs, and what a session loads in the background after it (the flow and
    advice engines, pydantic, the other screens). Imports only: no thread may
    run in a process that forks."""
    import textual.app
    import textual.drivers.web_driver
    import textual.widgets  # noqa: F401

    import alternance_tui.advice.engine
    import alternance_tui.advice.load
    import alternance_tui.cli.interview
    import alternance_tui.interview.state
    import alternance_tui.tui.app
    import alternance_tui.tui.facts
    import alternance_tui.tui.pages.question
    import alternance_tui.tui.pages.results
    import alternance_tui.tui.pages.review
    import alternance_tui.tui.pages.welcome  # noqa: F401


def _child(request: dict[str, object], fds: Sequence[int]) -> None:
    """In the forked child: become the app of one session; never returns."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.setsid()
        for target, fd in zip((0, 1, 2), fds, strict=True):
            os.dup2(fd, target)
            os.close(fd)
        environment = request["env"]
        argv = request["argv"]
        assert isinstance(environment, dict) and isinstance(argv, list)
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in environment.items()})
        sys.argv = ["alternance", *map(str, argv)]
        gc.unfreeze()
        from alternance_tui.cli.interview import run_tui
        from alternance_tui.cli.output import guarded

        code = guarded(lambda: run_tui([str(a) for a in argv]))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def serve_forever(path: Path) -> None:
    preload()
    gc.collect()
    gc.freeze()  # the preloaded objects are never scanned again: fewer copied pages
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # Bound under another name and renamed once listening: the socket's path
    # existing means it accepts.
    starting = path.with_name(path.name + ".starting")
    listener.bind(str(starting))
    listener.listen(64)
    starting.rename(path)
    listener.settimeout(1.0)
    while os.getppid() == parent:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            continue
        with connection:
            connection.settimeout(10.0)
            try:
                message, fds, _, _ = socket.recv_fds(connection, MAX_REQUEST, 3)
                request = json.loads(message)
            except (OSError, ValueError):
                continue
            if len(fds) != 3 or not isinstance(request, dict):
                for fd in fds:
                    os.close(fd)
                continue
            pid = os.fork()
            if pid == 0:
                listener.close()
                connection.close()
                _child(request, fds)
            for fd in fds:
                os.close(fd)
            with contextlib.suppress(OSError):
                connection.sendall(json.dumps({"pid": pid}).encode())
    listener.close()


def spawn(path: Path, argv: Sequence[str], environment: dict[str, str], fds: Sequence[int]) -> int:
    """Ask the fork server at ``path`` for a session; its process id (blocking, bounded)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10.0)
        client.connect(str(path))
        payload = json.dumps({"argv": list(argv), "env": environment}).encode()
        socket.send_fds(client, [payload], list(fds))
        client.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := client.recv(4096):
            answer += chunk
    pid = json.loads(answer)["pid"]
    if not isinstance(pid, int):
        raise OSError("the fork server did not start the session")
    return pid


if __name__ == "__main__":
    serve_forever(Path(sys.argv[1]))
