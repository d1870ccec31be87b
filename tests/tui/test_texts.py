"""The app's own words exist in both languages, with the same blanks to fill."""

from __future__ import annotations

import string

from alternance_tui.tui import texts


def blanks(lang: str, key: str) -> set[str]:
    raw = texts._TEXTS[lang][key]
    return {name for _, name, _, _ in string.Formatter().parse(raw) if name}


def test_every_text_is_in_french_and_in_english() -> None:
    assert texts.keys("fr") == texts.keys("en")
    for key in texts.keys("fr"):
        assert blanks("fr", key) == blanks("en", key), key
