"""The professionalisation contract's length (Code du travail L6325-11, L6325-12,
L6325-1-1): 6 to 12 months; up to 24 where the branch agreement provides for it
(the reason says so); up to 36 for a young person without a qualification, a job
seeker registered for over a year, or a person receiving RSA, ASS or AAH."""

from __future__ import annotations

import pytest

from alternance_tui.advice.model import Bundle

from .support import advise, changes, contract, person


def _pro(bundle: Bundle, age: int = 22, lang: str = "en", **answers: object) -> dict[str, object]:
    return contract(advise(bundle, person(age, **answers), lang=lang), "professionalisation")


def _duration(item: dict[str, object]) -> dict[str, object]:
    rules = item["rules"]
    assert isinstance(rules, list)
    return next(r for r in rules if r["id"] == "duration")


def test_three_months_is_refused_with_the_reason_and_what_would_change(bundle: Bundle) -> None:
    item = _pro(bundle, duration_months=3)
    assert item["eligible"] is False
    duration = _duration(item)
    assert duration["holds"] is False
    assert duration["text"] == (
        "A professionalisation contract lasts 6 to 12 months; up to 24 months where the "
        "branch agreement provides for it; up to 36 months for a young person of 16 to 25 "
        "without a qualification (no bac nor vocational diploma), a job seeker registered "
        "for over a year, or a person receiving RSA, ASS or AAH. 3 months does not fit."
    )
    assert duration["source"] == "Code du travail L6325-11, L6325-12"
    assert changes(item) == ["Planned length: between 6 months and 24 months"]
    assert item["what_would_change"][0]["answers"] == {  # type: ignore[index]
        "duration_months": {"min": 6.0, "max": 24.0}
    }


def test_three_months_in_french(bundle: Bundle) -> None:
    item = _pro(bundle, duration_months=3, lang="fr")
    assert "3 mois n’entre pas dans ces durées" in _duration(item)["text"]  # type: ignore[operator]
    assert changes(item) == ["Durée prévue\u00a0: entre 6 mois et 24 mois"]


@pytest.mark.parametrize("months", [6, 9, 12])
def test_6_to_12_months_is_the_ordinary_length(bundle: Bundle, months: int) -> None:
    item = _pro(bundle, duration_months=months)
    assert item["eligible"] is True
    duration = _duration(item)
    assert duration["text"] == (
        f"{months} months: within the length of a professionalisation contract (6 to 12 months)."
    )
    assert duration["source"] == "Code du travail L6325-11"


@pytest.mark.parametrize("months", [13, 18, 24])
def test_up_to_24_months_says_it_needs_the_branch_agreement(bundle: Bundle, months: int) -> None:
    item = _pro(bundle, duration_months=months)
    assert item["eligible"] is True
    duration = _duration(item)
    assert "only where the employer’s branch agreement provides for it" in duration["text"]  # type: ignore[operator]
    assert duration["source"] == "Code du travail L6325-12"


def test_beyond_24_months_is_asked_about_long_term_job_seeking(bundle: Bundle) -> None:
    from alternance_tui.advice.engine import missing_answers
    from alternance_tui.flow.answers import parse_answers

    answers = person(22, duration_months=30)
    del answers["long_term_jobseeker_or_benefits"]
    parsed, problems = parse_answers(bundle.flow, answers, "en")
    assert not problems
    assert missing_answers(bundle.flow, parsed) == ["long_term_jobseeker_or_benefits"]
    # Not asked when the length is ordinary, or when the diploma already allows 36.
    for answers in (
        person(22, duration_months=12),
        person(22, duration_months=30, diploma="none", vocational_diploma=False),
        person(
            22,
            duration_months=30,
            diploma="none",
            employer_sector="public",
            vocational_diploma=False,
        ),
    ):
        answers.pop("long_term_jobseeker_or_benefits", None)
        parsed, _ = parse_answers(bundle.flow, answers, "en")
        assert "long_term_jobseeker_or_benefits" not in missing_answers(bundle.flow, parsed)


@pytest.mark.parametrize("months", [25, 30, 36])
def test_up_to_36_months_for_a_long_term_job_seeker_or_rsa_ass_aah(
    bundle: Bundle, months: int
) -> None:
    item = _pro(bundle, duration_months=months, long_term_jobseeker_or_benefits=True)
    assert item["eligible"] is True
    duration = _duration(item)
    assert "up to 36 months for a job seeker registered for over a year" in duration["text"]  # type: ignore[operator]
    assert duration["source"] == "Code du travail L6325-11, L6325-1-1"


