"""The words of a comparison of scenarios (screen and every report format)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

COMPARE = Catalogue(
    "compare",
    {
        "fr": {
            "title": "Comparaison de scénarios",
            "scenario": "Scénario {letter}",
            "answers": "Réponses",
            "differs": "≠ diffère",
            "same": "= identique",
            "open": "✔ ouvert",
            "conditional": "◐ selon une réponse",
            "closed": "✘ fermé",
            "pay_year": "{year}e année : {amount}/mois",
            "pay_hourly": "gratification : {amount}/mois (estimation)",
            "pay_none": "pas de rémunération minimale",
            "legend": "≠ : ce qui change d’un scénario à l’autre (en gras à l’écran).",
            "as_of": "Calcul au {date}",
            "unanswered": "—",
            "same_in": "Identique dans les scénarios {letters} :",
            "summary": "{count} différence(s) entre les scénarios.",
        },
        "en": {
            "title": "Scenarios compared",
            "scenario": "Scenario {letter}",
            "answers": "Answers",
            "differs": "≠ differs",
            "same": "= same",
            "open": "✔ open",
            "conditional": "◐ depends on an answer",
            "closed": "✘ closed",
            "pay_year": "year {year}: {amount}/month",
            "pay_hourly": "bonus: {amount}/month (estimate)",
            "pay_none": "no minimum pay",
            "legend": "≠: what changes from one scenario to another (bold on screen).",
            "as_of": "As of {date}",
            "unanswered": "—",
            "same_in": "The same in scenarios {letters}:",
            "summary": "{count} difference(s) between the scenarios.",
        },
    },
)
