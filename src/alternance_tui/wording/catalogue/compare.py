"""The words of a comparison of scenarios (screen and every report format)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

COMPARE = Catalogue(
    "compare",
    {
        "fr": {
            "title": "Comparaison de scénarios",
            "session": "Session : {name}",
            "scenario": "Scénario {letter}",
            "answers": "Réponses",
            "differs": "≠ diffère",
            "same": "= identique",
            "open": "✔ ouvert",
            "conditional": "◐ selon une réponse",
            "closed": "✘ fermé",
            "year_first": "1re année",
            "year_n": "{year}e année",
            "gross": "{gross} brut par mois",
            "gross_net": "{gross} brut, ≈ {net} net par mois",
            "pay_year": "{year} : {amounts}",
            "pay_hourly": "gratification : {amounts} (estimation)",
            "pay_none": "pas de rémunération minimale",
            "legend": "≠ : ce qui change d’un scénario à l’autre (en gras à l’écran).",
            "legend_document": "≠ : ce qui change d’un scénario à l’autre ; "
            "un montant diffère dès que le brut ou le net diffère.",
            "as_of": "Calcul au {date}",
            "unanswered": "—",
            "same_in": "Identique dans les scénarios {letters} :",
            "as_in": "= comme {letter}",
            "same_answers": "Identiques dans les scénarios {letters} :",
            "summary_none": "Aucune différence entre les scénarios.",
            "summary_one": "1 différence entre les scénarios.",
            "summary_many": "{count} différences entre les scénarios.",
        },
        "en": {
            "title": "Scenarios compared",
            "session": "Session: {name}",
            "scenario": "Scenario {letter}",
            "answers": "Answers",
            "differs": "≠ differs",
            "same": "= same",
            "open": "✔ open",
            "conditional": "◐ depends on an answer",
            "closed": "✘ closed",
            "year_first": "year 1",
            "year_n": "year {year}",
            "gross": "{gross} gross a month",
            "gross_net": "{gross} gross, ≈ {net} net a month",
            "pay_year": "{year}: {amounts}",
            "pay_hourly": "bonus: {amounts} (estimate)",
            "pay_none": "no minimum pay",
            "legend": "≠: what changes from one scenario to another (bold on screen).",
            "legend_document": "≠: what changes from one scenario to another; "
            "an amount differs when its gross or its net does.",
            "as_of": "As of {date}",
            "unanswered": "—",
            "same_in": "The same in scenarios {letters}:",
            "as_in": "= as {letter}",
            "same_answers": "The same in scenarios {letters}:",
            "summary_none": "No difference between the scenarios.",
            "summary_one": "1 difference between the scenarios.",
            "summary_many": "{count} differences between the scenarios.",
        },
    },
    typeset=True,
)


def summary(lang: str, count: int) -> str:
    """ "3 différences", "1 différence", "Aucune différence": the plural written out."""
    if count == 0:
        return COMPARE(lang, "summary_none")
    return COMPARE(lang, "summary_one" if count == 1 else "summary_many", count=count)
