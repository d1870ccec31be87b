"""The app's own words: every catalogue in every language with the same blanks,
one fallback for a language none is written in, and numbers, amounts and dates
written as each language writes them."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import string

import pytest

import alternance_tui.wording.catalogue as catalogues
from alternance_tui.wording import formats
from alternance_tui.wording.lookup import FALLBACK, LANGUAGES, Catalogue


def every_catalogue() -> list[Catalogue]:
    """Found, not listed: a catalogue added later is checked without touching this test."""
    found = []
    for module_info in pkgutil.iter_modules(catalogues.__path__):
        module = importlib.import_module(f"{catalogues.__name__}.{module_info.name}")
        found += [v for v in vars(module).values() if isinstance(v, Catalogue)]
    return found


CATALOGUES = every_catalogue()


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_catalogues_are_all_found() -> None:
    assert {c.name for c in CATALOGUES} >= {"advice", "answers", "report", "store", "tui"}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda c: c.name)
def test_every_text_is_in_french_and_in_english_with_the_same_blanks(
    catalogue: Catalogue,
) -> None:
    assert set(catalogue.texts) == set(LANGUAGES)
    french, english = catalogue.texts["fr"], catalogue.texts["en"]
    assert set(french) == set(english), catalogue.name
    for key in french:
        assert blanks(french[key]) == blanks(english[key]), f"{catalogue.name}: {key}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda c: c.name)
def test_a_language_no_catalogue_is_written_in_gets_english(catalogue: Catalogue) -> None:
    assert FALLBACK == "en"
    for key, text in catalogue.texts["en"].items():
        filled = {name: f"<{name}>" for name in blanks(text)}
        assert catalogue("de", key, **filled) == text.format(**filled)


def test_amounts_numbers_and_dates_in_each_language() -> None:
    assert formats.money(1823.03, "en") == "€1,823.03"
    assert formats.money(1823.03, "fr") == "1\u202f823,03\u00a0€"
    assert formats.number(20000, "fr") == "20\u202f000"
    assert formats.number(12.5, "fr") == "12,5"
    assert formats.number(12.5, "en") == "12.5"
    assert formats.number(308.6, "en", 0) == "309"
    assert formats.percent(53, "fr") == "53\u00a0%"
    assert formats.percent(53.5, "en") == "53.5%"
    assert formats.date(dt.date(2026, 1, 1), "fr") == "1er janvier 2026"
    assert formats.date(dt.date(2026, 8, 15), "fr") == "15 août 2026"
    assert formats.date(dt.date(2026, 1, 1), "en") == "1 January 2026"


def test_french_texts_never_break_before_their_punctuation() -> None:
    from alternance_tui.wording.catalogue.advice import ADVICE

    text = ADVICE("fr", "range_at_least", question="Âge", low="26")
    assert text == "Âge\u00a0: 26 ou plus"
    assert ADVICE("en", "range_at_least", question="Age", low="26") == "Age: 26 or more"


def test_the_wording_loads_neither_textual_nor_pydantic() -> None:
    # The core uses it, and the welcome screen is drawn before either loads.
    import subprocess
    import sys

    names = [f"{catalogues.__name__}.{m.name}" for m in pkgutil.iter_modules(catalogues.__path__)]
    code = (
        "import sys, importlib\n"
        f"for name in {names!r} + ['alternance_tui.wording.formats']:\n"
        "    importlib.import_module(name)\n"
        "assert 'textual' not in sys.modules and 'pydantic' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
