"""The position in the training cycle (D6222-28-1, D6222-32) and the month-by-month
schedule after the birthday (D6222-31), as a person reads them in the JSON."""

from __future__ import annotations

import pytest

from alternance_tui.advice.model import Bundle

from .support import advise, contract, person


def _years(item: dict[str, object]) -> list[tuple[int, int, int, float]]:
    pay = item["pay"]
    assert isinstance(pay, dict)
    return [
        (y["year"], y["grid_year"], y["percent_of_smic"], y["monthly_gross_eur"])
        for y in pay["years"]
    ]


def test_done_when_one_year_m2_is_paid_at_the_second_year_rate(bundle: Bundle) -> None:
    # diploma m1 -> the contract prepares the M2 by default: no entry_level given.
    answers = {"age": 22, "employer_sector": "private", "diploma": "m1", "duration_months": 12}
    data = advise(bundle, answers, "2026-01-01")
    assert data["answers"]["entry_level"] == "m2"
    assert _years(contract(data, "apprenticeship")) == [(1, 2, 61, 1112.05)]


def test_done_when_one_year_m1_is_paid_as_a_first_year(bundle: Bundle) -> None:
    # D6222-28-1 (docs/rules/pay.md) deems done the part of the cycle a contract does not
    # cover because it was shortened: the start of the cycle. A 12-month contract from
    # the M1 covers the cycle's first year: year 1, 53 % at 22, 989.52 EUR from
    # 1 June 2026 (not year 2, 61 %, 1,138.88).
    answers = {"age": 22, "employer_sector": "private", "diploma": "licence", "duration_months": 12}
    data = advise(bundle, answers, "2026-12-07")
    assert data["answers"]["entry_level"] == "m1"
    item = contract(data, "apprenticeship")
    assert _years(item) == [(1, 1, 53, 989.52)]
    # The card says what the M2 year, under a new contract, will be paid.
    (note,) = [n for n in item["pay"]["notes"] if "M2" in n["text"]]
    assert note["text"] == (
        "A one-year contract from the M1 is paid as the cycle’s first year; the M2 year, "
        "under a new one-year contract, is paid at the second-year rate."
    )
    assert note["source"] == "Code du travail D6222-28-1"
    # The one-year M2 stays the second year: 61 %, 1,138.88.
    m2 = contract(advise(bundle, {**answers, "diploma": "m1"}, "2026-12-07"), "apprenticeship")
    assert _years(m2) == [(1, 2, 61, 1138.88)]
    assert not [n for n in m2["pay"]["notes"] if "M2 year" in n["text"]]


@pytest.mark.parametrize(
    ("diploma", "entry", "months", "expected"),
    [
        ("licence", None, 12, [(1, 1, 53)]),  # the M1 year alone: year 1
        ("licence", None, 24, [(1, 1, 53), (2, 2, 61)]),  # M1 + M2: years 1 and 2
        ("m1", None, 24, [(1, 1, 53), (2, 2, 61)]),  # M2 over two years: not shortened
        ("bac2", None, 12, [(1, 3, 78)]),  # one-year L3 of a 3-year licence: year 3
        ("bac2", "lpro", 12, [(1, 2, 61)]),  # one-year professional licence (D6222-32)
        ("bac2", "other", 12, [(1, 1, 53)]),  # a first year: nothing shortened
        ("licence", None, 36, [(1, 1, 53), (2, 2, 61), (3, 3, 78)]),  # longer than the cycle
        ("bac_general", None, 12, [(1, 1, 53)]),  # below bac+2: "other"
        ("m1", "unknown", 12, [(1, 1, 53)]),  # not known yet: the grid's own year
    ],
)
def test_grid_year_follows_the_position_in_the_cycle(
    bundle: Bundle,
    diploma: str,
    entry: str | None,
    months: int,
    expected: list[tuple[int, int, int]],
) -> None:
    answers = person(23, diploma=diploma, duration_months=months)
    del answers["entry_level"]
    if entry is not None:
        answers["entry_level"] = entry
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    # Age 23, 24, 25 in years 1 to 3: the 21-25 row throughout.
    assert [(y, g, p) for y, g, p, _ in _years(item)] == expected


