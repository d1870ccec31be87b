"""Who may sign each contract, with whom, and the reasons given for each yes and no;
an employer "not known yet" covers each possibility."""

from __future__ import annotations

import datetime as dt

import pytest

from alternance_tui.advice.engine import IncompleteAnswers, recommend
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.answers import parse_answers

from .support import advise, contract, person


def _rule(item: dict[str, object], rule_id: str) -> dict[str, object]:
    rules = item["rules"]
    assert isinstance(rules, list)
    return next(r for r in rules if r["id"] == rule_id)


def _apprenticeship(bundle: Bundle, age: int, **answers: object) -> dict[str, object]:
    base = {
        "age": age,
        "employer_sector": "private",
        "diploma": "licence",
        "duration_months": 24,
    }
    if age >= 26:
        base["jobseeker_or_benefits"] = False
    base.update(answers)
    if int(str(base["duration_months"])) > 24:
        base.setdefault("long_term_jobseeker_or_benefits", False)
    return contract(advise(bundle, base), "apprenticeship")


# --- apprenticeship: 16 to 29, 15 after lower secondary, exceptions beyond 29 ----------


@pytest.mark.parametrize(
    ("age", "answers", "open_", "reason"),
    [
        (15, {"lower_secondary_done": True}, True, "Aged 15 with lower secondary school finished"),
        (15, {"lower_secondary_done": False}, False, "At 15, an apprenticeship is not open"),
        (16, {}, True, "Aged 16: within the 16 to 29 range."),
        (29, {}, True, "Aged 29: within the 16 to 29 range."),
        (30, {"situations": []}, False, "At 30, an apprenticeship is not open"),
        (30, {"situations": ["higher_diploma_followup"]}, True, "possible up to 35 inclusive"),
        (34, {"situations": ["higher_diploma_followup"]}, True, "Aged 34, a new contract"),
        # D6222-1: "35 ans au plus".
        (35, {"situations": ["higher_diploma_followup"]}, True, "Aged 35, a new contract"),
        (36, {"situations": ["higher_diploma_followup"]}, False, "up to 35 inclusive for a new"),
        (36, {"situations": []}, False, "At 36, an apprenticeship is not open"),
        (35, {"situations": ["rqth"]}, True, "With RQTH status there is no upper age limit."),
        (52, {"situations": ["business_project"]}, True, "take over a business"),
        (41, {"situations": ["top_athlete"]}, True, "Top-level athlete: no upper age limit."),
        (99, {"situations": ["rqth"]}, True, "no upper age limit"),
    ],
)
def test_apprenticeship_age(
    bundle: Bundle, age: int, answers: dict[str, object], open_: bool, reason: str
) -> None:
    item = _apprenticeship(bundle, age, **answers)
    assert item["eligible"] is open_
    rule = _rule(item, "age")
    assert rule["holds"] is open_
    assert reason in str(rule["text"])
    assert str(rule["source"]).startswith("Code du travail L6222-")


def test_apprenticeship_age_no_reason_lists_every_route(bundle: Bundle) -> None:
    text = str(_rule(_apprenticeship(bundle, 36, situations=[]), "age")["text"])
    for part in ("16 to 29", "15 after lower secondary school", "up to 35 inclusive", "RQTH"):
        assert part in text
    assert "business creation or takeover plan" in text and "top-level athlete" in text


# A private individual is a private-sector employer (the reference: "private or public").
@pytest.mark.parametrize("sector", ["private", "public", "individual"])
def test_apprenticeship_private_or_public_employer(bundle: Bundle, sector: str) -> None:
    item = _apprenticeship(bundle, 20, employer_sector=sector)
    assert item["eligible"] is True
    assert "private or a public employer" in str(_rule(item, "employer")["text"])


@pytest.mark.parametrize(("months", "open_"), [(5, False), (6, True), (36, True), (37, False)])
def test_apprenticeship_lasts_6_months_to_3_years(bundle: Bundle, months: int, open_: bool) -> None:
    item = _apprenticeship(bundle, 20, duration_months=months)
    assert item["eligible"] is open_
    assert "6 months to 3 years" in str(_rule(item, "duration")["text"])


@pytest.mark.parametrize(
    ("sector", "note"),
    [
        ("private", "employer’s OPCO"),
        ("public", "CNFPT"),
    ],
)
def test_apprenticeship_training_cost_by_employer(bundle: Bundle, sector: str, note: str) -> None:
    notes = _apprenticeship(bundle, 20, employer_sector=sector)["notes"]
    assert isinstance(notes, list)
    costs = [n for n in notes if n["text"].startswith("Training cost")]
    assert len(costs) == 1 and note in costs[0]["text"]


def test_fifteen_year_old_must_say_whether_lower_secondary_is_done(bundle: Bundle) -> None:
    raw = person(15)
    del raw["lower_secondary_done"]
    answers, _ = parse_answers(bundle.flow, raw)
    with pytest.raises(IncompleteAnswers) as caught:
        recommend(bundle, answers, as_of=dt.date(2026, 1, 1), lang="en")
    assert caught.value.missing == ["lower_secondary_done"]


# --- professionalisation: 16-25; from 26 job seekers and RSA/ASS/AAH; private only ------


