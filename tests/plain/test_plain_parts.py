"""``--plain``'s parts below the terminal: a typed line read as an answer (by
number, by words, in either language, with an error that says what to type),
lines read safely from a file descriptor, the report read line by line, and
when ``alternance`` chooses plain lines by itself."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest

from alternance_tui.advice.engine import recommend
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render import render
from alternance_tui.advice.render.text import LinesReport
from alternance_tui.cli.interview import wants_plain
from alternance_tui.flow.answers import AnswerError, parse_answers
from alternance_tui.interview.asked import Asked, asked
from alternance_tui.plain.asking import answer_of, prompt
from alternance_tui.plain.lines import LineReader
from alternance_tui.plain.words import command_of

BUSY = {
    "age": 20,
    "employer_sector": "unknown",
    "diploma": "licence",
    "status": "unknown",
    "duration_months": 24,
    "birth_month": 3,
    "interests": ["health_social"],
}


def ask(bundle: Bundle, question: str, lang: str = "en") -> Asked:
    q = bundle.flow.questions[question]
    return asked(q, q.default, lang)


def refused(now: Asked, typed: str) -> str:
    with pytest.raises(AnswerError) as caught:
        answer_of(now, typed)
    return str(caught.value)


def test_a_choice_by_its_number_or_its_words_in_any_case(bundle: Bundle) -> None:
    now = ask(bundle, "employer_sector")
    assert answer_of(now, "2") == "public"
    assert answer_of(now, " a PRIVATE company   or association ") == "private"
    assert "type a number from 1 to 4" in refused(now, "5")
    assert refused(now, "0").startswith("There is no answer 0 here")
    assert refused(now, "[/]") == "“[/]” is not one of the answers: type a number from 1 to 4."
    # A huge number is quoted short, and never converted.
    assert len(refused(now, "9" * 5000)) < 120


def test_several_choices_by_numbers_words_or_none(bundle: Bundle) -> None:
    now = ask(bundle, "interests")
    assert answer_of(now, "1, 3") == frozenset({"public_management", "health_social"})
    assert answer_of(now, "1 3") == answer_of(now, "3;1")
    assert answer_of(now, "none") == frozenset()
    assert answer_of(ask(bundle, "interests", "fr"), "aucune") == frozenset()
    assert "type a number from 1 to 8" in refused(now, "1, 9")


def test_yes_no_and_months_in_either_language(bundle: Bundle) -> None:
    yes_no = ask(bundle, "lower_secondary_done", "fr")
    assert answer_of(yes_no, "OUI") is True
    assert answer_of(yes_no, "no") is False  # the English word, with the French shown
    month = ask(bundle, "start_month", "fr")
    assert answer_of(month, "octobre") == 10
    assert answer_of(month, "10") == 10
    assert answer_of(month, "") == 9  # Enter: the default, September
    born = ask(bundle, "birth_month")
    assert answer_of(born, "not known") is None
    assert "not known" in prompt(born)


def test_a_number_error_says_what_to_type(bundle: Bundle) -> None:
    age = ask(bundle, "age")
    assert answer_of(age, "20") == 20
    assert "type digits" in refused(age, "abc")
    assert "between 15 and 99" in refused(age, "120")
    assert refused(age, "")  # no default: an answer is needed


@pytest.mark.parametrize(
    ("typed", "command"),
    [("back", "back"), ("RETOUR", "back"), ("?", "help"), ("réponses", "review"),
     ("reponses", "review"), ("exit", "quit"), ("quitter", "quit"), ("backs", None)],
)  # fmt: skip
def test_the_words_that_work_at_any_prompt_in_either_language(
    typed: str, command: str | None
) -> None:
    assert command_of(typed) == command


def test_lines_are_read_safely(tmp_path: Path) -> None:
    typed = tmp_path / "typed"
    typed.write_bytes(b"20\r\n" + b"9" * 100_000 + b"\n\xff20\nA\x1b[2J\nlast")
    read = os.open(typed, os.O_RDONLY)
    reader = LineReader(read, limit=4096)
    assert reader.read().text == "20"  # type: ignore[union-attr]
    too_long = reader.read()
    assert too_long is not None and too_long.too_long and too_long.text == ""
    bad = reader.read()
    assert bad is not None and bad.not_utf8
    control = reader.read()
    assert control is not None and control.control
    last = reader.read()
    assert last is not None and last.text == "last"  # the end of input, without its line break
    assert reader.read() is None
    os.close(read)


def _report(bundle: Bundle, lang: str, fmt: str | None) -> str:
    parsed, problems = parse_answers(bundle.flow, BUSY, lang)
    assert not problems
    rec = recommend(bundle, parsed, as_of=dt.date(2026, 12, 7), lang=lang)
    return LinesReport(rec, bundle).render() if fmt is None else render(rec, bundle, fmt)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_report_read_line_by_line_says_what_the_text_report_says(
    bundle: Bundle, lang: str
) -> None:
    lines = _report(bundle, lang, None)
    text = _report(bundle, lang, "text")
    # No symbol read out as noise, no underline, no column alignment to decode.
    for symbol in ("✔", "✘", "◐", "•", "===", "---", "   "):
        assert symbol not in lines, symbol
    # Every amount and every source of the text report is there.
    for amount in set(re.findall(r"€[0-9,.\u202f\u00a0]+|[0-9][0-9\s\u202f]*,[0-9]{2}\s?€", text)):
        assert amount.strip() in lines
    for source in set(re.findall(r"\((Code [^)]*)\)", text)):
        assert source in lines
    # A month-by-month row names each value by its column.
    month = {"en": "Monthly gross: ", "fr": "Brut mensuel\u00a0: "}[lang]
    assert month in lines
    met = {"en": "  Met: ", "fr": "  Rempli\u00a0: "}[lang]
    assert met in lines


def _args(**given: bool) -> argparse.Namespace:
    values = {"plain": False, "tui": False, "advisor": False} | given
    return argparse.Namespace(**values)


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("given", "environ", "tty", "plain"),
    [
        ({}, {"TERM": "xterm-256color"}, True, False),
        ({}, {"TERM": "dumb"}, True, True),
        ({}, {"TERM": "xterm"}, False, True),  # piped, or written to a file
        ({"plain": True}, {"TERM": "xterm"}, True, True),
        ({"tui": True}, {"TERM": "dumb"}, False, False),
        ({"advisor": True}, {"TERM": "dumb"}, True, False),  # advisor mode has no plain lines
        ({}, {"TERM": "dumb", "ALTERNANCE_SERVED": "1"}, False, False),  # a browser's session
    ],
)
def test_plain_lines_are_chosen_when_the_terminal_cannot_take_the_app(
    given: dict[str, bool], environ: dict[str, str], tty: bool, plain: bool
) -> None:
    assert wants_plain(_args(**given), environ, _Stream(tty)) is plain
