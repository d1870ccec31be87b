"""``alternance --plain``'s own words: the words that work at any prompt, what to
type at each kind of question, its errors, and how it ends. The questions, the
answers' labels and the checks' messages come from the flow and the other
catalogues (answers, tui, report), as the TUI's do.

Every text is read aloud by a screen reader or shown on a braille display: whole
sentences, each ending with what to type, and no symbol without its word.
``words_*`` list what a person may type, the first one being the one shown.
"""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

# Not typeset at lookup: the texts quote what a person typed, which the
# typesetting rules must not touch; the French spacing is written in.
PLAIN = Catalogue(
    "plain",
    {
        "en": {
            "words_back": "back",
            "words_help": "help, ?",
            "words_review": "review, answers",
            "words_quit": "quit, exit",
            "words_none": "none",
            "words_yes": "yes, y",
            "words_no": "no, n",
            "words": "These words work at any question: {back} goes to the question before, "
            "{help} says what to type, {review} lists your answers so that you can change "
            "any of them, {quit} stops here.",
            "words_kiosk": "These words work at any question: {back} goes to the question "
            "before, {help} says what to type, {review} lists your answers so that you can "
            "change any of them, {quit} erases everything and starts again.",
            "how": "Each question ends with what to type; type it, then press Enter.",
            "saved_as_you_go": "Your answers are saved as you go.",
            "offer_one": "An interview saved on {when}, with {count} answer, can be continued. "
            "Continue it?",
            "offer_other": "An interview saved on {when}, with {count} answers, can be "
            "continued. Continue it?",
            "offer_when": "{date} at {time}",
            "offer_new": "A new interview starts; the saved one is kept as “previous”.",
            "kept": "Your answer now: {value}. Press Enter to keep it.",
            "default": "Press Enter for: {value}.",
            "optional": "Press Enter to leave it out.",
            "choices_one": "There is {count} answer:",
            "choices_other": "There are {count} answers:",
            "prompt_choice": "Type a number from 1 to {count}: ",
            "prompt_multi": "Type the numbers of every answer that applies, separated by "
            "commas, or {none}: ",
            "prompt_yes_no": "Type {yes} or {no}: ",
            "prompt_month": "Type a month, by its number from 1 to 12 or by its name: ",
            "prompt_month_optional": "Type a month, by its number from 1 to 12 or by its "
            "name, or {not_known}: ",
            "prompt_number": "Type a number: ",
            "prompt_number_optional": "Type a number, or press Enter to leave it out: ",
            "prompt_retry": "Type it again: ",
            "help_choice": "Type the number of your answer, or its words, for example "
            "{number} or {label}.",
            "help_multi": "Type the number of every answer that applies, separated by "
            "commas, for example 1, 3; or type {none} if none applies.",
            "help_yes_no": "Type {yes} or {no}.",
            "help_month": "Type the month's number, 9 for September, or its name.",
            "help_number": "Type the number with digits, for example {example}.",
            "help_about": "About this question:",
            "review_title": "Your answers, {count} in all:",
            "review_row": "{number}. {label}: {value}",
            "review_row_default": "{number}. {label}: {value}, the default",
            "review_row_missing": "{number}. {label}: not answered yet",
            "review_none": "none",
            "review_not_given": "not given",
            "prompt_review": "Type the number of an answer to change it, or press Enter "
            "to see the results: ",
            "prompt_review_missing": "Type the number of an answer to change it, or press "
            "Enter to go on with the questions: ",
            "prompt_results": "Type {review} to change an answer, or {quit} to leave: ",
            "prompt_results_kiosk": "Type {review} to change an answer, or {quit} to erase "
            "everything and start again: ",
            "results_ready": "Your results follow.",
            "results_end": "End of the results.",
            "no_such_choice": "There is no answer {number} here: type a number from 1 to {count}.",
            "not_a_choice": "“{text}” is not one of the answers: type a number from 1 to {count}.",
            "no_such_row": "There is no answer {number} in the list: type a number from 1 "
            "to {count}, or press Enter.",
            "not_a_row": "“{text}” is not a number from the list: type a number from 1 to "
            "{count}, or press Enter.",
            "not_a_results_word": "“{text}” is not understood here.",
            "first_question": "This is the first question: there is none before it.",
            "control_characters": "The line holds a control character (from an arrow or a "
            "function key, perhaps), which cannot be part of an answer.",
            "not_utf8": "Part of the line is not UTF-8 text (is the terminal set to UTF-8?). "
            "A number always works.",
            "too_long": "The line is too long: an answer is at most {limit} characters.",
            "end_of_input": "End of input.",
            "interrupted": "Stopped.",
            "saved": "Your answers are saved. To continue later, type: {command}",
            "nothing_yet": "Nothing was saved: there was no answer yet.",
            "nothing_kept": "Nothing was saved: what was typed here is gone.",
            "goodbye": "Goodbye.",
            # Refusals at start (the command line prints them after "alternance: ").
            "no_advisor": "--advisor needs the full-screen app: leave out --plain",
            "no_exit_pin": "--exit-pin: a kiosk in plain lines has no staff exit (quit erases "
            "and starts again); stop it from its supervisor",
            "stdin_closed": "standard input is closed: --plain reads the answers from it",
            "stdout_closed": "standard output is closed: --plain prints the questions on it",
            "erased": "Everything was erased. The next person can start.",
            "idle_one": "Still there? Press Enter within {seconds} second to keep your "
            "answers; after that, everything is erased.",
            "idle_other": "Still there? Press Enter within {seconds} seconds to keep your "
            "answers; after that, everything is erased.",
        },
        "fr": {
            "words_back": "retour",
            "words_help": "aide, ?",
            "words_review": "réponses, reponses",
            "words_quit": "quitter, sortir",
            "words_none": "aucune, aucun",
            "words_yes": "oui, o",
            "words_no": "non, n",
            "words": "Ces mots marchent à toute question\u00a0: {back} revient à la question "
            "précédente, {help} dit quoi taper, {review} liste vos réponses pour que vous "
            "puissiez changer n’importe laquelle, {quit} s’arrête là.",
            "words_kiosk": "Ces mots marchent à toute question\u00a0: {back} revient à la "
            "question précédente, {help} dit quoi taper, {review} liste vos réponses pour "
            "que vous puissiez changer n’importe laquelle, {quit} efface tout et recommence.",
            "how": "Chaque question se termine par ce qu’il faut taper\u00a0; tapez-le, puis "
            "appuyez sur Entrée.",
            "saved_as_you_go": "Vos réponses sont enregistrées au fur et à mesure.",
            "offer_one": "Un entretien enregistré le {when}, avec {count} réponse, peut être "
            "repris. Le reprendre\u00a0?",
            "offer_other": "Un entretien enregistré le {when}, avec {count} réponses, peut "
            "être repris. Le reprendre\u00a0?",
            "offer_when": "{date} à {time}",
            "offer_new": "Un nouvel entretien commence\u00a0; celui qui était enregistré est "
            "gardé sous le nom «\u00a0previous\u00a0».",
            "kept": "Votre réponse actuelle\u00a0: {value}. Appuyez sur Entrée pour la garder.",
            "default": "Appuyez sur Entrée pour\u00a0: {value}.",
            "optional": "Appuyez sur Entrée pour ne pas répondre.",
            "choices_one": "Il y a {count} réponse\u00a0:",
            "choices_other": "Il y a {count} réponses\u00a0:",
            "prompt_choice": "Tapez un nombre de 1 à {count}\u00a0: ",
            "prompt_multi": "Tapez les numéros de toutes les réponses qui s’appliquent, "
            "séparés par des virgules, ou {none}\u00a0: ",
            "prompt_yes_no": "Tapez {yes} ou {no}\u00a0: ",
            "prompt_month": "Tapez un mois, par son numéro de 1 à 12 ou par son nom\u00a0: ",
            "prompt_month_optional": "Tapez un mois, par son numéro de 1 à 12 ou par son "
            "nom, ou {not_known}\u00a0: ",
            "prompt_number": "Tapez un nombre\u00a0: ",
            "prompt_number_optional": "Tapez un nombre, ou appuyez sur Entrée pour ne pas "
            "répondre\u00a0: ",
            "prompt_retry": "Tapez-la de nouveau\u00a0: ",
            "help_choice": "Tapez le numéro de votre réponse, ou ses mots, par exemple "
            "{number} ou {label}.",
            "help_multi": "Tapez le numéro de chaque réponse qui s’applique, séparés par des "
            "virgules, par exemple 1, 3\u00a0; ou tapez {none} si aucune ne s’applique.",
            "help_yes_no": "Tapez {yes} ou {no}.",
            "help_month": "Tapez le numéro du mois, 9 pour septembre, ou son nom.",
            "help_number": "Tapez le nombre en chiffres, par exemple {example}.",
            "help_about": "À propos de cette question\u00a0:",
            "review_title": "Vos réponses, {count} en tout\u00a0:",
            "review_row": "{number}. {label}\u00a0: {value}",
            "review_row_default": "{number}. {label}\u00a0: {value}, par défaut",
            "review_row_missing": "{number}. {label}\u00a0: pas encore répondu",
            "review_none": "aucune",
            "review_not_given": "non précisé",
            "prompt_review": "Tapez le numéro d’une réponse pour la changer, ou appuyez sur "
            "Entrée pour voir les résultats\u00a0: ",
            "prompt_review_missing": "Tapez le numéro d’une réponse pour la changer, ou "
            "appuyez sur Entrée pour continuer les questions\u00a0: ",
            "prompt_results": "Tapez {review} pour changer une réponse, ou {quit} pour "
            "partir\u00a0: ",
            "prompt_results_kiosk": "Tapez {review} pour changer une réponse, ou {quit} pour "
            "tout effacer et recommencer\u00a0: ",
            "results_ready": "Voici vos résultats.",
            "results_end": "Fin des résultats.",
            "no_such_choice": "Il n’y a pas de réponse {number} ici\u00a0: tapez un nombre "
            "de 1 à {count}.",
            "not_a_choice": "«\u00a0{text}\u00a0» n’est pas l’une des réponses\u00a0: tapez "
            "un nombre de 1 à {count}.",
            "no_such_row": "Il n’y a pas de réponse {number} dans la liste\u00a0: tapez un "
            "nombre de 1 à {count}, ou appuyez sur Entrée.",
            "not_a_row": "«\u00a0{text}\u00a0» n’est pas un numéro de la liste\u00a0: tapez "
            "un nombre de 1 à {count}, ou appuyez sur Entrée.",
            "not_a_results_word": "«\u00a0{text}\u00a0» n’est pas compris ici.",
            "first_question": "C’est la première question\u00a0: il n’y en a pas avant.",
            "control_characters": "La ligne contient un caractère de contrôle (une flèche ou "
            "une touche de fonction, peut-être), qui ne peut pas faire partie d’une réponse.",
            "not_utf8": "Une partie de la ligne n’est pas du texte UTF-8 (le terminal est-il "
            "réglé en UTF-8\u00a0?). Un numéro marche toujours.",
            "too_long": "La ligne est trop longue\u00a0: une réponse fait au plus {limit} "
            "caractères.",
            "end_of_input": "Fin de la saisie.",
            "interrupted": "Arrêté.",
            "saved": "Vos réponses sont enregistrées. Pour continuer plus tard, tapez\u00a0: "
            "{command}",
            "nothing_yet": "Rien n’a été enregistré\u00a0: il n’y avait pas encore de réponse.",
            "nothing_kept": "Rien n’a été enregistré\u00a0: ce qui a été tapé ici est effacé.",
            "goodbye": "Au revoir.",
            "no_advisor": "--advisor a besoin de l’application plein écran : retirez --plain",
            "no_exit_pin": "--exit-pin : une borne en lignes simples n’a pas de sortie pour "
            "le personnel (quitter efface tout et recommence) ; arrêtez-la par son "
            "superviseur",
            "stdin_closed": "l’entrée standard est fermée : --plain y lit les réponses",
            "stdout_closed": "la sortie standard est fermée : --plain y écrit les questions",
            "erased": "Tout a été effacé. La personne suivante peut commencer.",
            "idle_one": "Toujours là\u00a0? Appuyez sur Entrée d’ici {seconds} seconde pour "
            "garder vos réponses\u00a0; ensuite, tout est effacé.",
            "idle_other": "Toujours là\u00a0? Appuyez sur Entrée d’ici {seconds} secondes pour "
            "garder vos réponses\u00a0; ensuite, tout est effacé.",
        },
    },
)
