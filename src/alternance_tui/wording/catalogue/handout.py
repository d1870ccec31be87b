"""The words of the handout given to the person (HTML, Markdown, JSON)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

HANDOUT = Catalogue(
    "handout",
    {
        "fr": {
            "title": "Vos possibilités d’alternance",
            "for": "Pour : {name}",
            "scenario": "Scénario {letter}",
            "prepared": "Fiche établie le {date}",
            "rates": "Montants calculés au {as_of}, aux taux légaux connus jusqu’au {known}",
            "can_do": "Ce que vous pouvez faire",
            "contracts_open": "Contrats ouverts ({counts})",
            "open_none": "aucun ouvert",
            "open_one": "1 ouvert",
            "open_many": "{count} ouverts",
            "depends_count": "{count} selon une réponse",
            "depends_line": "{title} : selon votre réponse à « {question} », ouvert avec "
            "{values}. {pay}",
            "or": " ou ",
            "or_higher": "{value} ou plus",
            "either_way": " ; ou ",
            "opens_with_many": "s’ouvriraient avec {change}",
            "contract_line": "{title} : {pay}",
            "first_year": "{amount} brut par mois la 1re année",
            "no_contract": "Aucun contrat n’est ouvert avec ces réponses.",
            "courses_open": "Formations IMPGT ouvertes",
            "no_course": "Aucune formation IMPGT n’est ouverte pour l’instant.",
            "no_course_campus": "Aucune formation ouverte sur le campus choisi ({campus}).",
            "next_steps": "Prochaines étapes",
            "step_no_course": "Pour ouvrir une formation : {change}.",
            "step_offers_apprenticeship": "Offres d’apprentissage : La bonne alternance, "
            "labonnealternance.apprentissage.beta.gouv.fr.",
            "step_offers_public": "Offres d’apprentissage chez un employeur public : Place de "
            "l’emploi public, place-emploi-public.gouv.fr (aussi sur La bonne alternance, "
            "labonnealternance.apprentissage.beta.gouv.fr).",
            "step_offers_public_too": "Chez un employeur public : Place de l’emploi public, "
            "place-emploi-public.gouv.fr.",
            "step_offers_pro": "Offres en contrat de professionnalisation : La bonne alternance "
            "(même adresse) et France Travail, francetravail.fr.",
            "step_training": "Convention de formation : trouver le financement avant l’entrée "
            "(compte personnel de formation : moncompteformation.gouv.fr ; demandeur "
            "d’emploi : votre conseiller France Travail, francetravail.fr).",
            "step_internship": "Stage : la convention est signée par vous, la structure "
            "d’accueil et l’IMPGT ; la ou le responsable de la formation valide les missions.",
            "step_apply": "Candidater à {courses} sur le site de l’IMPGT, impgt.univ-amu.fr",
            "step_apply_these": "Candidater aux formations ci-dessus sur le site de l’IMPGT, "
            "impgt.univ-amu.fr",
            "step_apply_m1": " ; un M1 se demande aussi sur Mon Master, monmaster.gouv.fr",
            "step_file_private": "Le contrat signé, votre employeur le transmet à son OPCO "
            "dans les 5 jours ouvrables qui suivent son début (Code du travail D6224-1).",
            "step_file_public": "Le contrat signé, votre employeur public le transmet à la "
            "DDETS (pas à un OPCO) dans les 5 jours ouvrables qui suivent son début "
            "(Code du travail D6275-1).",
            "step_file_either": "Qui transmet le contrat signé dépend de l’employeur : un "
            "employeur privé l’envoie à son OPCO (Code du travail D6224-1), un employeur "
            "public à la DDETS (D6275-1), dans les 5 jours ouvrables qui suivent son début.",
            "step_cfa": "Pour l’apprentissage, le CFA partenaire de l’IMPGT, CFA EPURE "
            "Méditerranée, accompagne l’employeur et vous (aides, premier équipement).",
            "details": "Le détail des contrats",
            "pay_basis": "Sur la base de : {reference}",
            "closed": "Ce qui n’est pas ouvert (et ce qui l’ouvrirait)",
            "sources": "Sources et calcul",
            "closed_line": "{title} : {why}",
            "opens_with": "s’ouvrirait avec {change}",
            "answers": "Vos réponses",
            "glossary": "Les mots\u00a0:",
            "notes": "Notes du conseiller",
            "advisor": "Conseiller ou conseillère : ________________________",
            "disclaimer": "Montants minimaux légaux bruts ; l’accord de branche ou "
            "l’employeur peut prévoir plus.",
        },
        "en": {
            "title": "Your work-linked training options",
            "for": "For: {name}",
            "scenario": "Scenario {letter}",
            "prepared": "Handout prepared on {date}",
            "rates": "Amounts as of {as_of}, at the legal rates known up to {known}",
            "can_do": "What you can do",
            "contracts_open": "Open contracts ({counts})",
            "open_none": "none open",
            "open_one": "1 open",
            "open_many": "{count} open",
            "depends_count": "{count} depending on an answer",
            "depends_line": "{title}: depends on your answer to “{question}”, open with "
            "{values}. {pay}",
            "or": " or ",
            "or_higher": "{value} or higher",
            "either_way": "; or ",
            "opens_with_many": "would open with {change}",
            "contract_line": "{title}: {pay}",
            "first_year": "{amount} gross a month in year 1",
            "no_contract": "No contract is open with these answers.",
            "courses_open": "Open IMPGT courses",
            "no_course": "No IMPGT course is open to you yet.",
            "no_course_campus": "No open course on the campus you chose ({campus}).",
            "next_steps": "Next steps",
            "step_no_course": "To open a course: {change}.",
            "step_offers_apprenticeship": "Apprenticeship offers: La bonne alternance, "
            "labonnealternance.apprentissage.beta.gouv.fr.",
            "step_offers_public": "Apprenticeships with a public employer: Place de l’emploi "
            "public, place-emploi-public.gouv.fr (also on La bonne alternance, "
            "labonnealternance.apprentissage.beta.gouv.fr).",
            "step_offers_public_too": "With a public employer: Place de l’emploi public, "
            "place-emploi-public.gouv.fr.",
            "step_offers_pro": "Professionalisation contract offers: La bonne alternance "
            "(same address) and France Travail, francetravail.fr.",
            "step_training": "Training contract: find the funding before you start "
            "(personal training account: moncompteformation.gouv.fr; job seekers: your "
            "France Travail adviser, francetravail.fr).",
            "step_internship": "Internship: the agreement is signed by you, the host and "
            "IMPGT; the course’s director approves the missions.",
            "step_apply": "Apply to {courses} on the IMPGT website, impgt.univ-amu.fr",
            "step_apply_these": "Apply to the courses above on the IMPGT website, "
            "impgt.univ-amu.fr",
            "step_apply_m1": "; an M1 is also applied for on Mon Master, monmaster.gouv.fr",
            "step_file_private": "Once signed, your employer sends the contract to its OPCO "
            "within 5 working days of its start (Code du travail D6224-1).",
            "step_file_public": "Once signed, your public employer sends the contract to the "
            "DDETS (not to an OPCO) within 5 working days of its start "
            "(Code du travail D6275-1).",
            "step_file_either": "Who sends the signed contract depends on the employer: a "
            "private one sends it to its OPCO (Code du travail D6224-1), a public one to the "
            "DDETS (D6275-1), within 5 working days of its start.",
            "step_cfa": "For an apprenticeship, IMPGT’s partner CFA, CFA EPURE Méditerranée, "
            "supports the employer and you (aid, first equipment).",
            "details": "The contracts in detail",
            "pay_basis": "Worked out on: {reference}",
            "closed": "What is not open (and what would open it)",
            "sources": "Sources and calculation",
            "closed_line": "{title}: {why}",
            "opens_with": "would open with {change}",
            "answers": "Your answers",
            "glossary": "The words:",
            "notes": "Advisor’s notes",
            "advisor": "Advisor: ________________________",
            "disclaimer": "Legal gross minimums; the sector agreement or the employer "
            "may pay more.",
        },
    },
    typeset=True,
)