@pytest.mark.parametrize(
    ("age", "jobseeker", "open_", "reason"),
    [
        (15, None, False, "open from 16 to 25"),
        (16, None, True, "Aged 16: open from 16 to 25."),
        (25, None, True, "Aged 25: open from 16 to 25."),
        (26, False, False, "from 26 only to registered job seekers"),
        (26, True, True, "From 26, open to registered job seekers"),
        (45, True, True, "that is your case"),
        (45, False, False, "The IMPGT page says “no age limit”: the law sets these conditions."),
    ],
)
def test_professionalisation_age(
    bundle: Bundle, age: int, jobseeker: bool | None, open_: bool, reason: str
) -> None:
    answers = person(age, situations=[], lower_secondary_done=True)
    if jobseeker is not None:
        answers["jobseeker_or_benefits"] = jobseeker
    item = contract(advise(bundle, answers), "professionalisation")
    assert item["eligible"] is open_
    rule = _rule(item, "age")
    assert rule["holds"] is open_
    assert reason in str(rule["text"])
    assert rule["source"] == "Code du travail L6325-1"


@pytest.mark.parametrize(
    ("sector", "open_"), [("private", True), ("public", False), ("individual", False)]
)
def test_professionalisation_private_employers_only(
    bundle: Bundle, sector: str, open_: bool
) -> None:
    item = contract(advise(bundle, person(20, employer_sector=sector)), "professionalisation")
    assert item["eligible"] is open_
    text = str(_rule(item, "employer")["text"])
    if open_:
        assert "groups of employers, temporary-work agencies and seasonal employers" in text
    else:
        assert item["pay"] is None
        assert "other than private individuals" in text
        assert "never the State, local authorities or public administrative" in text


def test_professionalisation_notes_opco_within_5_days(bundle: Bundle) -> None:
    item = contract(advise(bundle, person(20)), "professionalisation")
    notes = " ".join(n["text"] for n in item["notes"])
    assert "OPCO within 5 days of signature" in notes
    assert "approved by the course’s director" in notes


# --- training contract: from 16, no upper age limit, public or private, no amount -------
# (whom it is for and what it pays: test_training_contract.py)


@pytest.mark.parametrize("age", [16, 26, 45, 99])
@pytest.mark.parametrize("sector", ["private", "public"])
def test_training_contract_at_any_age(bundle: Bundle, age: int, sector: str) -> None:
    answers = person(age, employer_sector=sector, jobseeker_or_benefits=False, situations=[])
    item = contract(advise(bundle, answers), "training")
    assert item["eligible"] is True
    assert item["reasons"][0] == "No upper age limit."


def test_training_contract_gives_no_amount_and_lists_funding(bundle: Bundle) -> None:
    item = contract(advise(bundle, person(30)), "training")
    assert item["pay"] is None
    note = item["pay_note"]
    assert "this tool does not estimate it" in note["text"]
    assert note["funding_routes"] == [
        "Personal training account (CPF)",
        "Employer",
        "Self-funding",
        "Regional aid",
        "France Travail (formerly Pôle emploi)",
        "Other funding bodies",
    ]


def test_training_contract_not_with_a_private_individual(bundle: Bundle) -> None:
    item = contract(advise(bundle, person(20, employer_sector="individual")), "training")
    assert item["eligible"] is False
    assert "not with a private individual" in str(_rule(item, "host")["text"])


# --- employer not known yet: each possibility ------------------------------------------


def test_unknown_employer_covers_each_possibility(bundle: Bundle) -> None:
    data = advise(bundle, person(22, employer_sector="unknown", duration_months=6))
    status = {c["id"]: c["status"] for c in data["contracts"]}
    assert status == {
        "apprenticeship": "eligible",  # with any of the three employers
        "professionalisation": "conditional",
        "training": "conditional",
        "internship": "conditional",
    }
    pro = contract(data, "professionalisation")
    assert pro["eligible"] is True
    assert [(d["question"], d["open_with"]) for d in pro["depends_on"]] == [
        ("employer_sector", ["private"])
    ]
    assert pro["depends_on"][0]["text"] == (
        "Employer: not known yet. Open with: A private company or association; "
        "not with: A public body (State, local authority, hospital…) or A private individual."
    )
    employer = _rule(pro, "employer")
    assert employer["holds"] is None
    assert employer["text"] == pro["depends_on"][0]["text"]
    for contract_id in ("training", "internship"):
        (depends,) = contract(data, contract_id)["depends_on"]
        assert depends["open_with"] == ["private", "public"]
        assert "not with: A private individual" in depends["text"]


def test_unknown_employer_estimates_pay_for_the_employers_that_open_it(bundle: Bundle) -> None:
    data = advise(bundle, person(22, employer_sector="unknown", duration_months=12))
    assert contract(data, "apprenticeship")["status"] == "eligible"
    assert contract(data, "professionalisation")["pay"]["years"][0]["percent_of_smic"] == 80


def test_unknown_employer_in_french(bundle: Bundle) -> None:
    data = advise(bundle, person(22, employer_sector="unknown"), lang="fr")
    text = contract(data, "professionalisation")["depends_on"][0]["text"]
    assert text.startswith("Employeur\u00a0: pas encore connu. Ouvert avec\u00a0:")
    assert "Un employeur public" in text
