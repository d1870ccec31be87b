"""What a student reads in the shipped flow's own words, in both languages
(issue 22): the same diplomas named in each language."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from alternance_tui.advice.model import Bundle

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+\b")
BRACKETS = re.compile(r"\(([^)]*)\)")
AS_OF = dt.date(2026, 1, 1)


def _named(label: str) -> set[str]:
    """The acronyms a label lists in brackets: "(L2, BTS, DUT…)"."""
    return {a for inside in BRACKETS.findall(label) for a in ACRONYM.findall(inside)}


def test_each_choice_lists_the_same_diplomas_in_both_languages(bundle: Bundle) -> None:
    for question in bundle.flow.questions.values():
        for choice in question.choices:
            french, english = _named(choice.label["fr"]), _named(choice.label["en"])
            assert french == english, f"{question.id}.{choice.id}: {french} vs {english}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_bac2_names_the_but(bundle: Bundle, lang: str) -> None:
    bac2 = bundle.flow.questions["diploma"].choice("bac2")
    assert bac2 is not None
    assert {"L2", "BTS", "BUT", "DUT"} <= _named(bac2.label[lang])


@pytest.mark.parametrize(
    ("lang", "september", "march"), [("fr", "Septembre", "Mars"), ("en", "September", "March")]
)
def test_the_handout_and_the_comparison_name_the_months(
    bundle: Bundle, lang: str, september: str, march: str
) -> None:
    from alternance_tui.advice.compare import compare
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.handout import handout

    engine = Engine(bundle)
    young = {"age": 20, "employer_sector": "private", "diploma": "licence", "duration_months": 24}
    a = engine.recommend({**young, "birth_month": 3}, as_of=AS_OF, lang=lang)
    b = engine.recommend({**young, "birth_month": 11}, as_of=AS_OF, lang=lang)
    answers = " / ".join(handout(a, bundle, today=AS_OF).answers)
    assert september in answers and march in answers
    rows = {row.question: row.values for row in compare({"A": a, "B": b}, bundle).answers}
    assert rows["start_month"] == (september, september)
    assert rows["birth_month"][0] == march


# --- words explained (item 3) -----------------------------------------------------------------

STUDENTS = {
    # 22, a licence, aiming at an M2, with a public employer
    "licence-m2-public": {
        "age": 22,
        "employer_sector": "public",
        "diploma": "licence",
        "duration_months": 12,
        "entry_level": "m2",
        "birth_month": 3,
    },
    # 17, no diploma
    "17-no-diploma": {
        "age": 17,
        "employer_sector": "private",
        "diploma": "none",
        "vocational_diploma": False,
        "duration_months": 24,
    },
    # 27, a job seeker
    "27-job-seeker": {
        "age": 27,
        "jobseeker_or_benefits": True,
        "employer_sector": "unknown",
        "diploma": "bac2",
        "duration_months": 30,
        "long_term_jobseeker_or_benefits": True,
        "situations": ["rqth"],
    },
}
# Names, not words to explain: the CFA's own name, and courses whose title spells
# the abbreviation out ("… (MDOMC)").
NAMES = {"EPURE", "MDOMC", "MESS"}
WORD = re.compile(r"\b[A-Z][A-Z]+[0-9]?\b")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("student", list(STUDENTS))
def test_every_abbreviation_in_a_report_is_explained_at_its_end(
    bundle: Bundle, student: str, lang: str
) -> None:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.render import render
    from alternance_tui.flow.answers import parse_answers

    answers, problems = parse_answers(bundle.flow, STUDENTS[student], lang)
    assert not problems
    rec = Engine(bundle).recommend(answers, as_of=AS_OF, lang=lang)
    text = render(rec, bundle, "text")
    heading = "Les mots employés ici" if lang == "fr" else "The words used here"
    body, words = text.split(f"\n{heading}\n")
    explained = {re.split(r"\u00a0?:", line)[0] for line in words.splitlines()}
    terms = {t.strip(" •") for line in explained for t in line.split(",")}
    missing = sorted(set(WORD.findall(body)) - terms - NAMES)
    assert missing == [], missing


def test_a_word_is_explained_beside_the_first_question_that_uses_it(bundle: Bundle) -> None:
    from alternance_tui.interview.state import Interview

    older = Interview(bundle.flow, lang="fr")
    older.load_answers({"age": 27, "employer_sector": "private", "diploma": "bac_general"})
    glossed = [e.term["fr"] for e in older.glosses("jobseeker_or_benefits")]
    assert glossed == ["AAH", "ASS", "CUI", "RSA"]
    older.load_answers({"jobseeker_or_benefits": True, "duration_months": 30})
    assert older.glosses("long_term_jobseeker_or_benefits") == []  # explained already
    assert older.glosses("age") == []
    younger = Interview(bundle.flow, lang="en")
    younger.load_answers({"age": 20, "employer_sector": "private", "diploma": "bac_general"})
    younger.load_answers({"duration_months": 30})
    # At 20 the long-term question is the first to name them.
    assert [e.term["en"] for e in younger.glosses("long_term_jobseeker_or_benefits")] == [
        "AAH",
        "ASS",
        "CUI",
        "RSA",
    ]
    # F1 explains every word of a question: its help and choices too.
    assert "SMIC" in [e.term["fr"] for e in older.words("age")]  # the French help says SMIC
    assert {"BTS", "BUT", "DUT"} <= {e.term["en"] for e in younger.words("diploma")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_handout_explains_the_words_of_its_lead(bundle: Bundle, lang: str) -> None:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.handout import handout
    from alternance_tui.advice.render.handout import render_handout

    young = {
        "age": 20,
        "employer_sector": "private",
        "diploma": "bac_general",
        "duration_months": 24,
    }
    rec = Engine(bundle).recommend(young, as_of=AS_OF, lang=lang)
    made = handout(rec, bundle, today=AS_OF)
    words = " · ".join(made.glossary)
    for word in ("SMIC", "OPCO", "CFA"):
        assert word in words
    page = render_handout(made, rec, bundle, "html")
    assert ("Les mots" if lang == "fr" else "The words:") in page
    assert ("salaire minimum légal" if lang == "fr" else "legal minimum wage") in page


# --- open contracts, no open course (item 7) --------------------------------------------------


def _results(bundle: Bundle, answers: dict[str, object], lang: str):  # type: ignore[no-untyped-def]
    from alternance_tui.advice.engine import Engine
    from alternance_tui.flow.answers import parse_answers

    parsed, problems = parse_answers(bundle.flow, answers, lang)
    assert not problems
    return Engine(bundle).recommend(parsed, as_of=AS_OF, lang=lang)


@pytest.mark.parametrize(
    ("lang", "nearest", "todo"),
    [
        ("en", "No IMPGT course is open to you yet; the nearest: Public", "another school"),
        ("fr", "Aucune formation de l’IMPGT ne vous est encore ouverte ; la plus", "autre école"),
    ],
)
def test_open_contracts_and_no_course_say_the_nearest_and_what_to_do(
    bundle: Bundle, lang: str, nearest: str, todo: str
) -> None:
    from alternance_tui.advice.handout import handout
    from alternance_tui.advice.render import render
    from alternance_tui.tui.pages.resultview import results_view

    rec = _results(bundle, STUDENTS["17-no-diploma"], lang)
    sections = {s.id: s for s in results_view(rec, bundle).sections}
    assert sections["contracts"].open_count >= 2
    assert sections["contracts"].advice == ()
    said = sections["courses"].advice
    assert len(said) == 2
    # French typography puts no-break spaces before ";" and ":".
    assert re.sub(r"[\u00a0\u202f]", " ", said[0]).startswith(nearest)
    assert "L3" in said[0] and "bac+2" in said[0]  # the nearest course, and why
    assert todo in said[1] and "CFA" in said[1]  # what to do
    # The text report and the handout say the same.
    text = render(rec, bundle, "text")
    assert said[0] in text and said[1] in text
    made = handout(rec, bundle, today=AS_OF)
    # The handout names the nearest and what to do, in short: its closed list says
    # what would open each course, and it keeps to one page.
    assert said[0].startswith(made.no_course)
    assert any(todo in step and "CFA" in step for step in made.next_steps)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_contract_paid_for_a_year_whose_courses_are_closed_says_so(
    bundle: Bundle, lang: str
) -> None:
    from alternance_tui.advice.handout import handout
    from alternance_tui.tui.pages.resultview import results_view

    rec = _results(bundle, STUDENTS["licence-m2-public"], lang)
    sections = {s.id: s for s in results_view(rec, bundle).sections}
    [line] = sections["contracts"].advice
    assert "(M2)" in line and "M1 (bac+4)" in line  # for an M2, which needs an M1
    assert "(L3, M1)" in line  # and the courses that are open
    assert handout(rec, bundle, today=AS_OF).level_gap == (line,)
    # The same student entering the M1 the licence leads to: nothing to say.
    entering_m1 = {**STUDENTS["licence-m2-public"], "entry_level": "m1"}
    rec = _results(bundle, entering_m1, lang)
    assert all(s.advice == () for s in results_view(rec, bundle).sections)
    assert handout(rec, bundle, today=AS_OF).level_gap == ()
