"""Turning what a person typed (or a JSON file holds) into answer values.

Messages are in the person's language and say what is wrong and what would be
right, e.g. "Enter a whole number between 15 and 99 (years)".
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from alternance_tui.flow.expr import Value
from alternance_tui.flow.model import Flow, Question, tr
from alternance_tui.printable import excerpt

_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "empty": "An answer is needed here.",
        "not_number": "“{text}” is not a number: type digits, e.g. {example}.",
        "not_whole": "Enter a whole number (no decimals).",
        "range": "Enter a number between {min} and {max}{unit}.",
        "at_least": "Enter a number of at least {min}{unit}.",
        "at_most": "Enter a number of at most {max}{unit}.",
        "not_choice": "“{text}” is not one of the choices: {choices}.",
        "not_yes_no": "Answer yes or no, not “{text}”.",
        "not_list": "Give a list of choices: {choices}.",
        "unknown_question": "“{text}” is not a question of this interview. Questions: {choices}.",
        "yes": "yes",
        "no": "no",
        # Numbers not written plainly, and files that cannot be read (issue 9).
        "not_plain_number": "“{text}” is not written with the digits 0 to 9: type {example}.",
        "too_many_digits": "“{text}” has too many digits: type a number such as {example}.",
        "note": "note",
        "not_used": "{question} is not asked for these answers; its value was not used",
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
        "json_not_object": "{file}: expected a JSON object of question id -> answer, found {found}",
        "json_null": "null (nothing)",
        "json_list": "a list",
        "json_text": "a text",
        "json_number": "a number",
        "json_bool": "true or false",
        "duplicate_key": "{file}: “{id}” is given {count} times ({values}); "
        "the last one, {value}, was used",
        "duplicate_a": "-a {id} is given {count} times ({values}); the last one, {value}, was used",
        "a_over_file": "-a {id}={value} was used instead of {old} from {file}",
        "output_folder": "{file}: is a folder; give a file name, e.g. {file}/handout.html",
        "output_refused": "{file}: is a disk or a socket, not a file; give a file name",
        "output_no_reader": "{file}: is a pipe that no program is reading; start the reader first",
        "output_failed": "{file}: cannot write it ({detail})",
        "stdout_failed": "standard output: cannot write the result ({detail})",
        "size_mib": "{size} MiB",
        "more_than": "more than {size}",
        "not_pair": "write it as id=value, e.g. -a age=20",
    },
    # French typography: a no-break space inside « » and before ":", so that a
    # line never breaks between a word and its punctuation.
    "fr": {
        "empty": "Une réponse est nécessaire ici.",
        "not_number": "«\u00a0{text}\u00a0» n’est pas un nombre\u00a0: "
        "tapez des chiffres, par ex. {example}.",
        "not_whole": "Entrez un nombre entier (sans décimales).",
        "range": "Entrez un nombre entre {min} et {max}{unit}.",
        "at_least": "Entrez un nombre d’au moins {min}{unit}.",
        "at_most": "Entrez un nombre d’au plus {max}{unit}.",
        "not_choice": "«\u00a0{text}\u00a0» ne fait pas partie des choix\u00a0: {choices}.",
        "not_yes_no": "Répondez oui ou non, pas «\u00a0{text}\u00a0».",
        "not_list": "Donnez une liste de choix\u00a0: {choices}.",
        "unknown_question": "«\u00a0{text}\u00a0» n’est pas une question de cet entretien. "
        "Questions\u00a0: {choices}.",
        "yes": "oui",
        "no": "non",
        # Numbers not written plainly, and files that cannot be read (issue 9).
        "not_plain_number": "«\u00a0{text}\u00a0» n’est pas écrit avec les chiffres 0 à 9\u00a0: "
        "tapez {example}.",
        "too_many_digits": "«\u00a0{text}\u00a0» a trop de chiffres\u00a0: "
        "tapez un nombre comme {example}.",
        "note": "remarque",
        "not_used": "{question} n’est pas demandé pour ces réponses\u00a0; sa valeur n’a pas servi",
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
        "not_pair": "écrivez-la id=valeur, par ex. -a age=20",
    },
}

_YES = {"yes", "y", "oui", "o", "true", "1", "vrai"}
_NO = {"no", "n", "non", "false", "0", "faux"}


def message(lang: str, key: str, **values: object) -> str:
    table = _MESSAGES.get(lang, _MESSAGES["en"])
    return table[key].format(**values)


class AnswerError(ValueError):
    """A value that does not fit its question; the message is for the person."""


@dataclass(frozen=True, slots=True)
class AnswerProblem:
    question: str
    message: str


def format_number(value: float, lang: str = "en") -> str:
    """A number as a person of ``lang`` writes it: "20,000" and "12.5" in
    English, "20 000" (narrow no-break space) and "12,5" in French.
    ``parse_number`` reads every one of these back to the same value."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "fr":
        # Grouping commas to U+202F first, so the decimal point can become a comma.
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def _unit(question: Question, lang: str) -> str:
    unit = tr(question.unit, lang)
    return f" {unit}" if unit else ""


