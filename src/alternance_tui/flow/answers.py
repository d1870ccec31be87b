"""Turning what a person typed (or a JSON file holds) into answer values.

Messages are in the person's language and say what is wrong and what would be
right, e.g. "Enter a whole number between 15 and 99 (years)".
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question, tr

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


def parse_number(question: Question, text: str, lang: str) -> float | int:
    cleaned = _normalise_number(text, lang)
    if not cleaned:
        raise AnswerError(message(lang, "empty"))
    try:
        number = float(cleaned)
    except ValueError:
        example = format_number(
            question.default
            if isinstance(question.default, int | float)
            else question.minimum or 10,
            lang,
        )
        raise AnswerError(message(lang, "not_number", text=text.strip(), example=example)) from None
    return check_number(question, number, lang)


def check_number(question: Question, number: float, lang: str) -> float | int:
    if not math.isfinite(number):
        raise AnswerError(message(lang, "not_number", text=str(number), example="10"))
    if question.integer and not number.is_integer():
        raise AnswerError(message(lang, "not_whole"))
    low, high = question.minimum, question.maximum
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
    raise AnswerError(message(lang, "not_choice", text=wanted, choices=_choice_list(question)))


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
    raise AnswerError(message(lang, "not_yes_no", text=text.strip()))


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
            raise AnswerError(message(lang, "not_number", text=str(raw), example="10"))
        return check_number(question, float(raw), lang)
    if question.kind == "yes_no":
        if isinstance(raw, bool):
            return raw
        raise AnswerError(message(lang, "not_yes_no", text=str(raw)))
    if question.kind == "multi":
        if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
            return frozenset(_match_choice(question, item, lang) for item in raw)
        raise AnswerError(message(lang, "not_list", choices=_choice_list(question)))
    raise AnswerError(message(lang, "not_choice", text=str(raw), choices=_choice_list(question)))


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
                        text=question_id,
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
