"""The training contract is truthful about whom it is for: the continuing-education
route (an agreement with a funder, Code du travail L6353-1, or an individual training
contract when self-funded, L6353-3), from the end of compulsory schooling at 16; what
the person is paid follows their status."""

from __future__ import annotations

from typing import Any

import pytest

from alternance_tui.advice.model import Bundle

from .support import advise, changes, contract, person


def _training(bundle: Bundle, age: int = 22, lang: str = "en", **answers: object) -> dict[str, Any]:
    return contract(advise(bundle, person(age, **answers), lang=lang), "training")


def _rule(item: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in item["rules"] if r["id"] == rule_id)


def test_a_student_in_initial_education_is_told_what_it_means(bundle: Bundle) -> None:
    item = _training(bundle, status="student")
    assert item["eligible"] is False
    route = _rule(item, "route")
    assert route["holds"] is False
    assert route["text"].startswith(
        "The training contract is the continuing-education route, for people who have "
        "left initial education"
    )
    assert (
        "the apprenticeship, the professionalisation contract or the internship" in (route["text"])
    )
    assert route["source"] == "Code du travail L6353-1, L6353-3"
    assert changes(item) == [
        "Current situation: Employee or Job seeker or Other: I would pay for the course myself"
    ]
    assert item["pay"] is None and "pay_note" not in item


@pytest.mark.parametrize("done", [False, True])
def test_a_15_year_old_is_not_told_open(bundle: Bundle, done: bool) -> None:
    """School is compulsory until 16: before the end of lower secondary school or
    after it, the training contract is not open at 15, and the reason says why."""
    item = _training(bundle, 15, status="student", lower_secondary_done=done)
    assert item["eligible"] is False
    age = _rule(item, "age")
    assert age["holds"] is False
    assert age["text"].startswith("At 15, school is compulsory until 16")
    assert "an apprenticeship is what is possible" in age["text"]
    assert age["source"] == "Code de l’éducation L131-1 ; Code du travail L6311-1"


@pytest.mark.parametrize(
    ("status", "reason", "pay", "source"),
    [
        (
            "employee",
            "Employee: the course is funded by your employer, its OPCO or your CPF",
            "Employee: during training in working time your employer keeps paying your salary",
            "Code du travail L6321-2, L6323-17",
        ),
        (
            "jobseeker",
            "Job seeker: the course can be funded by France Travail or the Region",
            "Job seeker: depending on your rights, France Travail keeps paying your allowance",
            "Code du travail L6341-1 et suivants",
        ),
        (
            "self_funded",
            "At your own cost: an individual training contract is signed with the university",
            "At your own cost: the course comes with no pay.",
            "Code du travail L6353-3",
        ),
    ],
)
def test_route_and_pay_follow_the_status(
    bundle: Bundle, status: str, reason: str, pay: str, source: str
) -> None:
    item = _training(bundle, status=status)
    assert item["status"] == "eligible"
    assert _rule(item, "route")["text"].startswith(reason)
    assert item["pay"] is None  # never an amount
    assert item["pay_note"]["text"].startswith(pay)
    assert item["pay_note"]["source"] == source
    assert "Personal training account (CPF)" in item["pay_note"]["funding_routes"]


def test_status_not_said_covers_each_and_picks_no_pay_text(bundle: Bundle) -> None:
    item = _training(bundle, status="unknown")
    assert item["status"] == "conditional"
    (depends,) = item["depends_on"]
    assert depends["question"] == "status"
    assert depends["open_with"] == ["employee", "jobseeker", "self_funded"]
    assert "not with: Pupil or student in initial education" in depends["text"]
    # No status is assumed: the general text, not the employee's.
    assert item["pay_note"]["text"] == (
        "Pay follows your status (employee, job seeker, self-funded): "
        "this tool does not estimate it."
    )


def test_status_is_not_needed_by_recommend(bundle: Bundle) -> None:
    """The question has a default ("rather not say"): the issue's own commands, which
    do not give it, still work."""
    answers = person(22, duration_months=12)
    del answers["status"]
    item = contract(advise(bundle, answers), "training")
    assert item["status"] == "conditional"


def test_in_french(bundle: Bundle) -> None:
    item = _training(bundle, status="student", lang="fr")
    assert _rule(item, "route")["text"].startswith(
        "La convention de formation est la voie de la formation continue"
    )
    item = _training(bundle, status="jobseeker", lang="fr")
    assert item["pay_note"]["text"].startswith("Demandeur d’emploi : selon vos droits")
