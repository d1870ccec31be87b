"""The interview's moves (Enter, Escape, edits from the review) without any UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternance_tui.advice.load import load_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.answers import AnswerError
from alternance_tui.interview.asked import number_text
from alternance_tui.interview.state import Interview, check_typing

YOUNG = {
    "age": 20,
    "employer_sector": "private",
    "diploma": "bac_general",
    "duration_months": 12,
}


def answer_all(interview: Interview, answers: dict[str, object]) -> list[str]:
    """Answer each question asked from ``answers`` (else what it shows first: its
    default, which may follow earlier answers); the ids asked."""
    asked = []
    while interview.place == "question":
        assert interview.current is not None
        asked.append(interview.current)
        shown = interview.shown_value(interview.current)
        interview.answer(answers.get(interview.current, shown))  # type: ignore[arg-type]
    return asked


def test_a_fresh_interview_asks_from_the_first_question_to_the_review(bundle: Bundle) -> None:
    interview = Interview(bundle.flow, lang="en")
    assert interview.place == "welcome"
    interview.begin()
    assert (interview.place, interview.current) == ("question", "age")
    asked = answer_all(interview, YOUNG)
    assert asked == [
        "age",
        "employer_sector",
        "diploma",
        "status",
        "entry_level",
        "duration_months",
        "rqth",  # under 30 and up to 3 years: RQTH on its own
        "previous_apprenticeship",
        "same_level_diploma",  # a year or less under 26: the D6222-30 raise can apply
        "start_month",
        "birth_month",
        "weekly_hours",
        "agreement_minimum_eur",  # 20 on 12 months: the 21st birthday can fall inside
        "interests",
        "campus",
    ]
    assert interview.place == "review"
    interview.results()
    assert interview.place == "results"


@pytest.mark.parametrize(
    ("question_id", "stray"),
    [
        ("duration_months", "bac_general"),  # a choice's id on a number question
        ("duration_months", 480),  # out of range
        ("employer_sector", 24),  # a number on a choice question
        ("employer_sector", "bac_general"),  # another question's choice
    ],
)
def test_an_answer_that_is_not_the_questions_changes_nothing(
    bundle: Bundle, question_id: str, stray: object
) -> None:
    interview = Interview(bundle.flow, lang="en")
    interview.place, interview.current = "question", question_id
    before = (dict(interview.answers), interview.current)
    with pytest.raises(AnswerError):
        interview.answer(stray)  # type: ignore[arg-type]
    with pytest.raises(AnswerError):
        interview.keep(stray)  # type: ignore[arg-type]
    assert (interview.answers, interview.current) == before


def test_branching_asks_the_questions_for_the_age_given(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    asked = answer_all(
        interview, {**YOUNG, "age": 31, "situations": frozenset(), "jobseeker_or_benefits": True}
    )
    assert asked[:3] == ["age", "jobseeker_or_benefits", "employer_sector"]
    # From 30, after the length: the situations that lift the age limit.
    assert asked[asked.index("duration_months") + 1] == "situations"
    assert "agreement_minimum_eur" in asked  # from 21, with a private employer


def test_escape_goes_back_one_question_then_to_the_welcome(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    interview.answer(27)
    assert interview.current == "jobseeker_or_benefits"
    interview.back()
    assert interview.current == "age"
    assert interview.shown_value("age") == 27  # the answer is kept and shown again
    interview.back()
    assert interview.place == "welcome"


def test_enter_after_going_back_moves_one_step_not_to_the_end(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    answer_all(interview, YOUNG)
    interview.back()  # review -> last question
    assert interview.current == "campus"
    for _ in range(13):
        interview.back()
    assert interview.current == "employer_sector"
    interview.answer("public")
    assert interview.current == "diploma"
    assert interview.shown_value("diploma") == "bac_general"


def test_year_of_study_is_preselected_from_the_diploma(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    for value in (22, "private", "m1", "unknown"):  # the situation: rather not say
        interview.answer(value)
    assert interview.current == "entry_level"
    assert interview.shown_value("entry_level") == "m2"


def test_an_answer_hidden_by_a_change_comes_back_when_the_change_is_undone(
    bundle: Bundle,
) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    answer_all(interview, {**YOUNG, "age": 27, "jobseeker_or_benefits": True})
    assert interview.applicable()["jobseeker_or_benefits"] is True

    interview.edit("age")
    interview.answer(20)
    # Under 26 on a year: the same-level diploma (D6222-30) is new here, so asked.
    assert (interview.place, interview.current) == ("question", "same_level_diploma")
    interview.answer("no")
    assert interview.place == "review"
    assert "jobseeker_or_benefits" not in interview.applicable()
    assert interview.answers["jobseeker_or_benefits"] is True  # kept, not applicable

    interview.edit("age")
    interview.answer(27)
    assert interview.place == "review"  # nothing to ask again: the answer came back
    assert interview.applicable()["jobseeker_or_benefits"] is True


def test_an_edit_that_opens_new_questions_asks_them_then_returns(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    answer_all(interview, YOUNG)
    interview.results()
    interview.edit("age")
    interview.answer(45)
    # Over 29: the job-seeker question (required), then the special situations:
    # optional, but new to this person, so asked rather than left to its default.
    assert (interview.place, interview.current) == ("question", "jobseeker_or_benefits")
    assert interview.new_questions() == ["jobseeker_or_benefits"]  # as far as known
    interview.answer(False)
    assert (interview.place, interview.current) == ("question", "situations")
    assert interview.new_questions() == ["situations"]
    interview.answer(frozenset())
    assert interview.place == "results"  # back where the change started
    assert interview.applicable()["age"] == 45
    assert interview.applicable()["diploma"] == "bac_general"


def test_escape_during_an_edit_cancels_it(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    answer_all(interview, YOUNG)
    interview.edit("diploma")
    interview.back()
    assert interview.place == "review"
    assert interview.answers["diploma"] == "bac_general"


def test_results_wait_for_every_required_answer(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.answers.update({"age": 20, "employer_sector": "private"})
    interview.results()
    assert (interview.place, interview.current) == ("question", "diploma")
    interview.answer("licence")
    assert interview.current == "duration_months"
    interview.answer(12)
    assert interview.place == "results"


def test_answers_given_up_front_open_the_results_or_the_first_gap(bundle: Bundle) -> None:
    complete = Interview(bundle.flow)
    assert complete.load_answers(YOUNG) == []
    complete.open_on()
    assert complete.place == "results"

    partial = Interview(bundle.flow)
    problems = partial.load_answers({"age": 200, "employer_sector": "private", "diploma": "x"})
    assert [p.question for p in problems] == ["age", "diploma"]
    assert partial.answers == {"employer_sector": "private"}  # the rest is kept
    partial.open_on()
    assert (partial.place, partial.current) == ("question", "age")


def test_a_saved_question_reopens_when_it_is_still_on_the_path(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.load_answers(YOUNG)
    interview.open_on("diploma")
    assert (interview.place, interview.current) == ("question", "diploma")
    interview.open_on("jobseeker_or_benefits")  # not asked at 20
    assert interview.place == "results"


def test_review_rows_flag_defaults_and_missing_answers(bundle: Bundle) -> None:
    interview = Interview(bundle.flow, lang="en")
    interview.load_answers({"age": 20, "employer_sector": "private"})
    rows = {row.question: row for row in interview.review_rows()}
    assert rows["age"].value == "20 years"
    assert rows["diploma"].missing
    interview.load_answers({"diploma": "m1", "duration_months": 6})
    rows = {row.question: row for row in interview.review_rows()}
    assert not any(row.missing for row in rows.values())
    assert rows["weekly_hours"].default and rows["weekly_hours"].value == "35 h a week"
    assert rows["diploma"].value == "First year of a master’s, M1 (bac+4)"
    interview.lang = "fr"
    assert interview.review_rows()[0].value == "20 ans"


def test_a_ticked_choice_is_kept_when_going_back(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    answer_all(interview, YOUNG)
    interview.back()
    interview.back()
    assert interview.current == "interests"
    interview.keep(frozenset({"culture"}))
    interview.back()
    assert interview.answers["interests"] == frozenset({"culture"})


def test_progress_counts_the_questions_on_the_predicted_path(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    first = interview.progress()
    assert first is not None and first.position == 1
    interview.answer(20)
    second = interview.progress()
    assert second is not None and second.position == 2 and second.total == first.total
    interview.back()
    # Over 29: job seeking, and the special situations (RQTH among them) instead of
    # RQTH alone: one more question.
    interview.answer(35)
    third = interview.progress()
    assert third is not None and third.position == 2 and third.total == first.total + 1


def test_restart_forgets_everything(bundle: Bundle) -> None:
    interview = Interview(bundle.flow)
    interview.begin()
    answer_all(interview, YOUNG)
    interview.restart()
    assert (interview.place, interview.answers, interview.drafts) == ("welcome", {}, {})


def test_a_flow_without_advice_reaches_its_outcome(bike_path: Path) -> None:
    flow = load_bundle(bike_path).flow
    interview = Interview(flow, lang="en")
    interview.begin()
    asked = answer_all(interview, {"usage": "trails", "suspension": True})
    assert asked == ["usage", "suspension"]
    assert interview.walk().outcome == "mountain_bike"


@pytest.mark.parametrize(
    ("text", "final", "ok", "error"),
    [
        ("1", False, False, ""),  # on the way to 18: no error yet
        ("1", True, False, "Enter a number between 15 and 99 years."),
        ("", False, False, ""),
        ("", True, False, "An answer is needed here."),
        ("abc", False, False, "“abc” is not a number: type digits, e.g. 15."),
        ("150", False, False, "Enter a number between 15 and 99 years."),
        ("20.5", False, False, "Enter a whole number (no decimals)."),
        ("20", False, True, ""),
        (" 20 ", True, True, ""),
    ],
)
def test_typing_an_age_shows_errors_only_when_more_digits_cannot_help(
    bundle: Bundle, text: str, final: bool, ok: bool, error: str
) -> None:
    typed = check_typing(bundle.flow.questions["age"], text, "en", final=final)
    assert (typed.ok, typed.error) == (ok, error)


def test_an_optional_number_left_empty_is_no_answer(bundle: Bundle) -> None:
    question = bundle.flow.questions["agreement_minimum_eur"]
    typed = check_typing(question, "", "fr", final=True)
    assert typed.ok and typed.value is None
    assert check_typing(question, "1 900,50", "fr").value == 1900.5
    assert number_text(1900.5, "fr") == "1\u202f900,5"
    assert number_text(None, "fr") == ""


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("٢", "“٢” is not written with the digits 0 to 9: type 2."),
        ("２０", "“２０” is not written with the digits 0 to 9: type 20."),
        ("1_9", "“1_9” is not written with the digits 0 to 9: type 19."),
        ("2e1", "“2e1” is not written with the digits 0 to 9: type 20."),
    ],
)
def test_the_number_field_reads_numbers_as_the_command_line_does(
    bundle: Bundle, text: str, error: str
) -> None:
    # Shown at once, while typing: more digits cannot make these right.
    typed = check_typing(bundle.flow.questions["age"], text, "en")
    assert (typed.ok, typed.error) == (False, error)


def test_answers_given_up_front_with_huge_numbers_are_reported_not_a_crash(
    bundle: Bundle,
) -> None:
    # What `alternance --answers` and `--resume` hand to the interview.
    interview = Interview(bundle.flow, lang="en")
    problems = interview.load_answers({"age": 10**400, "employer_sector": "private"})
    assert [p.question for p in problems] == ["age"]
    assert interview.answers == {"employer_sector": "private"}


@pytest.mark.parametrize(("lang", "yes", "no"), [("en", "Yes", "No"), ("fr", "Oui", "Non")])
def test_a_yes_reads_like_the_no_of_a_choice_beside_it(
    bundle: Bundle, lang: str, yes: str, no: str
) -> None:
    """The review lists a yes/no answer among choices whose labels start with a capital."""
    interview = Interview(bundle.flow, lang=lang)
    interview.load_answers({**YOUNG, "age": 27, "jobseeker_or_benefits": True})
    rows = {row.question: row.value for row in interview.review_rows()}
    assert rows["jobseeker_or_benefits"] == yes
    assert rows["previous_apprenticeship"] == no  # the choice "No" / "Non"


def test_a_question_a_change_brings_is_asked_even_when_optional(bundle: Bundle) -> None:
    """A public employer is not asked the agreement minimum; changed to a private one
    in the review, it is asked (not shown as "— (default)"), then the review again."""
    interview = Interview(bundle.flow, lang="en")
    interview.begin()
    answer_all(interview, {**YOUNG, "age": 22, "employer_sector": "public"})
    assert "agreement_minimum_eur" not in interview.walk().path
    interview.edit("employer_sector")
    assert interview.new_questions() == []
    interview.answer("private")
    assert (interview.place, interview.current) == ("question", "agreement_minimum_eur")
    assert interview.new_questions() == ["agreement_minimum_eur"]
    interview.answer(None)  # left empty: not known
    assert interview.place == "review"
    rows = {row.question: row for row in interview.review_rows()}
    assert not rows["agreement_minimum_eur"].default  # answered (empty), not unasked
    # Changing it back and forth again asks nothing more: it has its answer.
    interview.edit("employer_sector")
    interview.answer("public")
    interview.edit("employer_sector")
    interview.answer("private")
    assert interview.place == "review"


def test_a_27_year_old_is_asked_about_job_seeking_once(bundle: Bundle) -> None:
    """Yes: the situation today starts on "Job seeker"; no: a year of job seeking
    (or those benefits) cannot be, so it is not asked, even for 30 months."""
    seeker = Interview(bundle.flow, lang="en")
    seeker.begin()
    asked = answer_all(seeker, {**YOUNG, "age": 27, "jobseeker_or_benefits": True})
    assert seeker.answers["status"] == "jobseeker"  # what it showed first
    assert asked.count("jobseeker_or_benefits") == 1
    other = Interview(bundle.flow, lang="en")
    other.begin()
    answers = {**YOUNG, "age": 27, "jobseeker_or_benefits": False, "duration_months": 30}
    asked = answer_all(other, answers)
    assert "long_term_jobseeker_or_benefits" not in asked
    assert other.answers["status"] == "unknown"
    longer = Interview(bundle.flow, lang="en")
    longer.begin()
    both = {**answers, "jobseeker_or_benefits": True, "long_term_jobseeker_or_benefits": True}
    asked = answer_all(longer, both)
    assert "long_term_jobseeker_or_benefits" in asked  # over a year: still to know


def test_a_session_left_at_the_review_part_way_goes_on_where_it_was_left(
    bundle: Bundle,
) -> None:
    """Found walking --plain and --resume: a person who opened the review part-way
    through and quit there was saved with no question, and resuming took the
    defaults for every question left (RQTH, birth month, hours…) and showed results."""
    from alternance_tui.sessions.autosave import session_of

    interview = Interview(bundle.flow, lang="en")
    interview.begin()
    for question in ("age", "employer_sector", "diploma"):
        assert interview.current == question
        interview.answer(YOUNG[question])
    left = interview.current
    assert left is not None
    interview.review()
    saved = session_of(interview, "en")
    assert saved.current == left

    again = Interview(bundle.flow, lang="en")
    again.load_answers(saved.answers)
    again.open_on(saved.current)
    assert (again.place, again.current) == ("question", left)
    asked = answer_all(again, YOUNG)
    whole = Interview(bundle.flow, lang="en")
    whole.begin()
    assert asked == answer_all(whole, YOUNG)[3:]  # every question after those answered


def test_a_finished_interview_reviewed_from_the_results_opens_on_the_results(
    bundle: Bundle,
) -> None:
    from alternance_tui.sessions.autosave import session_of

    interview = Interview(bundle.flow, lang="en")
    interview.begin()
    interview.answer(YOUNG["age"])
    interview.review()  # part-way, then back to the questions and to the end
    interview.edit("age")
    interview.answer(YOUNG["age"])
    interview.results()
    answer_all(interview, YOUNG)
    interview.results()
    assert interview.place == "results"
    interview.review()
    assert session_of(interview, "en").current is None
