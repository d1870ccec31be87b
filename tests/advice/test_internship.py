"""The internship agreement: the hourly bonus minimum of each year, when the bonus is
compulsory (from the 309th hour of presence), the total for the planned hours, and the
924 hours of presence per academic year limit. Length is counted in hours of presence
(D124-6), never in calendar months."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from alternance_tui.advice.model import Bundle

from .reference import (
    BONUS_FROM_HOUR,
    INTERNSHIP_HOURLY_BY_YEAR,
    INTERNSHIP_MAX_HOURS,
    INTERNSHIP_PERCENT,
    day,
    half_up,
    internship_hours,
    percent_of,
    pss_hourly,
)
from .support import advise, changes, contract, person


def _internship(
    bundle: Bundle, months: float, weekly: float = 35, on: str = "2026-01-01", **answers: object
) -> dict[str, object]:
    data = advise(bundle, person(22, duration_months=months, weekly_hours=weekly, **answers), on)
    return contract(data, "internship")


@pytest.mark.parametrize(
    "on",
    [
        "2020-01-01",
        "2020-12-31",  # the page says 3.90 "until 31/12/2020" ...
        "2021-01-01",  # ... but it held until the end of 2022
        "2022-12-31",
        "2023-01-01",
        "2023-12-31",
        "2024-01-01",
        "2025-06-30",
        "2026-01-01",
        "2026-07-01",
    ],
)
def test_hourly_minimum_of_each_year(bundle: Bundle, on: str) -> None:
    pay = _internship(bundle, 4, on=on)["pay"]
    assert isinstance(pay, dict)
    stated = Decimal(INTERNSHIP_HOURLY_BY_YEAR[int(on[:4])])
    assert Decimal(str(pay["hourly_min_eur"])) == stated
    assert stated == percent_of(INTERNSHIP_PERCENT, pss_hourly(on))
    assert pay["percent"] == INTERNSHIP_PERCENT


@pytest.mark.parametrize(
    ("months", "weekly", "required"),
    [
        (1, 35, False),
        (2, 35, False),  # 2 months at 35 h: 303.33 hours, not compulsory
        (2.01, 35, False),  # 304.85 hours: calendar months no longer decide
        (2.04, 35, True),  # 309.4 hours: from the 309th hour
        (3, 15, False),  # 195 hours over three months: no bonus is owed
        (8, 15, True),  # 520 hours
        (2, 38, True),  # 2 months at 38 h: 329.33 hours, from the 309th hour
        (1.5, 48, True),  # 312 hours in 6 weeks and a half
        (1.5, 47.5, False),  # 308.75 hours: the 309th hour is not reached
        (6, 35, True),
    ],
)
def test_bonus_compulsory_from_the_309th_hour_of_presence(
    bundle: Bundle, months: float, weekly: float, required: bool
) -> None:
    hours = internship_hours(months, weekly)
    assert required == (hours >= BONUS_FROM_HOUR)
    pay = _internship(bundle, months, weekly)["pay"]
    assert isinstance(pay, dict)
    assert pay["bonus_required"] is required
    assert (pay["bonus_from_hour"], pay["max_hours"]) == (BONUS_FROM_HOUR, INTERNSHIP_MAX_HOURS)
    assert "required_over_months" not in pay


@pytest.mark.parametrize(
    ("months", "required", "line"),
    [
        (
            3,
            False,
            "A bonus is optional for 3 months at 15 h a week (195 hours of presence: "
            "it is owed only from hour 309).",
        ),
        (
            8,
            True,
            "A bonus is compulsory for 8 months at 15 h a week (520 hours of presence: "
            "it is owed from hour 309).",
        ),
    ],
)
def test_part_time_internship_is_decided_on_hours(
    bundle: Bundle, months: float, required: bool, line: str
) -> None:
    """At 15 h a week, 8 months (520 hours) is allowed and 3 months (195 hours) owes no
    bonus: both would be decided otherwise on calendar months."""
    from alternance_tui.advice.engine import recommend
    from alternance_tui.advice.present import hourly_lines
    from alternance_tui.advice.result import HourlyPayResult
    from alternance_tui.flow.answers import parse_answers

    answers = person(22, duration_months=months, weekly_hours=15)
    item = _internship(bundle, months, 15)
    assert item["eligible"] is True
    assert item["pay"]["bonus_required"] is required  # type: ignore[index]
    duration = next(r for r in item["rules"] if r["id"] == "duration")
    assert duration["holds"] is True
    assert "924 hours of presence" in duration["text"]
    parsed, _ = parse_answers(bundle.flow, answers, "en")
    rec = recommend(bundle, parsed, as_of=day("2026-01-01"), lang="en")
    found = rec.section("contracts")
    assert found is not None
    pay = next(i for i in found.items if i.id == "internship").pay
    assert isinstance(pay, HourlyPayResult)
    lines = hourly_lines(pay, "en")
    assert lines[0] == line
    assert lines[-1] == "At most 924 hours of presence per academic year with one host."


def test_the_rule_and_the_pay_name_the_same_limit(bundle: Bundle) -> None:
    """The `duration` rule compares with 924 and the pay block shows max_hours: one
    figure in two places of the data, kept equal here."""
    section = next(s for s in bundle.sections if s.id == "contracts")
    item = next(i for i in section.items if i.id == "internship")
    rule = next(r for r in item.rules if r.id == "duration")
    assert rule.when is not None
    assert item.pay is not None and item.pay.kind == "hourly"
    # The pay names the dated series; its value today is the rule's figure.
    assert isinstance(item.pay.max_hours, str)
    assert bundle.rates[item.pay.max_hours].latest.value == INTERNSHIP_MAX_HOURS
    assert rule.when.source.endswith(f"<= {INTERNSHIP_MAX_HOURS}")


@pytest.mark.parametrize(
    ("months", "weekly", "on"),
    [
        (5, 35, "2026-01-01"),
        (2.5, 35, "2024-03-01"),
        (4, 20, "2021-09-01"),
        (3.5, 28, "2023-06-01"),
    ],
)
def test_total_for_the_planned_hours(bundle: Bundle, months: float, weekly: float, on: str) -> None:
    """hours = months x weekly hours x 52 / 12; total = hourly minimum x hours."""
    pay = _internship(bundle, months, weekly, on)["pay"]
    assert isinstance(pay, dict)
    hourly = Fraction(INTERNSHIP_HOURLY_BY_YEAR[int(on[:4])])
    hours = internship_hours(months, weekly)
    assert Decimal(str(pay["hours"])) == half_up(hours)
    assert Decimal(str(pay["total_min_eur"])) == half_up(hourly * hours)
    assert Decimal(str(pay["hours_per_month"])) == half_up(Fraction(str(weekly)) * 52 / 12)
    assert Decimal(str(pay["monthly_estimate_eur"])) == half_up(
        hourly * Fraction(str(weekly)) * 52 / 12
    )


def test_done_when_internship_figures(bundle: Bundle) -> None:
    """docs/contract.md's example: 455 hours at 4.50 EUR = 2047.50 EUR."""
    pay = _internship(bundle, 3, 35)["pay"]
    assert isinstance(pay, dict)
    assert (pay["hourly_min_eur"], pay["hours"], pay["total_min_eur"]) == (4.5, 455.0, 2047.5)


