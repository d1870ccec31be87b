"""Text from outside (answers, file names, ids) made safe to show on a terminal.

An escape sequence typed into an answer and echoed back in a message would
retitle the terminal, move the cursor or hide the rest of the line; a
right-to-left override would make the message read backwards. Such characters
are shown as the escapes a programmer would type (``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import re
import unicodedata

# Cc: C0 and C1 controls, DEL; Cf: invisible format marks (bidi overrides,
# zero-width joiners); Zl/Zp: line and paragraph separators; Cs: lone surrogates.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def printable_document(text: str, *, json: bool = False) -> str:
    """A whole document (text, Markdown, HTML or JSON) as ``printable`` makes a
    line: its line breaks and tabs kept, every other control or invisible
    character escaped. In JSON the escape is JSON's own (``\\u001b``): the
    document reads back the same, and cannot drive the terminal it is printed on."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    escape = _json_escape if json else _escape
    return "".join(char if char in "\n\t" else escape(char) for char in text)


def _json_escape(char: str) -> str:
    if unicodedata.category(char) not in _UNSAFE:
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes an astral character as its UTF-16 pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def excerpt(text: str, limit: int = 40) -> str:
    """What a person typed, as a message quotes it: printable, and cut short
    (a 100,000-digit number is quoted by its first digits)."""
    shown = printable(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def no_surrogates(text: str) -> str:
    """``text`` without lone surrogates, each replaced by U+FFFD: a JSON file may
    hold one ("\\ud800"), which can be neither printed nor written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)
