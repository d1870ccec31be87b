"""What the session store says when a saved session cannot be read."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

# Typeset at lookup: the error quoted is Python's, with plain spaces.
STORE = Catalogue(
    "store",
    {
        "en": {
            "damaged_kept": "The saved session {file} was damaged ({error}); it was set aside "
            "and kept as {kept}. Starting afresh.",
            "damaged": "The saved session {file} was damaged ({error}); it was set aside. "
            "Starting afresh.",
            "damaged_young": "The saved session {file} cannot be read ({error}). It changed "
            "{seconds} s ago, so another program may still be writing it: it is left as it "
            "is (`alternance sessions repair` sets it aside).",
            "name_empty": "“{name}” cannot name a session: it has no letter or digit. "
            "Choose a name with some.",
            "name_reserved": "“{name}” is the name of the app's own session (the one being "
            "typed, or the one Ctrl+N sets aside). Choose another name.",
            # Why a session file could not be read (issue 9).
            "why_folder": "it is a folder",
            "why_not_regular": "it is not a regular file but a device or a pipe",
            "why_too_large": "it is too large: {size} MiB",
            "why_too_deep": "not valid JSON: nested too deeply",
            "why_json": "not valid JSON: {detail} at line {line}",
        },
        "fr": {
            "damaged_kept": "La session enregistrée {file} était endommagée ({error}) ; elle a "
            "été mise de côté sous le nom {kept}. Nouvel entretien.",
            "damaged": "La session enregistrée {file} était endommagée ({error}) ; elle a été "
            "mise de côté. Nouvel entretien.",
            "damaged_young": "La session enregistrée {file} est illisible ({error}). Elle a "
            "changé il y a {seconds} s : un autre programme l’écrit peut-être encore. Elle est "
            "laissée telle quelle (`alternance sessions repair` la met de côté).",
            "name_empty": "« {name} » ne peut pas nommer une session : ce nom n’a ni lettre ni "
            "chiffre. Choisissez un nom qui en a.",
            "name_reserved": "« {name} » est le nom d’une session de l’application (celle en "
            "cours, ou celle que Ctrl+N met de côté). Choisissez un autre nom.",
            # Why a session file could not be read (issue 9).
            "why_folder": "c’est un dossier",
            "why_not_regular": "ce n’est pas un fichier ordinaire mais un périphérique ou un tube",
            "why_too_large": "il est trop gros : {size} Mio",
            "why_too_deep": "JSON invalide : imbriqué trop profondément",
            "why_json": "JSON invalide : {detail} à la ligne {line}",
        },
    },
    typeset=True,
)
