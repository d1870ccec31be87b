"""What the answer checks say when a typed answer does not fit its question,
and the words an answer is shown with (yes, no)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

# French typography is written into these texts rather than applied by the
# lookup: they quote what the person typed, which must come back as typed.
ANSWERS = Catalogue(
    "answers",
    {
        "en": {
            "empty": "An answer is needed here.",
            "choose_one": "Choose one of the answers.",
            "not_number": "“{text}” is not a number: type digits, e.g. {example}.",
            "not_whole": "Enter a whole number (no decimals).",
            "range": "Enter a number between {min} and {max}{unit}.",
            "at_least": "Enter a number of at least {min}{unit}.",
            "at_most": "Enter a number of at most {max}{unit}.",
            "not_choice": "“{text}” is not one of the choices: {choices}.",
            "not_yes_no": "Answer yes or no, not “{text}”.",
            "not_month": "“{text}” is not a month: type its number (1 to 12) or its name, "
            "e.g. {example}.",
            "not_list": "Give a list of choices: {choices}.",
            "unknown_question": "“{text}” is not a question of this interview. "
            "Questions: {choices}.",
            # Capitalised as the choices' labels are: "Yes" beside "No, …" in a review.
            "yes": "Yes",
            "no": "No",
            # Numbers not written with plain digits, or with too many (issue 9).
            "not_plain_number": "“{text}” is not written with the digits 0 to 9: type {example}.",
            "too_many_digits": "“{text}” has too many digits: type a number such as {example}.",
        },
        # French typography: a no-break space inside « » and before ":", so that a
        # line never breaks between a word and its punctuation.
        "fr": {
            "empty": "Une réponse est nécessaire ici.",
            "choose_one": "Choisissez l’une des réponses.",
            "not_number": "«\u00a0{text}\u00a0» n’est pas un nombre\u00a0: "
            "tapez des chiffres, par ex. {example}.",
            "not_whole": "Entrez un nombre entier (sans décimales).",
            "range": "Entrez un nombre entre {min} et {max}{unit}.",
            "at_least": "Entrez un nombre d’au moins {min}{unit}.",
            "at_most": "Entrez un nombre d’au plus {max}{unit}.",
            "not_choice": "«\u00a0{text}\u00a0» ne fait pas partie des choix\u00a0: {choices}.",
            "not_yes_no": "Répondez oui ou non, pas «\u00a0{text}\u00a0».",
            "not_month": "«\u00a0{text}\u00a0» n’est pas un mois\u00a0: tapez son numéro "
            "(1 à 12) ou son nom, par ex. {example}.",
            "not_list": "Donnez une liste de choix\u00a0: {choices}.",
            "unknown_question": "«\u00a0{text}\u00a0» n’est pas une question de cet entretien. "
            "Questions\u00a0: {choices}.",
            "yes": "Oui",
            "no": "Non",
            # Numbers not written with plain digits, or with too many (issue 9).
            "not_plain_number": "«\u00a0{text}\u00a0» n’est pas écrit avec les chiffres 0 à 9"
            "\u00a0: tapez {example}.",
            "too_many_digits": "«\u00a0{text}\u00a0» a trop de chiffres\u00a0: "
            "tapez un nombre comme {example}.",
        },
    },
)