def test_up_to_36_months_for_a_young_person_without_a_qualification(bundle: Bundle) -> None:
    item = _pro(bundle, 19, duration_months=30, diploma="none", vocational_diploma=False)
    assert item["eligible"] is True
    assert "young person of 16 to 25 without a qualification" in _duration(item)["text"]  # type: ignore[operator]
    # From 26 the same diploma no longer counts: the age is the condition's.
    older = _pro(
        bundle, 27, duration_months=30, diploma="none", long_term_jobseeker_or_benefits=False
    )
    assert older["eligible"] is False


def test_30_months_otherwise_names_both_ways(bundle: Bundle) -> None:
    item = _pro(bundle, duration_months=30, long_term_jobseeker_or_benefits=False)
    assert item["eligible"] is False
    # (No bac alone no longer opens it: with no CAP or BEP either, L6325-1-1; a diploma
    # held is not given back, so that way is not offered.)
    assert changes(item) == [
        "Planned length: between 6 months and 24 months",
        "Job seeker for over a year or RSA/ASS/AAH: Yes",
    ]
    assert [c["fixed"] for c in item["what_would_change"]] == [False, False]  # type: ignore[union-attr]


@pytest.mark.parametrize("months", [37, 48])
def test_over_36_months_is_never_a_professionalisation_contract(
    bundle: Bundle, months: int
) -> None:
    item = _pro(bundle, duration_months=months, long_term_jobseeker_or_benefits=True)
    assert item["eligible"] is False
    assert changes(item) == ["Planned length: between 6 months and 36 months"]


# --- L6325-1-1: "not completed upper secondary AND no technological or vocational
# diploma": a CAP or BEP holder is not a young person without a qualification ----------


@pytest.mark.parametrize("months", [18, 30])
def test_a_cap_or_bep_holder_is_not_a_young_person_without_a_qualification(
    bundle: Bundle, months: int
) -> None:
    # L6325-1-1 (docs/rules/professionalisation.md): the 36 months are for the young
    # people of L6325-1 1° "who have not completed a second cycle of secondary education
    # and who do not hold a technological or vocational education diploma".
    holder = _pro(
        bundle,
        20,
        duration_months=months,
        diploma="none",
        vocational_diploma=True,
        long_term_jobseeker_or_benefits=False,
    )
    text = _duration(holder)["text"]
    if months == 18:  # still open through a branch agreement, and says so
        assert holder["eligible"] is True
        assert "only where the employer’s branch agreement provides for it" in text  # type: ignore[operator]
    else:
        assert holder["eligible"] is False
        assert "30 months does not fit" in text  # type: ignore[operator]
    without = _pro(bundle, 20, duration_months=months, diploma="none", vocational_diploma=False)
    assert without["eligible"] is True
    assert "young person of 16 to 25 without a qualification" in _duration(without)["text"]  # type: ignore[operator]


def test_the_vocational_diploma_is_asked_only_where_it_matters(bundle: Bundle) -> None:
    from alternance_tui.advice.engine import missing_answers
    from alternance_tui.flow.answers import parse_answers

    def missing(age: int = 20, **answers: object) -> list[str]:
        given = person(age, **answers)
        for name in ("long_term_jobseeker_or_benefits", "vocational_diploma"):
            if name not in answers:  # person() fills these in: here they are asked
                given.pop(name, None)
        parsed, problems = parse_answers(bundle.flow, given, "en")
        assert not problems
        return missing_answers(bundle.flow, parsed)

    # No bac, 16 to 25, beyond 12 months: the 36-month route depends on it.
    assert missing(diploma="none", duration_months=18) == ["vocational_diploma"]
    assert missing(diploma="none", duration_months=30) == ["vocational_diploma"]
    # ... and a CAP or BEP holder beyond 24 months is asked the other 36-month route.
    assert missing(diploma="none", duration_months=30, vocational_diploma=True) == [
        "long_term_jobseeker_or_benefits"
    ]
    # Not asked where it changes nothing.
    assert missing(diploma="none", duration_months=12) == []
    assert missing(diploma="bac_general", duration_months=30) == ["long_term_jobseeker_or_benefits"]
    assert "vocational_diploma" not in missing(diploma="none", duration_months=40)
    assert "vocational_diploma" not in missing(
        diploma="none", duration_months=30, age=27, jobseeker_or_benefits=True
    )


def test_the_vocational_diploma_question_in_french(bundle: Bundle) -> None:
    question = bundle.flow.questions["vocational_diploma"]
    assert question.kind == "yes_no"
    assert "CAP" in question.prompt["fr"] and "BEP" in question.prompt["fr"]
    assert "CAP" in question.prompt["en"]
