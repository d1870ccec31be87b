"""What the command line says about the files it reads and writes (answers,
``-o FILE``, standard output), about answers given more than once, and each
subcommand's refusals and summaries (recommend, check, serve, diff, compare,
sessions)."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

# French typography is written into these texts: they quote file names and
# answers as typed, which the typesetting rules must not touch.
CLI = Catalogue(
    "cli",
    {
        "en": {
            "note": "note",
            "not_used": "{question} is not asked for these answers; its value was not used",
            "not_pair": "write it as id=value, e.g. -a age=20",
            "stdin": "standard input",
            "file_missing": "{file}: no such file",
            "file_folder": "{file}: is a folder; give a JSON file (or - for standard input)",
            "file_not_regular": "{file}: is not a regular file (a device or a pipe?); "
            "give a JSON file, or - and pipe it in",
            "file_too_large": "{file}: is too large ({size}); an answers file is at most {limit}",
            "file_unreadable": "{file}: cannot read it ({detail})",
            "json_not_utf8": "{file}: line {line}: not UTF-8 text ({detail}); save it as UTF-8",
            "json_syntax": "{file}: line {line}, column {column}: not valid JSON ({detail}); "
            "expected an object such as {example}",
            "json_too_deep": "{file}: lists or objects nested too deeply to read; "
            "expected an object such as {example}",
            "json_not_object": "{file}: expected a JSON object of question id -> answer, "
            "found {found}",
            "json_null": "null (nothing)",
            "json_list": "a list",
            "json_text": "a text",
            "json_number": "a number",
            "json_bool": "true or false",
            "duplicate_key": "{file}: “{id}” is given {count} times ({values}); "
            "the last one, {value}, was used",
            "duplicate_a": "-a {id} is given {count} times ({values}); "
            "the last one, {value}, was used",
            "a_over_file": "-a {id}={value} was used instead of {old} from {file}",
            "output_folder": "{file}: is a folder; give a file name, e.g. {file}/handout.html",
            "output_refused": "{file}: is a disk or a socket, not a file; give a file name",
            "output_no_reader": "{file}: is a pipe that no program is reading; "
            "start the reader first",
            "output_failed": "{file}: cannot write it ({detail})",
            "stdout_failed": "standard output: cannot write the result ({detail})",
            "size_mib": "{size} MiB",
            "more_than": "more than {size}",
            "recommend_needs_answers": "recommend needs answers: --answers FILE.json (or -) "
            "and/or -a id=value, e.g. -a age=20 -a employer_sector=private",
            "check_errors": "{count} problem(s) found",
            "check_warnings": "no errors; {count} warning(s)",
            "check_clean": "no problems found",
            "pin_unusable": "{option}: the staff exit code cannot be used: {problem}",
            "pin_too_long": "it is {length} characters long, and the PIN pad takes at most {most}",
            "pin_untypable": "it holds a character that cannot be typed "
            "(a control character or a line break)",
            "host_needs_url": "--host {host} needs --public-url, the address browsers use",
            "host_all": "(all)",
            "no_flow_file": "{option}: {path}: no such flow file",
            "flow_old_hint": " (copy the flows folder before editing it: cp -r flows flows-before)",
            "flow_not_regular": "{option}: {path}: is not a regular file (a device or a pipe?), "
            "not a flow file",
            "diff_pair": "{old} and {new} go together: give both",
            "diff_needs_two": "diff needs two states: --as-of-old DATE --as-of-new DATE "
            "and/or --flow-old PATH --flow-new PATH",
            "rates_unknown_before": "{option}: no reference values are known before {date}",
            "scenario_problem": "scenario {letter}: {question}: {message}",
            "no_session": "no session named {name} (see: alternance sessions list)",
            "session_in_use": "{name} is open in an advisor's window: close it there first",
            "session_deleted": "{name} is in the bin for {days} days: "
            "alternance sessions restore {name} brings it back",
            "session_restored": "{name} is back",
            "nothing_binned": "no session named {name} in the bin (a deleted session "
            "stays there {days} days)",
            "restore_taken": "a session is named {name} again: rename or delete it first",
            "session_unreadable": "{name}: the session could not be read",
            "sessions_repaired": "{count} damaged session file(s) set aside",
            "compare_two": "--compare needs two scenarios: --answers A.json --compare B.json",
            "compare_one_scenario": "{file}: this session has one scenario (A) and nothing to "
            "compare it with: add scenario B in advisor mode (F5, then +), or compare it with "
            "other answers: --answers {file} --compare B.json",
            "compare_at_most": "--compare: at most {count} scenarios side by side",
        },
        "fr": {
            "note": "remarque",
            "not_used": "{question} n’est pas demandé pour ces réponses\u00a0; "
            "sa valeur n’a pas servi",
            "not_pair": "écrivez-la id=valeur, par ex. -a age=20",
            "stdin": "l’entrée standard",
            "file_missing": "{file}\u00a0: fichier introuvable",
            "file_folder": "{file}\u00a0: c’est un dossier\u00a0; donnez un fichier JSON "
            "(ou - pour l’entrée standard)",
            "file_not_regular": "{file}\u00a0: ce n’est pas un fichier ordinaire (un périphérique, "
            "un tube\u00a0?)\u00a0; donnez un fichier JSON, ou - et redirigez-le",
            "file_too_large": "{file}\u00a0: trop gros ({size})\u00a0; un fichier de réponses "
            "fait au plus {limit}",
            "file_unreadable": "{file}\u00a0: lecture impossible ({detail})",
            "json_not_utf8": "{file}\u00a0: ligne {line}\u00a0: ce n’est pas du texte UTF-8 "
            "({detail})\u00a0; enregistrez-le en UTF-8",
            "json_syntax": "{file}\u00a0: ligne {line}, colonne {column}\u00a0: JSON invalide "
            "({detail})\u00a0; attendu un objet comme {example}",
            "json_too_deep": "{file}\u00a0: listes ou objets imbriqués trop profondément\u00a0; "
            "attendu un objet comme {example}",
            "json_not_object": "{file}\u00a0: attendu un objet JSON identifiant de question -> "
            "réponse, trouvé {found}",
            "json_null": "null (rien)",
            "json_list": "une liste",
            "json_text": "un texte",
            "json_number": "un nombre",
            "json_bool": "true ou false",
            "duplicate_key": "{file}\u00a0: «\u00a0{id}\u00a0» est donné {count} fois "
            "({values})\u00a0; le dernier, {value}, a servi",
            "duplicate_a": "-a {id} est donné {count} fois ({values})\u00a0; "
            "le dernier, {value}, a servi",
            "a_over_file": "-a {id}={value} a servi à la place de {old} de {file}",
            "output_folder": "{file}\u00a0: c’est un dossier\u00a0; donnez un nom de fichier, "
            "par ex. {file}/fiche.html",
            "output_refused": "{file}\u00a0: c’est un disque ou une socket, pas un fichier\u00a0; "
            "donnez un nom de fichier",
            "output_no_reader": "{file}\u00a0: c’est un tube qu’aucun programme ne lit\u00a0; "
            "lancez d’abord le lecteur",
            "output_failed": "{file}\u00a0: écriture impossible ({detail})",
            "stdout_failed": "sortie standard\u00a0: impossible d’écrire le résultat ({detail})",
            "size_mib": "{size}\u00a0Mio",
            "more_than": "plus de {size}",
            "recommend_needs_answers": "recommend a besoin de réponses\u00a0: --answers "
            "FICHIER.json (ou -) et/ou -a id=valeur, par ex. -a age=20 -a employer_sector=private",
            "check_errors": "{count} problème(s) trouvé(s)",
            "check_warnings": "aucune erreur\u00a0; {count} avertissement(s)",
            "check_clean": "aucun problème trouvé",
            "pin_unusable": "{option}\u00a0: le code de sortie du personnel ne peut pas "
            "servir\u00a0: {problem}",
            "pin_too_long": "il fait {length}\u00a0caractères, et le pavé numérique en prend "
            "au plus {most}",
            "pin_untypable": "il contient un caractère qui ne se tape pas "
            "(un caractère de contrôle ou un saut de ligne)",
            "host_needs_url": "--host {host} demande --public-url, l’adresse qu’utilisent "
            "les navigateurs",
            "host_all": "(toutes)",
            "no_flow_file": "{option}\u00a0: {path}\u00a0: fichier de questionnaire introuvable",
            "flow_old_hint": " (copiez le dossier des questionnaires avant de le modifier\u00a0: "
            "cp -r flows flows-before)",
            "flow_not_regular": "{option}\u00a0: {path}\u00a0: n’est pas un fichier ordinaire "
            "(un périphérique ou un tube\u00a0?), pas un fichier de questionnaire",
            "diff_pair": "{old} et {new} vont ensemble\u00a0: donnez les deux",
            "diff_needs_two": "diff compare deux états\u00a0: --as-of-old DATE --as-of-new DATE "
            "et/ou --flow-old CHEMIN --flow-new CHEMIN",
            "rates_unknown_before": "{option}\u00a0: aucune valeur de référence n’est connue "
            "avant le {date}",
            "scenario_problem": "scénario {letter}\u00a0: {question}\u00a0: {message}",
            "no_session": "aucune session nommée {name} (voir\u00a0: alternance sessions list)",
            "session_in_use": "{name} est ouverte dans une fenêtre de conseil\u00a0: "
            "fermez-la d’abord",
            "session_deleted": "{name} est dans la corbeille pour {days}\u00a0jours\u00a0: "
            "alternance sessions restore {name} la fait revenir",
            "session_restored": "{name} est revenue",
            "nothing_binned": "aucune session nommée {name} dans la corbeille (une session "
            "supprimée y reste {days}\u00a0jours)",
            "restore_taken": "une session s’appelle de nouveau {name}\u00a0: renommez-la ou "
            "supprimez-la d’abord",
            "session_unreadable": "{name}\u00a0: la session n’a pas pu être lue",
            "sessions_repaired": "{count}\u00a0fichier(s) de session abîmé(s) mis de côté",
            "compare_two": "--compare demande deux scénarios\u00a0: --answers A.json "
            "--compare B.json",
            "compare_one_scenario": "{file}\u00a0: cette session n’a qu’un scénario (A), "
            "rien à lui comparer\u00a0: ajoutez le scénario B en mode conseiller (F5, puis +), "
            "ou comparez-la à d’autres réponses\u00a0: --answers {file} --compare B.json",
            "compare_at_most": "--compare\u00a0: {count} scénarios au plus côte à côte",
        },
    },
)
