"""Problems found in data files, reported as ``FILE:LINE: KEY.PATH: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
# A key path inside a TOML document: ("questions", 2, "next", 0, "when").
# Indexes are 0-based here and shown 1-based, as a person counts [[blocks]].
KeyPath = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    message: str
    path: KeyPath = ()
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        location = format_path(self.path)
        prefix = "warning: " if self.severity == "warning" else ""
        if location:
            return f"{where}: {location}: {prefix}{self.message}"
        return f"{where}: {prefix}{self.message}"


class FlowError(Exception):
    """A flow (or one of the files it uses) that may not be run, with every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = [p for p in problems if p.severity == "error"]
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        """What to tell a person who tried to run the flow: each problem, and, when
        they are in the flow's content (not a missing or unreadable file), where to
        see them all."""
        shown = [str(p) for p in self.problems]
        if any(p.line is not None or p.path for p in self.problems):
            shown.append("the flow has problems: fix them (alternance check shows them all)")
        return shown
