"""Apprenticeship and professionalisation pay: every cell of both grids, at the
dates of the issue, on each side of every age band boundary, for years 1 to 3,
with and without a collective-agreement minimum. Expected euros are percentage x
reference value from the rules notes (docs/rules/), rounded half up to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alternance_tui.advice.model import Bundle

from .reference import (
    APPRENTICESHIP,
    BASE_RATE_DIPLOMAS,
    BOUNDARY_AGES,
    DATES,
    HIGHER_RATE_DIPLOMAS,
    PROFESSIONALISATION,
    PROFESSIONALISATION_AGREEMENT_PERCENT,
    apprenticeship_percent,
    percent_of,
    professionalisation_percent,
    smic_monthly,
)
from .support import advise, contract, person, years


def _euros(value: float) -> Decimal:
    return Decimal(str(value))


# --- the apprenticeship grid: 4 age rows x 3 contract years x 4 dates ---------------

# For each row, the age at which each contract year is checked: year k of a
# contract is paid at the start age + k - 1, so the start age is that minus k - 1.
_APPRENTICE_CELLS = [
    (row, year, age)
    for row, ages in enumerate([(16, 17, 17), (19, 19, 20), (23, 24, 25), (27, 28, 29)])
    for year, age in enumerate(ages, start=1)
]


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize(
    ("row", "year", "age"),
    _APPRENTICE_CELLS,
    ids=[f"{APPRENTICESHIP[r][0]}-{APPRENTICESHIP[r][1]}-year{y}" for r, y, _ in _APPRENTICE_CELLS],
)
def test_apprenticeship_grid_cell(bundle: Bundle, on: str, row: int, year: int, age: int) -> None:
    low, high, by_year = APPRENTICESHIP[row]
    assert low <= age <= high
    start = age - (year - 1)
    item = contract(advise(bundle, person(start, duration_months=36), on), "apprenticeship")
    assert item["eligible"] is True
    got_year, got_age, percent, amount = years(item)[year - 1]
    assert (got_year, got_age, percent) == (year, age, by_year[year - 1])
    assert _euros(amount) == percent_of(by_year[year - 1], smic_monthly(on))


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("start", BOUNDARY_AGES)
def test_apprenticeship_three_years_from_each_boundary_age(
    bundle: Bundle, on: str, start: int
) -> None:
    item = contract(advise(bundle, person(start, duration_months=36), on), "apprenticeship")
    expected = [
        (
            k,
            start + k - 1,
            apprenticeship_percent(start + k - 1, k),
            float(percent_of(apprenticeship_percent(start + k - 1, k), smic_monthly(on))),
        )
        for k in (1, 2, 3)
    ]
    assert years(item) == expected


@pytest.mark.parametrize(("months", "count"), [(6, 1), (12, 1), (13, 2), (24, 2), (25, 3), (36, 3)])
def test_apprenticeship_one_line_per_contract_year(bundle: Bundle, months: int, count: int) -> None:
    item = contract(advise(bundle, person(19, duration_months=months)), "apprenticeship")
    assert [y[0] for y in years(item)] == list(range(1, count + 1))


def test_done_when_example(bundle: Bundle) -> None:
    """The issue's example: 43 % x 1823.03 = 783.90; at 21 in year 2, 61 % = 1112.05."""
    answers = {
        "age": 20,
        "employer_sector": "private",
        "diploma": "bac_general",
        "duration_months": 24,
    }
    data = advise(bundle, answers, "2026-01-01")
    smic = smic_monthly("2026-01-01")
    assert percent_of(43, smic) == Decimal("783.90")
    assert years(contract(data, "apprenticeship")) == [
        (1, 20, 43, 783.90),
        (2, 21, 61, float(percent_of(61, smic))),
    ]
    assert years(contract(data, "professionalisation")) == [
        (1, 20, 55, float(percent_of(55, smic))),
        (2, 21, 70, float(percent_of(70, smic))),
    ]


# --- the professionalisation grid: 3 age rows x both diploma columns ------------------

_PRO_AGES = [18, 23, 28]  # one age in each row


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("diploma", BASE_RATE_DIPLOMAS + HIGHER_RATE_DIPLOMAS)
@pytest.mark.parametrize("age", _PRO_AGES)
def test_professionalisation_grid_cell(bundle: Bundle, on: str, diploma: str, age: int) -> None:
    row = next(r for r in PROFESSIONALISATION if r[0] <= age <= r[1])
    percent = row[2] if diploma in BASE_RATE_DIPLOMAS else row[3]
    data = advise(bundle, person(age, diploma=diploma, duration_months=12), on)
    item = contract(data, "professionalisation")
    assert item["eligible"] is True
    assert years(item) == [(1, age, percent, float(percent_of(percent, smic_monthly(on))))]


@pytest.mark.parametrize("diploma", BASE_RATE_DIPLOMAS)
def test_general_bac_or_none_says_base_rate_assumption(bundle: Bundle, diploma: str) -> None:
    item = contract(advise(bundle, person(20, diploma=diploma)), "professionalisation")
    note = item["pay"]["years"][0]["note"]
    assert "No bac, or a general or technological bac: base rate" in note
    assert "at least a professional bac" in note


