"""The one lookup of the app's own words: a catalogue per part of the app, and
the same fallback for all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

LANGUAGES = ("fr", "en")
# Each language by its own name, whichever language is shown: a person who
# reads only the other one still finds theirs (the welcome screen's choice).
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
# A language no catalogue is written in (a flow may declare one) gets English:
# of the two, the one a reader of neither is likelier to read.
FALLBACK = "en"


def other(lang: str) -> str:
    """The language F2 switches to."""
    return "en" if lang == "fr" else "fr"


class Catalogue:
    """Texts by language then key, with ``{name}`` blanks filled by the lookup.

    ``typeset``: French spacing is applied to the filled-in text. Catalogues
    whose texts name things a person typed or the flow files hold (labels with
    plain spaces before ``:``) need it; the others carry their spacing as written.
    """

    __slots__ = ("name", "texts", "typeset")

    def __init__(
        self, name: str, texts: Mapping[str, Mapping[str, str]], *, typeset: bool = False
    ) -> None:
        self.name = name
        self.texts = texts
        self.typeset = typeset

    def __call__(self, lang: str, key: str, /, **values: object) -> str:
        table = self.texts.get(lang) or self.texts[FALLBACK]
        text = table[key].format(**values)
        if not self.typeset:
            return text
        # Imported here: the welcome screen's catalogue is not typeset, and the
        # first frame should not wait for the typography rules to compile.
        from alternance_tui.wording.typography import typography

        return typography(text, lang)

    def plural(self, lang: str, key: str, count: int, /, **values: object) -> str:
        """``key_one`` or ``key_other`` as ``count`` asks, filled in: French counts 0
        and 1 as one ("0 ouvert", "1 ouvert", "2 ouverts"), English only 1."""
        one = count in (0, 1) if lang == "fr" else count == 1
        return self(lang, f"{key}_one" if one else f"{key}_other", **values)

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r})"
