"""The tables of the project's rules notes (docs/rules/*.md) and source page
(docs/sources/*.md), typed in by hand, and what the tests compute from them.

Expected amounts in the tests come from here, never from the code under test:
percentage x reference value, rounded half up to the cent, as payslips round.
test_reference_tables.py checks these tables against the markdown files
themselves, so a transcription slip cannot hide.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
# Where the tables live: every rules note and source page of the repository, in a
# fixed order (a table is found by its header line, whichever file holds it).
REFERENCE_MDS = sorted([*(DOCS / "rules").glob("*.md"), *(DOCS / "sources").glob("*.md")])

# SMIC, metropolitan France: (from, hourly, monthly, legal source)
SMIC: list[tuple[str, str, str, str]] = [
    ("2019-01-01", "10.03", "1521.22", "décret 2018-1173"),
    ("2020-01-01", "10.15", "1539.42", "décret 2019-1387"),
    ("2021-01-01", "10.25", "1554.58", "décret 2020-1598"),
    ("2021-10-01", "10.48", "1589.47", "arrêté 27/09/2021"),
    ("2022-01-01", "10.57", "1603.12", "décret 2021-1741"),
    ("2022-05-01", "10.85", "1645.58", "arrêté 19/05/2022"),
    ("2022-08-01", "11.07", "1678.95", "arrêté 29/07/2022"),
    ("2023-01-01", "11.27", "1709.28", "décret 2022-1608"),
    ("2023-05-01", "11.52", "1747.20", "arrêté 26/04/2023"),
    ("2024-01-01", "11.65", "1766.92", "décret of 20/12/2023"),
    ("2024-11-01", "11.88", "1801.80", "décret 2024-951"),
    ("2026-01-01", "12.02", "1823.03", "décret 2025-1228"),
    ("2026-06-01", "12.31", "1867.02", "arrêté 22/05/2026"),
]

# Monthly social-security ceiling and its hourly value: (from, monthly, hourly)
PSS: list[tuple[str, int, int]] = [
    ("2020-01-01", 3428, 26),
    ("2023-01-01", 3666, 27),
    ("2024-01-01", 3864, 29),
    ("2025-01-01", 3925, 29),
    ("2026-01-01", 4005, 30),
]
# Beyond the reference (its ceiling table starts in 2020): the 2019 ceiling of the
# arrêté du 11/12/2018, which the data adds so that dates in 2019 can be estimated.
PSS_2019 = ("2019-01-01", 3377, 25)

# Apprenticeship, percent of the SMIC by age band and contract year (D6222-26).
APPRENTICESHIP: list[tuple[int, int, tuple[int, int, int]]] = [
    (0, 17, (27, 39, 55)),  # under 18
    (18, 20, (43, 51, 67)),
    (21, 25, (53, 61, 78)),
    (26, 200, (100, 100, 100)),  # 26 and over
]

# Professionalisation, percent of the SMIC: (first age, last age, base, higher).
# From 26: the higher of 100 % of the SMIC and 85 % of the agreement minimum.
PROFESSIONALISATION: list[tuple[int, int, int, int]] = [
    (0, 20, 55, 65),  # under 21
    (21, 25, 70, 80),
    (26, 200, 100, 100),  # 26 and over
]
PROFESSIONALISATION_AGREEMENT_PERCENT = 85
# D6325-15: the higher rate needs "une qualification au moins égale à celle d'un
# baccalauréat professionnel ou d'un titre ou diplôme à finalité professionnelle de
# même niveau": no bac, a general or a technological bac -> base rate; a professional
# bac or any higher-education diploma -> higher rate (docs/rules/professionalisation.md).
BASE_RATE_DIPLOMAS = ("none", "bac_general", "bac_technological")
HIGHER_RATE_DIPLOMAS = (
    "bac_professional",
    "bac2",
    "licence",
    "m1",
    "master",
)

# Internship bonus (D124-8): 15 % of the hourly ceiling, as the reference states it.
INTERNSHIP_PERCENT = 15
INTERNSHIP_HOURLY_BY_YEAR: dict[int, str] = {
    2020: "3.90",
    2021: "3.90",
    2022: "3.90",
    2023: "4.05",
    2024: "4.35",
    2025: "4.35",
    2026: "4.50",
}
# Length in hours of presence (D124-6): 7 hours a day, 22 days a month.
BONUS_FROM_HOUR = 2 * 22 * 7 + 1  # more than 2 months: from the 309th hour
INTERNSHIP_MAX_HOURS = 6 * 22 * 7  # 6 months: 924 hours

# The dates the issue asks amounts at, and the SMIC in force on each.
DATES = ["2021-06-15", "2023-03-01", "2026-01-01", "2026-07-01"]
# Start ages on each side of every age band boundary.
BOUNDARY_AGES = [17, 18, 20, 21, 25, 26, 29, 30, 34, 35]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def half_up(value: Decimal | Fraction) -> Decimal:
    """Euros rounded to the cent, halves up."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def smic_monthly(on: str | dt.date) -> Decimal:
    when = day(on) if isinstance(on, str) else on
    found = [row for row in SMIC if day(row[0]) <= when]
    return Decimal(found[-1][2])


def pss_hourly(on: str | dt.date) -> int:
    when = day(on) if isinstance(on, str) else on
    found = [row for row in [PSS_2019, *PSS] if day(row[0]) <= when]
    return found[-1][2]


def percent_of(percent: int, base: Decimal | str | float) -> Decimal:
    return half_up(Decimal(percent) / 100 * Decimal(str(base)))


def apprenticeship_percent(age: int, year: int) -> int:
    for low, high, by_year in APPRENTICESHIP:
        if low <= age <= high:
            return by_year[year - 1]
    raise AssertionError(f"no apprenticeship band for age {age}")


def professionalisation_percent(age: int, diploma: str) -> int:
    for low, high, base, higher in PROFESSIONALISATION:
        if low <= age <= high:
            return base if diploma in BASE_RATE_DIPLOMAS else higher
    raise AssertionError(f"no professionalisation band for age {age}")


def internship_hours(months: float, weekly: float) -> Fraction:
    return Fraction(str(months)) * Fraction(str(weekly)) * 52 / 12


# The IMPGT course table: (course id in flows/courses.toml, year, campus, ranking).
COURSES: list[tuple[str, str, str, int | None]] = [
    ("l3-public-management", "L3", "Aix-en-Provence", None),
    ("m1-cultural-management", "M1", "Aix-en-Provence", None),
    ("m2-cultural-management", "M2", "Aix-en-Provence", 15),
    ("m1-health-social-management", "M1", "Aix-en-Provence", None),
    ("m2-health-social-management", "M2", "Aix-en-Provence", 13),
    ("m2-place-marketing", "M2", "Aix-en-Provence", None),
    ("m2-public-marketing", "M2", "Aix-en-Provence", 3),
    ("m2-quality-risk", "M2", "Marseille", 9),
    ("m2-security-territories", "M2", "Marseille (and ENSOSP)", None),
    ("m2-public-administrations-management", "M2", "Aix-en-Provence", 5),
]