def test_half_cent_total_rounds_up(bundle: Bundle) -> None:
    """2.5 months at 1 h a week at 3.75 EUR (2019): 10.8333 h x 3.75 = 40.625 -> 40.63."""
    pay = _internship(bundle, 2.5, 1, "2019-06-01")["pay"]
    assert isinstance(pay, dict)
    assert pay["total_min_eur"] == 40.63


@pytest.mark.parametrize(
    ("months", "weekly", "possible"),
    [
        (6, 35, True),  # 910 hours
        (6.09, 35, True),  # 923.65 hours: the calendar's 6 months do not decide
        (6.1, 35, False),  # 925.17 hours: over 924
        (8, 15, True),  # 520 hours over 8 months
        (12, 17, True),  # 884 hours over a whole academic year
        (13, 10, False),  # 563.33 hours, but longer than an academic year
        (6, 36, False),  # 936 hours: over 924
        (5.9, 36, True),  # 920.4 hours
        (24, 35, False),
    ],
)
def test_at_most_924_hours_of_presence_per_academic_year(
    bundle: Bundle, months: float, weekly: float, possible: bool
) -> None:
    hours = internship_hours(months, weekly)
    assert possible == (months <= 12 and hours <= INTERNSHIP_MAX_HOURS)
    item = _internship(bundle, months, weekly)
    assert item["eligible"] is possible
    duration = next(r for r in item["rules"] if r["id"] == "duration")
    assert duration["holds"] is (hours <= INTERNSHIP_MAX_HOURS)
    assert "924 hours of presence" in duration["text"]
    if not possible:
        assert item["pay"] is None
        assert "Not as an internship" in " ".join(item["reasons"])


