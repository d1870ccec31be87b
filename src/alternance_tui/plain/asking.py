"""A question as ``--plain`` prints it, and a typed line as its answer.

What is asked comes from ``interview/asked.py`` (the prompt, the choices with
what is ticked, the number's range), as the TUI and the web form take it; the
answer is checked by ``Asked.value``, with the same messages. What is ``--plain``'s
own is how it reads: numbered choices, a choice's number or its words, Enter for
the answer kept or the default, and an error that always ends with what to type.
"""

from __future__ import annotations

import re

from alternance_tui.files.printable import excerpt
from alternance_tui.flow.answers import AnswerError, show_value
from alternance_tui.flow.cond import Value
from alternance_tui.interview.asked import Asked, Option
from alternance_tui.plain.words import fold, means, named, shown
from alternance_tui.wording.catalogue.answers import ANSWERS
from alternance_tui.wording.catalogue.plain import PLAIN
from alternance_tui.wording.catalogue.tui import TUI
from alternance_tui.wording.formats import number

_NUMBERS = re.compile(r"[0-9]+(?:\s*[,;\s]\s*[0-9]+)*")


def numbered(asked: Asked) -> bool:
    """Whether the choices are listed by number (a month and yes or no are not:
    everyone knows the twelve months and the two answers)."""
    return asked.kind in ("choice", "multi")


def answer_text(asked: Asked, value: Value) -> str:
    """An answer as the person reads it back ("none" for no choice ticked)."""
    if value is None or value == frozenset():
        return PLAIN(asked.lang, "review_none")
    return show_value(asked.question, value, asked.lang)


def question_lines(asked: Asked, *, answered: bool) -> list[str]:
    """The question, as printed before its prompt: where it stands, what it asks,
    its numbered choices, its range, and what Enter does. ``answered``: the value
    shown is the person's answer (else the question's default, if any)."""
    lang = asked.lang
    lines = []
    if asked.changing:
        lines.append(TUI(lang, "progress_edit") + ".")
    elif asked.progress is not None:
        key = "progress_exact" if asked.progress.exact else "progress"
        position, total = asked.progress.position, asked.progress.total
        lines.append(TUI(lang, key, position=position, total=total) + ".")
    lines.append(asked.prompt)
    if numbered(asked):
        count = len(asked.options)
        lines.append(PLAIN.plural(lang, "choices", count, count=count))
        lines.extend(f"{i}. {option.label}" for i, option in enumerate(asked.options, 1))
    if asked.kind == "number" and asked.range:
        lines.append(asked.range)
    enter = _enter_line(asked, answered=answered)
    if enter:
        lines.append(enter)
    return lines


def _enter_line(asked: Asked, *, answered: bool) -> str:
    lang = asked.lang
    value = _shown_value(asked)
    if value is None:
        # An optional number says so in its prompt; an optional month ends in "not known".
        return ""
    if answered:
        return PLAIN(lang, "kept", value=answer_text(asked, value))
    return PLAIN(lang, "default", value=answer_text(asked, value))


def _shown_value(asked: Asked) -> Value:
    """What Enter gives, or None when it gives nothing."""
    if asked.kind == "number":
        try:
            return asked.value([asked.text]) if asked.text else None
        except AnswerError:
            return None
    picked = [o.id for o in asked.options if o.selected]
    if asked.kind != "multi" and not picked:
        return None
    try:
        return asked.value(picked)
    except AnswerError:
        return None


def prompt(asked: Asked) -> str:
    """What to type, on the line where it is typed."""
    lang = asked.lang
    words = {"yes": shown("yes", lang), "no": shown("no", lang), "none": shown("none", lang)}
    match asked.kind:
        case "choice":
            return PLAIN(lang, "prompt_choice", count=len(asked.options))
        case "multi":
            return PLAIN(lang, "prompt_multi", none=words["none"])
        case "yes_no":
            return PLAIN(lang, "prompt_yes_no", yes=words["yes"], no=words["no"])
        case "month":
            if asked.optional:
                not_known = TUI(lang, "month_not_known").casefold()
                return PLAIN(lang, "prompt_month_optional", not_known=not_known)
            return PLAIN(lang, "prompt_month")
        case "number":
            return PLAIN(lang, "prompt_number_optional" if asked.optional else "prompt_number")


