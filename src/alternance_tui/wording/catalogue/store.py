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
        },
        "fr": {
            "damaged_kept": "La session enregistrée {file} était endommagée ({error}) ; elle a "
            "été mise de côté sous le nom {kept}. Nouvel entretien.",
            "damaged": "La session enregistrée {file} était endommagée ({error}) ; elle a été "
            "mise de côté. Nouvel entretien.",
        },
    },
    typeset=True,
)
