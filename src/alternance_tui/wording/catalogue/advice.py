"""The advice engine's own words: what a rule depends on, what would change an
answer, which rates a date uses. The contracts' and courses' words are in the
flow's data files."""

from __future__ import annotations

from alternance_tui.wording.lookup import Catalogue

ADVICE = Catalogue(
    "advice",
    {
        "en": {
            "depends": "{question}: not known yet. Open with: {open}; not with: {closed}.",
            "depends_all": "{question}: not known yet; open whatever it turns out to be.",
            "assumed": "{question} not known yet: these amounts are worked out for {value}; "
            "they differ for {others}.",
            "quoted": "“{text}”",
            "range_between": "{question}: between {low} and {high}",
            "range_at_most": "{question}: {high} or less",
            "range_at_least": "{question}: {low} or more",
            "one_of": "{question}: {values}",
            "add": "{question}: {values}",
            "or": " or ",
            "and": " and ",
            "latest": "Latest known values, from {date}: an estimate for a later date uses them.",
            "not_known_yet": "The {label} is revised {revised}; the values for {year} are not "
            "known here yet, so amounts use those in force from {date}.",
            "before_known": "No reference values are known before {date}: choose a date from "
            "{date} on.",
            "missing": "“{question}” needs an answer: give it with -a {id}=… or in the "
            "answers file.",
            "no_outcome": "These answers reach no outcome at question “{question}” ({id}): "
            "none of its `next` rules applies to them. The flow needs a rule for them there "
            "(`alternance check` shows such paths).",
            "agreement": "collective agreement minimum",
            "may_be_outdated": "These figures may be out of date: the {label} changes every "
            "1 January and no value from {missing} is recorded here yet. Amounts use the last "
            "known value, in force since {since}.",
        },
        "fr": {
            "depends": "{question} : pas encore connu. Ouvert avec : {open} ; pas avec : {closed}.",
            "depends_all": "{question} : pas encore connu ; ouvert dans tous les cas.",
            "assumed": "{question} pas encore connu : ces montants sont calculés pour {value} ; "
            "ils diffèrent pour {others}.",
            "quoted": "« {text} »",
            "range_between": "{question} : entre {low} et {high}",
            "range_at_most": "{question} : {high} ou moins",
            "range_at_least": "{question} : {low} ou plus",
            "one_of": "{question} : {values}",
            "add": "{question} : {values}",
            "or": " ou ",
            "and": " et ",
            "latest": "Dernières valeurs connues, depuis le {date} : une estimation pour une date "
            "ultérieure les utilise.",
            "not_known_yet": "Le {label} est révisé {revised} ; les valeurs de {year} ne sont pas "
            "encore connues ici : les montants utilisent celles en vigueur depuis le {date}.",
            "before_known": "Aucune valeur de référence n’est connue avant le {date} : choisissez "
            "une date à partir du {date}.",
            "missing": "« {question} » demande une réponse : donnez-la avec -a {id}=… ou dans "
            "le fichier de réponses.",
            "no_outcome": "Ces réponses ne mènent à aucun résultat à la question « {question} » "
            "({id}) : aucune de ses règles `next` ne s’y applique. Le parcours doit prévoir "
            "une règle pour elles à cet endroit (`alternance check` montre ces chemins).",
            "agreement": "minimum conventionnel",
            "may_be_outdated": "Ces montants sont peut-être périmés : le {label} change chaque "
            "1er janvier et aucune valeur à partir du {missing} n’est encore enregistrée ici. "
            "Les montants utilisent la dernière valeur connue, en vigueur depuis le {since}.",
        },
    },
    # Their texts name the flow's labels, typed with plain spaces.
    typeset=True,
)
