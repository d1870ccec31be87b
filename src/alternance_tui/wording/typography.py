"""French spacing around punctuation, so that a line never breaks between a word
and its colon, question mark or guillemet."""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
# (the characters a rule is about, the rule, its replacement)
_FR_SPACING = (
    # a colon takes a no-break space before it, whether a space was typed or not
    (":", re.compile(r"(?:(?<=[^\s\u00a0\u202f])|[ \t]+):(?=\s|$)"), NBSP + ":"),
    # so do ; ! ? (a narrow one), typed or not, when they end a clause
    (";!?", re.compile(r"(?:(?<=[^\s\u00a0\u202f])|[ \t]+)([;!?])(?=\s|$)"), NNBSP + r"\1"),
    ("«", re.compile(r"«[ \t]*"), "«" + NBSP),
    ("»", re.compile(r"[ \t]*»"), NBSP + "»"),
    ("%€", re.compile(r"(?<=\d)[ \t]+(?=[%€])"), NBSP),
)


def typography(text: str, lang: str) -> str:
    """French spacing for text a person reads: a no-break space before ``:``, ``»``,
    ``%`` and ``€`` and after ``«``, a narrow one before ``;``, ``!`` and ``?``."""
    if lang != "fr":
        return text
    for marks, pattern, replacement in _FR_SPACING:
        for mark in marks:
            if mark in text:
                text = pattern.sub(replacement, text)
                break
    return text


def colon(lang: str) -> str:
    """What goes between a label and its value: ``"Campus : Aix"`` in French
    (a no-break space before the colon), ``"Campus: Aix"`` in English."""
    return NBSP + ": " if lang == "fr" else ": "