def help_lines(asked: Asked, *, kiosk: bool = False) -> list[str]:
    """What ``help`` prints at a question: how to answer it, what the flow says
    about it and its choices, and the words that work anywhere."""
    lang = asked.lang
    lines = [how_to_answer(asked)]
    about = [asked.help] if asked.help else []
    about += [f"{o.label}: {o.help}" for o in asked.options if o.help]
    if about:
        lines += [PLAIN(lang, "help_about"), *about]
    lines.append(PLAIN(lang, "words_kiosk" if kiosk else "words", **named(lang)))
    return lines


def how_to_answer(asked: Asked) -> str:
    lang = asked.lang
    match asked.kind:
        case "choice":
            first = asked.options[0].label if asked.options else ""
            return PLAIN(lang, "help_choice", number=1, label=first)
        case "multi":
            return PLAIN(lang, "help_multi", none=shown("none", lang))
        case "yes_no":
            return PLAIN(lang, "help_yes_no", yes=shown("yes", lang), no=shown("no", lang))
        case "month":
            return PLAIN(lang, "help_month")
        case "number":
            default = asked.question.default
            example = default if isinstance(default, int | float) else asked.question.minimum
            return PLAIN(lang, "help_number", example=number(example or 10, lang))


def answer_of(asked: Asked, typed: str) -> Value:
    """The answer ``typed`` gives (Enter: the answer kept or the default), or
    AnswerError saying what is wrong and what to type."""
    text = typed.strip()
    if not text:
        return _enter(asked)
    match asked.kind:
        case "number":
            return asked.value([text])
        case "yes_no":
            return _yes_no(asked, text)
        case "month":
            found = _by_label(asked.options, text)
            return asked.value([found.id if found else text])
        case "choice":
            return _choice(asked, text)
        case "multi":
            return _several(asked, text)


def _enter(asked: Asked) -> Value:
    if asked.kind == "number":
        return asked.value([asked.text])  # "" for none: optional, or "An answer is needed"
    picked = [o.id for o in asked.options if o.selected]
    if not picked and asked.kind != "multi":
        raise AnswerError(ANSWERS(asked.lang, "empty"))
    return asked.value(picked)


def _yes_no(asked: Asked, text: str) -> Value:
    if means(text, "yes") or text == "1":
        return True
    if means(text, "no") or text == "2":
        return False
    return asked.value([text])  # "true", "oui" in English: the checks' own words


def _choice(asked: Asked, text: str) -> Value:
    options = asked.options
    if text.isdigit() and text.isascii():
        return asked.value([_numbered(asked, text).id])
    found = _by_label(options, text)
    try:
        return asked.value([found.id if found else text])
    except AnswerError:
        raise _not_a_choice(asked, text) from None


def _several(asked: Asked, text: str) -> Value:
    if means(text, "none"):
        return frozenset()
    if _NUMBERS.fullmatch(text) and text.isascii():
        return asked.value([_numbered(asked, n).id for n in re.findall(r"[0-9]+", text)])
    found = _by_label(asked.options, text)
    if found is not None:
        return asked.value([found.id])
    picked = []
    for piece in (p.strip() for p in text.split(",")):
        if not piece:
            continue
        if piece.isdigit() and piece.isascii():
            picked.append(_numbered(asked, piece).id)
            continue
        option = _by_label(asked.options, piece)
        picked.append(option.id if option else piece)
    try:
        return asked.value(picked)
    except AnswerError:
        raise _not_a_choice(asked, text) from None


def _numbered(asked: Asked, digits: str) -> Option:
    count = len(asked.options)
    index = int(digits) if len(digits) < 6 else 0
    if not 1 <= index <= count:
        raise AnswerError(
            PLAIN(asked.lang, "no_such_choice", number=excerpt(digits, 12), count=count)
        )
    return asked.options[index - 1]


def _by_label(options: tuple[Option, ...], text: str) -> Option | None:
    folded = fold(text)
    for option in options:
        if fold(option.label) == folded:
            return option
    return None


def _not_a_choice(asked: Asked, text: str) -> AnswerError:
    count = len(asked.options)
    return AnswerError(PLAIN(asked.lang, "not_a_choice", text=excerpt(text), count=count))