_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")
# The one way a number is written: ASCII digits, an optional sign and one decimal
# separator. Python's float() also takes "1_9", "2e1", "inf" and digits of every
# script ("٢٠", "２０"); those are refused with what to type instead, so that the
# field and the command line read a number the way a person sees it written.
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _normalise_number(text: str, lang: str) -> str:
    """Digits as Python reads them, from how a person writes them: "12,5" and
    "1 850" in French, "1,850.50" in English, "1.850,50" too."""
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if "," in cleaned and "." in cleaned:
        # Both: the last one separates the decimals, the other groups thousands.
        if cleaned.rfind(",") > cleaned.rfind("."):
            return cleaned.replace(".", "").replace(",", ".")
        return cleaned.replace(",", "")
    if lang != "fr" and _THOUSANDS.fullmatch(cleaned):
        return cleaned.replace(",", "")  # English thousands: 1,850 is not 1.85
    return cleaned.replace(",", ".")  # a decimal comma: 12,5


def plain_number(text: str, lang: str) -> float | None:
    """The number ``text`` holds when written as the README says (ASCII digits,
    the language's separators), else None. Infinite when it has more digits
    than a float holds: the range check then says which numbers fit."""
    cleaned = _normalise_number(text, lang)
    return float(cleaned) if _PLAIN.fullmatch(cleaned) else None


def _meant(text: str, lang: str) -> float | None:
    """The number a person most likely meant by a text that is not written
    plainly ("２０", "٢٠", "1_9", "2e1"), when it can be told and written back."""
    folded = unicodedata.normalize("NFKC", text)  # full-width digits and signs
    folded = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded).replace(
        "_", ""
    )
    try:
        number = float(_normalise_number(folded, lang))
    except ValueError:
        return None
    if not math.isfinite(number) or plain_number(format_number(number, lang), lang) != number:
        return None
    return number


def _example(question: Question, lang: str) -> str:
    default = question.default
    return format_number(
        default if isinstance(default, int | float) else question.minimum or 10, lang
    )


def parse_number(question: Question, text: str, lang: str) -> float | int:
    if not _normalise_number(text, lang):
        raise AnswerError(message(lang, "empty"))
    number = plain_number(text, lang)
    if number is None:
        shown = excerpt(text.strip())
        meant = _meant(text, lang)
        if meant is not None:
            example = format_number(meant, lang)
            raise AnswerError(message(lang, "not_plain_number", text=shown, example=example))
        example = _example(question, lang)
        raise AnswerError(message(lang, "not_number", text=shown, example=example))
    return check_number(question, number, lang, text)


def _as_float(raw: int | float) -> float:
    try:
        return float(raw)
    except OverflowError:  # an int of hundreds of digits, from JSON
        return -math.inf if raw < 0 else math.inf


def check_number(question: Question, number: float, lang: str, text: str = "") -> float | int:
    if math.isnan(number):
        raise AnswerError(message(lang, "not_number", text="NaN", example=_example(question, lang)))
    low, high = question.minimum, question.maximum
    if math.isinf(number) and (low if number < 0 else high) is None:
        # No bound on that side to say instead: a range message would be wrong.
        shown = excerpt(text.strip() or str(number))
        raise AnswerError(
            message(lang, "too_many_digits", text=shown, example=_example(question, lang))
        )
    if question.integer and not number.is_integer() and math.isfinite(number):
        raise AnswerError(message(lang, "not_whole"))
    if (low is not None and number < low) or (high is not None and number > high):
        unit = _unit(question, lang)
        if low is not None and high is not None:
            key = "range"
        else:
            key = "at_least" if low is not None else "at_most"
        raise AnswerError(
            message(
                lang,
                key,
                min=format_number(low or 0, lang),
                max=format_number(high or 0, lang),
                unit=unit,
            )
        )
    return int(number) if question.integer or number.is_integer() else number


