"""The app's own words in French and English (the domain's are in the flow files).

Kept apart from the screens so that a missing translation is one test away
(every key in both languages) and so the first screen imports nothing heavy.
"""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "app_title": "Alternance IMPGT",
        "welcome_time": "Environ {questions} questions, {minutes} min.",
        "welcome_private": "Rien n’est envoyé nulle part : vos réponses restent sur cet "
        "ordinateur.",
        "welcome_private_kiosk": "Rien n’est envoyé ni enregistré : tout s’efface à la fin.",
        "welcome_language": "Langue / Language",
        "welcome_start": "Commencer",
        "welcome_resume": "Reprendre ({count} réponses, {when})",
        "progress": "Question {position} sur environ {total}",
        "progress_exact": "Question {position} sur {total}",
        "progress_edit": "Modification d’une réponse",
        "back": "← Retour",
        "next": "Suivant →",
        "help_title": "Aide",
        "no_help": "Pas d’aide particulière pour cette question.",
        "number_range": "Entre {min} et {max}{unit}.",
        "number_at_least": "Au moins {min}{unit}.",
        "number_at_most": "Au plus {max}{unit}.",
        "number_optional": "Facultatif : laissez vide et appuyez sur Entrée si vous ne savez pas.",
        "number_placeholder": "tapez un nombre",
        "hint_choice": "Tapez 1–{count} pour répondre, ou ↑↓ puis Entrée.",
        "hint_multi": "Espace ou 1–{count} pour cocher, Entrée pour continuer.",
        "hint_number": "Tapez le nombre, puis Entrée.",
        "hint_yes_no": "Tapez O pour oui, N pour non (ou 1, 2), ou ↑↓ puis Entrée.",
        "hint_edit": "Entrée enregistre et revient {where} ; Échap annule.",
        "where_review": "au récapitulatif",
        "where_results": "aux résultats",
        "yes": "Oui",
        "no": "Non",
        "review_title": "Vos réponses",
        "review_intro": "Vérifiez-les : Entrée (ou un clic) sur une réponse pour la changer.",
        "review_missing": "à répondre",
        "review_default": "(par défaut)",
        "review_see_results": "Voir les résultats →",
        "review_answer_missing": "Répondre à « {question} » →",
        "results_as_of": "Calcul au {date}",
        "results_known": "taux connus jusqu’au {date}",
        "results_answers": "Vos réponses",
        "results_change_hint": "Échap ou R pour en changer une",
        "results_why": "Pourquoi",
        "results_change": "Ce qui changerait la réponse",
        "results_depends": "Selon ce qui n’est pas encore connu",
        "results_fit": "Pour vous",
        "results_notes": "Bon à savoir",
        "results_pay": "Rémunération minimale brute",
        "results_funding": "Financements possibles",
        "results_loading": "Calcul des résultats…",
        "results_open_count": "{open} ouvert(s) sur {total}",
        "results_failed": "Les résultats n’ont pas pu être calculés : {message}",
        "headline_month": "{amount} brut par mois la 1re année",
        "headline_bonus": "gratification d’au moins {total} en tout ({hourly} de l’heure)",
        "headline_no_bonus": "gratification facultative",
        "headline_no_pay": "rémunération selon votre situation",
        "headline_change": "s’ouvrirait avec : {change}",
        "too_small": "Agrandissez la fenêtre, s’il vous plaît.",
        "too_small_detail": "Il faut au moins {width} × {height} caractères ; "
        "la fenêtre fait {now_width} × {now_height}.",
        "key_next": "Suivant",
        "key_back": "Retour",
        "key_help": "Aide",
        "key_language_short": "EN",
        "key_theme": "Thème",
        "key_quit": "Quitter",
        "key_start": "Commencer",
        "key_change": "Changer",
        "key_results": "Résultats",
        "key_review": "Réponses",
        "key_restart": "Nouveau",
        "key_cards": "Carte",
        "theme_changed": "Thème : {name}",
        "theme_default": "sombre",
        "theme_light": "clair",
        "theme_high_contrast": "contraste élevé",
        "answers_problems": "Certaines réponses de {file} n’ont pas été reprises ; "
        "les autres l’ont été :",
        "resume_none": "Aucune session enregistrée{name} : nouvel entretien.",
        "resumed": "Session reprise ({count} réponses).",
        "session_other_flow": "La session enregistrée concerne un autre entretien ({flow}) : "
        "nouvel entretien.",
        "autosave_failed": "Impossible d’enregistrer la session ({error}) ; vos réponses "
        "restent à l’écran.",
        "flow_failed": "Ce questionnaire ne peut pas être utilisé :",
        "flow_failed_hint": "Corrigez-le (alternance check les liste tous), puis relancez.",
        "restart_confirm": "Appuyez encore sur Ctrl+N pour effacer vos réponses et recommencer.",
        "help_screen_title": "Touches",
        "help_keys": "Entrée : suivant · Échap (ou ⌫ hors saisie) : retour · F1 : aide · "
        "F2 : English · F3 : thème · Ctrl+N : recommencer · Ctrl+Q : quitter",
        "help_keys_kiosk": "Entrée : suivant · Échap (ou ⌫ hors saisie) : retour · F1 : aide · "
        "F2 : English · F3 : thème · Ctrl+N : recommencer",
        "autosave_failed_quit": "Impossible d’enregistrer la session en quittant ({error}) : "
        "les dernières réponses ne sont peut-être pas enregistrées.",
        "autosave_other_instance": "Une autre fenêtre d’alternance utilise déjà la session "
        "enregistrée : celle-ci s’enregistre à part, sous le nom {name} "
        "(alternance --resume {name}).",
        "resume_bad_name": "« {name} » n’est pas un nom de session (lettres, chiffres, . _ - "
        "seulement) : nouvel entretien.",
    },
    "en": {
        "app_title": "IMPGT work-linked training",
        "welcome_time": "About {questions} questions, {minutes} min.",
        "welcome_private": "Nothing is sent anywhere: your answers stay on this computer.",
        "welcome_private_kiosk": "Nothing is sent or saved: it is all wiped at the end.",
        "welcome_language": "Langue / Language",
        "welcome_start": "Start",
        "welcome_resume": "Resume ({count} answers, {when})",
        "progress": "Question {position} of about {total}",
        "progress_exact": "Question {position} of {total}",
        "progress_edit": "Changing an answer",
        "back": "← Back",
        "next": "Next →",
        "help_title": "Help",
        "no_help": "No particular help for this question.",
        "number_range": "Between {min} and {max}{unit}.",
        "number_at_least": "At least {min}{unit}.",
        "number_at_most": "At most {max}{unit}.",
        "number_optional": "Optional: leave it empty and press Enter if you do not know.",
        "number_placeholder": "type a number",
        "hint_choice": "Press 1–{count} to answer, or ↑↓ then Enter.",
        "hint_multi": "Space or 1–{count} to tick, Enter to go on.",
        "hint_number": "Type the number, then Enter.",
        "hint_yes_no": "Press Y for yes, N for no (or 1, 2), or ↑↓ then Enter.",
        "hint_edit": "Enter saves and returns {where}; Escape cancels.",
        "where_review": "to the review",
        "where_results": "to the results",
        "yes": "Yes",
        "no": "No",
        "review_title": "Your answers",
        "review_intro": "Check them: Enter (or a click) on an answer to change it.",
        "review_missing": "to answer",
        "review_default": "(default)",
        "review_see_results": "See the results →",
        "review_answer_missing": "Answer “{question}” →",
        "results_as_of": "Worked out as of {date}",
        "results_known": "rates known up to {date}",
        "results_answers": "Your answers",
        "results_change_hint": "Escape or R to change one",
        "results_why": "Why",
        "results_change": "What would change it",
        "results_depends": "Depending on what is not known yet",
        "results_fit": "Fits you",
        "results_notes": "Good to know",
        "results_pay": "Minimum gross pay",
        "results_funding": "Funding routes",
        "results_loading": "Working out the results…",
        "results_open_count": "{open} open of {total}",
        "results_failed": "The results could not be worked out: {message}",
        "headline_month": "{amount} gross a month in year 1",
        "headline_bonus": "a bonus of at least {total} in all ({hourly} an hour)",
        "headline_no_bonus": "a bonus is optional",
        "headline_no_pay": "pay depends on your situation",
        "headline_change": "would open with: {change}",
        "too_small": "Please enlarge the window.",
        "too_small_detail": "It needs at least {width} × {height} characters; "
        "it is {now_width} × {now_height}.",
        "key_next": "Next",
        "key_back": "Back",
        "key_help": "Help",
        "key_language_short": "FR",
        "key_theme": "Theme",
        "key_quit": "Quit",
        "key_start": "Start",
        "key_change": "Change",
        "key_results": "Results",
        "key_review": "Answers",
        "key_restart": "New",
        "key_cards": "Card",
        "theme_changed": "Theme: {name}",
        "theme_default": "dark",
        "theme_light": "light",
        "theme_high_contrast": "high contrast",
        "answers_problems": "Some answers in {file} were not taken; the others were:",
        "resume_none": "No saved session{name}: a new interview.",
        "resumed": "Session resumed ({count} answers).",
        "session_other_flow": "The saved session is for another interview ({flow}): "
        "a new interview.",
        "autosave_failed": "Could not save the session ({error}); your answers stay on screen.",
        "flow_failed": "This interview cannot be used:",
        "flow_failed_hint": "Fix it (alternance check lists every problem), then start again.",
        "restart_confirm": "Press Ctrl+N again to clear your answers and start again.",
        "help_screen_title": "Keys",
        "help_keys": "Enter: next · Escape (or ⌫ outside a text field): back · F1: help · "
        "F2: Français · F3: theme · Ctrl+N: start again · Ctrl+Q: quit",
        "help_keys_kiosk": "Enter: next · Escape (or ⌫ outside a text field): back · F1: help · "
        "F2: Français · F3: theme · Ctrl+N: start again",
        "autosave_failed_quit": "Could not save the session on quitting ({error}): "
        "the latest answers may not be saved.",
        "autosave_other_instance": "Another alternance window is already using the saved "
        "session: this one saves apart, as {name} (alternance --resume {name}).",
        "resume_bad_name": "“{name}” is not a session name (letters, digits, . _ - only): "
        "a new interview.",
    },
}

LANGUAGES = ("fr", "en")


def t(lang: str, key: str, **values: object) -> str:
    table = _TEXTS.get(lang, _TEXTS["fr"])
    text = table[key]
    return text.format(**values) if values else text


def other(lang: str) -> str:
    return "en" if lang == "fr" else "fr"


def keys(lang: str) -> frozenset[str]:
    return frozenset(_TEXTS[lang])
