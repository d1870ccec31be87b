"""'What would change it': the smallest changes of answers that open a closed
contract, worked out from the rules (not written per case)."""

from __future__ import annotations

import pytest

from alternance_tui.advice.model import Bundle
from alternance_tui.advice.whatif import _readable
from alternance_tui.flow.model import Question

from .support import advise, changes, contract, person


def _closed(bundle: Bundle, contract_id: str, answers: dict[str, object]) -> dict[str, object]:
    item = contract(advise(bundle, answers), contract_id)
    assert item["status"] == "not_eligible"
    return item


def test_36_year_old_apprenticeship_names_the_exceptions_then_the_age_range(
    bundle: Bundle,
) -> None:
    answers = person(36, situations=[], jobseeker_or_benefits=False)
    item = _closed(bundle, "apprenticeship", answers)
    assert changes(item) == [
        "Special situations: Recognised disabled-worker status (RQTH) or A plan to create "
        "or take over a business that needs this diploma or Top-level athlete",
        "Age at the start: between 16 years and 29 years",
    ]
    situations, age = item["what_would_change"]
    assert situations["answers"] == {"situations": ["rqth", "business_project", "top_athlete"]}
    assert situations["fixed"] is False
    # The age cannot be changed by the person: named, but after what can.
    assert (age["answers"], age["fixed"]) == ({"age": {"min": 16.0, "max": 29.0}}, True)


def test_36_year_old_follow_on_contract_names_the_age_up_to_35(bundle: Bundle) -> None:
    answers = person(36, situations=["higher_diploma_followup"], jobseeker_or_benefits=False)
    item = _closed(bundle, "apprenticeship", answers)
    assert changes(item)[-1] == "Age at the start: between 16 years and 35 years"


def test_15_year_old_before_the_end_of_lower_secondary(bundle: Bundle) -> None:
    """The exceptions lift the upper age limit only: they are not offered at 15."""
    item = _closed(bundle, "apprenticeship", person(15, lower_secondary_done=False))
    assert changes(item) == [
        "Lower secondary finished: Yes",
        "Age at the start: between 16 years and 29 years",
    ]


@pytest.mark.parametrize("sector", ["public", "individual"])
def test_professionalisation_names_a_private_employer(bundle: Bundle, sector: str) -> None:
    item = _closed(bundle, "professionalisation", person(20, employer_sector=sector))
    assert changes(item) == ["Employer: A private company or association"]
    assert item["what_would_change"][0]["answers"] == {"employer_sector": ["private"]}


def test_professionalisation_from_26_names_job_seeker_status(bundle: Bundle) -> None:
    # 12 months: the length needs no year of job seeking (which a "no" rules out).
    answers = person(30, jobseeker_or_benefits=False, duration_months=12)
    item = _closed(bundle, "professionalisation", answers)
    assert changes(item) == [
        "Job seeker or RSA/ASS/AAH: Yes",
        "Age at the start: between 16 years and 25 years",
    ]


def test_two_changes_together_when_one_is_not_enough(bundle: Bundle) -> None:
    answers = person(
        36, employer_sector="public", situations=[], jobseeker_or_benefits=False, duration_months=12
    )
    item = _closed(bundle, "professionalisation", answers)
    assert changes(item) == [
        "Job seeker or RSA/ASS/AAH: Yes and Employer: A private company or association"
    ]


def test_no_job_seeking_at_30_on_36_months_needs_both_answers(bundle: Bundle) -> None:
    """Not a job seeker, so never asked about a year of it: 36 months then need both."""
    answers = person(30, jobseeker_or_benefits=False)
    item = _closed(bundle, "professionalisation", answers)
    assert changes(item) == [
        "Job seeker or RSA/ASS/AAH: Yes and Job seeker for over a year or RSA/ASS/AAH: Yes"
    ]


def test_apprenticeship_length_range(bundle: Bundle) -> None:
    item = _closed(bundle, "apprenticeship", person(20, duration_months=48, situations=[]))
    assert changes(item) == [
        "Special situations: Recognised disabled-worker status (RQTH)",
        "Planned length: between 6 months and 36 months",
    ]


def test_rqth_apprenticeship_lasts_up_to_4_years(bundle: Bundle) -> None:
    answers = person(20, duration_months=48, situations=["rqth"])
    item = contract(advise(bundle, answers), "apprenticeship")
    assert item["eligible"] is True
    # The fourth year: the third year's 67 % + 15 points (R6222-48).
    assert [y["percent_of_smic"] for y in item["pay"]["years"]] == [43, 61, 78, 93]


def test_training_contract_names_an_organisation(bundle: Bundle) -> None:
    item = _closed(bundle, "training", person(20, employer_sector="individual"))
    assert changes(item) == [
        "Employer: A private company or association or A public body (State, local "
        "authority, hospital…)"
    ]


def test_open_contracts_have_nothing_to_change(bundle: Bundle) -> None:
    data = advise(bundle, person(20, duration_months=4))
    for item in data["contracts"]:
        if item["eligible"]:
            assert item["what_would_change"] == []


def test_in_french(bundle: Bundle) -> None:
    data = advise(bundle, person(20, employer_sector="public"), lang="fr")
    assert changes(contract(data, "professionalisation")) == [
        "Employeur\u00a0: Une entreprise ou association privée"
    ]
    assert changes(contract(data, "internship")) == ["Durée prévue\u00a0: 6 mois ou moins"]


def _number(integer: bool = False) -> Question:
    return Question(
        "hours",
        "number",
        {"en": "Hours?"},
        {"en": "Hours"},
        (),
        minimum=1,
        maximum=48,
        integer=integer,
    )


def test_a_range_is_rounded_inwards_to_what_a_person_can_answer() -> None:
    """Upper bounds down, lower bounds up, so every value the text allows opens."""
    anything = lambda value: True  # noqa: E731
    assert _readable(_number(), None, 6.09, anything) == (None, 6)
    assert _readable(_number(), 2.01, None, anything) == (3, None)
    # No whole number between 6.2 and 6.8: tenths, still inside.
    assert _readable(_number(), 6.21, 6.79, anything) == (6.3, 6.7)
    # A rounded bound that would not open is never shown: the exact one is.
    assert _readable(_number(), 6.21, 6.79, lambda v: v not in (6.3, 6.7)) == (6.21, 6.79)
    # A whole number that would not open: the tenth that does.
    assert _readable(_number(), None, 1.55, lambda v: v != 1) == (None, 1.5)
    # Whole-number questions are already in their units.
    assert _readable(_number(integer=True), 16, 25, anything) == (16, 25)