def test_24_months_is_not_an_internship_and_says_what_would_be(bundle: Bundle) -> None:
    item = _internship(bundle, 24)
    assert item["eligible"] is False
    # 924 / (35 x 52 / 12) = 6.09 months at 35 h a week: a person reads the whole
    # months that fit (6 months = 910 hours); the JSON keeps the exact bound.
    assert changes(item) == ["Planned length: 6 months or less"]
    assert item["what_would_change"][0]["answers"] == {
        "duration_months": {"min": None, "max": 6.09}
    }
    assert _internship(bundle, 6)["eligible"] is True


def test_thresholds_are_in_the_units_a_person_answered_in(bundle: Bundle) -> None:
    """12 months at 35 h: at most 924 / (12 x 52 / 12) = 17.77 h a week, said as
    17 h (884 hours), which a person can answer and which stays true."""
    item = _internship(bundle, 12)
    assert "Hours a week: 17 h a week or less" in changes(item)
    assert _internship(bundle, 12, 17)["eligible"] is True
    assert _internship(bundle, 12, 18)["eligible"] is False


def test_more_than_an_academic_year_says_so(bundle: Bundle) -> None:
    item = _internship(bundle, 13, 10)
    assert item["eligible"] is False
    year = next(r for r in item["rules"] if r["id"] == "academic_year")
    assert year["holds"] is False
    assert "longer than a year" in year["text"]
    assert changes(item) == ["Planned length: 12 months or less"]


def test_too_many_hours_names_both_ways_to_fit(bundle: Bundle) -> None:
    """6 months at 40 h = 1040 hours: fewer months, or fewer hours a week."""
    item = _internship(bundle, 6, 40)
    assert changes(item) == [
        "Planned length: 5 months or less",  # 5.33 x 40 x 52 / 12 = 923.9 hours
        "Hours a week: 35 h a week or less",  # 6 x 35.53 x 52 / 12 = 923.8 hours
    ]


@pytest.mark.parametrize("sector", ["private", "public"])
def test_public_or_private_host(bundle: Bundle, sector: str) -> None:
    item = _internship(bundle, 4, employer_sector=sector)
    assert item["eligible"] is True
    host = next(r for r in item["rules"] if r["id"] == "host")
    assert host["text"] == "Possible with a public or private host organisation."


def test_not_with_a_private_individual(bundle: Bundle) -> None:
    item = _internship(bundle, 4, employer_sector="individual")
    assert item["eligible"] is False
    assert "not with a private individual" in " ".join(item["reasons"])


def test_internship_rate_and_threshold_are_dated_series(bundle: Bundle) -> None:
    """The 15 % rate and the 309th hour come from dated series in the data, so a date
    in the past uses the figure of that day."""
    from alternance_tui.advice.model import HourlyPay

    section = next(s for s in bundle.sections if s.id == "contracts")
    pay = next(i for i in section.items if i.id == "internship").pay
    assert isinstance(pay, HourlyPay)
    assert isinstance(pay.percent, str) and isinstance(pay.bonus_from_hour, str)
    rate = bundle.rates[pay.percent]
    assert [(v.start.isoformat(), v.value) for v in rate.values][-1] == ("2015-09-01", 15)
    assert bundle.rates[pay.bonus_from_hour].latest.value == 309
