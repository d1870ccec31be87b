"""The words a person may type at any prompt of ``--plain`` (back, help,
review, quit, and their French words), and the other words it reads (none,
yes, no). Both languages' words are understood whatever the language shown:
someone who switched language mid-way is not stopped by it."""

from __future__ import annotations

from typing import Literal, get_args

from alternance_tui.wording.catalogue.plain import PLAIN
from alternance_tui.wording.lookup import LANGUAGES

Command = Literal["back", "help", "review", "quit"]
COMMANDS: tuple[Command, ...] = get_args(Command)
Word = Literal["back", "help", "review", "quit", "none", "yes", "no"]


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def spellings(word: Word, lang: str) -> list[str]:
    """How ``word`` is written in ``lang``, the one shown first."""
    return [w.strip() for w in PLAIN(lang, f"words_{word}").split(",")]


def shown(word: Word, lang: str) -> str:
    """The word as ``--plain`` names it in ``lang`` ("back", "retour")."""
    return spellings(word, lang)[0]


def means(text: str, word: Word) -> bool:
    """Whether ``text`` is ``word`` in either language."""
    folded = fold(text)
    return any(folded == fold(s) for lang in LANGUAGES for s in spellings(word, lang))


def command_of(text: str) -> Command | None:
    """The word that works at any prompt, if ``text`` is one."""
    for command in COMMANDS:
        if means(text, command):
            return command
    return None


def named(lang: str) -> dict[str, str]:
    """The four words as ``--plain`` names them in ``lang``, for its texts' blanks."""
    return {command: shown(command, lang) for command in COMMANDS}
