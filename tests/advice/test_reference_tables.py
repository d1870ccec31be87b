"""The reference tables the tests use are the ones of the project's rules notes and
source page (docs/), and the dated values in flows/rates.toml are those tables, row
by row."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from alternance_tui.advice.model import Bundle

from .reference import (
    APPRENTICESHIP,
    COURSES,
    INTERNSHIP_HOURLY_BY_YEAR,
    PROFESSIONALISATION,
    PSS,
    PSS_2019,
    REFERENCE_MDS,
    SMIC,
    day,
    half_up,
)


def _rows(text: str, header: str) -> list[list[str]]:
    """The body rows of the markdown table whose header line starts with ``header``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


@pytest.fixture(scope="module")
def markdown() -> str:
    assert REFERENCE_MDS, "docs/rules and docs/sources hold the reference tables"
    return "\n\n".join(path.read_text(encoding="utf-8") for path in REFERENCE_MDS)


def test_smic_table_is_the_reference(markdown: str) -> None:
    rows = _rows(markdown, "| from       | hourly EUR")
    assert [(r[0], r[1], r[2]) for r in rows] == [(s[0], s[1], s[2]) for s in SMIC]
    for row, ours in zip(rows, SMIC, strict=True):
        assert row[3].startswith(ours[3])


def test_pss_table_is_the_reference(markdown: str) -> None:
    rows = _rows(markdown, "| from       | monthly EUR")
    assert [(r[0], int(r[1]), int(r[2])) for r in rows] == PSS


def test_apprenticeship_grid_is_the_reference(markdown: str) -> None:
    rows = _rows(markdown, "| age            | year 1")
    assert [r[0] for r in rows] == ["under 18", "18 to 20", "21 to 25", "26 and over"]
    percents = [tuple(int(c.rstrip(" %")) for c in r[1:4]) for r in rows]
    assert percents == [band[2] for band in APPRENTICESHIP]


def test_professionalisation_grid_is_the_reference(markdown: str) -> None:
    rows = _rows(markdown, "| age          | base rate")
    assert [r[0] for r in rows] == ["under 21", "21 to 25", "26 and over"]
    assert [(int(r[1].rstrip(" %")), int(r[2].rstrip(" %"))) for r in rows[:2]] == [
        (band[2], band[3]) for band in PROFESSIONALISATION[:2]
    ]
    assert "100 % of the SMIC and 85 % of the collective-agreement minimum" in rows[2][1]


def test_internship_hourly_minimums_are_the_reference(markdown: str) -> None:
    found = re.search(
        r"(\d\.\d\d) EUR \(2020 to 2022\),\s+(\d\.\d\d) \(2023\),\s+"
        r"(\d\.\d\d) \(2024 and 2025\),\s+(\d\.\d\d) \(2026\)",
        markdown,
    )
    assert found is not None
    by_year = INTERNSHIP_HOURLY_BY_YEAR
    assert found.groups() == (by_year[2020], by_year[2023], by_year[2024], by_year[2026])
    assert by_year[2020] == by_year[2021] == by_year[2022]
    assert by_year[2024] == by_year[2025]


def test_course_table_is_the_reference(markdown: str) -> None:
    rows = _rows(markdown, "| course | year")
    ours = [(level, campus, rank) for _, level, campus, rank in COURSES]
    theirs = [(r[1], r[2], int(r[4].rstrip("thrdsn")) if r[4] else None) for r in rows]
    assert theirs == ours


# --- the data files hold the reference values, with their dates and sources ---------


def _series(bundle: Bundle, series_id: str) -> list[tuple[str, float, str]]:
    return [(v.start.isoformat(), v.value, v.source) for v in bundle.rates[series_id].values]


def test_smic_series_in_the_data(bundle: Bundle) -> None:
    monthly = _series(bundle, "smic_monthly")
    hourly = _series(bundle, "smic_hourly")
    assert [(d, Decimal(str(v))) for d, v, _ in monthly] == [(s[0], Decimal(s[2])) for s in SMIC]
    assert [(d, Decimal(str(v))) for d, v, _ in hourly] == [(s[0], Decimal(s[1])) for s in SMIC]
    for (_, _, source), row in zip(monthly, SMIC, strict=True):
        # the legal text's number or date, e.g. "2018-1173" or "27/09/2021"
        assert row[3].split()[-1] in source


@pytest.mark.parametrize(("start", "hourly", "monthly", "source"), SMIC)
def test_smic_monthly_is_hourly_times_151_67_hours(
    start: str, hourly: str, monthly: str, source: str
) -> None:
    assert half_up(Decimal(hourly) * 35 * 52 / 12) == Decimal(monthly), (start, source)


def test_pss_series_in_the_data(bundle: Bundle) -> None:
    monthly = [(d, v) for d, v, _ in _series(bundle, "pss_monthly")]
    hourly = [(d, v) for d, v, _ in _series(bundle, "pss_hourly")]
    rows = [PSS_2019, *PSS]
    assert monthly == [(r[0], r[1]) for r in rows]
    assert hourly == [(r[0], r[2]) for r in rows]


@pytest.mark.parametrize(("start", "monthly", "hourly"), [PSS_2019, *PSS])
def test_pss_hourly_is_monthly_times_12_over_1607(start: str, monthly: int, hourly: int) -> None:
    assert round(Decimal(monthly) * 12 / 1607) == hourly, start


def test_every_rate_value_is_dated_and_sourced(bundle: Bundle) -> None:
    for series in bundle.rates.values():
        for value in series.values:
            assert value.source.strip(), (series.id, value.start)
            # Amounts start with the first year estimated; figures of the law (a rate,
            # a number of hours) may have been set earlier and still hold.
            if series.unit.startswith("EUR"):
                assert value.start >= day("2019-01-01"), (series.id, value.start)