def test_unknown_year_of_study_says_the_cycle_rule_is_not_applied(bundle: Bundle) -> None:
    answers = person(23, diploma="m1", duration_months=12, entry_level="unknown")
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    assert any("D6222-28-1" in n["source"] for n in item["pay"]["notes"])


def _months(item: dict[str, object]) -> list[tuple[int, int, int]]:
    pay = item["pay"]
    assert isinstance(pay, dict)
    return [(m["month"], m["age"], m["percent_of_smic"]) for m in pay["months"]]


def test_done_when_month_schedule_after_the_birthday(bundle: Bundle) -> None:
    answers = person(20, diploma="licence", duration_months=24, start_month=9, birth_month=11)
    del answers["entry_level"]  # licence -> M1: grid years 1 and 2
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    months = _months(item)
    assert [m for m, _, _ in months] == list(range(1, 25))
    assert {p for m, _, p in months if m <= 3} == {43}
    assert {p for m, _, p in months if 4 <= m <= 12} == {53}
    assert {p for m, _, p in months if m >= 13} == {61}
    first = item["pay"]["months"][0]
    assert set(first) >= {
        "month",
        "year",
        "age",
        "percent_of_smic",
        "monthly_gross_eur",
        "monthly_net_eur",
    }
    # The month the 21st birthday's rate starts: December (the month after November).
    assert item["pay"]["months"][3]["calendar_month"] == 12


@pytest.mark.parametrize(("start", "birth", "first_new"), [(9, 9, 2), (9, 8, 13), (1, 12, 13)])
def test_new_age_from_the_month_after_the_birthday(
    bundle: Bundle, start: int, birth: int, first_new: int
) -> None:
    answers = person(19, duration_months=12, start_month=start, birth_month=birth)
    months = _months(contract(advise(bundle, answers, "2026-01-01"), "apprenticeship"))
    ages = [a for _, a, _ in months]
    assert ages == [19] * (first_new - 1) + [20] * (12 - first_new + 1)


def test_no_month_schedule_without_a_birth_month(bundle: Bundle) -> None:
    item = contract(advise(bundle, person(20, duration_months=24), "2026-01-01"), "apprenticeship")
    assert "months" not in item["pay"]


def test_agreement_minimum_asked_when_a_month_can_be_at_21(bundle: Bundle) -> None:
    from alternance_tui.flow.walk import walk

    flow = bundle.flow
    base = {"age": 20, "employer_sector": "private", "diploma": "licence"}
    reaches_21 = walk(flow, {**base, "duration_months": 12}, use_defaults=True)
    assert "agreement_minimum_eur" in reaches_21.path
    never_21 = walk(flow, {**base, "age": 19, "duration_months": 12}, use_defaults=True)
    assert "agreement_minimum_eur" not in never_21.path


@pytest.mark.parametrize(("on", "grid_year"), [("2020-03-31", 1), ("2020-04-01", 2)])
def test_professional_licence_rule_holds_from_april_2020(
    bundle: Bundle, on: str, grid_year: int
) -> None:
    answers = person(23, diploma="bac2", duration_months=12, entry_level="lpro")
    item = contract(advise(bundle, answers, on), "apprenticeship")
    assert [g for _, g, _, _ in _years(item)] == [grid_year]


def test_grid_of_the_day_is_the_2019_grid(bundle: Bundle) -> None:
    # Contracts signed from 1 January 2019 (décret 2018-1347): 27 % under 18, year 1.
    item = contract(advise(bundle, person(16, duration_months=12), "2019-01-01"), "apprenticeship")
    assert _years(item)[0][2] == 27


