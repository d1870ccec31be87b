"""Turning what a person types (or a JSON answers file holds) into answers, and the
messages they get, in French and in English, when it does not fit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.answer_samples import sample_values

from alternance_tui.advice.model import Bundle
from alternance_tui.flow.answers import (
    AnswerError,
    check_value,
    parse_answers,
    parse_json,
    parse_text,
    show_value,
    to_json,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.load import load_flow
from alternance_tui.flow.model import Flow, Question
from alternance_tui.wording import formats

from .conftest import WriteFlow, outcomes_toml, question_toml


def _refused(question: Question, text: str, lang: str) -> str:
    with pytest.raises(AnswerError) as caught:
        parse_text(question, text, lang)
    return str(caught.value)


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("24", "fr", 24),
        (" 24 ", "en", 24),
        ("12,5", "fr", 12.5),  # French decimal comma
        ("12,5", "en", 12.5),
        ("12.5", "fr", 12.5),
        ("7.0", "en", 7),
    ],
)
def test_numbers_as_people_write_them(shipped: Flow, text: str, lang: str, expected: float) -> None:
    value = parse_text(shipped.questions["duration_months"], text, lang)
    assert value == expected
    assert isinstance(value, int) == float(expected).is_integer()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1 850", "fr", 1850),
        ("1\u202f850", "fr", 1850),  # narrow no-break space, as French typing gives
        ("1850,50", "fr", 1850.5),
        ("1 850,50", "fr", 1850.5),
        ("1.850,50", "fr", 1850.5),
        ("1,850", "en", 1850),  # English thousands, not 1.85
        ("1,850.50", "en", 1850.5),
        ("1,85", "en", 1.85),  # not a thousands group: a decimal comma
        ("1,850", "fr", 1.85),  # in French, the comma is decimal
    ],
)
def test_thousands_and_decimals(shipped: Flow, text: str, lang: str, expected: float) -> None:
    assert parse_text(shipped.questions["agreement_minimum_eur"], text, lang) == expected


def test_a_number_out_of_range_says_the_range_and_unit(shipped: Flow) -> None:
    question = shipped.questions["age"]  # 15 to 99 years
    assert _refused(question, "14", "en") == "Enter a number between 15 and 99 years."
    assert _refused(question, "100", "fr") == "Entrez un nombre entre 15 et 99 ans."


def test_an_open_ended_range_says_its_one_bound(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("low", "number", extra="min = 2", next_rules=[(None, "high")]),
        question_toml("high", "number", extra="max = 9.5", next_rules=[(None, "done")]),
        outcomes_toml("done"),
    )
    flow = load_flow(path)
    assert _refused(flow.questions["low"], "1", "en") == "Enter a number of at least 2."
    assert _refused(flow.questions["high"], "10", "fr") == "Entrez un nombre d’au plus 9,5."


def test_a_whole_number_question_refuses_decimals(shipped: Flow) -> None:
    question = shipped.questions["age"]
    assert "whole number" in _refused(question, "20,5", "en")
    assert "nombre entier" in _refused(question, "20,5", "fr")
    assert parse_text(question, "20.0", "en") == 20


@pytest.mark.parametrize("text", ["abc", "12.5.3", "inf", "nan", "douze"])
def test_text_that_is_not_a_number_is_named_back(shipped: Flow, text: str) -> None:
    question = shipped.questions["duration_months"]
    english = _refused(question, text, "en")
    french = _refused(question, text, "fr")
    assert f"“{text}” is not a number" in english
    # French typography: no-break spaces inside « » and before ":".
    assert f"«\u00a0{text}\u00a0» n’est pas un nombre\u00a0:" in french


def test_an_empty_answer_is_needed_unless_the_question_is_optional(shipped: Flow) -> None:
    assert _refused(shipped.questions["age"], "  ", "en") == "An answer is needed here."
    assert _refused(shipped.questions["age"], "", "fr") == "Une réponse est nécessaire ici."
    assert parse_text(shipped.questions["agreement_minimum_eur"], "", "fr") is None


# --- yes/no, choices, several choices --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", True),
        ("Oui", True),
        ("o", True),
        ("y", True),
        ("vrai", True),
        ("NO", False),
        ("non", False),
        ("n", False),
        ("false", False),
    ],
)
def test_yes_and_no_in_both_languages(bike: Flow, text: str, expected: bool) -> None:
    assert parse_text(bike.questions["suspension"], text, "en") is expected
    assert parse_text(bike.questions["suspension"], text, "fr") is expected


def test_neither_yes_nor_no(bike: Flow) -> None:
    question = bike.questions["suspension"]
    assert _refused(question, "maybe", "en") == "Answer yes or no, not “maybe”."
    refused = _refused(question, "peut-être", "fr")
    assert refused == "Répondez oui ou non, pas «\u00a0peut-être\u00a0»."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trails", "trails"),
        ("Forest trails", "trails"),  # the English label
        ("sur chemins", "trails"),  # the French label, any case
        ("  city ", "city"),
    ],
)
def test_a_choice_by_id_or_by_label(bike: Flow, text: str, expected: str) -> None:
    assert parse_text(bike.questions["usage"], text, "en") == expected


def test_not_a_choice_lists_the_choices(bike: Flow) -> None:
    question = bike.questions["usage"]
    assert _refused(question, "moon", "en") == (
        "“moon” is not one of the choices: city, road, trails."
    )
    assert _refused(question, "lune", "fr") == (
        "«\u00a0lune\u00a0» ne fait pas partie des choix\u00a0: city, road, trails."
    )


def test_several_choices_separated_by_commas(bike: Flow) -> None:
    question = bike.questions["extras"]
    assert parse_text(question, "child_seat, cargo", "en") == frozenset({"child_seat", "cargo"})
    assert parse_text(question, "", "en") == frozenset()
    assert "is not one of the choices" in _refused(question, "cargo, piano", "en")


# --- JSON answers files ----------------------------------------------------------------------


def test_json_values_of_the_right_type(bike: Flow) -> None:
    questions = bike.questions
    assert parse_json(questions["distance_km"], 12) == 12
    assert parse_json(questions["suspension"], True) is True
    assert parse_json(questions["suspension"], "oui", "fr") is True
    assert parse_json(questions["extras"], ["cargo"]) == frozenset({"cargo"})
    assert parse_json(questions["extras"], None) is None  # optional


@pytest.mark.parametrize(
    ("question_id", "raw", "says"),
    [
        ("distance_km", True, "is not a number"),
        ("distance_km", [3], "is not a number"),
        ("distance_km", 500, "between 1 and 300 km"),
        ("suspension", 1, "Answer yes or no"),
        ("extras", "piano", "is not one of the choices"),
        ("extras", [1, 2], "Give a list of choices"),
        ("usage", 3, "is not one of the choices"),
        ("usage", None, "An answer is needed here."),
    ],
)
def test_json_values_that_do_not_fit(bike: Flow, question_id: str, raw: object, says: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_json(bike.questions[question_id], raw)
    assert says in str(caught.value)


def test_every_answer_is_checked_and_every_problem_reported(bike: Flow) -> None:
    answers, problems = parse_answers(
        bike,
        {"usage": "road", "distance_km": "lots", "wheels": 2, "suspension": "yes"},
        "en",
    )
    assert answers == {"usage": "road", "suspension": True}
    by_question = {p.question: p.message for p in problems}
    assert set(by_question) == {"distance_km", "wheels"}
    assert "“lots” is not a number" in by_question["distance_km"]
    assert by_question["wheels"].startswith("“wheels” is not a question of this interview.")
    assert "usage" in by_question["wheels"]  # the questions there are


def test_answers_given_as_text_on_the_command_line(bike: Flow) -> None:
    answers, problems = parse_answers(
        bike, {"usage": "road", "distance_km": "45", "extras": "cargo"}, "fr", from_text=True
    )
    assert problems == []
    assert answers == {"usage": "road", "distance_km": 45, "extras": frozenset({"cargo"})}


def test_messages_fall_back_to_english_for_an_unknown_language(bike: Flow) -> None:
    assert _refused(bike.questions["suspension"], "?", "de") == "Answer yes or no, not “?”."


# --- showing answers back -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "value", "lang", "shown"),
    [
        ("distance_km", 12, "en", "12 km"),
        ("suspension", True, "fr", "Oui"),
        ("suspension", False, "en", "No"),
        ("usage", "trails", "fr", "Sur chemins"),
        ("extras", frozenset({"cargo", "child_seat"}), "en", "A child, Heavy shopping"),
        ("extras", frozenset(), "en", "—"),
        ("usage", None, "en", "—"),
    ],
)
def test_answers_are_shown_in_the_persons_language(
    bike: Flow, question_id: str, value: Value, lang: str, shown: str
) -> None:
    assert show_value(bike.questions[question_id], value, lang) == shown


def test_decimals_are_shown_with_a_comma_in_french(shipped: Flow) -> None:
    question = shipped.questions["duration_months"]
    assert show_value(question, 12.5, "fr") == "12,5 mois"
    assert show_value(question, 12.5, "en") == "12.5 months"


def test_large_numbers_are_grouped_as_each_language_writes_them(shipped: Flow) -> None:
    question = shipped.questions["agreement_minimum_eur"]
    assert show_value(question, 1850.5, "en").startswith("1,850.5 ")
    assert show_value(question, 1850.5, "fr").startswith("1\u202f850,5 ")
    assert _refused(question, "30000", "en").startswith("Enter a number between 0 and 20,000 ")


@given(
    number=st.one_of(
        st.integers(min_value=0, max_value=20_000),
        st.decimals(min_value=0, max_value=20_000, places=2).map(float),
    ),
    lang=st.sampled_from(["fr", "en"]),
)
def test_a_number_shown_back_reads_as_the_same_number(
    shipped: Flow, number: float, lang: str
) -> None:
    # The review and an edited field show answers with formats.number: typing
    # Enter on what is shown must never change the answer.
    question = shipped.questions["agreement_minimum_eur"]
    assert parse_text(question, formats.number(number, lang), lang) == number


def test_answers_go_to_json_as_json_types() -> None:
    assert to_json(frozenset({"b", "a"})) == ["a", "b"]
    assert to_json(3) == 3


def test_a_value_in_memory_is_checked_as_its_json_form_would_be(bundle: Bundle) -> None:
    """Interview checks what a screen hands it with check_value, not through JSON:
    same value, same type, same refusal, for every question and every kind of value
    (an answer typed ahead can land on a question of another kind)."""
    flow = bundle.flow
    values: list[Value] = [None, True, False, 0, 20, 2.5, 1e9, "", "20", "oui", "x"]
    for question in flow.questions.values():
        values += sample_values(question, (17, 18.5))
        values += [frozenset({"nope"}), frozenset({"b", "a"})]
    for question in flow.questions.values():
        for value in values:
            for lang in ("en", "fr"):
                try:
                    expected: object = parse_json(question, to_json(value), lang)
                except AnswerError as exc:
                    expected = ("refused", str(exc))
                try:
                    found: object = check_value(question, value, lang)
                except AnswerError as exc:
                    found = ("refused", str(exc))
                assert found == expected and type(found) is type(expected), (question.id, value)


# --- numbers not written plainly, and numbers too long for a float (issue 9) ----------------


@pytest.mark.parametrize(
    ("text", "english", "french"),
    [
        # Each says how to write it: plain digits, the way the answer is shown back.
        ("1_9", "“1_9” is not written with the digits 0 to 9: type 19.", "tapez 19."),
        ("2e1", "“2e1” is not written with the digits 0 to 9: type 20.", "tapez 20."),
        ("٢٠", "“٢٠” is not written with the digits 0 to 9: type 20.", "tapez 20."),
        ("２０", "“２０” is not written with the digits 0 to 9: type 20.", "tapez 20."),
        ("２０，５", "type 20.5.", "tapez 20,5."),
    ],
)
def test_numbers_not_written_with_plain_digits_say_how_to_write_them(
    shipped: Flow, text: str, english: str, french: str
) -> None:
    question = shipped.questions["duration_months"]
    assert _refused(question, text, "en").endswith(english)
    assert _refused(question, text, "fr").endswith(french)
    assert "n’est pas écrit avec les chiffres 0 à 9" in _refused(question, text, "fr")


def test_a_number_too_long_for_a_float_is_out_of_range_not_infinite(shipped: Flow) -> None:
    age = shipped.questions["age"]
    assert _refused(age, "9" * 100_000, "en") == "Enter a number between 15 and 99 years."
    assert _refused(age, "-" + "9" * 400, "fr") == "Entrez un nombre entre 15 et 99 ans."


def test_a_number_too_long_without_a_bound_says_too_many_digits(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("low", "number", extra="min = 2", next_rules=[(None, "done")]),
        outcomes_toml("done"),
    )
    refused = _refused(load_flow(path).questions["low"], "9" * 100_000, "en")
    # The 100,000 digits are quoted by their first ones, not echoed whole.
    assert refused == f"“{'9' * 39}…” has too many digits: type a number such as 2."
    with pytest.raises(AnswerError, match="too many digits"):
        parse_json(load_flow(path).questions["low"], 10**400, "en")


@pytest.mark.parametrize("raw", [10**400, -(10**400), 1e308 * 10], ids=["huge", "-huge", "inf"])
def test_a_json_number_too_large_for_a_float_is_out_of_range(shipped: Flow, raw: object) -> None:
    for question in shipped.questions.values():
        if question.kind != "number":
            continue
        with pytest.raises(AnswerError, match=r"Enter a number|too many digits"):
            parse_json(question, raw, "en")


def test_answers_with_huge_numbers_are_problems_not_crashes(shipped: Flow) -> None:
    raw = {q.id: 10**400 for q in shipped.questions.values() if q.kind == "number"}
    answers, problems = parse_answers(shipped, raw, "en")
    assert answers == {}
    assert sorted(p.question for p in problems) == sorted(raw)


def test_control_characters_in_an_answer_are_shown_escaped(shipped: Flow) -> None:
    refused = _refused(shipped.questions["age"], "\x1b]0;PWNED\x07", "en")
    assert "\x1b" not in refused and "\x07" not in refused
    assert refused.startswith("“\\x1b]0;PWNED\\x07” is not a number")
    _, problems = parse_answers(shipped, {"\x1b[2J": 1}, "en")
    assert problems[0].message.startswith("“\\x1b[2J” is not a question")


def test_a_value_nested_deeper_than_python_recurses_is_named_not_a_crash(shipped: Flow) -> None:
    nested: list[object] = []
    for _ in range(5000):  # deeper than json.dumps or str() can go
        nested = [nested]
    _, problems = parse_answers(shipped, {"age": nested, "diploma": {"a": nested}}, "en")
    assert [p.message for p in problems] == [
        "“[…]” is not a number: type digits, e.g. 15.",
        "“{…}” is not one of the choices: " + problems[1].message.split("choices: ")[1],
    ]


# --- months ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", 9),
        ("12", 12),
        ("septembre", 9),
        ("September", 9),
        ("sept", 9),
        ("Sept.", 9),
        ("févr", 2),
        ("fev", 2),
        ("aout", 8),
        ("Août", 8),
        ("juil", 7),
        ("june", 6),
        ("mars", 3),
        ("mar", 3),  # mars and March: the same month
        ("déc", 12),
    ],
)
def test_a_month_by_its_number_or_its_name_in_either_language(
    shipped: Flow, text: str, expected: int
) -> None:
    for lang in ("fr", "en"):
        assert parse_text(shipped.questions["start_month"], text, lang) == expected


@pytest.mark.parametrize("text", ["ju", "jui", "thermidor", "0", "13"])
def test_a_month_that_is_none_or_several_is_refused_with_what_to_type(
    shipped: Flow, text: str
) -> None:
    said = _refused(shipped.questions["start_month"], text, "en")
    assert said.startswith(("Enter a number between 1 and 12", f"“{text}” is not a month"))
    if not text.isdigit():
        assert _refused(shipped.questions["start_month"], text, "fr") == (
            f"«\u00a0{text}\u00a0» n’est pas un mois\u00a0: tapez son numéro (1 à 12) ou son "
            "nom, par ex. septembre."
        )


@pytest.mark.parametrize(("lang", "september"), [("fr", "Septembre"), ("en", "September")])
def test_a_month_answer_reads_as_the_month_s_name(shipped: Flow, lang: str, september: str) -> None:
    assert show_value(shipped.questions["start_month"], 9, lang) == september
    assert show_value(shipped.questions["birth_month"], 3, lang) in ("Mars", "March")
    assert show_value(shipped.questions["birth_month"], None, lang) == "—"
    # The JSON keeps the number (docs/contract.md).
    assert to_json(parse_text(shipped.questions["birth_month"], "mars", lang)) == 3


@pytest.mark.parametrize(
    "extra",
    [
        'shown_as = "month"\nmin = 1\nmax = 12',  # not a whole number
        'shown_as = "month"\ninteger = true\nmin = 0\nmax = 12',  # 0 is no month
        'shown_as = "month"\ninteger = true\nmin = 1\nmax = 12\nunit = { en = "m", fr = "m" }',
    ],
)
def test_a_month_question_is_a_whole_number_from_1_to_12(write_flow: WriteFlow, extra: str) -> None:
    from .conftest import problems_of

    path = write_flow(
        question_toml("when", "number", extra=extra, next_rules=[(None, "done")]),
        outcomes_toml("done"),
    )
    messages = [p.message for p in problems_of(path)]
    assert any('shown_as = "month" is for a number question' in m for m in messages), messages
