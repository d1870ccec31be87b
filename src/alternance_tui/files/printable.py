"""Text from outside (answers, file names, ids) made safe to show on a terminal.

An escape sequence typed into an answer and echoed back in a message would
retitle the terminal, move the cursor or hide the rest of the line; a
right-to-left override would make the message read backwards. Such characters
are shown as the escapes a programmer would type (``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import unicodedata

# Cc: C0 and C1 controls, DEL; Cf: invisible format marks (bidi overrides,
# zero-width joiners); Zl/Zp: line and paragraph separators; Cs: lone surrogates.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def printable(text: str) -> str:
    """``text`` with every control or invisible formatting character escaped."""
    if text.isprintable():  # the usual case, and fast
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if unicodedata.category(char) not in _UNSAFE:
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def excerpt(text: str, limit: int = 40) -> str:
    """What a person typed, as a message quotes it: printable, and cut short
    (a 100,000-digit number is quoted by its first digits)."""
    shown = printable(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
