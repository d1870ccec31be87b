"""The words a flow explains (its ``[[glossary]]``): which of them a text uses,
and each one's explanation as a line a person reads.

Pure: the question screen, F1 on the results, the reports and the handout all
ask here which words to explain, so that each says the same thing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from alternance_tui.flow.model import GlossaryEntry, tr
from alternance_tui.wording.typography import typography


@functools.lru_cache(maxsize=256)
def _pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    # A whole word: "CSG" in "CSG-CRDS", not "ASS" in "ASSEDIC" nor "net" in "network".
    words = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def spellings(entry: GlossaryEntry, lang: str) -> tuple[str, ...]:
    """The ways a text writes the entry's word: its ``matches``, else its term."""
    return entry.matches or (tr(entry.term, lang),)


def used_in(
    texts: Iterable[str], glossary: Sequence[GlossaryEntry], lang: str
) -> list[GlossaryEntry]:
    """The entries whose word appears in any of ``texts``, in the glossary's order."""
    joined = "\n".join(texts)
    if not joined:
        return []
    return [e for e in glossary if _pattern(spellings(e, lang)).search(joined)]


def explained(entry: GlossaryEntry, lang: str) -> str:
    """ "RSA: revenu de solidarité active: the minimum income …" """
    colon = "\u00a0: " if lang == "fr" else ": "
    # French spacing inside (« bac+2 »): a line never breaks after a «.
    return typography(f"{tr(entry.term, lang)}{colon}{tr(entry.means, lang)}", lang)


def in_short(entry: GlossaryEntry, lang: str) -> str:
    """ "SMIC: legal minimum wage": the few words a printed page has room for."""
    colon = "\u00a0: " if lang == "fr" else ": "
    return typography(f"{tr(entry.term, lang)}{colon}{tr(entry.short or entry.means, lang)}", lang)


def sorted_entries(glossary: Sequence[GlossaryEntry], lang: str) -> list[GlossaryEntry]:
    """Alphabetical, as a reader looks a word up (accents and case aside)."""
    import unicodedata

    def key(entry: GlossaryEntry) -> str:
        bare = unicodedata.normalize("NFKD", tr(entry.term, lang).casefold())
        return "".join(c for c in bare if not unicodedata.combining(c))

    return sorted(glossary, key=key)
