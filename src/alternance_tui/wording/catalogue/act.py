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
            "glossary_title": "Les mots des résultats",
            "glossary": "Brut : le salaire avant les cotisations salariales ; le net versé est "
            "plus bas (un apprenti est exonéré d’une partie de ces cotisations).\n"
            "SMIC : le salaire minimum légal, revu chaque 1er janvier ; les rémunérations "
            "d’alternance en sont un pourcentage.\n"
            "OPCO : l’opérateur de compétences de la branche de l’employeur ; il finance le "
            "contrat et la formation.\n"
            "CFA : le centre de formation d’apprentis, l’école qui assure la formation et "
            "accompagne le contrat.\n"
            "Minimum conventionnel : le salaire minimum fixé par l’accord de branche de "
            "l’employeur ; s’il est plus haut que le SMIC, certains pourcentages s’y "
            "appliquent.\n"
            "Échap ferme.",
        },
        "en": {
            "open_count_one": "{open} open, {depends} depending on an answer, of {total}",
            "open_count_other": "{open} open, {depends} depending on an answer, of {total}",
            "opens_with": "would open with: {change}",
            "nothing_open": "Nothing open here yet. Next step: {step}.",
            "nothing_open_no_step": "Nothing open here yet: talk it over with an advisor.",
            "glossary_title": "The words of the results",
            "glossary": "Gross: pay before the employee's social contributions; the net paid is "
            "lower (an apprentice is exempt from part of them).\n"
            "SMIC: the legal minimum wage, revised every 1 January; work-linked pay is a "
            "percentage of it.\n"
            "OPCO: the skills operator of the employer's sector; it funds the contract and "
            "the training.\n"
            "CFA: the apprentice training centre, the school that gives the training and "
            "follows the contract.\n"
            "Agreement minimum: the minimum wage set by the employer's sector agreement; when "
            "it is above the SMIC, some percentages apply to it.\n"
            "Escape closes.",
        },
    },
)
