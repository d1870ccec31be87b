"""The terminal of ``--plain``, one line at a time: what a person typed, read
safely, and what is printed, with nothing in it that drives a terminal.

Reading goes straight to the file descriptor (no ``input()``, no GNU readline,
which prints escape sequences of its own): the terminal's own line editing
(Backspace, Ctrl+U) works as in any shell prompt, and a pipe works as well as a
keyboard. A line is bytes until it is checked: invalid UTF-8, control
characters (an arrow key's escape sequence) and a line longer than ``MAX_LINE``
are each reported, never taken as an answer. ``read`` can wait with a timeout
(the kiosk's idle reset).

Everything printed goes through ``printable_document``, so a flow text, a file
name or an answer quoted back cannot put an escape sequence on the terminal;
the only ones ever written are the bold and red of ``--color``, when asked.
"""

from __future__ import annotations

import os
import select
import unicodedata
from dataclasses import dataclass
from typing import TextIO

from alternance_tui.files.printable import printable_document

MAX_LINE = 4096  # bytes: a line at a terminal is at most 4095 (the tty's own buffer)
_READ = 65536
# Cc (C0, C1, DEL) and Cf (bidi overrides, zero-width marks): never part of an answer.
_CONTROL = frozenset({"Cc", "Cf"})
BOLD, RED, RESET = "\x1b[1m", "\x1b[31m", "\x1b[0m"


class Idle(Exception):
    """Nothing was typed within the time given to ``read``."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line as typed, without its line break."""

    text: str  # decoded; U+FFFD where the bytes were not UTF-8
    too_long: bool = False  # longer than MAX_LINE: ``text`` is empty
    not_utf8: bool = False

    @property
    def control(self) -> bool:
        """Holds a control character (an arrow key typed into the line, a pasted escape)."""
        return not self.text.isprintable() and any(
            unicodedata.category(c) in _CONTROL for c in self.text
        )


class LineReader:
    """Lines from a file descriptor, with its own buffer so that ``select`` tells
    the truth about whether a line is waiting."""

    def __init__(self, fd: int, *, limit: int = MAX_LINE) -> None:
        self.fd = fd
        self.limit = limit
        self._buffer = bytearray()
        self._skipping = False  # the rest of a line that was too long
        self._ended = False

    def read(self, timeout: float | None = None) -> Line | None:
        """The next line, or None at the end of input (Ctrl+D at a terminal); Idle
        if ``timeout`` seconds pass before a whole line has arrived."""
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                raw = bytes(self._buffer[:end])
                del self._buffer[: end + 1]
                if self._skipping:
                    self._skipping = False
                    return Line("", too_long=True)
                return _line(raw, self.limit)
            if len(self._buffer) > self.limit:
                self._buffer.clear()  # kept no longer: a line of gigabytes costs nothing
                self._skipping = True
            if self._ended:
                return self._last()
            if timeout is not None and not select.select([self.fd], [], [], timeout)[0]:
                raise Idle
            try:
                chunk = os.read(self.fd, _READ)
            except OSError:  # the terminal hung up (EIO): as the end of input
                chunk = b""
            if not chunk:
                self._ended = True
                continue
            self._buffer += chunk

    def _last(self) -> Line | None:
        """What was left at the end of input: a last line without its line break,
        then None; a terminal's Ctrl+D is over once it has been read."""
        self._ended = False
        if self._skipping:
            self._skipping = False
            self._buffer.clear()
            return Line("", too_long=True)
        if self._buffer:
            raw = bytes(self._buffer)
            self._buffer.clear()
            return _line(raw, self.limit)
        return None


def _line(raw: bytes, limit: int) -> Line:
    if len(raw) > limit:
        return Line("", too_long=True)
    raw = raw.removesuffix(b"\r")
    try:
        return Line(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Line(raw.decode("utf-8", errors="replace"), not_utf8=True)


class Output:
    """What ``--plain`` prints: whole lines, and the prompt that waits on its line."""

    def __init__(self, stream: TextIO, *, color: bool = False, echo: bool = False) -> None:
        self.stream = stream
        self.color = color
        # Input that is not a terminal is not shown by one: written back after the
        # prompt, so that a transcript reads as the conversation it was.
        self.echo = echo
        self.broken = False  # the terminal is gone: nothing more is written

    def lines(self, *texts: str) -> None:
        self._write("".join(f"{printable_document(t)}\n" for t in texts))

    def blank(self) -> None:
        self._write("\n")

    def title(self, text: str) -> None:
        """A question or a heading: bold with --color, a plain line otherwise."""
        self._write(self._styled(printable_document(text), BOLD) + "\n")

    def error(self, text: str) -> None:
        self._write(self._styled(printable_document(text), RED) + "\n")

    def prompt(self, text: str) -> None:
        self._write(printable_document(text))

    def typed(self, line: Line) -> None:
        if self.echo:
            self._write(printable_document(line.text) + "\n")

    def _styled(self, text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if self.color else text

    def _write(self, text: str) -> None:
        if self.broken:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.broken = True  # a hung-up terminal or a closed pipe: keep going quietly
