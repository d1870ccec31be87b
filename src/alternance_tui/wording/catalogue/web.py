"""The words of ``alternance web`` (the interview as HTML forms) that no other
part of the app already says: buttons, the error summary, the pages a
browser meets (a tampered form, a kiosk reset, a page not found). The
questions, answers, checks, review and results words are the other
catalogues' (answers, tui, handout), shared with the terminal."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

WEB = Catalogue(
    "web",
    {
        "fr": {
            "page_title": "{page} – Alternance IMPGT",
            "error_title": "Erreur\u00a0: {page}",
            "skip": "Aller au contenu",
            "language_nav": "Langue",
            "lang_fr": "Français",
            "lang_en": "English",
            "language_switch": "Lire cette page en {language}",
            "private": "Rien n’est enregistré sur le serveur\u00a0: vos réponses voyagent "
            "seulement dans le formulaire de cette page, et disparaissent quand vous la fermez.",
            "private_kiosk": "Rien n’est envoyé ni enregistré\u00a0: tout s’efface à la fin, "
            "ou après {minutes}\u00a0min sans utilisation.",
            "start": "Commencer",
            "continue": "Continuer",
            "back": "Retour",
            "cancel_change": "Annuler la modification",
            "save_return_review": "Enregistrer et revenir au récapitulatif",
            "save_return_results": "Enregistrer et revenir aux résultats",
            "error_summary": "Il y a un problème",
            "error_prefix": "Erreur\u00a0:",
            "optional": "Facultatif\u00a0: laissez vide si vous ne savez pas.",
            "choice_hint_multi": "Cochez toutes celles qui vous concernent, ou aucune.",
            "review_intro": "Vérifiez-les. «\u00a0Changer\u00a0» rouvre une question\u00a0; "
            "vous revenez ici ensuite.",
            "change": "Changer",
            "change_hidden": "la réponse «\u00a0{question}\u00a0»",
            "see_results": "Voir les résultats",
            "answer_missing": "Répondre à «\u00a0{question}\u00a0»",
            "results_actions": "Et maintenant",
            "change_answers": "Changer vos réponses",
            "start_again": "Recommencer",
            "print": "Imprimer cette page",
            "tampered_title": "Ce formulaire ne peut pas être utilisé",
            "tampered": "Les réponses de ce formulaire ont été modifiées hors de cette page, "
            "ou viennent d’un autre serveur\u00a0: elles n’ont pas été utilisées. Rien n’est "
            "gardé sur le serveur, il faut donc recommencer.",
            "expired_title": "Tout a été effacé",
            "expired": "Cette borne efface tout après {minutes}\u00a0min sans utilisation\u00a0: "
            "vos réponses n’ont pas été gardées. Vous pouvez recommencer.",
            "still_here": "Je suis encore là",
            "not_found_title": "Page introuvable",
            "not_found": "Cette adresse ne mène à aucune page de ce service.",
            "too_large_title": "Formulaire trop long",
            "too_large": "Ce formulaire contient plus que ce que demande une question\u00a0: il "
            "n’a pas été lu.",
            "go_start": "Aller au début",
        },
        "en": {
            "page_title": "{page} – IMPGT work-linked training",
            "error_title": "Error: {page}",
            "skip": "Skip to the content",
            "language_nav": "Language",
            "lang_fr": "Français",
            "lang_en": "English",
            "language_switch": "Read this page in {language}",
            "private": "Nothing is stored on the server: your answers travel only in this "
            "page’s form, and are gone when you close it.",
            "private_kiosk": "Nothing is sent or saved: it is all wiped at the end, or after "
            "{minutes} min without use.",
            "start": "Start",
            "continue": "Continue",
            "back": "Back",
            "cancel_change": "Cancel the change",
            "save_return_review": "Save and go back to your answers",
            "save_return_results": "Save and go back to the results",
            "error_summary": "There is a problem",
            "error_prefix": "Error:",
            "optional": "Optional: leave it empty if you do not know.",
            "choice_hint_multi": "Tick all that apply, or none.",
            "review_intro": "Check them. “Change” opens a question again; you come back "
            "here afterwards.",
            "change": "Change",
            "change_hidden": "the answer “{question}”",
            "see_results": "See the results",
            "answer_missing": "Answer “{question}”",
            "results_actions": "What next",
            "change_answers": "Change your answers",
            "start_again": "Start again",
            "print": "Print this page",
            "tampered_title": "This form cannot be used",
            "tampered": "The answers in this form were changed outside this page, or come "
            "from another server: they were not used. Nothing is kept on the server, so "
            "please start again.",
            "expired_title": "Everything was erased",
            "expired": "This kiosk erases everything after {minutes} min without use: your "
            "answers were not kept. You can start again.",
            "still_here": "I am still here",
            "not_found_title": "Page not found",
            "not_found": "This address leads to no page of this service.",
            "too_large_title": "Form too long",
            "too_large": "This form holds more than any question asks for: it was not read.",
            "go_start": "Go to the start",
        },
    },
)
