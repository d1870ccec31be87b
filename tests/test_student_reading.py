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
