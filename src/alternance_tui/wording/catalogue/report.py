"""The reports' own headings and phrases (text, Markdown, HTML and the results
screen's cards): statuses, table headers, the reference value line, the
internship bonus rule."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

# Not typeset at lookup: the renderers typeset whole lines, labels and values
# together.
REPORT = Catalogue(
    "report",
    {
        "en": {
            "as_of": "As of",
            "known": "Rates known up to",
            "answers": "Your answers",
            "eligible": "✔ Open to you",
            "conditional": "◐ Open depending on an answer not known yet",
            "not_eligible": "✘ Not open to you",
            "why": "Why",
            "change": "What would change it",
            "pay": "Minimum gross pay",
            "year": "Year",
            "age": "Age",
            "percent": "% of the {ref}",
            "monthly": "Monthly gross",
            "net": "Net (estimate)",
            "grid_year": "Grid year",
            "months": "Months (from)",
            "month_rows": "Month by month (a new age counts from the month after the birthday)",
            "net_basis": "Net estimate: {label} ({source})",
            "net_total": "Estimated net: about {monthly} a month, {total} in all.",
            "cycle": "Position in the training cycle ({source}): contract year {year} is paid "
            "at the grid's year {grid}.",
            "deduction": "{label}: {percent} of {base}the part above {above} of the {series}",
            "deduction_all": "{label}: {percent} of {base}the whole amount",
            "base_share": "{base} of ",
            "basis": "Worked out on",
            "source": "Source",
            "reference": "{label}: {value} from {date}{latest} ({source})",
            "latest": ", the latest known value",
            "bonus_required": "A bonus is compulsory for {months} months at {weekly} h a week "
            "({hours} hours of presence: it is owed from hour {from_hours}).",
            "bonus_optional": "A bonus is optional for {months} months at {weekly} h a week "
            "({hours} hours of presence: it is owed only from hour {from_hours}).",
            "max_hours": "At most {max_hours} hours of presence per academic year with one host.",
            "hourly": "Hourly minimum: {hourly} ({percent} of the {ref}).",
            "total": "Minimum for the planned {hours} hours: {total}; about {monthly} a month "
            "({per_month} hours a month).",
            "funding": "Funding routes",
            "notes": "Good to know",
            "fit": "Fits you",
            "open_courses": "Open to you",
            "closed_courses": "Not open yet",
            "rules_version": "Rules version",
            # A reason's mark in words, and an answer left empty, where symbols are not
            # shown (the report --plain prints, for a screen reader).
            "met": "Met",
            "not_met": "Not met",
            "unknown": "Depends on an answer not known yet",
            "not_given": "not given",
        },
        "fr": {
            "as_of": "Date de calcul",
            "known": "Taux connus jusqu’au",
            "answers": "Vos réponses",
            "eligible": "✔ Ouvert pour vous",
            "conditional": "◐ Ouvert selon une réponse pas encore connue",
            "not_eligible": "✘ Pas ouvert pour vous",
            "why": "Pourquoi",
            "change": "Ce qui changerait la réponse",
            "pay": "Rémunération minimale brute",
            "year": "Année",
            "age": "Âge",
            "percent": "% du {ref}",
            "monthly": "Brut mensuel",
            "net": "Net (estimation)",
            "grid_year": "Année du barème",
            "months": "Mois (à partir de)",
            "month_rows": "Mois par mois (le nouvel âge compte dès le mois qui suit "
            "l’anniversaire)",
            "net_basis": "Estimation du net : {label} ({source})",
            "net_total": "Net estimé : environ {monthly} par mois, {total} au total.",
            "cycle": "Place dans le cycle de formation ({source}) : l’année {year} du contrat "
            "est payée au taux de la {grid}e année du barème.",
            "deduction": "{label} : {percent} de {base}la part au-delà de {above} du {series}",
            "deduction_all": "{label} : {percent} de {base}la totalité",
            "base_share": "{base} de ",
            "basis": "Calculé sur",
            "source": "Source",
            "reference": "{label} : {value} depuis le {date}{latest} ({source})",
            "latest": ", dernière valeur connue",
            "bonus_required": "Gratification obligatoire pour {months} mois à {weekly} h par "
            "semaine ({hours} heures de présence : elle est due dès la {from_hours}e heure).",
            "bonus_optional": "Gratification facultative pour {months} mois à {weekly} h par "
            "semaine ({hours} heures de présence : elle n’est due qu’à partir de la "
            "{from_hours}e heure).",
            "max_hours": "Au plus {max_hours} heures de présence par année universitaire dans "
            "une même structure.",
            "hourly": "Minimum horaire : {hourly} ({percent} du {ref}).",
            "total": "Minimum pour les {hours} heures prévues : {total} ; environ {monthly} par "
            "mois ({per_month} heures par mois).",
            "funding": "Financements possibles",
            "notes": "Bon à savoir",
            "fit": "Pour vous",
            "open_courses": "Accessibles",
            "closed_courses": "Pas encore accessibles",
            "rules_version": "Version des règles",
            "met": "Rempli",
            "not_met": "Non rempli",
            "unknown": "Selon une réponse pas encore connue",
            "not_given": "non précisé",
        },
    },
)