def _choice_list(question: Question) -> str:
    return ", ".join(question.choice_ids)


def _match_choice(question: Question, text: str, lang: str) -> str:
    wanted = text.strip()
    for choice in question.choices:
        if wanted == choice.id:
            return choice.id
    folded = wanted.casefold()
    for choice in question.choices:
        labels = [choice.id, *choice.label.values()]
        if any(folded == label.casefold() for label in labels):
            return choice.id
    raise AnswerError(
        message(lang, "not_choice", text=excerpt(wanted), choices=_choice_list(question))
    )


def parse_text(question: Question, text: str, lang: str = "en") -> Value:
    """An answer typed as text (``-a id=value`` on the command line)."""
    if question.kind == "number":
        if not text.strip() and question.optional:
            return None
        return parse_number(question, text, lang)
    if question.kind == "choice":
        return _match_choice(question, text, lang)
    if question.kind == "multi":
        parts = [part for part in (p.strip() for p in text.split(",")) if part]
        return frozenset(_match_choice(question, part, lang) for part in parts)
    folded = text.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise AnswerError(message(lang, "not_yes_no", text=excerpt(text.strip())))


def parse_json(question: Question, raw: object, lang: str = "en") -> Value:
    """An answer as a JSON answers file holds it."""
    if raw is None:
        if question.optional or question.default is not None:
            return None
        raise AnswerError(message(lang, "empty"))
    if isinstance(raw, str):
        return parse_text(question, raw, lang)
    if question.kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            shown = excerpt(json_text(raw))
            raise AnswerError(
                message(lang, "not_number", text=shown, example=_example(question, lang))
            )
        return check_number(question, _as_float(raw), lang)
    if question.kind == "yes_no":
        if isinstance(raw, bool):
            return raw
        raise AnswerError(message(lang, "not_yes_no", text=excerpt(json_text(raw))))
    if question.kind == "multi":
        if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
            return frozenset(_match_choice(question, item, lang) for item in raw)
        raise AnswerError(message(lang, "not_list", choices=_choice_list(question)))
    raise AnswerError(
        message(lang, "not_choice", text=excerpt(json_text(raw)), choices=_choice_list(question))
    )


def parse_answers(
    flow: Flow, raw: Mapping[str, object], lang: str = "en", *, from_text: bool = False
) -> tuple[dict[str, Value], list[AnswerProblem]]:
    """Every answer parsed, and one problem per answer that did not fit."""
    answers: dict[str, Value] = {}
    problems: list[AnswerProblem] = []
    for question_id, value in raw.items():
        question = flow.questions.get(question_id)
        if question is None:
            problems.append(
                AnswerProblem(
                    question_id,
                    message(
                        lang,
                        "unknown_question",
                        text=excerpt(question_id),
                        choices=", ".join(flow.questions),
                    ),
                )
            )
            continue
        try:
            if from_text:
                answers[question_id] = parse_text(question, str(value), lang)
            else:
                answers[question_id] = parse_json(question, value, lang)
        except AnswerError as exc:
            problems.append(AnswerProblem(question_id, str(exc)))
    return answers, problems


def json_text(raw: object) -> str:
    """A JSON value as the file writes it (true, null, [...]), to quote it back."""
    try:
        return json.dumps(raw, ensure_ascii=False)
    except RecursionError:  # str() would recurse as deep: name it by its start
        return "[…]" if isinstance(raw, list) else "{…}"
    except (TypeError, ValueError):
        return str(raw)


def to_json(value: Value) -> object:
    """An answer as JSON holds it: sets become sorted lists."""
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def show_value(question: Question, value: Value, lang: str) -> str:
    """An answer as a person reads it, in their language."""
    if value is None:
        return "—"
    if question.kind == "yes_no":
        return message(lang, "yes" if value else "no")
    if question.kind == "number" and isinstance(value, int | float):
        return format_number(value, lang) + _unit(question, lang)
    if question.kind == "choice" and isinstance(value, str):
        choice = question.choice(value)
        return tr(choice.label, lang) if choice else value
    if isinstance(value, frozenset):
        if not value:
            return "—"
        labels = [tr(c.label, lang) for c in question.choices if c.id in value]
        return ", ".join(labels)
    return str(value)
