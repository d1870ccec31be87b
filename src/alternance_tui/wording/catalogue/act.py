"""Words that help a person act on the results: the counts, a section with
nothing open, a campus without an open course, and the glossary F1 shows on
the results screen."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

ACT = Catalogue(
    "act",
    {
        "fr": {
            # Catalogue.plural picks _one or _other by the count of open items.
            "open_count_one": "{open} ouvert, {depends} selon une réponse, sur {total}",
            "open_count_other": "{open} ouverts, {depends} selon une réponse, sur {total}",
            "opens_with": "s’ouvrirait avec : {change}",
            "nothing_open": "Rien d’ouvert ici pour l’instant. Prochaine étape : {step}.",
            "nothing_open_no_step": "Rien d’ouvert ici pour l’instant : parlez-en à un "
            "conseiller ou une conseillère.",
            # Contracts open, no course (advice/course_gap.py).
            "no_course": "Aucune formation de l’IMPGT ne vous est encore ouverte ; "
            "la plus proche : {title}. {why}",
            "no_course_todo": "Que faire : un contrat d’alternance se signe avec une "
            "formation ; cherchez-en une à votre niveau dans une autre école ou un CFA, "
            "ou revenez à l’IMPGT plus tard ({change}).",
            "no_course_todo_short": "Que faire : chercher une formation à votre niveau dans "
            "une autre école ou un CFA, ou revenir à l’IMPGT plus tard.",
            # A contract paid for a year of study whose courses are closed.
            "level_gap": "Ces montants sont calculés pour « {year} », et aucune formation "
            "de l’IMPGT de cette année ne vous est ouverte. {why}",
            "level_gap_open": "Les formations qui vous sont ouvertes ({levels}) donnent "
            "chacune leur rémunération.",
            "glossary_title": "Les mots des résultats, de A à Z",
            "glossary_close": "Échap ferme.",
        },
        "en": {
            "open_count_one": "{open} open, {depends} depending on an answer, of {total}",
            "open_count_other": "{open} open, {depends} depending on an answer, of {total}",
            "opens_with": "would open with: {change}",
            "nothing_open": "Nothing open here yet. Next step: {step}.",
            "nothing_open_no_step": "Nothing open here yet: talk it over with an advisor.",
            "no_course": "No IMPGT course is open to you yet; the nearest: {title}. {why}",
            "no_course_todo": "What to do: a work-linked contract is signed with a course; "
            "look for one at your level at another school or a CFA, or come back to IMPGT "
            "later ({change}).",
            "no_course_todo_short": "What to do: look for a course at your level at another "
            "school or a CFA, or come back to IMPGT later.",
            "level_gap": "These amounts are for “{year}”, and no IMPGT course of that year "
            "is open to you. {why}",
            "level_gap_open": "The courses open to you ({levels}) each give their own pay.",
            "glossary_title": "The words of the results, A to Z",
            "glossary_close": "Escape closes.",
        },
    },
)
