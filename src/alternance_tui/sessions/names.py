"""The names of saved sessions: which an advisor may give, and what file each
one is. Every place a name is typed (the sessions screen, `alternance
sessions`, ``--resume``) asks here, so that they all refuse the same names
with the same words."""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Literal

from alternance_tui.wording.catalogue.store import STORE

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# The app's own sessions: the one being typed and the one set aside ("previous"),
# numbered for a second window on the same folder. No advisor's session may take
# these names (in any case: some disks do not tell "Previous" from "previous").
_RESERVED = re.compile(r"^(autosave|previous)(-[0-9]+)?$", re.IGNORECASE)
NameProblem = Literal["empty", "reserved"]


class NameRefused(ValueError):
    """A name no advisor's session may have (``problem``: why); the message is in English,
    ``refusal`` words it in the person's language."""

    def __init__(self, name: str, problem: NameProblem) -> None:
        self.name = name
        self.problem: NameProblem = problem
        super().__init__(refusal(name, problem, "en"))


def name_problem(name: str) -> NameProblem | None:
    """Why ``name`` cannot name an advisor's session, or None: a name made only
    of what a file name cannot hold ("", "/", "...") would address the
    autosave, and the app's own names would be overwritten by it."""
    stem = safe_name(name)
    if not stem:
        return "empty"
    if _RESERVED.match(stem):
        return "reserved"
    return None


def refusal(name: str, problem: NameProblem, lang: str) -> str:
    from alternance_tui.files.printable import excerpt

    return STORE(lang, f"name_{problem}", name=excerpt(name, 60))


def is_reserved(name: str) -> bool:
    """Whether ``name`` is one of the app's own sessions (autosave, previous, numbered)."""
    return bool(_RESERVED.match(safe_name(name)))


def listable(stem: str) -> bool:
    """A file name stem this store lists and opens: in the folder (no separator),
    not hidden (temporary files), printable."""
    return (
        bool(stem)
        and not stem.startswith(".")
        and "/" not in stem
        and os.sep not in stem
        and "\x00" not in stem
        and stem.isprintable()
    )


def safe_name(name: str) -> str:
    """A session name as a file name: accents dropped ("Zoé" -> "Zoe"), anything
    but letters, digits, dot, dash and underscore replaced, no leading dot."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SAFE_NAME.sub("_", plain.strip()).strip("._")[:64]
