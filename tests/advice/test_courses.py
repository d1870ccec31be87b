"""The IMPGT courses: the page's catalogue (its duplicated M1 once), entry by
diploma, ordering by interests and campus, and why the closed ones are closed."""

from __future__ import annotations

from typing import Any

import pytest

from alternance_tui.advice.model import Bundle

from .reference import COURSES
from .support import advise, contract, course, person

L3 = {"l3-public-management"}
M1 = {"m1-cultural-management", "m1-health-social-management"}
M2 = {c[0] for c in COURSES if c[1] == "M2"}


def _courses(bundle: Bundle, lang: str = "en", **answers: object) -> list[dict[str, object]]:
    courses = advise(bundle, person(24, **answers), lang=lang)["courses"]
    assert isinstance(courses, list)
    return courses


def test_catalogue_is_the_page(bundle: Bundle) -> None:
    courses = {c["id"]: c for c in _courses(bundle)}
    assert set(courses) == {c[0] for c in COURSES}
    for course_id, level, campus, ranking in COURSES:
        item = courses[course_id]
        assert (item["level"], item["campus"], item.get("ranking")) == (level, campus, ranking)
        assert item["training"] == "Initial or continuing training"


def test_duplicated_m1_appears_once(bundle: Bundle) -> None:
    courses = _courses(bundle)
    mdomc_m1 = [c for c in courses if "MDOMC" in str(c["title"]) and c["level"] == "M1"]
    assert len(mdomc_m1) == 1
    assert len({c["id"] for c in courses}) == len(courses) == 10


def test_quality_course_work_linked_since_september_2022(bundle: Bundle) -> None:
    assert course({"courses": _courses(bundle)}, "m2-quality-risk")["rhythm"] == (
        "Work-linked (since September 2022)"
    )


@pytest.mark.parametrize(
    ("diploma", "open_"),
    [
        ("none", set()),
        ("bac_general", set()),
        ("bac_technological", set()),
        ("bac_professional", set()),
        ("bac2", L3),  # L3 after an L2 (bac+2)
        ("licence", L3 | M1),  # M1 after a licence
        ("m1", L3 | M1 | M2),  # M2 after an M1
        ("master", L3 | M1 | M2),
    ],
)
def test_entry_by_diploma(bundle: Bundle, diploma: str, open_: set[str]) -> None:
    courses = _courses(bundle, diploma=diploma)
    assert {c["id"] for c in courses if c["eligible"]} == open_
    # open courses first
    flags = [c["eligible"] for c in courses]
    assert flags == sorted(flags, reverse=True)


@pytest.mark.parametrize(
    ("course_id", "why"),
    [
        ("l3-public-management", "Not open yet: the L3 follows an L2 (bac+2)"),
        ("m1-cultural-management", "Not open yet: the M1 follows a licence (bac+3)"),
        ("m2-public-marketing", "Not open yet: the M2 follows an M1 (bac+4)"),
    ],
)
def test_closed_courses_say_why(bundle: Bundle, course_id: str, why: str) -> None:
    item = course({"courses": _courses(bundle, diploma="bac_general")}, course_id)
    assert item["eligible"] is False
    assert item["reasons"] == [f"{why}; your highest diploma: General baccalaureate."]


def test_open_course_says_why(bundle: Bundle) -> None:
    item = course({"courses": _courses(bundle, diploma="licence")}, "m1-health-social-management")
    assert item["reasons"] == [
        "Open after a licence (bac+3): your highest diploma, "
        "Bachelor’s degree, licence (bac+3), gives access."
    ]


def test_no_interest_keeps_the_page_order(bundle: Bundle) -> None:
    ids = [c["id"] for c in _courses(bundle, diploma="master")]
    assert ids == [c[0] for c in COURSES]


def test_interest_puts_the_matching_courses_first(bundle: Bundle) -> None:
    courses = _courses(bundle, diploma="master", interests=["culture"])
    assert [c["id"] for c in courses[:2]] == ["m1-cultural-management", "m2-cultural-management"]
    assert courses[0]["fit"] == ["Matches your interest in culture."]


def test_campus_preference_orders_marseille_first(bundle: Bundle) -> None:
    courses = _courses(bundle, diploma="master", campus="marseille")
    assert [c["id"] for c in courses[:2]] == ["m2-quality-risk", "m2-security-territories"]
    assert "On the campus you prefer (Marseille)." in courses[0]["fit"]


def test_interest_outweighs_campus(bundle: Bundle) -> None:
    courses = _courses(bundle, diploma="master", interests=["security"], campus="aix")
    assert courses[0]["id"] == "m2-security-territories"


def test_open_courses_stay_before_closed_ones_whatever_the_fit(bundle: Bundle) -> None:
    courses = _courses(bundle, diploma="licence", interests=["communication"], campus="aix")
    ids = [c["id"] for c in courses]
    assert ids.index("m2-public-marketing") > max(ids.index(i) for i in L3 | M1)


def test_titles_in_french(bundle: Bundle) -> None:
    item = course({"courses": _courses(bundle, lang="fr")}, "m2-quality-risk")
    assert item["title"] == "Master 2 Management de la qualité et des risques sociétaux"
    assert item["rhythm"] == "Alternance (depuis septembre 2022)"


def test_descriptions_in_both_languages(bundle: Bundle) -> None:
    english = course({"courses": _courses(bundle)}, "m2-security-territories")
    french = course({"courses": _courses(bundle, lang="fr")}, "m2-security-territories")
    assert "civil security" in english["summary"] and "ENSOSP" in english["summary"]
    assert "sécurité civile" in french["summary"] and "ENSOSP" in french["summary"]


def _course_years(data: dict[str, Any], course_id: str) -> list[tuple[int, int, float]] | None:
    course = next(c for c in data["courses"] if c["id"] == course_id)
    if course["pay"] is None:
        return None
    return [(y["year"], y["grid_year"], y["monthly_gross_eur"]) for y in course["pay"]["years"]]


def test_each_course_shows_the_apprenticeship_pay_for_entering_it(bundle: Bundle) -> None:
    # 22, M1 held, planning 24 months: a one-year M2 pays the second year's rate
    # whatever the length answered; the M1 leads on to the M2 in two years.
    data = advise(bundle, person(22, diploma="m1", duration_months=24), "2026-01-01")
    assert _course_years(data, "m2-public-marketing") == [(1, 2, 1112.05)]
    assert _course_years(data, "m1-cultural-management") == [(1, 1, 966.21), (2, 2, 1112.05)]
    assert _course_years(data, "l3-public-management") == [(1, 3, 1421.96)]


def test_no_course_pay_when_the_course_or_the_apprenticeship_is_closed(bundle: Bundle) -> None:
    data = advise(bundle, person(22, diploma="licence"), "2026-01-01")
    assert _course_years(data, "m2-public-marketing") is None  # the M2 is not open yet
    closed = person(40, diploma="m1", situations=[], jobseeker_or_benefits=False)
    data = advise(bundle, closed, "2026-01-01")
    assert contract(data, "apprenticeship")["eligible"] is False
    assert _course_years(data, "m2-public-marketing") is None