def test_technological_bac_is_paid_the_base_rate_and_says_why(bundle: Bundle) -> None:
    # D6325-15 (docs/rules/professionalisation.md): the higher rate needs "une
    # qualification au moins égale à celle d'un baccalauréat professionnel ou d'un titre
    # ou diplôme à finalité professionnelle de même niveau"; a technological bac is not
    # one. 55 % of the SMIC of 1 June 2026 (1,867.02): 1,026.86.
    answers = person(20, diploma="bac_technological", duration_months=12)
    item = contract(advise(bundle, answers, "2026-12-07"), "professionalisation")
    assert years(item) == [(1, 20, 55, 1026.86)]
    note = item["pay"]["years"][0]["note"]
    assert "a general or technological bac is not one" in note
    assert "2012 ministry circular" in note  # the administration's wider reading is said
    french = contract(advise(bundle, answers, "2026-12-07", "fr"), "professionalisation")
    assert "un bac général ou technologique n’en est pas un" in french["pay"]["years"][0]["note"]


@pytest.mark.parametrize("diploma", HIGHER_RATE_DIPLOMAS)
def test_professional_bac_or_higher_says_higher_rate(bundle: Bundle, diploma: str) -> None:
    item = contract(advise(bundle, person(20, diploma=diploma)), "professionalisation")
    assert "higher rate" in item["pay"]["years"][0]["note"]


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("start", BOUNDARY_AGES)
@pytest.mark.parametrize("diploma", ["bac_general", "bac_professional"])
def test_professionalisation_three_years_from_each_boundary_age(
    bundle: Bundle, on: str, start: int, diploma: str
) -> None:
    data = advise(bundle, person(start, diploma=diploma, duration_months=36), on)
    item = contract(data, "professionalisation")
    expected = []
    for k in (1, 2, 3):
        percent = professionalisation_percent(start + k - 1, diploma)
        expected.append((k, start + k - 1, percent, float(percent_of(percent, smic_monthly(on)))))
    assert years(item) == expected


# --- the collective-agreement minimum -----------------------------------------------

SMIC_2026 = smic_monthly("2026-01-01")


@pytest.mark.parametrize(
    ("age", "agreement", "percent", "base"),
    [
        (21, 2500, 53, Decimal(2500)),  # from 21, on the agreement minimum when higher
        (21, 1500, 53, SMIC_2026),  # ... and on the SMIC when the agreement is lower
        (25, 2500, 53, Decimal(2500)),
        (27, 2500, 100, Decimal(2500)),  # 26 and over: 100 % of the higher
        (27, 1800, 100, SMIC_2026),
    ],
)
def test_apprenticeship_agreement_minimum_from_21(
    bundle: Bundle, age: int, agreement: int, percent: int, base: Decimal
) -> None:
    answers = person(age, duration_months=12, agreement_minimum_eur=agreement)
    item = contract(advise(bundle, answers), "apprenticeship")
    (year,) = item["pay"]["years"]
    assert (year["percent_of_smic"], year["basis_percent"]) == (percent, percent)
    assert _euros(year["monthly_gross_eur"]) == percent_of(percent, base)
    assert year["basis"] == ("answer" if base != SMIC_2026 else "reference")
    assert year["basis_value"] == float(base)


def test_apprenticeship_agreement_minimum_not_under_21(bundle: Bundle) -> None:
    """18 to 20: the SMIC only, even with a higher agreement minimum."""
    answers = person(20, duration_months=12, agreement_minimum_eur=2500)
    assert years(contract(advise(bundle, answers), "apprenticeship")) == [
        (1, 20, 43, float(percent_of(43, SMIC_2026)))
    ]


def test_apprenticeship_agreement_minimum_in_the_year_the_person_is_21(bundle: Bundle) -> None:
    """Aged 20 at the start of 2 years: year 2 is at 21, on the agreement minimum."""
    answers = person(20, duration_months=24, agreement_minimum_eur=2500)
    assert years(contract(advise(bundle, answers), "apprenticeship")) == [
        (1, 20, 43, float(percent_of(43, SMIC_2026))),
        (2, 21, 61, float(percent_of(61, 2500))),
    ]


@pytest.mark.parametrize(
    ("agreement", "expected"),
    [
        # 85 % x 2500 = 2125.00, above the SMIC: it wins
        (2500, percent_of(PROFESSIONALISATION_AGREEMENT_PERCENT, 2500)),
        # 85 % x 2000 = 1700.00, below the SMIC: 100 % of the SMIC
        (2000, percent_of(100, SMIC_2026)),
    ],
)
def test_professionalisation_from_26_higher_of_smic_and_85_percent_of_agreement(
    bundle: Bundle, agreement: int, expected: Decimal
) -> None:
    answers = person(26, duration_months=12, agreement_minimum_eur=agreement)
    (year,) = contract(advise(bundle, answers), "professionalisation")["pay"]["years"]
    assert year["percent_of_smic"] == 100
    assert _euros(year["monthly_gross_eur"]) == expected
    if expected != percent_of(100, SMIC_2026):
        assert (year["basis"], year["basis_percent"]) == ("answer", 85)


def test_professionalisation_agreement_minimum_not_before_26(bundle: Bundle) -> None:
    answers = person(23, duration_months=12, agreement_minimum_eur=5000)
    assert years(contract(advise(bundle, answers), "professionalisation")) == [
        (1, 23, 80, float(percent_of(80, SMIC_2026)))
    ]


def test_public_employer_is_not_asked_the_agreement_minimum(bundle: Bundle) -> None:
    answers = person(24, employer_sector="public", duration_months=12, agreement_minimum_eur=5000)
    data = advise(bundle, answers)
    assert "agreement_minimum_eur" not in data["answers"]
    assert years(contract(data, "apprenticeship")) == [
        (1, 24, 53, float(percent_of(53, SMIC_2026)))
    ]
