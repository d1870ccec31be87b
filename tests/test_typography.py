"""French spacing before : ; ! ? as a reader of the French texts sees it."""

from __future__ import annotations

import pytest

from alternance_tui.wording.typography import typography

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Campus: Aix", f"Campus{NBSP}: Aix"),
        ("Campus : Aix", f"Campus{NBSP}: Aix"),
        (f"Campus{NBSP}: Aix", f"Campus{NBSP}: Aix"),  # never twice
        ("année 1 : 504,10 €; année 2", f"année 1{NBSP}: 504,10{NBSP}€{NNBSP}; année 2"),
        ("Toujours là ?", f"Toujours là{NNBSP}?"),
        ("Quoi?", f"Quoi{NNBSP}?"),
        ("Oui !", f"Oui{NNBSP}!"),
        ("https://example.org/?a=1", "https://example.org/?a=1"),  # not a clause's end
        ("10:30", "10:30"),
    ],
)
def test_french_spacing(typed: str, shown: str) -> None:
    assert typography(typed, "fr") == shown


def test_english_is_left_as_typed() -> None:
    assert typography("Campus: Aix; really?", "en") == "Campus: Aix; really?"


@pytest.mark.parametrize(
    "typed", ["« Une entreprise »", "pour « A » ; ils diffèrent pour « B ».", "x : y ; z !"]
)
def test_text_set_twice_is_set_once(typed: str) -> None:
    """A text typeset on its own and then inside a longer typeset text (a quoted
    answer in a note) keeps one space inside its guillemets, not two."""
    once = typography(typed, "fr")
    assert typography(once, "fr") == once
    assert f"{NBSP}{NBSP}" not in once