def test_same_level_one_year_contract_is_raised_by_15_points(bundle: Bundle) -> None:
    base = person(22, duration_months=12, previous_apprenticeship="same_level")
    item = contract(advise(bundle, base, "2026-01-01"), "apprenticeship")
    assert _years(item) == [(1, 1, 68, 1239.66)]  # 53 % + 15 points
    longer = contract(
        advise(bundle, {**base, "duration_months": 24}, "2026-01-01"), "apprenticeship"
    )
    assert [p for _, _, p, _ in _years(longer)] == [53, 61]  # only for one year or less
    assert any(n["source"] == "Code du travail D6222-30" for n in longer["pay"]["notes"])


def test_raise_never_takes_pay_above_the_smic(bundle: Bundle) -> None:
    # 26 and over: already 100 %; D6222-31 caps the raise there.
    answers = person(27, duration_months=12, previous_apprenticeship="same_level")
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    assert [p for _, _, p, _ in _years(item)] == [100]


def test_the_smic_limit_of_a_raise_is_on_the_amount_not_the_percentage(bundle: Bundle) -> None:
    # D6222-30 adds 15 points « à la rémunération prévue à l'article D. 6222-26 », which
    # from 21 is a percentage of the SMIC or, if higher, of the agreement's minimum; and
    # D6222-31: « les majorations prévues à la présente sous-section ne peuvent conduire
    # l'apprenti à percevoir un salaire supérieur à 100 % du salaire minimum de
    # croissance » (docs/rules/pay.md). Age 24, a one-year L3 (grid year 3: 78 %), a
    # same-level diploma, an agreement minimum of 2,200: 93 % x 2,200 = 2,046.00 is more
    # than the SMIC of June 2026, 1,867.02: the raise stops there.
    answers = person(
        24,
        diploma="bac2",
        entry_level="l3",
        duration_months=12,
        previous_apprenticeship="same_level",
        agreement_minimum_eur=2200,
    )
    item = contract(advise(bundle, answers, "2026-12-07"), "apprenticeship")
    (year,) = item["pay"]["years"]
    assert (year["grid_year"], year["monthly_gross_eur"]) == (3, 1867.02)
    assert (year["percent_of_smic"], year["basis"]) == (100, "reference")
    # Without the raise: 78 % of the agreement's minimum, 1,716.00, below the limit.
    plain = contract(
        advise(bundle, {**answers, "previous_apprenticeship": "none"}, "2026-12-07"),
        "apprenticeship",
    )
    assert [(y["monthly_gross_eur"], y["basis"]) for y in plain["pay"]["years"]] == [
        (1716.0, "answer")
    ]
    # A raise never lowers pay: an agreement minimum above the SMIC from 26 stays.
    older = contract(
        advise(
            bundle,
            {**answers, "age": 27, "jobseeker_or_benefits": True, "agreement_minimum_eur": 2000},
            "2026-12-07",
        ),
        "apprenticeship",
    )
    assert [y["monthly_gross_eur"] for y in older["pay"]["years"]] == [2000.0]


@pytest.mark.parametrize("previous", ["none", "yes"])
def test_a_same_level_related_diploma_raises_pay_whatever_the_route(
    bundle: Bundle, previous: str
) -> None:
    # D6222-30 (docs/rules/pay.md): +15 points for a contract of one year or less
    # « pour préparer un diplôme ou un titre de même niveau que celui précédemment
    # obtenu », directly related to it; « les jeunes issus d'une voie de formation autre
    # que celle de l'apprentissage » count as having done its apprenticeship. A master's
    # holder, 22, a one-year M2 in a related field: 61 % + 15 = 76 % of 1,867.02.
    answers = person(
        22,
        diploma="master",
        entry_level="m2",
        duration_months=12,
        previous_apprenticeship=previous,
        same_level_diploma="related",
    )
    item = contract(advise(bundle, answers, "2026-12-07"), "apprenticeship")
    assert _years(item) == [(1, 2, 76, 1418.94)]
    (raise_note,) = [
        n["text"]
        for n in item["pay"]["notes"]
        if n["source"] == "Code du travail D6222-30, D6222-31"
    ]
    assert "whether or not that first diploma was obtained through an apprenticeship" in raise_note
    unrelated = contract(
        advise(bundle, {**answers, "same_level_diploma": "unrelated"}, "2026-12-07"),
        "apprenticeship",
    )
    assert _years(unrelated) == [(1, 2, 61, 1138.88)]
    # A former apprentice keeps the D6222-29 note (at least the last year's rate).
    sources = [n["source"] for n in item["pay"]["notes"]]
    assert ("Code du travail D6222-29" in sources) == (previous != "none")


