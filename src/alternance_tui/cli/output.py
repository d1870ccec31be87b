"""What the `alternance` command writes, and how it ends: one place for every
subcommand (recommend, compare, diff, sessions), so that none borrows it back
from cli/main.py and every message is escaped the same way.

- Messages go to standard error as ``alternance: LINE``, with control
  characters escaped (files/printable.py): a message may quote input (a file
  name, an answer, a session's name), which must not drive the terminal.
- Results go to standard output or to the file named with ``-o``
  (files/output_file.py), and a write error is exit 2 with a message, never 0.
- Exit codes: 0 done, 1 problems found (check, diff), 2 bad input.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from alternance_tui.files.printable import printable
from alternance_tui.wording.catalogue.cli import CLI  # a few strings: cheap at start-up

if TYPE_CHECKING:
    from pathlib import Path

    from alternance_tui.advice.model import Bundle

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports it


def tell(line: str) -> None:
    """One message on standard error, escaped (it may quote input)."""
    print(printable(f"alternance: {line}"), file=sys.stderr)


def refused(lines: Sequence[str], code: int = EXIT_BAD_INPUT) -> int:
    """Say why, one message per line; the exit code to return."""
    for line in lines:
        tell(line)
    return code


def fail(lines: Sequence[str], code: int = EXIT_BAD_INPUT) -> NoReturn:
    """Say why, one message per line, and exit with ``code``."""
    raise SystemExit(refused(lines, code))


def load_bundle_or_exit(path: Path | None, code: int = EXIT_BAD_INPUT) -> Bundle:
    """The flow at ``path`` (None: the shipped one), or exit saying what is wrong with it."""
    from alternance_tui.advice.load import load_bundle
    from alternance_tui.flow.problems import FlowError

    try:
        return load_bundle(path)
    except FlowError as exc:
        fail(exc.lines(), code)


def write_user_file(path: Path, text: str, lang: str, option: str = "--output") -> None:
    """``text`` into the file a person named (see output_file), or exit 2 saying why."""
    from alternance_tui.files.output_file import OutputError, write_output

    try:
        write_output(path, text)
    except OutputError as exc:
        key = "output_failed" if exc.reason == "failed" else f"output_{exc.reason}"
        fail([f"{option}: {CLI(lang, key, file=path, detail=exc.detail)}"])


def write_stdout(text: str, lang: str) -> None:
    """``text`` on standard output; a write error (a full disk) is exit 2, not 0."""

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # guarded() treats a reader that stopped early as no error
    except OSError as exc:
        _silence_stdout()
        fail([CLI(lang, "stdout_failed", detail=exc.strerror or exc)])


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit does
    not fail a second time with a traceback-like "Exception ignored" message."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit code; Ctrl+C is 130, and a reader that stopped early
    (`alternance recommend | head`) is no error."""
    try:
        return run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
