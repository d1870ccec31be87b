"""Find the line of a key path in a TOML text, so messages can say ``file:12``.

``tomllib`` gives line numbers only for syntax errors; schema and reference
errors come as key paths. This scanner walks the document's structure (tables,
arrays of tables, inline arrays and tables, strings) without building values,
and records where each key and array element starts. It is best effort: on
anything it does not follow it stops, and callers fall back to the key path.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

Path = tuple[str | int, ...]
_BARE_KEY = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Stop(Exception):
    pass


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.array_index: dict[Path, int] = {}

    def peek(self, ahead: int = 0) -> str:
        at = self.pos + ahead
        return self.text[at] if at < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.peek() == "\n":
                self.line += 1
            self.pos += 1

    def skip_blank(self, newlines: bool) -> None:
        while True:
            char = self.peek()
            if char in (" ", "\t", "\r") or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                while self.peek() not in ("\n", ""):
                    self.advance()
            else:
                return

    def record(self, path: Path) -> None:
        self.lines.setdefault(path, self.line)

    def string(self) -> str:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.pos):
            self.advance(3)
            end = self.text.find(quote * 3, self.pos)
            if end < 0:
                raise _Stop
            value = self.text[self.pos : end]
            self.advance(end + 3 - self.pos)
            return value
        self.advance()
        start = self.pos
        while True:
            char = self.peek()
            if char in ("", "\n"):
                raise _Stop
            if char == "\\" and quote == '"':
                self.advance(2)
                continue
            self.advance()
            if char == quote:
                return self.text[start : self.pos - 1]

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            char = self.peek()
            if char in ('"', "'"):
                parts.append(self.string())
            elif char in _BARE_KEY:
                start = self.pos
                while self.peek() in _BARE_KEY and self.peek():
                    self.advance()
                parts.append(self.text[start : self.pos])
            else:
                raise _Stop
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    def value(self, path: Path) -> None:
        char = self.peek()
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in ('"', "'"):
            self.string()
        else:
            while self.peek() not in (",", "]", "}", "\n", "#", ""):
                self.advance()

    def array(self, path: Path) -> None:
        self.advance()
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.advance()
                return
            if not self.peek():
                raise _Stop
            self.record((*path, index))
            self.value((*path, index))
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
            index += 1

    def inline_table(self, path: Path) -> None:
        self.advance()
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "}":
                self.advance()
                return
            self.key_value(path)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()

    def key_value(self, table: Path) -> None:
        line = self.line
        path = (*table, *self.key())
        self.lines.setdefault(path, line)
        self.skip_blank(newlines=False)
        if self.peek() != "=":
            raise _Stop
        self.advance()
        self.skip_blank(newlines=False)
        self.value(path)

    def resolve(self, parts: Sequence[str], new_element: bool) -> Path:
        path: Path = ()
        for position, part in enumerate(parts):
            path = (*path, part)
            last = position == len(parts) - 1
            if last and new_element:
                index = self.array_index.get(path, -1) + 1
                self.array_index[path] = index
                path = (*path, index)
            elif path in self.array_index:
                path = (*path, self.array_index[path])
        return path

    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if not self.peek():
                return
            if self.peek() == "[":
                double = self.peek(1) == "["
                self.advance(2 if double else 1)
                line = self.line
                parts = self.key()
                self.advance(2 if double else 1)
                table = self.resolve(parts, new_element=double)
                self.lines.setdefault(table, line)
                if double:
                    # The array itself starts at its first [[block]].
                    self.lines.setdefault(table[:-1], line)
            else:
                self.key_value(table)


def key_lines(text: str) -> dict[Path, int]:
    """Every key path the scanner could follow, with the line it starts on."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError, RecursionError):
        scanner.document()
    return scanner.lines


def line_of(lines: dict[Path, int], path: Sequence[str | int]) -> int | None:
    """The line of ``path``, or of the nearest enclosing key that was found."""
    probe = tuple(path)
    while probe:
        if probe in lines:
            return lines[probe]
        probe = probe[:-1]
    return None
