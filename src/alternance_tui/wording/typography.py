"""French spacing around punctuation, so that a line never breaks between a word
and its colon, question mark or guillemet."""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
# A colon, and ; ! ?, that end a clause (followed by a space or the end).
_COLON = re.compile(r":(?=\s|$)")
_CLAUSE_MARKS = re.compile(r"[;!?]")
# (the characters a rule is about, the rule, its replacement)
_FR_SPACING = (
    # The no-break spaces too: text set once may be set again inside a longer one.
    ("«", re.compile(r"«[ \t\u00a0\u202f]*"), "«" + NBSP),
    ("»", re.compile(r"[ \t\u00a0\u202f]*»"), NBSP + "»"),
    ("%€", re.compile(r"(?<=\d)[ \t]+(?=[%€])"), NBSP),
)


def typography(text: str, lang: str) -> str:
    """French spacing for text a person reads: a no-break space before ``:``, ``»``,
    ``%`` and ``€`` and after ``«``, a narrow one before ``;``, ``!`` and ``?``."""
    if lang != "fr":
        return text
    # A colon takes a no-break space before it, typed or not; ; ! ? a narrow one.
    if ":" in text:
        text = _space_before(text, _COLON, NBSP)
    if ";" in text or "!" in text or "?" in text:
        text = _space_before(text, _CLAUSE_MARKS, NNBSP)
    for marks, pattern, replacement in _FR_SPACING:
        for mark in marks:
            if mark in text:
                text = pattern.sub(replacement, text)
                break
    return text


def _space_before(text: str, marks: re.Pattern[str], space: str) -> str:
    """``space`` instead of the spaces typed before each of the ``marks``, or before
    one typed right after a word when it ends a clause (a space or the end follows).
    Found mark first: a pattern looking behind at every position cost several
    times more on the long texts of a recommendation."""
    parts: list[str] = []
    last = 0
    for found in marks.finditer(text):
        start = end = found.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start == end:  # none typed: only after a word, at a clause's end
            after = end + 1
            if start == 0 or text[start - 1].isspace():
                continue
            if after < len(text) and not text[after].isspace():
                continue
        parts += (text[last:start], space)
        last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def colon(lang: str) -> str:
    """What goes between a label and its value: ``"Campus : Aix"`` in French
    (a no-break space before the colon), ``"Campus: Aix"`` in English."""
    return NBSP + ": " if lang == "fr" else ": "