def test_the_same_level_question_is_asked_where_the_raise_can_apply(bundle: Bundle) -> None:
    from alternance_tui.flow.walk import walk

    def path(**answers: object) -> list[str]:
        given = {"employer_sector": "private", "diploma": "master", **answers}
        return walk(bundle.flow, given, use_defaults=True).path

    assert "same_level_diploma" in path(age=22, duration_months=12)
    assert "same_level_diploma" in path(age=22, duration_months=6, previous_apprenticeship="yes")
    assert "same_level_diploma" not in path(age=22, duration_months=13)  # over a year
    assert "same_level_diploma" not in path(age=22, duration_months=3)  # no apprenticeship
    # 26 and over: already 100 %, which a raise cannot pass (D6222-31)
    assert "same_level_diploma" not in path(age=26, duration_months=12, jobseeker_or_benefits=True)
    # a former apprentice who said so already is not asked again
    assert "same_level_diploma" not in path(
        age=22, duration_months=12, previous_apprenticeship="same_level"
    )
    question = bundle.flow.questions["same_level_diploma"]
    assert question.default == "no" and question.choice_ids == ("no", "related", "unrelated")


def test_previous_apprenticeship_says_at_least_its_last_year_rate(bundle: Bundle) -> None:
    answers = person(22, duration_months=24, previous_apprenticeship="yes")
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    assert any(n["source"] == "Code du travail D6222-29" for n in item["pay"]["notes"])
    professionalisation = contract(advise(bundle, answers, "2026-01-01"), "professionalisation")
    assert [y["percent_of_smic"] for y in professionalisation["pay"]["years"]] == [80, 80]


def test_professionalisation_age_band_changes_the_month_after_the_birthday(
    bundle: Bundle,
) -> None:
    # D6325-16 (docs/rules/professionalisation.md): the D6325-15 amounts « sont calculés
    # à compter du premier jour du mois suivant le jour où le titulaire du contrat de
    # professionnalisation atteint l'âge indiqué », as D6222-31 does for apprentices.
    # 20, born in November, from September, a general bac: 55 % to November, 70 % from
    # December (21), for the rest of the contract.
    answers = person(
        20,
        diploma="bac_general",
        duration_months=24,
        start_month=9,
        birth_month=11,
        long_term_jobseeker_or_benefits=False,
    )
    item = contract(advise(bundle, answers, "2026-12-07"), "professionalisation")
    months = _months(item)
    assert [m for m, _, _ in months] == list(range(1, 25))
    assert {p for m, _, p in months if m <= 3} == {55}
    assert {p for m, _, p in months if m >= 4} == {70}
    assert item["pay"]["schedule_source"] == "Code du travail D6325-16"
    assert any(n["source"] == "Code du travail D6325-16" for n in item["pay"]["notes"])
    # The year table: year 2 at the age of its first month (21).
    assert [(y["age"], y["percent_of_smic"]) for y in item["pay"]["years"]] == [(20, 55), (21, 70)]
    # 25, born in March, from September: 26 from April of year 1 (month 8), the SMIC.
    older = person(
        25, duration_months=12, start_month=9, birth_month=3, long_term_jobseeker_or_benefits=False
    )
    item = contract(advise(bundle, older, "2026-12-07"), "professionalisation")
    assert [p for _, _, p in _months(item)] == [80] * 7 + [100] * 5
