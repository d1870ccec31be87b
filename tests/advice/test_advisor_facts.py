"""What advisors are asked about in 2026, each fact dated and sourced: the employer's
hiring aid (décret 2026-168), the public-sector training cost (the CNFPT since 2022)
and the optional +10/+20 points for public employers (décret 2020-478). Notes hold
for the dates they name (`from`, `until`), so an earlier date shows the rule of its
day and no outdated note is shown today."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from alternance_tui.advice.load import check_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.files.paths import default_flow_path

from .support import advise, contract, person

AID = "décret 2026-168 du 6 mars 2026"


def _notes(
    bundle: Bundle, on: str, lang: str = "en", age: int = 22, **answers: object
) -> list[dict[str, Any]]:
    data = advise(bundle, person(age, duration_months=12, **answers), on, lang)
    notes = contract(data, "apprenticeship")["notes"]
    assert isinstance(notes, list)
    return notes


def _by_source(notes: list[dict[str, Any]], source: str) -> list[str]:
    return [n["text"] for n in notes if n["source"] == source]


@pytest.mark.parametrize("on", ["2026-03-08", "2026-07-01", "2026-12-31"])
def test_hiring_aid_of_decret_2026_168(bundle: Bundle, on: str) -> None:
    (text,) = _by_source(_notes(bundle, on), AID)
    assert text.startswith(
        "Hiring aid for the employer, first year (contracts concluded from 8 March 2026 "
        "and starting before 1 January 2027)"
    )
    # by company size and diploma level, and with RQTH
    for amount in (
        "under 250 staff, €5,000 up to bac level, €4,500 at bac+2, €2,000 from bac+3 to "
        "bac+5 (the IMPGT courses)",
        "250 staff or more, €2,000, €1,500 and €750, if the employer meets a quota",
        "€6,000 for an apprentice with RQTH, whatever the size and level",
    ):
        assert amount in text
    # The décret's own text was not at hand: the note says where the figures come from.
    assert "Amounts from the published summaries of the décret." in text


def test_hiring_aid_before_8_march_2026_is_the_single_aid_only(bundle: Bundle) -> None:
    notes = _notes(bundle, "2026-01-01")
    assert _by_source(notes, AID) == []
    (text,) = _by_source(notes, "Code du travail L6243-1, D6243-2")
    assert "only the single aid applies" in text
    assert "the IMPGT courses (licence, master) do not qualify" in text


@pytest.mark.parametrize("on", ["2025-06-01", "2027-01-01"])
def test_no_2026_aid_outside_2026(bundle: Bundle, on: str) -> None:
    notes = _notes(bundle, on)
    assert _by_source(notes, AID) == []


SINGLE_AID = "Code du travail L6243-1, D6243-2 (décret 2025-174)"


@pytest.mark.parametrize("on", ["2027-01-01", "2027-09-01"])
def test_from_1_january_2027_only_the_single_aid_is_known(bundle: Bundle, on: str) -> None:
    # Décret 2026-168's aid covers contracts starting before 1 January 2027; no newer
    # text was found on 2026-12-07, so the standing single aid (L6243-1, D6243-2) is
    # what is known (docs/rules/apprenticeship.md): under 250 staff, diplomas up to
    # bac level, €5,000 for the first year, €6,000 with RQTH.
    (text,) = _by_source(_notes(bundle, on), SINGLE_AID)
    assert text.startswith("Hiring aid (contracts starting from 1 January 2027)")
    assert "€5,000 for the first year (€6,000 with RQTH)" in text
    assert "fewer than 250 staff and diplomas up to bac level" in text
    assert "the IMPGT courses (licence, master) do not qualify" in text
    assert "No newer text was found on 7 December 2026" in text
    assert _by_source(_notes(bundle, "2026-12-31"), SINGLE_AID) == []
    assert _by_source(_notes(bundle, on, employer_sector="public"), SINGLE_AID) == []
    french = _by_source(_notes(bundle, on, "fr"), SINGLE_AID)
    assert len(french) == 1 and "5 000 €" in french[0]


def test_hiring_aid_with_rqth(bundle: Bundle) -> None:
    notes = _notes(bundle, "2026-04-01", age=31, situations=["rqth"])
    assert "With your RQTH status, the employer’s aid is €6,000" in " ".join(_by_source(notes, AID))
    assert len(_by_source(_notes(bundle, "2026-04-01"), AID)) == 1  # no RQTH: one note


def test_hiring_aid_is_not_shown_to_public_employers(bundle: Bundle) -> None:
    notes = _notes(bundle, "2026-04-01", employer_sector="public")
    assert _by_source(notes, AID) == []


def test_hiring_aid_in_french(bundle: Bundle) -> None:
    (text,) = _by_source(_notes(bundle, "2026-04-01", "fr"), AID)
    assert "2 000 € de bac+3 à bac+5 (les formations de l’IMPGT)" in text


@pytest.mark.parametrize("on", ["2022-01-01", "2024-12-31"])
def test_public_employer_training_cost_is_the_cnfpt_since_2022(bundle: Bundle, on: str) -> None:
    notes = _notes(bundle, on, employer_sector="public")
    cost = [n for n in notes if n["text"].startswith("Training cost")]
    assert len(cost) == 1
    assert (
        "the CNFPT pays the CFA the training cost of contracts concluded since 1 January 2022"
        in (cost[0]["text"])
    )
    assert cost[0]["source"].startswith("Code général de la fonction publique L451-11")
    # The page's décret 2020-786 (half the cost) is not what holds today.
    assert not [n for n in notes if "2020-786" in (n["source"] or "")]


def test_public_employer_training_cost_in_2021_was_half(bundle: Bundle) -> None:
    notes = _notes(bundle, "2021-06-01", employer_sector="public")
    cost = [n for n in notes if n["text"].startswith("Training cost")]
    assert len(cost) == 1
    assert "the CNFPT funds half of it" in cost[0]["text"]
    assert "décret 2020-786" in cost[0]["source"]


def test_public_employer_rise_of_10_or_20_points_is_optional(bundle: Bundle) -> None:
    notes = _notes(bundle, "2026-01-01", employer_sector="public")
    (text,) = _by_source(notes, "Code du travail D6272-2 (décret 2020-478 du 24/04/2020)")
    assert text == (
        "Pay: a public employer may add 10 or 20 points to the minimum percentages; "
        "the rise is optional."
    )
    private = _notes(bundle, "2026-01-01")
    assert not [n for n in private if "10 or 20 points" in n["text"]]


def test_a_note_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    """`until` before `from` is a data error, named with its place, before anyone runs
    the flow."""
    folder = tmp_path / "flows"
    shutil.copytree(default_flow_path().parent, folder)
    contracts = folder / "contracts.toml"
    text = contracts.read_text(encoding="utf-8")
    text = text.replace(
        "from = 2026-03-08\nuntil = 2026-12-31", "from = 2026-03-08\nuntil = 2026-01-31", 1
    )
    contracts.write_text(text, encoding="utf-8")
    built, problems, _ = check_bundle(folder / default_flow_path().name)
    assert built is None or problems
    assert any("`until` must not be before `from`" in str(p) for p in problems)


# --- the employer's €750 contribution (L6332-14, R6332-25-1, décret 2025-585) ---------

CONTRIBUTION = "Code du travail L6332-14, R6332-25-1 (décret 2025-585 du 27/06/2025)"


def _course_notes(bundle: Bundle, on: str, **answers: object) -> dict[str, list[dict[str, Any]]]:
    data = advise(bundle, person(22, duration_months=12, **answers), on)
    return {c["id"]: c["notes"] for c in data["courses"]}


@pytest.mark.parametrize("employer", ["private", "individual", "unknown"])
def test_employer_contribution_of_750_for_contracts_from_july_2025(
    bundle: Bundle, employer: str
) -> None:
    # R6332-25-1 (docs/rules/apprenticeship.md): « la somme forfaitaire de 750 € pour
    # chaque contrat d'apprentissage visant l'obtention d'un diplôme ou d'un titre à
    # finalité professionnelle équivalant au moins au niveau 6 », contracts concluded
    # from 1 July 2025 (décret 2025-585, art. 2).
    (text,) = _by_source(_notes(bundle, "2026-12-07", employer_sector=employer), CONTRIBUTION)
    assert "€750" in text
    assert "bac+3 or higher (levels 6 and 7: every IMPGT course)" in text
    assert "deducted from what its OPCO pays" in text
    assert _by_source(_notes(bundle, "2025-06-30", employer_sector=employer), CONTRIBUTION) == []
    # ... and on every course card, all of them levels 6 and 7
    courses = _course_notes(bundle, "2026-12-07", employer_sector=employer)
    assert len(courses) == 10
    for notes in courses.values():
        assert len(_by_source(notes, CONTRIBUTION)) == 1


def test_public_employers_are_told_the_750_does_not_concern_them(bundle: Bundle) -> None:
    notes = _notes(bundle, "2026-12-07", employer_sector="public")
    assert _by_source(notes, CONTRIBUTION) == []
    (text,) = [n["text"] for n in notes if "€750" in n["text"]]
    assert "does not concern the State, local authorities or hospitals" in text
    for course in _course_notes(bundle, "2026-12-07", employer_sector="public").values():
        (text,) = [n["text"] for n in course if "€750" in n["text"]]
        assert "pays the training itself" in text


def test_employer_contribution_in_french(bundle: Bundle) -> None:
    (text,) = _by_source(_notes(bundle, "2026-12-07", "fr"), CONTRIBUTION)
    assert "750 €" in text and "bac+3 ou plus" in text


# --- the CNFPT since the 2025 campaign ------------------------------------------------


@pytest.mark.parametrize("on", ["2025-01-01", "2026-12-07"])
def test_cnfpt_funds_only_levels_3_to_5_since_the_2025_campaign(bundle: Bundle, on: str) -> None:
    notes = _notes(bundle, on, employer_sector="public")
    (cost,) = [n for n in notes if n["text"].startswith("Training cost")]
    text = cost["text"]
    assert "since the 2025 campaign the CNFPT funds only diplomas of levels 3 to 5" in text
    assert "jobs under strain" in text and "census" in text
    assert "for a licence or a master’s, such as the IMPGT courses, the authority pays" in text
    assert "CNFPT" in cost["source"] and "2025" in cost["source"]
    # and on each course card, for a public employer
    for course in _course_notes(bundle, on, employer_sector="public").values():
        assert any("the CNFPT funds only diplomas of levels 3 to 5" in n["text"] for n in course)
