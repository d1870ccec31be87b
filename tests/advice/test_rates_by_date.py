"""--as-of picks the values in force on that date: every row of the SMIC and ceiling
tables from its first day, the previous row the day before, a note after the last
known change, and a refusal before the first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from alternance_tui.advice.engine import recommend
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.pay.base import RatesUnknown
from alternance_tui.flow.answers import parse_answers
from alternance_tui.wording import formats

from .reference import (
    INTERNSHIP_HOURLY_BY_YEAR,
    INTERNSHIP_PERCENT,
    PSS,
    PSS_2019,
    SMIC,
    day,
    percent_of,
    pss_hourly,
)
from .support import advise, contract, person, years

# A 27-year-old apprentice is paid 100 % of the SMIC: the amount is the SMIC itself.
FULL_SMIC = person(27, duration_months=12)
# A five-month internship, for the hourly bonus minimum.
INTERN = person(22, duration_months=5)


def _smic_used(bundle: Bundle, on: dt.date) -> tuple[Decimal, str, str]:
    data = advise(bundle, FULL_SMIC, on)
    pay = contract(data, "apprenticeship")["pay"]
    (_, _, percent, amount) = years(contract(data, "apprenticeship"))[0]
    assert percent == 100
    reference = pay["reference"]
    assert reference["series"] == "smic_monthly"
    assert Decimal(str(reference["value"])) == Decimal(str(amount))
    return Decimal(str(amount)), reference["from"], reference["source"]


@pytest.mark.parametrize("row", range(len(SMIC)), ids=[r[0] for r in SMIC])
def test_smic_row_applies_from_its_date(bundle: Bundle, row: int) -> None:
    start, _, monthly, source = SMIC[row]
    amount, since, cited = _smic_used(bundle, day(start))
    assert amount == Decimal(monthly)
    assert since == start
    assert source.split()[-1] in cited


@pytest.mark.parametrize("row", range(1, len(SMIC)), ids=[r[0] for r in SMIC[1:]])
def test_day_before_a_smic_change_uses_the_previous_row(bundle: Bundle, row: int) -> None:
    before = day(SMIC[row][0]) - dt.timedelta(days=1)
    amount, since, _ = _smic_used(bundle, before)
    assert amount == Decimal(SMIC[row - 1][2])
    assert since == SMIC[row - 1][0]


def _hourly_bonus(bundle: Bundle, on: dt.date) -> tuple[Decimal, int, str]:
    pay = contract(advise(bundle, INTERN, on), "internship")["pay"]
    assert pay["reference"]["series"] == "pss_hourly"
    return Decimal(str(pay["hourly_min_eur"])), pay["reference"]["value"], pay["reference"]["from"]


@pytest.mark.parametrize("row", [PSS_2019, *PSS], ids=[r[0] for r in [PSS_2019, *PSS]])
def test_pss_row_applies_from_its_date(bundle: Bundle, row: tuple[str, int, int]) -> None:
    start, _, hourly = row
    bonus, ceiling, since = _hourly_bonus(bundle, day(start))
    assert (ceiling, since) == (hourly, start)
    assert bonus == percent_of(INTERNSHIP_PERCENT, hourly)


@pytest.mark.parametrize("row", range(len(PSS)), ids=[r[0] for r in PSS])
def test_day_before_a_pss_change_uses_the_previous_row(bundle: Bundle, row: int) -> None:
    rows = [PSS_2019, *PSS]
    before = day(PSS[row][0]) - dt.timedelta(days=1)
    bonus, ceiling, since = _hourly_bonus(bundle, before)
    assert (ceiling, since) == (rows[row][2], rows[row][0])
    assert bonus == percent_of(INTERNSHIP_PERCENT, rows[row][2])


@pytest.mark.parametrize(
    ("on", "monthly_ceiling"),
    [(PSS_2019[0], PSS_2019[1]), *[(r[0], r[1]) for r in PSS]],
)
def test_monthly_ceiling_by_date(bundle: Bundle, on: str, monthly_ceiling: int) -> None:
    value = bundle.rates["pss_monthly"].at(day(on))
    assert value is not None and value.value == monthly_ceiling


# --- the date asked about against the dates the data knows --------------------------


def test_rates_known_until_the_last_change(bundle: Bundle) -> None:
    data = advise(bundle, FULL_SMIC, "2026-01-01")
    assert data["rates_known_until"] == SMIC[-1][0] == "2026-06-01"
    assert data["as_of"] == "2026-01-01"


def test_on_the_last_change_no_note(bundle: Bundle) -> None:
    data = advise(bundle, FULL_SMIC, SMIC[-1][0])
    assert data["rate_notes"] == []
    assert contract(data, "apprenticeship")["pay"]["reference"]["latest_known"] is False


@pytest.mark.parametrize("on", ["2026-06-02", "2026-07-01", "2026-12-31"])
def test_after_the_last_change_says_latest_known_values(bundle: Bundle, on: str) -> None:
    data = advise(bundle, FULL_SMIC, on)
    assert data["rate_notes"] == [
        "Latest known values, from 1 June 2026: an estimate for a later date uses them."
    ]
    assert contract(data, "apprenticeship")["pay"]["reference"]["latest_known"] is True
    amount, since, _ = _smic_used(bundle, day(on))
    assert (amount, since) == (Decimal(SMIC[-1][2]), SMIC[-1][0])


def _next_january() -> dt.date:
    """The first 1 January after the last SMIC value (of reference.py, as typed in)."""
    return dt.date(int(SMIC[-1][0][:4]) + 1, 1, 1)


def test_later_year_says_plainly_the_figures_may_be_out_of_date(bundle: Bundle) -> None:
    # Written from the data (reference.py) so that adding next year's values, as
    # docs/updating-rates.md says, keeps it true: a year with no value yet.
    missing = _next_january()
    data = advise(bundle, FULL_SMIC, (missing + dt.timedelta(days=59)).isoformat())
    notes = data["rate_notes"]
    assert data["rates_may_be_outdated"] is True
    smic = notes[0]
    assert smic.startswith("These figures may be out of date: the monthly gross minimum")
    assert f"no value from {formats.date(missing, 'en')} is recorded here yet" in smic
    since = formats.date(dt.date.fromisoformat(SMIC[-1][0]), "en")
    assert f"the last known value, in force since {since}" in smic


def test_the_ordinary_case_is_not_outdated(bundle: Bundle) -> None:
    last_day = _next_january() - dt.timedelta(days=1)
    assert advise(bundle, FULL_SMIC, last_day.isoformat())["rates_may_be_outdated"] is False
    assert advise(bundle, FULL_SMIC, "2026-01-01")["rates_may_be_outdated"] is False


def test_later_year_in_french(bundle: Bundle) -> None:
    missing = _next_january()
    notes = advise(bundle, FULL_SMIC, (missing + dt.timedelta(days=59)).isoformat(), lang="fr")[
        "rate_notes"
    ]
    assert notes[0].startswith("Ces montants sont peut-être périmés")
    assert f"aucune valeur à partir du {formats.date(missing, 'fr')}" in notes[0]


def test_internship_later_year_uses_the_last_ceiling(bundle: Bundle) -> None:
    bonus, ceiling, since = _hourly_bonus(bundle, day("2028-01-01"))
    assert (bonus, ceiling, since) == (
        Decimal(INTERNSHIP_HOURLY_BY_YEAR[2026]),
        PSS[-1][2],
        PSS[-1][0],
    )


@pytest.mark.parametrize("on", ["2018-12-31", "2000-01-01"])
def test_date_before_the_first_known_values_is_refused(bundle: Bundle, on: str) -> None:
    answers, _ = parse_answers(bundle.flow, FULL_SMIC)
    with pytest.raises(RatesUnknown, match="before 1 January 2019"):
        recommend(bundle, answers, as_of=day(on), lang="en")


def test_first_day_of_2019_is_estimated(bundle: Bundle) -> None:
    data = advise(bundle, INTERN, "2019-01-01")
    assert contract(data, "internship")["pay"]["hourly_min_eur"] == 3.75
    assert pss_hourly("2019-01-01") == 25
    amount, _, _ = _smic_used(bundle, day("2019-01-01"))
    assert amount == Decimal(SMIC[0][2])


def test_the_yearly_procedure_lists_what_a_new_year_also_changes(bundle: Bundle) -> None:
    """Issue 17, item 11: a new 1 January changes more than the SMIC and the ceiling.
    docs/updating-rates.md names each dated note that starts on a 1 January or ends on
    a 31 December (the employer's aid, the CNFPT's yearly rules), the internship's
    hourly minimum (15 % of the hourly ceiling) and that, until the values are out,
    every later result says the figures may be out of date."""
    from pathlib import Path

    page = (Path(__file__).parents[2] / "docs" / "updating-rates.md").read_text("utf-8")
    assert bundle.rates_known_until is not None
    year = bundle.rates_known_until.year  # notes of the years still ahead of an update
    yearly = [
        note
        for section in bundle.sections
        for item in section.items
        for note in item.notes
        if (note.start and (note.start.month, note.start.day) == (1, 1) and note.start.year >= year)
        or (note.end and (note.end.month, note.end.day) == (12, 31) and note.end.year >= year)
    ]
    assert yearly
    for note in yearly:
        assert note.source and note.source in page, note.source
    assert "15 % of the hourly ceiling" in page and "INTERNSHIP_HOURLY_BY_YEAR" in page
    assert "rates_may_be_outdated" in page
    # ... which is what the data says today for 1 January 2027: no SMIC, no ceiling yet.
    data = advise(bundle, person(20, duration_months=12), "2027-01-01")
    assert data["rates_may_be_outdated"] is True
