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
from typing import assert_never

from alternance_tui.files.printable import excerpt
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Question, tr
from alternance_tui.wording import formats
from alternance_tui.wording.catalogue.answers import ANSWERS

_YES = {"yes", "y", "oui", "o", "true", "1", "vrai"}
_NO = {"no", "n", "non", "false", "0", "faux"}


class AnswerError(ValueError):
    """A value that does not fit its question; the message is for the person."""


@dataclass(frozen=True, slots=True)
class AnswerProblem:
    question: str
    message: str


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
    if not math.isfinite(number) or plain_number(formats.number(number, lang), lang) != number:
        return None
    return number


def _example(question: Question, lang: str) -> str:
    default = question.default
    return formats.number(
        default if isinstance(default, int | float) else question.minimum or 10, lang
    )


def parse_number(question: Question, text: str, lang: str) -> float | int:
    if not _normalise_number(text, lang):
        raise AnswerError(ANSWERS(lang, "empty"))
    number = plain_number(text, lang)
    if number is None:
        shown = excerpt(text.strip())
        meant = _meant(text, lang)
        if meant is not None:
            example = formats.number(meant, lang)
            raise AnswerError(ANSWERS(lang, "not_plain_number", text=shown, example=example))
        example = _example(question, lang)
        raise AnswerError(ANSWERS(lang, "not_number", text=shown, example=example))
    return check_number(question, number, lang, text)


def _as_float(raw: int | float) -> float:
    try:
        return float(raw)
    except OverflowError:  # an int of hundreds of digits, from JSON
        return -math.inf if raw < 0 else math.inf


def check_number(question: Question, number: float, lang: str, text: str = "") -> float | int:
    if math.isnan(number):
        raise AnswerError(ANSWERS(lang, "not_number", text="NaN", example=_example(question, lang)))
    low, high = question.minimum, question.maximum
    if math.isinf(number) and (low if number < 0 else high) is None:
        # No bound on that side to say instead: a range message would be wrong.
        shown = excerpt(text.strip() or str(number))
        raise AnswerError(
            ANSWERS(lang, "too_many_digits", text=shown, example=_example(question, lang))
        )
    if question.integer and not number.is_integer() and math.isfinite(number):
        raise AnswerError(ANSWERS(lang, "not_whole"))
    if (low is not None and number < low) or (high is not None and number > high):
        unit = _unit(question, lang)
        if low is not None and high is not None:
            key = "range"
        else:
            key = "at_least" if low is not None else "at_most"
        raise AnswerError(
            ANSWERS(
                lang,
                key,
                min=formats.number(low or 0, lang),
                max=formats.number(high or 0, lang),
                unit=unit,
            )
        )
    return int(number) if question.integer or number.is_integer() else number


def _parse_month(question: Question, text: str, lang: str) -> Value:
    """A month by its number (1 to 12) or its name, in either language."""
    named = formats.month_number(text)
    if named is not None:
        return check_number(question, float(named), lang, text)
    if plain_number(text, lang) is None:
        default = question.default
        month = int(default) if isinstance(default, int | float) else 9
        example = formats.month_name(month, lang)
        raise AnswerError(ANSWERS(lang, "not_month", text=excerpt(text.strip()), example=example))
    return parse_number(question, text, lang)


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
        ANSWERS(lang, "not_choice", text=excerpt(wanted), choices=_choice_list(question))
    )


def parse_text(question: Question, text: str, lang: str = "en") -> Value:
    """An answer typed as text (``-a id=value`` on the command line)."""
    match question.kind:
        case "number":
            if not text.strip() and question.optional:
                return None
            if question.shown_as == "month":
                return _parse_month(question, text, lang)
            return parse_number(question, text, lang)
        case "choice":
            return _match_choice(question, text, lang)
        case "multi":
            parts = [part for part in (p.strip() for p in text.split(",")) if part]
            return frozenset(_match_choice(question, part, lang) for part in parts)
        case "yes_no":
            folded = text.strip().casefold()
            if folded in _YES:
                return True
            if folded in _NO:
                return False
            raise AnswerError(ANSWERS(lang, "not_yes_no", text=excerpt(text.strip())))
        case _:
            assert_never(question.kind)


def parse_json(question: Question, raw: object, lang: str = "en") -> Value:
    """An answer as a JSON answers file holds it."""
    if raw is None:
        if question.optional or question.default is not None:
            return None
        raise AnswerError(ANSWERS(lang, "empty"))
    if isinstance(raw, str):
        return parse_text(question, raw, lang)
    match question.kind:
        case "number":
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                shown = excerpt(json_text(raw))
                raise AnswerError(
                    ANSWERS(lang, "not_number", text=shown, example=_example(question, lang))
                )
            return check_number(question, _as_float(raw), lang)
        case "yes_no":
            if isinstance(raw, bool):
                return raw
            raise AnswerError(ANSWERS(lang, "not_yes_no", text=excerpt(json_text(raw))))
        case "multi":
            if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
                return frozenset(_match_choice(question, item, lang) for item in raw)
            raise AnswerError(ANSWERS(lang, "not_list", choices=_choice_list(question)))
        case "choice":
            shown = excerpt(json_text(raw))
            raise AnswerError(
                ANSWERS(lang, "not_choice", text=shown, choices=_choice_list(question))
            )
        case _:
            assert_never(question.kind)


def check_value(question: Question, value: Value, lang: str = "en") -> Value:
    """``value``, an answer already held in memory, as ``question`` takes it, or
    AnswerError: parse_json's checks without going through JSON's form."""
    if isinstance(value, frozenset):
        if question.kind == "multi":
            # In order, so that an unknown choice is named as a JSON file would name it.
            return frozenset(_match_choice(question, item, lang) for item in sorted(value))
        return parse_json(question, sorted(value), lang)  # not a set: the error shows it
    return parse_json(question, value, lang)


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
                    ANSWERS(
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
    match question.kind:
        case "yes_no":
            return ANSWERS(lang, "yes" if value else "no")
        case "number":
            if isinstance(value, int | float):
                if question.shown_as == "month" and float(value).is_integer():
                    return formats.month_name(int(value), lang).capitalize()  # as a label reads
                return formats.number(value, lang) + _unit(question, lang)
        case "choice":
            if isinstance(value, str):
                choice = question.choice(value)
                return tr(choice.label, lang) if choice else value
        case "multi":
            pass
        case _:
            assert_never(question.kind)
    # A multi-choice answer, or one not of its question's kind (built by hand).
    if isinstance(value, frozenset):
        if not value:
            return "—"
        labels = [tr(c.label, lang) for c in question.choices if c.id in value]
        return ", ".join(labels)
    return str(value)
