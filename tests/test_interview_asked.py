"""What is asked, as data every front end draws (the TUI, ``--plain``, ``web``),
and the answers it turns picks and typed text into, with the same checks."""

from __future__ import annotations

import pytest

from alternance_tui.advice.model import Bundle
from alternance_tui.flow.answers import AnswerError
from alternance_tui.interview.asked import NOT_KNOWN
from alternance_tui.interview.state import Interview


def _at(bundle: Bundle, question: str, lang: str = "en", **answers: object) -> Interview:
    interview = Interview(bundle.flow, lang=lang)
    interview.load_answers(answers)
    interview.begin()
    interview.current = question
    return interview


def test_a_number_question_gives_its_prompt_range_unit_and_typed_text(bundle: Bundle) -> None:
    interview = _at(bundle, "age")
    asked = interview.asked()
    assert asked is not None
    assert (asked.id, asked.kind, asked.options) == ("age", "number", ())
    assert asked.prompt == "How old will you be when the contract starts?"
    assert asked.range == "Between 15 and 99 years."
    assert asked.unit == "years"
    assert asked.text == ""
    assert asked.progress is not None and asked.progress.position == 1
    assert asked.value(["20"]) == 20
    with pytest.raises(AnswerError, match="between 15 and 99"):
        asked.value(["12"])
    with pytest.raises(AnswerError, match="not written with the digits 0 to 9"):
        asked.value(["２０"])
    # A draft left in the field comes back as it was typed.
    interview.drafts["age"] = "2x"
    again = interview.asked()
    assert again is not None and again.text == "2x"


def test_french_numbers_read_and_written_the_french_way(bundle: Bundle) -> None:
    interview = _at(bundle, "weekly_hours", lang="fr", age=20)
    asked = interview.asked()
    assert asked is not None
    assert asked.text == "35"  # the default, typed back
    assert asked.value(["17,5"]) == 17.5


def test_a_choice_lists_its_labels_and_help_and_refuses_anything_else(bundle: Bundle) -> None:
    interview = _at(bundle, "employer_sector", employer_sector="public")
    asked = interview.asked()
    assert asked is not None and asked.kind == "choice"
    assert [o.id for o in asked.options] == ["private", "public", "individual", "unknown"]
    assert [o.id for o in asked.options if o.selected] == ["public"]
    assert asked.options[0].label == "A private company or association"
    assert asked.value(["private"]) == "private"
    assert asked.value(["A private individual"]) == "individual"  # a label typed
    with pytest.raises(AnswerError, match="Choose one of the answers"):
        asked.value([])
    with pytest.raises(AnswerError, match="Choose one of the answers"):
        asked.value(["private", "public"])
    with pytest.raises(AnswerError, match="is not one of the choices"):
        asked.value(["[/]\x1b[31m"])


def test_yes_no_and_months(bundle: Bundle) -> None:
    yes_no = _at(bundle, "lower_secondary_done", age=15).asked()
    assert yes_no is not None and yes_no.kind == "yes_no"
    assert [(o.id, o.label) for o in yes_no.options] == [("yes", "Yes"), ("no", "No")]
    assert yes_no.value(["no"]) is False
    assert yes_no.value(["oui"]) is True
    with pytest.raises(AnswerError, match="Answer yes or no"):
        yes_no.value(["maybe"])

    month = _at(bundle, "birth_month", age=20).asked()
    assert month is not None and month.kind == "month"
    assert month.options[0].label == "January"
    assert month.options[-1].id == NOT_KNOWN and month.options[-1].selected
    assert month.value(["3"]) == 3
    assert month.value([NOT_KNOWN]) is None
    assert month.value(["December"]) == 12
    with pytest.raises(AnswerError, match="between 1 and 12"):
        month.value(["13"])


def test_several_choices_tick_and_untick(bundle: Bundle) -> None:
    asked = _at(bundle, "situations", age=31).asked()
    assert asked is not None and asked.kind == "multi"
    assert not any(o.selected for o in asked.options)
    assert asked.value([]) == frozenset()
    assert asked.value(["rqth", "top_athlete"]) == {"rqth", "top_athlete"}
    with pytest.raises(AnswerError, match="is not one of the choices"):
        asked.value(["rqth", "astronaut"])


def test_changing_an_answer_says_so_instead_of_a_progress(bundle: Bundle) -> None:
    interview = _at(bundle, "age", age=20)
    interview.review()
    interview.edit("diploma")
    asked = interview.asked()
    assert asked is not None and asked.changing and asked.progress is None
    interview.review()
    assert interview.asked() is None
