"""What `alternance serve` says itself, in the page's terminal: that it holds
all the sessions it may (--max-sessions)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

# Written as it is drawn: its lines are the terminal's, so no typesetting.
SERVE = Catalogue(
    "serve",
    {
        "en": {
            "busy": "Too many people at once: this server has all the sessions it can hold.",
            "busy_again": "Try again in a minute: reload the page.",
        },
        "fr": {
            "busy": "Trop de monde en ce moment : ce serveur a atteint son nombre de sessions.",
            "busy_again": "Réessayez dans une minute : rechargez la page.",
        },
    },
)
