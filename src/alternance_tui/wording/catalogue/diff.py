"""The words of `alternance diff` and of a session resumed under other rules."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

DIFF = Catalogue(
    "diff",
    {
        "en": {
            "header": "Rules compared: {old} → {new}",
            "counts": "{profiles} distinct profiles compared, {changed} of them with a change.",
            "none": "No change: every profile gets the same recommendation.",
            "group": "{title}: {kind} ({count} profiles)",
            "more": "… and {count} more (--all lists them)",
            "kind_opened": "now open",
            "kind_closed": "now closed",
            "kind_status": "status changed",
            "kind_pay": "pay changed",
            "kind_reasons": "reasons changed",
            "kind_notes": "notes changed",
            "status_eligible": "open",
            "status_conditional": "open depending on an answer",
            "status_not_eligible": "not open",
            "status_absent": "not offered",
            "year": "year {year}",
            "hourly": "per hour",
            "total": "in all",
            "yes": "yes",
            "no": "no",
            "resumed": "These answers were saved under other rules ({old}); the rules now are "
            "{new}.",
            "resumed_none": "For these answers, nothing in the recommendation has changed.",
            "resumed_changed": "What changed for these answers:",
        },
        "fr": {
            "header": "Règles comparées : {old} → {new}",
            "counts": "{profiles} profils distincts comparés, dont {changed} avec un changement.",
            "none": "Aucun changement : chaque profil reçoit la même recommandation.",
            "group": "{title} : {kind} ({count} profils)",
            "more": "… et {count} de plus (--all les liste tous)",
            "kind_opened": "désormais ouvert",
            "kind_closed": "désormais fermé",
            "kind_status": "statut modifié",
            "kind_pay": "rémunération modifiée",
            "kind_reasons": "raisons modifiées",
            "kind_notes": "notes modifiées",
            "status_eligible": "ouvert",
            "status_conditional": "ouvert selon une réponse",
            "status_not_eligible": "non ouvert",
            "status_absent": "plus proposé",
            "year": "année {year}",
            "hourly": "de l’heure",
            "total": "au total",
            "yes": "oui",
            "no": "non",
            "resumed": "Ces réponses ont été enregistrées sous d’autres règles ({old}) ; les "
            "règles sont maintenant {new}.",
            "resumed_none": "Pour ces réponses, rien n’a changé dans la recommandation.",
            "resumed_changed": "Ce qui a changé pour ces réponses :",
        },
    },
    typeset=True,
)
