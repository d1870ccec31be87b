"""The words of the handout given to the person (HTML, Markdown, JSON)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

HANDOUT = Catalogue(
    "handout",
    {
        "fr": {
            "title": "Vos possibilités d’alternance",
            "for": "Pour : {name}",
            "prepared": "Fiche établie le {date}",
            "rates": "Montants calculés au {as_of}, aux taux légaux connus jusqu’au {known}",
            "can_do": "Ce que vous pouvez faire",
            "contracts_open_one": "Contrats ouverts ({open} ouvert, {depends} selon une réponse)",
            "contracts_open_other": "Contrats ouverts ({open} ouverts, {depends} selon une "
            "réponse)",
            "contract_line": "{title} : {pay}",
            "first_year": "{amount} brut par mois la 1re année",
            "no_contract": "Aucun contrat n’est ouvert avec ces réponses.",
            "courses_open": "Formations IMPGT ouvertes",
            "no_course": "Aucune formation IMPGT n’est ouverte pour l’instant.",
            "no_course_campus": "Aucune formation ouverte sur le campus choisi ({campus}).",
            "next_steps": "Prochaines étapes",
            "step_employer": "Chercher un employeur : le contrat se signe avec lui "
            "(offres sur La bonne alternance).",
            "step_course": "Candidater à la formation sur le site de l’IMPGT.",
            "step_no_course": "Pour ouvrir une formation : {change}.",
            "step_cfa": "Le CFA ou l’école aide à trouver l’employeur et monte le dossier "
            "avec l’OPCO.",
            "details": "Le détail des contrats",
            "pay_basis": "Sur la base de : {reference}",
            "closed": "Ce qui n’est pas ouvert (et ce qui l’ouvrirait)",
            "closed_line": "{title} : {why}",
            "opens_with": "s’ouvrirait avec {change}",
            "answers": "Vos réponses",
            "notes": "Notes du conseiller",
            "advisor": "Conseiller ou conseillère : ________________________",
            "disclaimer": "Montants minimaux légaux bruts ; l’accord de branche ou "
            "l’employeur peut prévoir plus.",
        },
        "en": {
            "title": "Your work-linked training options",
            "for": "For: {name}",
            "prepared": "Handout prepared on {date}",
            "rates": "Amounts as of {as_of}, at the legal rates known up to {known}",
            "can_do": "What you can do",
            "contracts_open_one": "Open contracts ({open} open, {depends} depending on an answer)",
            "contracts_open_other": "Open contracts ({open} open, {depends} depending on an "
            "answer)",
            "contract_line": "{title}: {pay}",
            "first_year": "{amount} gross a month in year 1",
            "no_contract": "No contract is open with these answers.",
            "courses_open": "Open IMPGT courses",
            "no_course": "No IMPGT course is open to you yet.",
            "no_course_campus": "No open course on the campus you chose ({campus}).",
            "next_steps": "Next steps",
            "step_employer": "Find an employer: the contract is signed with them "
            "(offers on La bonne alternance).",
            "step_course": "Apply to the course on the IMPGT website.",
            "step_no_course": "To open a course: {change}.",
            "step_cfa": "The CFA or school helps find the employer and handles the file "
            "with the OPCO.",
            "details": "The contracts in detail",
            "pay_basis": "Worked out on: {reference}",
            "closed": "What is not open (and what would open it)",
            "closed_line": "{title}: {why}",
            "opens_with": "would open with {change}",
            "answers": "Your answers",
            "notes": "Advisor’s notes",
            "advisor": "Advisor: ________________________",
            "disclaimer": "Legal gross minimums; the sector agreement or the employer "
            "may pay more.",
        },
    },
    typeset=True,
)
