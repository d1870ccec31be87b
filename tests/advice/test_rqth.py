"""RQTH status (reconnaissance de la qualité de travailleur handicapé), asked wherever
it changes what a person is told, once, with the word explained: no upper age limit
and a contract of up to 4 years (L6222-2, L6222-11, asked with the other special
situations from 30 or beyond 36 months), and otherwise on its own: the employer's aid
(€6,000 with RQTH under décret 2026-168, the single aid's €6,000 under D6243-2), the
Agefiph's and the FIPHFP's aid and the CFA's disability contact (L6231-2)."""

from __future__ import annotations

from typing import Any

import pytest

from alternance_tui.advice.model import Bundle
from alternance_tui.flow.walk import walk

from .support import advise, contract, person


def _path(bundle: Bundle, **answers: object) -> list[str]:
    return walk(bundle.flow, answers, use_defaults=True).path


@pytest.mark.parametrize(
    ("answers", "asked"),
    [
        ({"age": 20, "duration_months": 12}, "rqth"),
        ({"age": 29, "duration_months": 36}, "rqth"),
        ({"age": 30, "duration_months": 12}, "situations"),
        ({"age": 20, "duration_months": 40}, "situations"),
        ({"age": 20, "duration_months": 12, "employer_sector": "public"}, "rqth"),
    ],
)
def test_rqth_is_asked_once_on_every_path(
    bundle: Bundle, answers: dict[str, object], asked: str
) -> None:
    given = {"employer_sector": "private", "diploma": "licence", **answers}
    if given["age"] >= 26:  # type: ignore[operator]
        given["jobseeker_or_benefits"] = True
    if given["duration_months"] > 24:  # type: ignore[operator]
        given["long_term_jobseeker_or_benefits"] = False
    path = _path(bundle, **given)
    assert asked in path
    # once: the one question or the other, never both
    assert ("rqth" in path) != ("situations" in path)


def test_the_question_explains_the_word(bundle: Bundle) -> None:
    question = bundle.flow.questions["rqth"]
    assert question.kind == "yes_no"
    assert question.default is False  # an answer not given: no RQTH assumed, none needed
    fr, en = question.prompt["fr"], question.prompt["en"]
    assert "reconnaissance de la qualité de travailleur handicapé" in fr and "MDPH" in fr
    assert "recognised disabled-worker status" in en and "MDPH" in en
    assert question.help is not None and "4 ans" in question.help["fr"]
    choice = bundle.flow.questions["situations"].choice("rqth")
    assert choice is not None and choice.help is not None and "MDPH" in choice.help["fr"]


def _notes(bundle: Bundle, on: str, **answers: object) -> list[dict[str, Any]]:
    data = advise(bundle, person(22, duration_months=12, **answers), on)
    notes = contract(data, "apprenticeship")["notes"]
    assert isinstance(notes, list)
    return notes


def test_a_student_with_rqth_is_told_the_aid_of_6000(bundle: Bundle) -> None:
    notes = " ".join(n["text"] for n in _notes(bundle, "2026-04-01", rqth=True))
    assert "With your RQTH status, the employer’s aid is €6,000" in notes
    plain = " ".join(n["text"] for n in _notes(bundle, "2026-04-01"))
    assert "With your RQTH status" not in plain


@pytest.mark.parametrize(
    ("employer", "fund"),
    [("private", "Agefiph"), ("individual", "Agefiph"), ("public", "FIPHFP")],
)
def test_rqth_names_the_disability_funds_and_the_cfa_contact(
    bundle: Bundle, employer: str, fund: str
) -> None:
    notes = _notes(bundle, "2027-01-15", rqth=True, employer_sector=employer)
    (text,) = [n["text"] for n in notes if "disability contact" in n["text"]]
    assert fund in text
    assert "L6231-2" in next(n["source"] for n in notes if n["text"] == text)
    assert not [n for n in _notes(bundle, "2027-01-15") if "disability contact" in n["text"]]
    # the same from 30, where RQTH is one of the special situations
    older = person(31, duration_months=12, situations=["rqth"], employer_sector=employer)
    card = contract(advise(bundle, older, "2027-01-15"), "apprenticeship")
    assert [n for n in card["notes"] if "disability contact" in n["text"]]
